using Microsoft.EntityFrameworkCore;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Storage;
using F = Tilannekuva.Programme.Editing.EditableField;

namespace Tilannekuva.Programme.Editing;

/// <summary>The catalogue of editable programme entities, by the short names used in URLs ("/edit/risk/12").</summary>
public static class EditableTypes
{
    private static readonly F[] MetricFields =
    [
        new("Name", FieldKind.Text, Required: true), new("Kind", FieldKind.Enum, EnumType: typeof(MetricKind)),
        new("Unit", FieldKind.Text), new("HigherIsBetter", FieldKind.Bool), new("Baseline", FieldKind.Decimal),
        new("BaselineNote", FieldKind.Text), new("ScaleMin", FieldKind.Decimal), new("ScaleMax", FieldKind.Decimal),
        new("IndicatorCode", FieldKind.Text),
    ];

    private static readonly F[] RiskFields =
    [
        new("Description", FieldKind.LongText, Required: true), new("Probability", FieldKind.Int, Required: true, Min: 1, Max: 5),
        new("Impact", FieldKind.Int, Required: true, Min: 1, Max: 5), new("Score", FieldKind.Int, Min: 1, Max: 25),
        new("Mitigation", FieldKind.LongText), new("Owner", FieldKind.Text),
    ];

    public static readonly IReadOnlyList<EditableType> All =
    [
        new("programme", typeof(DevelopmentProgramme), "", EditScope.Programme,
            [new("Name", FieldKind.Text, Required: true), new("StartYear", FieldKind.Int, Min: 2000, Max: 2100), new("EndYear", FieldKind.Int, Min: 2000, Max: 2100),
             new("Funder", FieldKind.Text), new("Description", FieldKind.LongText)],
            (db, id, ct) => Task.FromResult<ParentLink?>(new(id, null))),
        new("pillar", typeof(Pillar), nameof(Pillar.ProgrammeId), EditScope.Programme,
            [new("Code", FieldKind.Text, Required: true), new("Title", FieldKind.Text, Required: true), new("Order", FieldKind.Int)],
            InProgramme),
        new("investment", typeof(Investment), nameof(Investment.PillarId), EditScope.Programme,
            [new("Code", FieldKind.Text, Required: true), new("Title", FieldKind.Text, Required: true), new("CostEstimate", FieldKind.Decimal), new("Order", FieldKind.Int)],
            async (db, pillarId, ct) => await db.Pillars.Where(p => p.Id == pillarId).Select(p => new ParentLink(p.ProgrammeId, null)).FirstOrDefaultAsync(ct)),
        new("workpackage", typeof(WorkPackage), nameof(WorkPackage.InvestmentId), EditScope.Programme,
            [new("Code", FieldKind.Text, Required: true), new("Title", FieldKind.Text, Required: true), new("Responsible", FieldKind.Text),
             new("ServiceArea", FieldKind.Text), new("Start", FieldKind.Date), new("End", FieldKind.Date), new("CostEstimate", FieldKind.Decimal),
             new("Background", FieldKind.LongText), new("Order", FieldKind.Int)],
            async (db, investmentId, ct) => await db.Investments.Where(i => i.Id == investmentId).Select(i => new ParentLink(i.Pillar!.ProgrammeId, null)).FirstOrDefaultAsync(ct)),
        new("assignment", typeof(WorkPackageAssignment), nameof(WorkPackageAssignment.WorkPackageId), EditScope.Ownership,
            [new("UserName", FieldKind.Text, Required: true)], InWorkPackage),
        new("goal", typeof(Goal), nameof(Goal.WorkPackageId), EditScope.WorkPackage,
            [new("Text", FieldKind.LongText, Required: true), new("Order", FieldKind.Int)], InWorkPackage),
        new("action", typeof(WorkAction), nameof(WorkAction.WorkPackageId), EditScope.WorkPackage,
            [new("Number", FieldKind.Int, Required: true, Min: 1), new("Title", FieldKind.LongText, Required: true)], InWorkPackage),
        new("actionstatus", typeof(ActionStatusEntry), nameof(ActionStatusEntry.WorkActionId), EditScope.WorkPackage,
            [new("Status", FieldKind.Enum, Required: true, EnumType: typeof(ActionStatus)), new("Date", FieldKind.Date, Required: true),
             new("PostponedTo", FieldKind.Date), new("Comment", FieldKind.LongText)],
            async (db, actionId, ct) => await db.Actions.Where(a => a.Id == actionId)
                .Join(db.WorkPackages, a => a.WorkPackageId, w => w.Id, (a, w) => new ParentLink(w.Investment!.Pillar!.ProgrammeId, w.Id)).FirstOrDefaultAsync(ct)),
        new("output", typeof(Output), nameof(Output.WorkPackageId), EditScope.WorkPackage,
            [new("Text", FieldKind.LongText, Required: true), new("Order", FieldKind.Int)], InWorkPackage),
        new("milestone", typeof(Milestone), nameof(Milestone.WorkPackageId), EditScope.WorkPackage,
            [new("Period", FieldKind.Text, Required: true), new("Due", FieldKind.Date), new("Text", FieldKind.LongText, Required: true), new("Done", FieldKind.Bool)], InWorkPackage),
        new("budgetline", typeof(BudgetLine), nameof(BudgetLine.WorkPackageId), EditScope.WorkPackage,
            [new("Category", FieldKind.Text, Required: true), new("Planned", FieldKind.Decimal), new("Actual", FieldKind.Decimal), new("Forecast", FieldKind.Decimal), new("Note", FieldKind.Text)], InWorkPackage),
        new("procurement", typeof(ProcurementLine), nameof(ProcurementLine.WorkPackageId), EditScope.WorkPackage,
            [new("Description", FieldKind.Text, Required: true), new("Amount", FieldKind.Decimal), new("Status", FieldKind.Text), new("Note", FieldKind.Text)], InWorkPackage),
        new("risk", typeof(Risk), nameof(Risk.WorkPackageId), EditScope.WorkPackage, RiskFields, InWorkPackage),
        new("programmerisk", typeof(Risk), nameof(Risk.ProgrammeId), EditScope.Programme, RiskFields, InProgramme),
        new("metric", typeof(Metric), nameof(Metric.WorkPackageId), EditScope.WorkPackage, MetricFields, InWorkPackage),
        new("programmemetric", typeof(Metric), nameof(Metric.ProgrammeId), EditScope.Programme, MetricFields, InProgramme),
        new("target", typeof(MetricTarget), nameof(MetricTarget.MetricId), EditScope.WorkPackage,
            [new("Value", FieldKind.Decimal), new("TextValue", FieldKind.Text), new("DuePeriod", FieldKind.Text)], InMetric),
        new("measurement", typeof(Measurement), nameof(Measurement.MetricId), EditScope.WorkPackage,
            [new("Date", FieldKind.Date, Required: true), new("Value", FieldKind.Decimal), new("TextValue", FieldKind.Text), new("N", FieldKind.Int, Min: 0), new("Source", FieldKind.Text)], InMetric),
        new("planchange", typeof(PlanChange), nameof(PlanChange.ProgrammeId), EditScope.Programme,
            [new("Description", FieldKind.LongText, Required: true), new("Date", FieldKind.Date, Required: true),
             new("Status", FieldKind.Enum, EnumType: typeof(PlanChangeStatus)), new("WorkPackageId", FieldKind.Int)], InProgramme),
        // The written account of a work package for one review period (katsausteksti): its planners write it.
        new("reviewnote", typeof(WorkPackageReviewNote), nameof(WorkPackageReviewNote.WorkPackageId), EditScope.WorkPackage,
            [new("Date", FieldKind.Date, Required: true), new("Text", FieldKind.LongText, Required: true)], InWorkPackage),
        // The finance comment of an investment for one review period: the director's (investments are programme structure).
        new("financenote", typeof(InvestmentFinanceNote), nameof(InvestmentFinanceNote.InvestmentId), EditScope.Programme,
            [new("Date", FieldKind.Date, Required: true), new("Text", FieldKind.LongText, Required: true)],
            async (db, investmentId, ct) => await db.Investments.Where(i => i.Id == investmentId).Select(i => new ParentLink(i.Pillar!.ProgrammeId, null)).FirstOrDefaultAsync(ct)),
        new("reviewmeeting", typeof(ReviewMeeting), nameof(ReviewMeeting.ProgrammeId), EditScope.Programme,
            [new("Date", FieldKind.Date, Required: true), new("Note", FieldKind.Text)], InProgramme),
    ];

    private static readonly Dictionary<string, EditableType> ByName = All.ToDictionary(t => t.Name);

    public static EditableType? Find(string name) => ByName.GetValueOrDefault(name.ToLowerInvariant());

    private static Task<ParentLink?> InProgramme(ProgrammeDbContext db, int programmeId, CancellationToken ct) =>
        db.Programmes.Where(p => p.Id == programmeId).Select(p => new ParentLink(p.Id, null)).FirstOrDefaultAsync(ct)!;

    private static Task<ParentLink?> InWorkPackage(ProgrammeDbContext db, int workPackageId, CancellationToken ct) =>
        db.WorkPackages.Where(w => w.Id == workPackageId).Select(w => new ParentLink(w.Investment!.Pillar!.ProgrammeId, w.Id)).FirstOrDefaultAsync(ct)!;

    /// <summary>A metric is inside a work package, or at programme level when its WorkPackageId is null.</summary>
    private static Task<ParentLink?> InMetric(ProgrammeDbContext db, int metricId, CancellationToken ct) =>
        db.Metrics.Where(m => m.Id == metricId).Select(m => new ParentLink(m.ProgrammeId, m.WorkPackageId)).FirstOrDefaultAsync(ct)!;
}

using Tilannekuva.Programme.Checks;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Programme.Review;

/// <summary>
/// Ohjausryhmäkatsaus: everything a steering-group review shows, as of one meeting date. A snapshot —
/// it holds no domain entities, so renderers (web, PPTX, DOCX, monthly report) cannot change the programme.
/// </summary>
public sealed record ReviewModel(
    int ProgrammeId,
    string ProgrammeName,
    // 0 when the programme has no years set; see HasPeriod.
    int StartYear,
    int EndYear,
    DateOnly MeetingDate,
    // Date of the previous review meeting, or three months before when there was none.
    DateOnly PreviousReview,
    bool HasPreviousMeeting,
    IReadOnlyList<MetricView> ProgrammeMetrics,
    IReadOnlyList<WorkPackageView> WorkPackages,
    IReadOnlyList<InvestmentBudget> Budget,
    IReadOnlyList<RiskView> Risks,
    IReadOnlyList<PlanChangeView> PlanChanges,
    ChangesSinceReview Changes,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>Whether the programme's years are set (a new programme may have none).</summary>
    public bool HasPeriod => StartYear > 0 && EndYear >= StartYear;
}

/// <summary>A point of a metric's measurement series.</summary>
public sealed record SeriesPoint(DateOnly Date, decimal? Value, string? TextValue, int? N);

/// <summary>A target with its due period (null when it has none or it cannot be read).</summary>
public sealed record TargetPoint(decimal? Value, string? TextValue, string? DuePeriodText, Period? Due);

/// <summary>Mittari as of the meeting: latest value against the target that is due next, traffic light and series.</summary>
public sealed record MetricView(
    int MetricId,
    string Name,
    MetricKind Kind,
    string Unit,
    bool HigherIsBetter,
    decimal? Baseline,
    // True when the values came from the computed-values hook (an indicator) rather than typed measurements.
    bool Computed,
    SeriesPoint? Latest,
    TargetPoint? Target,
    TrafficLight Light,
    IReadOnlyList<SeriesPoint> Series,
    IReadOnlyList<TargetPoint> Targets)
{
    /// <summary>Whether the series has numbers to draw.</summary>
    public bool HasNumericSeries => Series.Any(s => s.Value is not null);
}

/// <summary>Toimenpide with its status as of the meeting (null when no status had been recorded by then).</summary>
public sealed record ActionView(int ActionId, int Number, string Title, ActionStatus? Status, DateOnly? StatusDate, DateOnly? PostponedTo, string Comment);

/// <summary>Planned, actual and forecast euros, with use % = actual / planned (null when nothing is planned).</summary>
public sealed record Money(decimal Planned, decimal Actual, decimal Forecast)
{
    public decimal? UsePercent => Planned == 0 ? null : Math.Round(Actual / Planned * 100m, 1, MidpointRounding.AwayFromZero);
    public static Money Sum(IEnumerable<Money> items)
    {
        decimal p = 0, a = 0, f = 0;
        foreach (var m in items) { p += m.Planned; a += m.Actual; f += m.Forecast; }
        return new(p, a, f);
    }
}

/// <summary>Työpaketti on its own slide.</summary>
public sealed record WorkPackageView(
    int WorkPackageId,
    string PillarCode,
    string PillarTitle,
    string InvestmentCode,
    string InvestmentTitle,
    string Code,
    string Title,
    string Responsible,
    IReadOnlyList<string> Assignees,
    IReadOnlyList<string> Goals,
    IReadOnlyList<ActionView> Actions,
    IReadOnlyList<MetricView> Metrics,
    Money Budget,
    // Whether the work package has budget lines at all (a work package without any shows no budget line).
    bool HasBudget,
    int OverdueMilestones,
    // Katsausteksti: what was done in this review period, as written for the review.
    IReadOnlyList<ReviewNoteView> Notes,
    IReadOnlyList<ProcurementView> Procurements)
{
    /// <summary>The metric whose trend is drawn: the first one with numbers, else none.</summary>
    public MetricView? MainMetric => Metrics.FirstOrDefault(m => m.HasNumericSeries);
}

/// <summary>
/// Budget of one investment: its cost estimate and the sum of its work packages' budget lines, with its
/// work packages' procurements and the finance comments written for this review period.
/// </summary>
public sealed record InvestmentBudget(string PillarCode, string InvestmentCode, string Title, decimal CostEstimate, Money Money,
    IReadOnlyList<ProcurementView> Procurements, IReadOnlyList<ReviewNoteView> FinanceNotes);

/// <summary>A written account or finance comment of the review period, with the date it is written for.</summary>
public sealed record ReviewNoteView(DateOnly Date, string Text);

/// <summary>Hankinta of a work package, as listed under its investment.</summary>
public sealed record ProcurementView(string WorkPackageCode, string Description, decimal Amount, string Status);

/// <summary>Riski for the matrix; WorkPackageId and WorkPackageCode are null for the programme's own risks.</summary>
public sealed record RiskView(int RiskId, int? WorkPackageId, string? WorkPackageCode, string Description,
    int Probability, int Impact, int Score, string Mitigation, string Owner);

/// <summary>Hankesuunnitelmamuutos.</summary>
public sealed record PlanChangeView(int PlanChangeId, DateOnly Date, string Description, PlanChangeStatus Status, string? WorkPackageCode);

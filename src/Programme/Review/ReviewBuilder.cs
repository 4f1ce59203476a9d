using Tilannekuva.Programme.Checks;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Programme.Review;

/// <summary>Builds the <see cref="ReviewModel"/> (ohjausryhmäkatsaus) of a fully loaded programme for one meeting date.</summary>
public static class ReviewBuilder
{
    /// <summary>Window of "changes since the last review" when no earlier meeting is recorded.</summary>
    public const int DefaultWindowMonths = 3;

    /// <param name="p">The programme with its whole graph loaded.</param>
    /// <param name="meetingDate">The meeting; statuses and values are taken as of this date (inclusive).</param>
    /// <param name="computed">
    /// Optional: computed values for a metric linked to an indicator (<see cref="Metric.IndicatorCode"/>).
    /// Return null to use the typed measurements of that metric. Default: typed measurements everywhere.
    /// </param>
    public static ReviewModel Build(DevelopmentProgramme p, DateOnly meetingDate, Func<Metric, IReadOnlyList<Measurement>?>? computed = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        var previous = p.ReviewMeetings.Where(m => m.Date < meetingDate).OrderByDescending(m => m.Date).FirstOrDefault();
        var since = previous?.Date ?? meetingDate.AddMonths(-DefaultWindowMonths);

        // The review period: after the previous meeting, up to and including this one.
        bool InPeriod(DateOnly d) => d > since && d <= meetingDate;
        var workPackages = OrderedWorkPackages(p).Select(wp => WorkPackage(wp, meetingDate, computed, InPeriod)).ToList();

        var budget = p.Pillars.OrderBy(x => x.Order).ThenBy(x => x.Code, StringComparer.Ordinal)
            .SelectMany(pillar => pillar.Investments.OrderBy(i => i.Order).ThenBy(i => i.Code, StringComparer.Ordinal)
                .Select(i => new InvestmentBudget(pillar.Code, i.Code, i.Title, i.CostEstimate,
                    Money.Sum(i.WorkPackages.Select(Budget)),
                    i.WorkPackages.OrderBy(w => w.Order).ThenBy(w => w.Code, StringComparer.Ordinal)
                        .SelectMany(w => Procurements(w)).ToList().AsReadOnly(),
                    Notes(i.FinanceNotes.Select(n => (n.Id, n.Date, n.Text)), InPeriod))))
            .ToList();

        // The plan's own risk table (programme level) first, then each work package's risks.
        var risks = p.Risks.Where(r => r.WorkPackageId is null)
            .Select(r => new RiskView(r.Id, null, null, r.Description, r.Probability, r.Impact, r.Score, r.Mitigation, r.Owner))
            .Concat(OrderedWorkPackages(p).SelectMany(wp => wp.Risks.Select(r => new RiskView(r.Id, wp.Id, wp.Code, r.Description,
                r.Probability, r.Impact, r.Score, r.Mitigation, r.Owner))))
            .OrderByDescending(r => r.Probability * r.Impact).ThenBy(r => r.RiskId)
            .ToList();

        var codes = OrderedWorkPackages(p).ToDictionary(w => w.Id, w => w.Code);
        var changes = p.PlanChanges
            .Where(c => c.Date <= meetingDate || c.Status == PlanChangeStatus.InPreparation)
            .OrderBy(c => c.Date).ThenBy(c => c.Id)
            .Select(c => new PlanChangeView(c.Id, c.Date, c.Description, c.Status,
                c.WorkPackageId is { } id && codes.TryGetValue(id, out var code) ? code : null))
            .ToList();

        return new ReviewModel(
            p.Id, p.Name, p.StartYear, p.EndYear, meetingDate, since, previous is not null,
            p.Metrics.Select(m => Metric(m, meetingDate, computed)).ToList().AsReadOnly(),
            workPackages.AsReadOnly(),
            budget.AsReadOnly(),
            risks.AsReadOnly(),
            changes.AsReadOnly(),
            ChangesSinceReview.Compute(p, since, meetingDate, computed),
            ConsistencyChecks.Run(p));
    }

    /// <summary>Work packages ordered by pillar, investment and their own order (then code).</summary>
    public static IEnumerable<WorkPackage> OrderedWorkPackages(DevelopmentProgramme p) =>
        p.Pillars.OrderBy(x => x.Order).ThenBy(x => x.Code, StringComparer.Ordinal)
            .SelectMany(x => x.Investments.OrderBy(i => i.Order).ThenBy(i => i.Code, StringComparer.Ordinal))
            .SelectMany(i => i.WorkPackages.OrderBy(w => w.Order).ThenBy(w => w.Code, StringComparer.Ordinal));

    /// <summary>The measurements that count for a metric: computed ones when the hook gives some, else the typed ones.</summary>
    public static IReadOnlyList<Measurement> Series(Metric metric, Func<Metric, IReadOnlyList<Measurement>?>? computed) =>
        computed?.Invoke(metric) ?? metric.Measurements;

    public static MetricView Metric(Metric metric, DateOnly asOf, Func<Metric, IReadOnlyList<Measurement>?>? computed = null)
    {
        var values = computed?.Invoke(metric);
        var assessed = values is null ? metric : WithMeasurements(metric, values);
        var a = MetricAssessment.Of(assessed, asOf);
        var series = assessed.Measurements.Where(m => m.Date <= asOf)
            .OrderBy(m => m.Date).ThenBy(m => m.Id)
            .Select(Point).ToList();
        var targets = metric.Targets.Select(Target)
            .OrderBy(t => t.Due?.End ?? DateOnly.MaxValue).ToList();
        return new MetricView(metric.Id, metric.Name, metric.Kind, metric.Unit, metric.HigherIsBetter, metric.Baseline,
            values is not null, a.Latest is null ? null : Point(a.Latest), a.Target is null ? null : Target(a.Target),
            a.Light, series.AsReadOnly(), targets.AsReadOnly());
    }

    /// <summary>Status of an action as of a date: its latest history entry dated on or before it.</summary>
    public static ActionStatusEntry? StatusAsOf(WorkAction action, DateOnly asOf) =>
        ChangesSinceReview.Latest(action.History.Where(h => h.Date <= asOf));

    public static Money Budget(WorkPackage wp) =>
        new(wp.BudgetLines.Sum(b => b.Planned), wp.BudgetLines.Sum(b => b.Actual), wp.BudgetLines.Sum(b => b.Forecast));

    private static IReadOnlyList<ProcurementView> Procurements(WorkPackage wp) =>
        wp.ProcurementLines.OrderBy(x => x.Id).Select(x => new ProcurementView(wp.Code, x.Description, x.Amount, x.Status)).ToList().AsReadOnly();

    private static IReadOnlyList<ReviewNoteView> Notes(IEnumerable<(int Id, DateOnly Date, string Text)> notes, Func<DateOnly, bool> inPeriod) =>
        notes.Where(n => inPeriod(n.Date) && !string.IsNullOrWhiteSpace(n.Text))
            .OrderBy(n => n.Date).ThenBy(n => n.Id).Select(n => new ReviewNoteView(n.Date, n.Text.Trim())).ToList().AsReadOnly();

    private static WorkPackageView WorkPackage(WorkPackage wp, DateOnly asOf, Func<Metric, IReadOnlyList<Measurement>?>? computed, Func<DateOnly, bool> inPeriod)
    {
        var investment = wp.Investment;
        var pillar = investment?.Pillar;
        var actions = wp.Actions.OrderBy(a => a.Number).ThenBy(a => a.Id).Select(a =>
        {
            var s = StatusAsOf(a, asOf);
            return new ActionView(a.Id, a.Number, a.Title, s?.Status, s?.Date, s?.PostponedTo, s?.Comment ?? "");
        }).ToList();
        return new WorkPackageView(
            wp.Id, pillar?.Code ?? "", pillar?.Title ?? "", investment?.Code ?? "", investment?.Title ?? "",
            wp.Code, wp.Title, wp.Responsible,
            wp.Assignments.Select(x => x.UserName).Order(StringComparer.Ordinal).ToList().AsReadOnly(),
            wp.Goals.OrderBy(g => g.Order).Select(g => g.Text).ToList().AsReadOnly(),
            actions.AsReadOnly(),
            wp.Metrics.Select(m => Metric(m, asOf, computed)).ToList().AsReadOnly(),
            Budget(wp),
            wp.BudgetLines.Count > 0,
            wp.Milestones.Count(m => !m.Done && m.Due is { } due && due < asOf),
            Notes(wp.ReviewNotes.Select(n => (n.Id, n.Date, n.Text)), inPeriod),
            Procurements(wp));
    }

    private static SeriesPoint Point(Measurement m) => new(m.Date, m.Value, m.TextValue, m.N);

    private static TargetPoint Target(MetricTarget t) =>
        new(t.Value, t.TextValue, t.DuePeriod, Period.TryParse(t.DuePeriod, out var p) ? p : null);

    private static Metric WithMeasurements(Metric m, IReadOnlyList<Measurement> values) => new()
    {
        Id = m.Id, ProgrammeId = m.ProgrammeId, WorkPackageId = m.WorkPackageId, Name = m.Name, Kind = m.Kind,
        Unit = m.Unit, HigherIsBetter = m.HigherIsBetter, Baseline = m.Baseline, BaselineNote = m.BaselineNote,
        ScaleMin = m.ScaleMin, ScaleMax = m.ScaleMax, IndicatorCode = m.IndicatorCode,
        Targets = m.Targets, Measurements = [.. values],
    };
}

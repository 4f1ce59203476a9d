using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Programme.Review;

/// <summary>An action whose status changed in the window: status at <c>since</c> (null when it had none) → latest status in the window.</summary>
public sealed record ActionStatusChange(
    int WorkPackageId, string WorkPackageCode, int ActionId, int Number, string Title,
    ActionStatus? From, ActionStatus To, DateOnly ChangedOn, DateOnly? PostponedTo, string Comment);

/// <summary>A measurement dated in the window. WorkPackageCode is null for programme-level metrics.</summary>
public sealed record NewMeasurement(
    int MetricId, string MetricName, int? WorkPackageId, string? WorkPackageCode,
    DateOnly Date, decimal? Value, string? TextValue, MetricKind Kind, string Unit);

/// <summary>A milestone whose due date has passed and that is not done.</summary>
public sealed record OverdueMilestone(int MilestoneId, int WorkPackageId, string WorkPackageCode, string Period, DateOnly Due, string Text);

/// <summary>A metric that is followed (has a dated target or has been measured) but has no measurement in the last three months.</summary>
public sealed record StaleMetric(int MetricId, string MetricName, int? WorkPackageId, string? WorkPackageCode, DateOnly? LastMeasured);

/// <summary>A work package nobody is assigned to (no owner who can update it).</summary>
public sealed record UnassignedWorkPackage(int WorkPackageId, string Code, string Title);

/// <summary>
/// Muutokset edellisen katsauksen jälkeen: what happened between the previous review (<see cref="Since"/>,
/// exclusive) and this one (<see cref="AsOf"/>, inclusive), and what needs attention as of <see cref="AsOf"/>.
/// </summary>
public sealed record ChangesSinceReview(
    DateOnly Since,
    DateOnly AsOf,
    IReadOnlyList<ActionStatusChange> StatusChanges,
    IReadOnlyList<NewMeasurement> NewMeasurements,
    IReadOnlyList<OverdueMilestone> OverdueMilestones,
    IReadOnlyList<StaleMetric> StaleMetrics,
    IReadOnlyList<UnassignedWorkPackage> Unassigned)
{
    /// <summary>A followed metric is stale when its latest measurement is older than this many months.</summary>
    public const int StaleAfterMonths = 3;

    public bool IsEmpty => StatusChanges.Count == 0 && NewMeasurements.Count == 0 && OverdueMilestones.Count == 0
        && StaleMetrics.Count == 0 && Unassigned.Count == 0;

    /// <param name="computed">Optional computed values of indicator-linked metrics; null or a null result means the typed measurements.</param>
    public static ChangesSinceReview Compute(DevelopmentProgramme p, DateOnly since, DateOnly asOf,
        Func<Metric, IReadOnlyList<Measurement>?>? computed = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (asOf < since) throw new ArgumentException($"asOf {asOf:yyyy-MM-dd} is before since {since:yyyy-MM-dd}.", nameof(asOf));
        bool InWindow(DateOnly d) => d > since && d <= asOf;

        var statusChanges = new List<ActionStatusChange>();
        var measurements = new List<NewMeasurement>();
        var overdue = new List<OverdueMilestone>();
        var stale = new List<StaleMetric>();
        var unassigned = new List<UnassignedWorkPackage>();

        void Metrics(IEnumerable<Metric> metrics, WorkPackage? wp)
        {
            foreach (var metric in metrics)
            {
                var series = ReviewBuilder.Series(metric, computed);
                foreach (var m in series.Where(m => InWindow(m.Date)).OrderBy(m => m.Date))
                    measurements.Add(new(metric.Id, metric.Name, wp?.Id, wp?.Code, m.Date, m.Value, m.TextValue, metric.Kind, metric.Unit));
                var followed = series.Count > 0 || metric.Targets.Any(t => Period.TryParse(t.DuePeriod, out _));
                if (!followed) continue;
                DateOnly? last = series.Where(m => m.Date <= asOf).Select(m => (DateOnly?)m.Date).Max();
                if (last is null || last < asOf.AddMonths(-StaleAfterMonths))
                    stale.Add(new(metric.Id, metric.Name, wp?.Id, wp?.Code, last));
            }
        }

        Metrics(p.Metrics, null);
        foreach (var wp in ReviewBuilder.OrderedWorkPackages(p))
        {
            foreach (var action in wp.Actions.OrderBy(a => a.Number))
            {
                var inWindow = action.History.Where(h => InWindow(h.Date)).ToList();
                if (inWindow.Count == 0) continue;
                var to = Latest(inWindow)!;
                var from = Latest(action.History.Where(h => h.Date <= since));
                statusChanges.Add(new(wp.Id, wp.Code, action.Id, action.Number, action.Title,
                    from?.Status, to.Status, to.Date, to.PostponedTo, to.Comment));
            }
            foreach (var ms in wp.Milestones.Where(m => !m.Done && m.Due is { } due && due < asOf).OrderBy(m => m.Due))
                overdue.Add(new(ms.Id, wp.Id, wp.Code, ms.Period, ms.Due!.Value, ms.Text));
            Metrics(wp.Metrics, wp);
            if (wp.Assignments.Count == 0) unassigned.Add(new(wp.Id, wp.Code, wp.Title));
        }
        return new(since, asOf, statusChanges.AsReadOnly(), measurements.AsReadOnly(), overdue.AsReadOnly(),
            stale.AsReadOnly(), unassigned.AsReadOnly());
    }

    /// <summary>The latest entry: by date, then by id (entries made later on the same day win).</summary>
    internal static ActionStatusEntry? Latest(IEnumerable<ActionStatusEntry> entries) =>
        entries.OrderByDescending(h => h.Date).ThenByDescending(h => h.Id).FirstOrDefault();
}

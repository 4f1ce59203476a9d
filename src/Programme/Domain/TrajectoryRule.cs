namespace Tilannekuva.Programme.Domain;

/// <summary>Why a trajectory light is what it is (a code with names in every language: Trajectory.Reason.*).</summary>
public enum TrajectoryReason
{
    /// <summary>No numeric target with a due period.</summary>
    NoTarget,
    /// <summary>No value yet.</summary>
    NoValue,
    /// <summary>The due period has passed and the latest value meets the target.</summary>
    MetAtDue,
    /// <summary>The due period has passed and the latest value falls short.</summary>
    MissedAtDue,
    /// <summary>The latest value already meets the target and the line keeps it met at the due date.</summary>
    AlreadyMet,
    /// <summary>The linear forecast meets the target at the due date.</summary>
    ForecastMeets,
    /// <summary>The forecast falls short, but the target lies within its prediction interval.</summary>
    WithinInterval,
    /// <summary>Even the favourable end of the prediction interval falls short.</summary>
    ForecastMisses,
    /// <summary>One value only, short of the target, with the due date still ahead: no trajectory yet.</summary>
    TooFewValues,
}

/// <summary>
/// A light with its evidence: the target and its due date, the latest value, and the linear forecast at the due date
/// with its 80 % prediction interval (null where there is none).
/// </summary>
public sealed record TrajectoryJudgement(TrafficLight Light, TrajectoryReason Reason, double? Target, DateOnly? Due,
    double? Latest, double? Forecast, double? Low, double? High);

/// <summary>
/// Tilannevalo — the one rule for every light (programme tree, work packages, dashboards, review): does the value
/// get to the target by its due date? A least-squares line through the newest values (at most <see cref="FitPoints"/>)
/// is continued to the due date, with its 80 % prediction interval (<see cref="LinearTrend"/>).
/// <list type="bullet">
/// <item>Green (on track): the forecast at the due date meets the target (or the due date has passed and the target was met).</item>
/// <item>Amber (at risk): the forecast falls short but the interval still reaches the target; or a single value short of
/// the target with the due date ahead; or, with two values (no interval), a forecast short by at most 10 % of the target.</item>
/// <item>Red (off track): even the favourable end of the interval falls short; or the due date has passed unmet.</item>
/// <item>Grey (unknown): no value or no target with a due period.</item>
/// </list>
/// Points are (x, value) in any unit of time (days, quarter numbers); the due date is given in the same unit.
/// </summary>
public static class TrajectoryRule
{
    /// <summary>Newest values the line is fitted to.</summary>
    public const int FitPoints = 8;

    /// <summary>Share of the target a two-value forecast may miss by and still be amber.</summary>
    public const double Tolerance = 0.10;

    /// <summary>Judges dated values against a target due at the end of <paramref name="due"/>; x is days.</summary>
    public static TrajectoryJudgement Judge(IReadOnlyList<(DateOnly Date, double Value)> values, double? target, DateOnly? due, bool higherIsBetter, DateOnly asOf)
    {
        var known = values.Where(v => v.Date <= asOf).OrderBy(v => v.Date).ToList();
        if (known.Count == 0 || due is null) return Judge([], target, due is null ? null : 0, due, higherIsBetter, false);
        var origin = known[0].Date.DayNumber;
        return Judge(known.Select(v => ((double)(v.Date.DayNumber - origin), v.Value)).ToList(), target,
            due.Value.DayNumber - origin, due, higherIsBetter, due.Value < asOf);
    }

    /// <summary>Judges points (oldest first) against a target due at <paramref name="dueX"/> on the same axis.</summary>
    public static TrajectoryJudgement Judge(IReadOnlyList<(double X, double Y)> points, double? target, double? dueX, DateOnly? due, bool higherIsBetter, bool duePassed)
    {
        if (target is not { } goal || dueX is not { } at) return new(TrafficLight.Grey, TrajectoryReason.NoTarget, target, due, points.Count > 0 ? points[^1].Y : null, null, null, null);
        if (points.Count == 0) return new(TrafficLight.Grey, TrajectoryReason.NoValue, goal, due, null, null, null, null);
        bool Meets(double v) => higherIsBetter ? v >= goal : v <= goal;
        var latest = points[^1].Y;
        if (duePassed)
            return Meets(latest) ? new(TrafficLight.Green, TrajectoryReason.MetAtDue, goal, due, latest, null, null, null)
                : new(TrafficLight.Red, TrajectoryReason.MissedAtDue, goal, due, latest, null, null, null);
        var trend = LinearTrend.Fit(points.TakeLast(FitPoints).ToList());
        if (trend is null)
            return Meets(latest) ? new(TrafficLight.Green, TrajectoryReason.AlreadyMet, goal, due, latest, null, null, null)
                : new(TrafficLight.Amber, TrajectoryReason.TooFewValues, goal, due, latest, null, null, null);
        var p = trend.Predict(at);
        if (Meets(p.Value))
            return new(TrafficLight.Green, Meets(latest) ? TrajectoryReason.AlreadyMet : TrajectoryReason.ForecastMeets, goal, due, latest, p.Value, p.Low, p.High);
        var favourable = higherIsBetter ? p.High : p.Low;
        var reaches = favourable is { } f ? Meets(f) : Math.Abs(p.Value - goal) <= Math.Abs(goal) * Tolerance;
        return new(reaches ? TrafficLight.Amber : TrafficLight.Red, reaches ? TrajectoryReason.WithinInterval : TrajectoryReason.ForecastMisses,
            goal, due, latest, p.Value, p.Low, p.High);
    }

    /// <summary>
    /// A programme metric: its target due next (the last when all are past), its measurements up to <paramref name="asOf"/>.
    /// Yes/no metrics: met → green; not met → amber before the due date, red after. Text metrics are grey.
    /// </summary>
    public static TrajectoryJudgement Of(Metric metric, DateOnly asOf)
    {
        var a = MetricAssessment.Of(metric, asOf);
        DateOnly? due = a.TargetPeriod?.End;
        if (metric.Kind == MetricKind.Text) return new(TrafficLight.Grey, TrajectoryReason.NoTarget, null, due, null, null, null, null);
        if (metric.Kind == MetricKind.YesNo)
        {
            if (a.Target?.Value is not { } want || due is null) return new(TrafficLight.Grey, TrajectoryReason.NoTarget, null, due, null, null, null, null);
            if (a.Latest?.Value is not { } have) return new(TrafficLight.Grey, TrajectoryReason.NoValue, (double)want, due, null, null, null, null);
            var light = have == want ? TrafficLight.Green : due < asOf ? TrafficLight.Red : TrafficLight.Amber;
            var reason = have == want ? TrajectoryReason.AlreadyMet : due < asOf ? TrajectoryReason.MissedAtDue : TrajectoryReason.TooFewValues;
            return new(light, reason, (double)want, due, (double)have, null, null, null);
        }
        var values = metric.Measurements.Where(m => m.Value is not null)
            .GroupBy(m => m.Date).Select(g => (g.Key, (double)g.OrderByDescending(m => m.Id).First().Value!.Value)).ToList();
        return Judge(values, a.Target?.Value is { } t ? (double)t : null, due, metric.HigherIsBetter, asOf);
    }
}

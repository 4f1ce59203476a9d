namespace Tilannekuva.Programme.Domain;

/// <summary>Liikennevalo: green = on track, amber = within 10 % of the target, red = off track, grey = no data or no target.</summary>
public enum TrafficLight { Grey, Green, Amber, Red }

/// <summary>A metric's latest value held against the target that is due next (or the last one, when all are past).</summary>
public sealed record MetricAssessment(Metric Metric, Measurement? Latest, MetricTarget? Target, Period? TargetPeriod, TrafficLight Light)
{
    /// <summary>Share of the target by which a value may miss and still be amber rather than red.</summary>
    public const decimal AmberTolerance = 0.10m;

    public static MetricAssessment Of(Metric metric, DateOnly asOf)
    {
        var latest = metric.Measurements.Where(m => m.Date <= asOf)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.Id).FirstOrDefault();
        var dated = metric.Targets
            .Select(t => (Target: t, Ok: Period.TryParse(t.DuePeriod, out var p), Period: p))
            .Where(t => t.Ok)
            .OrderBy(t => t.Period.End)
            .ToList();
        var next = dated.FirstOrDefault(t => t.Period.End >= asOf);
        if (next.Target is null && dated.Count > 0) next = dated[^1];
        var target = next.Target ?? metric.Targets.FirstOrDefault();
        Period? period = next.Target is null ? null : next.Period;
        return new(metric, latest, target, period, Judge(metric, latest, target));
    }

    public static TrafficLight Judge(Metric metric, Measurement? latest, MetricTarget? target)
    {
        if (latest is null || target is null) return TrafficLight.Grey;
        if (metric.Kind == MetricKind.YesNo)
            return latest.Value is null || target.Value is null ? TrafficLight.Grey
                : latest.Value == target.Value ? TrafficLight.Green : TrafficLight.Red;
        if (latest.Value is not { } value || target.Value is not { } goal) return TrafficLight.Grey;
        var met = metric.HigherIsBetter ? value >= goal : value <= goal;
        if (met) return TrafficLight.Green;
        var gap = Math.Abs(value - goal);
        var tolerance = Math.Abs(goal) * AmberTolerance;
        return gap <= tolerance ? TrafficLight.Amber : TrafficLight.Red;
    }
}

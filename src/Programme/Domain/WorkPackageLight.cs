namespace Tilannekuva.Programme.Domain;

/// <summary>What a work package's light rests on: a metric (its trajectory) or an overdue milestone.</summary>
public sealed record LightBasis(TrafficLight Light, Metric? Metric, Milestone? Milestone, TrajectoryJudgement? Judgement);

/// <summary>
/// A work package's light: the worst of its metrics' trajectory lights (<see cref="TrajectoryRule"/>) and its milestones
/// (one past its due date and not done is red), naming the metric or milestone behind it. Grey when nothing can be judged.
/// </summary>
public sealed record WorkPackageLight(TrafficLight Light, LightBasis? Basis, IReadOnlyList<LightBasis> All)
{
    /// <summary>Red is worst, then amber, green; grey (unknown) never outweighs a known light.</summary>
    public static int Severity(TrafficLight l) => l switch { TrafficLight.Red => 3, TrafficLight.Amber => 2, TrafficLight.Green => 1, _ => 0 };

    public static WorkPackageLight Of(WorkPackage wp, DateOnly asOf)
    {
        var all = new List<LightBasis>();
        foreach (var m in wp.Metrics)
        {
            var j = TrajectoryRule.Of(m, asOf);
            all.Add(new LightBasis(j.Light, m, null, j));
        }
        foreach (var ms in wp.Milestones.Where(x => !x.Done))
        {
            DateOnly? due = ms.Due ?? (Period.TryParse(ms.Period, out var p) ? p.End : null);
            if (due is { } d && d < asOf) all.Add(new LightBasis(TrafficLight.Red, null, ms, null));
        }
        var worst = all.OrderByDescending(b => Severity(b.Light)).FirstOrDefault();
        return new WorkPackageLight(worst?.Light ?? TrafficLight.Grey, worst is { Light: not TrafficLight.Grey } ? worst : null, all);
    }
}

using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Programme.Tests;

/// <summary>The one light rule: the trajectory to the due date, against hand-computed lines.</summary>
public sealed class TrajectoryRuleTests
{
    // x = 0..3, y = 1, 3, 2, 5 → ŷ = 1.1 + 1.1x; at x = 5: 6.6 ± 4.2151 (80 %), i.e. 2.385…10.815.
    private static readonly (double X, double Y)[] Points = [(0, 1), (1, 3), (2, 2), (3, 5)];

    [Theory]
    [InlineData(6.0, TrafficLight.Green, TrajectoryReason.ForecastMeets)]  // latest 5 < 6, forecast 6.6 ≥ 6
    [InlineData(10.0, TrafficLight.Amber, TrajectoryReason.WithinInterval)] // 6.6 < 10 ≤ 10.815
    [InlineData(11.0, TrafficLight.Red, TrajectoryReason.ForecastMisses)]   // 10.815 < 11
    public void Higher_is_better_judged_by_the_forecast_and_its_interval(double target, TrafficLight light, TrajectoryReason reason)
    {
        var j = TrajectoryRule.Judge(Points, target, 5, null, higherIsBetter: true, duePassed: false);
        Assert.Equal(light, j.Light);
        Assert.Equal(reason, j.Reason);
        Assert.Equal(6.6, j.Forecast!.Value, 9);
        Assert.Equal(6.6 + 4.2151151, j.High!.Value, 5);
    }

    [Fact]
    public void Lower_is_better_uses_the_low_end_and_a_passed_due_date_judges_the_latest_value()
    {
        Assert.Equal(TrafficLight.Amber, TrajectoryRule.Judge(Points, 3, 5, null, false, false).Light);   // 6.6 > 3 ≥ 2.385
        Assert.Equal(TrafficLight.Red, TrajectoryRule.Judge(Points, 2, 5, null, false, false).Light);     // 2.385 > 2
        Assert.Equal(TrafficLight.Green, TrajectoryRule.Judge(Points, 5, 2, null, true, duePassed: true).Light);
        Assert.Equal(TrafficLight.Red, TrajectoryRule.Judge(Points, 6, 2, null, true, duePassed: true).Light);
    }

    [Fact]
    public void Unknown_without_value_or_target_and_amber_with_one_value_short()
    {
        Assert.Equal(TrajectoryReason.NoTarget, TrajectoryRule.Judge(Points, null, 5, null, true, false).Reason);
        Assert.Equal(TrajectoryReason.NoValue, TrajectoryRule.Judge([], 5, 5, null, true, false).Reason);
        Assert.Equal((TrafficLight.Amber, TrajectoryReason.TooFewValues), Pair(TrajectoryRule.Judge([(0, 4)], 5, 5, null, true, false)));
        Assert.Equal((TrafficLight.Green, TrajectoryReason.AlreadyMet), Pair(TrajectoryRule.Judge([(0, 6)], 5, 5, null, true, false)));
        // Two values: no interval; a forecast short by at most 10 % of the target is amber.
        Assert.Equal(TrafficLight.Amber, TrajectoryRule.Judge([(0, 80), (1, 82)], 95, 6, null, true, false).Light); // 92 ≥ 85.5
        Assert.Equal(TrafficLight.Red, TrajectoryRule.Judge([(0, 80), (1, 81)], 100, 6, null, true, false).Light); // 86 < 90
    }

    [Fact]
    public void A_programme_metric_is_judged_on_its_dated_measurements_and_a_work_package_names_what_is_behind_its_light()
    {
        var asOf = new DateOnly(2026, 1, 10);
        Metric M(string name, params (int Month, decimal Value)[] values) => new()
        {
            Name = name, Kind = MetricKind.Percentage, HigherIsBetter = true,
            Targets = [new MetricTarget { Id = 1, Value = 80, DuePeriod = "2026Q4" }],
            Measurements = values.Select((v, i) => new Measurement { Id = i + 1, Date = new DateOnly(2025, v.Month, 1), Value = v.Value }).ToList(),
        };
        var rising = M("nousee", (3, 60), (6, 66), (9, 72), (12, 78));   // 2 points a month: well past 80 by December 2026
        var flat = M("tasainen", (3, 60), (6, 60.5m), (9, 60), (12, 60.5m));
        Assert.Equal(TrafficLight.Green, TrajectoryRule.Of(rising, asOf).Light);
        Assert.Equal(TrafficLight.Red, TrajectoryRule.Of(flat, asOf).Light);
        var wp = new WorkPackage { Code = "TP1", Title = "t", Metrics = [rising, flat] };
        var light = WorkPackageLight.Of(wp, asOf);
        Assert.Equal((TrafficLight.Red, "tasainen"), (light.Light, light.Basis!.Metric!.Name));
        var late = new WorkPackage { Code = "TP2", Title = "t", Metrics = [rising],
            Milestones = [new Milestone { Period = "2025Q3", Text = "pilotti", Done = false }] };
        Assert.Equal("pilotti", WorkPackageLight.Of(late, asOf).Basis!.Milestone!.Text);
        Assert.Equal(TrafficLight.Grey, WorkPackageLight.Of(new WorkPackage { Code = "TP3", Title = "t" }, asOf).Light);
    }

    private static (TrafficLight, TrajectoryReason) Pair(TrajectoryJudgement j) => (j.Light, j.Reason);
}

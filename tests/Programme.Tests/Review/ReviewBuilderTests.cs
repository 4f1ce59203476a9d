using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Review;
using Tilannekuva.Programme.Tests.Fixtures;
using static Tilannekuva.Programme.Tests.Fixtures.ProgrammeFixture;

namespace Tilannekuva.Programme.Tests.Review;

public class ReviewBuilderTests
{
    [Fact]
    public void Standard_review_orders_work_packages_and_assesses_metrics()
    {
        var s = new StandardProgramme();
        var r = ReviewBuilder.Build(s.Programme, StandardProgramme.Meeting);
        Assert.Equal(StandardProgramme.PreviousMeeting, r.PreviousReview);
        Assert.True(r.HasPreviousMeeting);
        Assert.Equal(["Digituki", "Chat ja chatbot", "Hyte-palvelutarjotin"], r.WorkPackages.Select(w => w.Title));
        var programme = Assert.Single(r.ProgrammeMetrics);
        Assert.Equal((82m, 80m, TrafficLight.Green), (programme.Latest!.Value, programme.Target!.Value, programme.Light));
        var tp1 = r.WorkPackages[0];
        Assert.Equal([TrafficLight.Amber, TrafficLight.Green], tp1.Metrics.Select(m => m.Light));
        Assert.Equal(3, tp1.MainMetric!.Series.Count);
        Assert.Equal([ActionStatus.Done, ActionStatus.Ongoing, ActionStatus.Postponed], tp1.Actions.Select(a => a.Status!.Value));
        Assert.Equal(TrafficLight.Red, r.WorkPackages[1].Metrics[0].Light);
        Assert.Equal(TrafficLight.Grey, r.WorkPackages[2].Metrics[0].Light);
        Assert.Equal([300_000m, 50_000m], r.Budget.Select(b => b.CostEstimate));
        Assert.Equal([12, 4], r.Risks.Select(x => x.Score));
        Assert.Equal(["TP2 laajennus", "Chat&Chatbot"], r.PlanChanges.Select(x => x.Description));
        Assert.Empty(r.Findings);
    }

    [Fact]
    public void Earlier_meeting_date_sees_earlier_statuses_and_falls_back_to_three_months()
    {
        var s = new StandardProgramme();
        var r = ReviewBuilder.Build(s.Programme, D(2024, 6, 1));
        Assert.False(r.HasPreviousMeeting);
        Assert.Equal(D(2024, 3, 1), r.PreviousReview);
        Assert.Equal([ActionStatus.Ongoing, ActionStatus.Ongoing, ActionStatus.Planned], r.WorkPackages[0].Actions.Select(a => a.Status!.Value));
        Assert.Equal(28m, r.WorkPackages[0].Metrics[0].Latest!.Value); // 30.6. not yet measured
    }

    [Fact]
    public void Computed_values_hook_replaces_typed_measurements()
    {
        var s = new StandardProgramme();
        s.CareGuarantee.IndicatorCode = "care-guarantee-7d";
        IReadOnlyList<Measurement> computed = [new Measurement { Date = D(2024, 11, 30), Value = 70m }];
        var r = ReviewBuilder.Build(s.Programme, StandardProgramme.Meeting, m => m.IndicatorCode is null ? null : computed);
        var metric = r.ProgrammeMetrics[0];
        Assert.True(metric.Computed);
        Assert.Equal(70m, metric.Latest!.Value);
        Assert.Equal(TrafficLight.Red, metric.Light); // 70 against 80: more than 10 % short
        Assert.False(r.WorkPackages[0].Metrics[0].Computed);
    }
}

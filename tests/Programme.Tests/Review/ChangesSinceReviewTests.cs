using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Review;
using Tilannekuva.Programme.Tests.Fixtures;
using static Tilannekuva.Programme.Tests.Fixtures.ProgrammeFixture;

namespace Tilannekuva.Programme.Tests.Review;

public class ChangesSinceReviewTests
{
    [Fact]
    public void Standard_programme_changes_between_meetings()
    {
        var s = new StandardProgramme();
        var c = ChangesSinceReview.Compute(s.Programme, StandardProgramme.PreviousMeeting, StandardProgramme.Meeting);

        Assert.Collection(c.StatusChanges,
            x => { Assert.Equal((1, ActionStatus.Ongoing, ActionStatus.Done, D(2024, 11, 15)), (x.Number, x.From, x.To, x.ChangedOn)); },
            x => { Assert.Equal((3, ActionStatus.Planned, ActionStatus.Postponed, D(2025, 3, 1)), (x.Number, x.From, x.To, x.PostponedTo)); });
        Assert.Equal(["Hoitotakuu 7 vrk", "Etäasioinnin osuus", "Koulutetut ammattilaiset"], c.NewMeasurements.Select(m => m.MetricName));
        Assert.Equal([82m, 33.5m, 120m], c.NewMeasurements.Select(m => m.Value));
        Assert.Equal(3, c.NewMeasurements.Count);
        var overdue = Assert.Single(c.OverdueMilestones);
        Assert.Equal("Pilotti valmis", overdue.Text);
        Assert.Equal([s.Nps.Id, s.TrayInUse.Id], c.StaleMetrics.Select(x => x.MetricId));
        Assert.Equal(D(2024, 5, 15), c.StaleMetrics[0].LastMeasured);
        Assert.Null(c.StaleMetrics[1].LastMeasured);
        Assert.Equal(s.Tp2.Id, Assert.Single(c.Unassigned).WorkPackageId);
    }

    private static (ProgrammeFixture F, WorkPackage Wp) One()
    {
        var f = new ProgrammeFixture();
        var wp = f.WorkPackage(f.Investment(f.Pillar("P1", "P"), "INV1", "I", 0m), "TP1", "A", 0m, 1, "owner");
        return (f, wp);
    }

    [Fact]
    public void Window_excludes_since_and_includes_as_of()
    {
        var (f, wp) = One();
        var since = D(2024, 9, 10);
        var asOf = D(2024, 12, 12);
        f.Action(wp, 1, "Päivänä since", (ActionStatus.Ongoing, since));
        f.Action(wp, 2, "Päivänä asOf", (ActionStatus.Planned, D(2024, 1, 1)), (ActionStatus.Done, asOf));
        f.Action(wp, 3, "Seuraavana päivänä", (ActionStatus.Done, asOf.AddDays(1)));
        var m = f.Metric(wp, "M", MetricKind.Count);
        f.Measure(m, since, 1m);
        f.Measure(m, since.AddDays(1), 2m);
        f.Measure(m, asOf, 3m);
        f.Measure(m, asOf.AddDays(1), 4m);

        var c = ChangesSinceReview.Compute(f.Programme, since, asOf);
        var change = Assert.Single(c.StatusChanges);
        Assert.Equal((2, ActionStatus.Planned, ActionStatus.Done), (change.Number, change.From, change.To));
        Assert.Equal([2m, 3m], c.NewMeasurements.Select(x => x.Value));
    }

    [Fact]
    public void First_status_in_window_has_no_previous_status_and_latest_entry_wins()
    {
        var (f, wp) = One();
        var a = f.Action(wp, 1, "Uusi", (ActionStatus.Planned, D(2024, 10, 1)));
        f.Status(a, ActionStatus.Ongoing, D(2024, 11, 1));
        var c = ChangesSinceReview.Compute(f.Programme, D(2024, 9, 10), D(2024, 12, 12));
        var x = Assert.Single(c.StatusChanges);
        Assert.Null(x.From);
        Assert.Equal(ActionStatus.Ongoing, x.To);
    }

    [Fact]
    public void Milestone_due_on_as_of_is_not_overdue_and_done_ones_never_are()
    {
        var (f, wp) = One();
        var asOf = D(2024, 12, 12);
        f.Milestone(wp, "Tänään", asOf);
        f.Milestone(wp, "Eilen", asOf.AddDays(-1));
        f.Milestone(wp, "Eilen valmis", asOf.AddDays(-1), done: true);
        f.Milestone(wp, "Ilman päivää", null);
        var c = ChangesSinceReview.Compute(f.Programme, D(2024, 9, 10), asOf);
        Assert.Equal(["Eilen"], c.OverdueMilestones.Select(m => m.Text));
    }

    [Fact]
    public void Metric_is_stale_only_after_more_than_three_months()
    {
        var (f, wp) = One();
        var asOf = D(2024, 12, 12);
        var exactly = f.Metric(wp, "Tasan 3 kk", MetricKind.Count);
        f.Measure(exactly, D(2024, 9, 12), 1m);
        var dayOver = f.Metric(wp, "Päivän yli", MetricKind.Count);
        f.Measure(dayOver, D(2024, 9, 11), 1m);
        var future = f.Metric(wp, "Vain tuleva", MetricKind.Count);
        f.Measure(future, asOf.AddDays(5), 1m);
        var untracked = f.Metric(wp, "Ei tavoitetta eikä tuloksia", MetricKind.Count);
        var undatedTarget = f.Metric(wp, "Tavoite ilman ajankohtaa", MetricKind.Count);
        f.Target(undatedTarget, 5m, null);

        var c = ChangesSinceReview.Compute(f.Programme, D(2024, 9, 10), asOf);
        Assert.Equal([dayOver.Id, future.Id], c.StaleMetrics.Select(x => x.MetricId));
        Assert.DoesNotContain(c.StaleMetrics, x => x.MetricId == untracked.Id || x.MetricId == undatedTarget.Id);
    }

    [Fact]
    public void Computed_values_replace_typed_ones()
    {
        var (f, wp) = One();
        var m = f.Metric(wp, "Laskettu", MetricKind.Percentage);
        m.IndicatorCode = "care-guarantee-7d";
        f.Target(m, 80m, "2025");
        IReadOnlyList<Measurement> computed = [new Measurement { MetricId = m.Id, Date = D(2024, 11, 30), Value = 70m }];
        var c = ChangesSinceReview.Compute(f.Programme, D(2024, 9, 10), D(2024, 12, 12), x => x.IndicatorCode is null ? null : computed);
        Assert.Empty(c.StaleMetrics);
        Assert.Equal(70m, Assert.Single(c.NewMeasurements).Value);
    }

    [Fact]
    public void Unassigned_work_packages_are_listed()
    {
        var (f, wp) = One();
        var lonely = f.WorkPackage(wp.Investment!, "TP2", "Ilman omistajaa", 0m, 2);
        var c = ChangesSinceReview.Compute(f.Programme, D(2024, 9, 10), D(2024, 12, 12));
        Assert.Equal(lonely.Id, Assert.Single(c.Unassigned).WorkPackageId);
    }
}

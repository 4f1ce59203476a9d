using Tilannekuva.Feedback.Reporting;

namespace Tilannekuva.Feedback.Tests;

public sealed class StatsTests
{
    [Fact]
    public void Nps_is_promoters_minus_detractors_with_a_wald_interval()
    {
        // 50 promoters, 30 passives, 20 detractors: NPS 30; variance (0.5 + 0.2) − 0.3² = 0.61.
        var r = NpsResult.FromScores([(10, 30), (9, 20), (8, 15), (7, 15), (6, 10), (0, 10)]);
        Assert.Equal(100, r.N);
        Assert.Equal(30, r.Nps!.Value, 9);
        var half = 1.96 * 100 * Math.Sqrt(0.61 / 100);
        Assert.Equal(30 - half, r.Interval95!.Value.Low, 9);
        Assert.Equal(30 + half, r.Interval95!.Value.High, 9);
    }

    [Fact]
    public void All_promoters_give_100_and_an_interval_clipped_to_100()
    {
        var r = NpsResult.FromScores([(9, 7), (10, 3)]);
        Assert.Equal(100, r.Nps);
        Assert.Equal((100.0, 100.0), r.Interval95);
    }

    [Fact]
    public void Statement_mean_leaves_out_cannot_say()
    {
        var s = new StatementResult("AV1", [1, 0, 0, 2, 1], CannotSay: 5);
        Assert.Equal(4, s.Answered);
        Assert.Equal((1 + 8 + 5) / 4.0, s.Mean!.Value, 9);
        Assert.Equal(50, s.Percentages[3], 9);
    }

    [Fact]
    public void Cells_under_the_minimum_are_suppressed_and_carry_no_figures()
    {
        var rows = FeedbackResults.Assemble(
            [("A", 10, 3), ("A", 2, 2), ("B", 9, 4)],
            [("A", "AV1", 5, 3), ("A", "AV1", null, 1), ("A", "EN1", 4, 2), ("B", "AV1", 5, 4)],
            minimum: 5);
        var a = rows.Single(r => r.Key == "A");
        var b = rows.Single(r => r.Key == "B");
        Assert.False(a.Suppressed);
        Assert.Equal(5, a.Nps.N);
        Assert.Equal(20, a.Nps.Nps!.Value, 9);
        // AV1 has 4 answers + 0 cannot say = 4 < 5 in cell A... 3 + 1 = 4: suppressed on its own; EN1 has 2.
        Assert.Empty(a.Statements);
        Assert.True(b.Suppressed);
        Assert.Null(b.Nps.Nps);
        Assert.Equal(0, b.Nps.Promoters);
        Assert.Empty(b.Statements);
    }

    [Fact]
    public void A_lone_small_cell_in_a_breakdown_takes_the_smallest_shown_cell_with_it()
    {
        var rows = FeedbackResults.SuppressComplement(FeedbackResults.Assemble(
            [("A", 10, 20), ("B", 9, 6), ("B", 0, 1), ("C", 10, 3), ("D", 8, 9)], [], minimum: 5), minimum: 5);

        Assert.Equal(["C", "B"], rows.Where(r => r.Suppressed).Select(r => r.Key).OrderDescending());
        var b = rows.Single(r => r.Key == "B");
        Assert.True(b.Complementary);
        Assert.Null(b.Nps.Nps);
        Assert.Equal(0, b.Nps.Promoters);
        Assert.False(rows.Single(r => r.Key == "C").Complementary);
        Assert.Equal(100, rows.Single(r => r.Key == "A").Nps.Nps!.Value, 9);

        // Two small cells already hide each other; nothing more is hidden.
        var two = FeedbackResults.SuppressComplement(FeedbackResults.Assemble([("A", 10, 20), ("B", 9, 2), ("C", 10, 3)], [], minimum: 5), minimum: 5);
        Assert.Equal(2, two.Count(r => r.Suppressed));
        Assert.DoesNotContain(two, r => r.Complementary);

        // Two small cells resting on 2 + 1 = 3 together: the total minus the shown ones would tell that
        // sum, so the smallest shown cell goes too (the dashboards' rule; before, nothing more was hidden).
        var three = FeedbackResults.SuppressComplement(FeedbackResults.Assemble([("A", 10, 20), ("B", 9, 2), ("C", 10, 1), ("D", 7, 8)], [], minimum: 5), minimum: 5);
        Assert.Equal(["D"], three.Where(r => r.Complementary).Select(r => r.Key));
        Assert.Equal(3, three.Count(r => r.Suppressed));
    }
}

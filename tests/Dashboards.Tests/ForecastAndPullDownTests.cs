using Tilannekuva.Dashboards.Domain;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Dashboards.Tests;

/// <summary>The forecast, the pull-down measure and the cell-size rule against hand-computed cases and an independent computation.</summary>
public sealed class ForecastAndPullDownTests
{
    // x = 0, 1, 2, 3 and y = 1, 3, 2, 5: x̄ = 1.5, ȳ = 2.75, Sxx = 5, Sxy = 5.5, so b = 1.1 and a = 2.75 − 1.1·1.5 = 1.1.
    // Fitted 1.1, 2.2, 3.3, 4.4; residuals −0.1, 0.8, −1.3, 0.6; SSE = 2.7; s² = 2.7 / 2 = 1.35.
    // At x = 5: ŷ = 6.6; half-width = t(0.90; 2) · s · √(1 + 1/4 + 3.5²/5) = 1.886 · 1.1618950 · √3.7 = 4.2151151.
    private static readonly (double X, double Y)[] Points = [(0, 1), (1, 3), (2, 2), (3, 5)];

    [Fact]
    public void The_least_squares_line_and_its_80_percent_prediction_interval_match_the_hand_computation()
    {
        var t = LinearTrend.Fit(Points)!;
        Assert.Equal(1.1, t.Slope, 12);
        Assert.Equal(1.1, t.Intercept, 12);
        Assert.Equal(Math.Sqrt(1.35), t.ResidualSd!.Value, 12);
        var p = t.Predict(5);
        Assert.Equal(6.6, p.Value, 12);
        Assert.Equal(6.6 - 4.2151151, p.Low!.Value, 6);
        Assert.Equal(6.6 + 4.2151151, p.High!.Value, 6);
        Assert.Equal(0.80, LinearTrend.Coverage);
    }

    [Fact]
    public void The_interval_equals_the_matrix_form_of_ordinary_least_squares()
    {
        // Independent computation: β = (XᵀX)⁻¹Xᵀy and Var(y₀ − ŷ₀) = s²(1 + x₀ᵀ(XᵀX)⁻¹x₀), with X = [1 x].
        var random = new Random(7);
        var points = Enumerable.Range(0, 9).Select(i => ((double)i, 60 + 0.8 * i + random.NextDouble() * 3)).ToArray();
        double n = points.Length, sx = points.Sum(p => p.Item1), sxx = points.Sum(p => p.Item1 * p.Item1);
        double sy = points.Sum(p => p.Item2), sxy = points.Sum(p => p.Item1 * p.Item2);
        var det = n * sxx - sx * sx;
        double[,] inv = { { sxx / det, -sx / det }, { -sx / det, n / det } };
        var a = inv[0, 0] * sy + inv[0, 1] * sxy;
        var b = inv[1, 0] * sy + inv[1, 1] * sxy;
        var s2 = points.Sum(p => Math.Pow(p.Item2 - a - b * p.Item1, 2)) / (n - 2);
        const double x0 = 12;
        var leverage = inv[0, 0] + 2 * x0 * inv[0, 1] + x0 * x0 * inv[1, 1];
        var half = LinearTrend.T90(7) * Math.Sqrt(s2 * (1 + leverage));

        var f = LinearTrend.Fit(points)!.Predict(x0);
        Assert.Equal(a + b * x0, f.Value, 9);
        Assert.Equal(a + b * x0 - half, f.Low!.Value, 9);
        Assert.Equal(a + b * x0 + half, f.High!.Value, 9);
    }

    [Fact]
    public void Two_points_give_a_line_without_an_interval_and_one_gives_nothing()
    {
        var two = LinearTrend.Fit([(0, 10), (1, 12)])!;
        Assert.Equal(14, two.Predict(2).Value, 12);
        Assert.Null(two.Predict(2).Low);
        Assert.Null(LinearTrend.Fit([(0, 10)]));
        Assert.Null(LinearTrend.Fit([(1, 10), (1, 12)]));
    }

    [Fact]
    public void Pull_down_is_how_much_the_whole_would_improve_if_the_part_reached_its_level()
    {
        // Region 65 % = (60 + 135) / 300 from A1 (60 %, 100 visits) and A2 (67.5 %, 200 visits).
        // A1 at 65 %: (65 + 135) / 300 = 66.667 %, i.e. +1.667 points = (65 − 60) · 100 / 300.
        var ranked = PullDown.Rank(65, higherIsBetter: true, [("A2", 67.5, 200, false), ("A1", 60, 100, false)]);
        Assert.Equal(["A1", "A2"], ranked.Select(r => r.UnitId));
        Assert.Equal(100 * (65 + 135) / 300.0 - 65, ranked[0].Contribution!.Value, 12);
        Assert.Equal(-5.0 / 3, ranked[1].Contribution!.Value, 12);
        Assert.Equal(0, ranked.Sum(r => r.Contribution!.Value), 12); // the parts of a partition balance out

        // Lower is better (e.g. failure demand): the higher part pulls down.
        var lower = PullDown.Rank(20, higherIsBetter: false, [("A1", 10, 100, false), ("A2", 25, 200, false)]);
        Assert.Equal("A2", lower[0].UnitId);
        Assert.Equal(5 * 200 / 300.0, lower[0].Contribution!.Value, 12);
    }

    [Fact]
    public void A_suppressed_part_counts_in_the_volume_but_shows_neither_value_nor_weight()
    {
        var ranked = PullDown.Rank(65, true, [("A1", 60, 100, false), ("A2", 67.5, 196, false), ("A3", 90, 4, true)]);
        var hidden = ranked.Single(r => r.UnitId == "A3");
        Assert.Equal((null, null, null, true), (hidden.Value, hidden.Weight, hidden.Contribution, hidden.Suppressed));
        Assert.Equal(5.0 * 100 / 300, ranked.Single(r => r.UnitId == "A1").Contribution!.Value, 12);
    }

    [Fact]
    public void Values_under_the_minimum_cell_size_are_suppressed_with_their_n()
    {
        var cells = new CellSize(5);
        Assert.True(cells.Hides(4));
        Assert.False(cells.Hides(5));
        Assert.Equal(new Figure("2024Q1", null, null, true), cells.Of("2024Q1", 75, 4));
        Assert.Equal(new Figure("2024Q1", 75, 5, false), cells.Of("2024Q1", 75, 5));
        Assert.Equal("< 5", cells.Label);
    }

    [Fact]
    public void The_dashboards_hide_cells_by_the_shared_small_cell_rule()
    {
        // The rule itself is tested in Disclosure.Tests; here: the dashboards' minimum reaches it.
        Assert.Equal([true, true, true, false], new CellSize(5).Hidden([2, 2, 50, 60]));
        Assert.Equal([true, true, false, false], new CellSize(10).Hidden([2, 12, 50, 60]));
        Assert.Equal("< 10", new CellSize(10).Label);
    }

    [Theory]
    [InlineData("quarter", "2024Q4", "2025Q1")]
    [InlineData("month", "2024-12", "2025-01")]
    [InlineData("week", "2024-12-30", "2025-01-06")]
    public void Periods_follow_each_other(string type, string code, string next)
    {
        var p = PeriodCode.Parse(type, code);
        Assert.Equal(next, p.Next().Code);
        Assert.Equal(p.Index + 1, p.Next().Index);
    }
}

/// <summary>Every text key the Dashboards module asks for exists in fi, sv and en (the views' keys are checked by Web.Tests).</summary>
public sealed partial class TextKeyTests
{
    [Fact]
    public void Every_literal_key_in_the_module_exists_in_every_culture()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Tilannekuva.sln"))) root = root.Parent!;
        var keys = Localisation.Texts.KeysByCulture();
        var used = Directory.EnumerateFiles(Path.Combine(root.FullName, "src", "Dashboards"), "*.cs")
            .SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Concat(new[] { "open_feedback", "off_target", "worsened", "callbacks_overdue", "past_limit" }.Select(k => "Dashboards.Open." + k))
            .Distinct().ToList();
        Assert.True(used.Count > 50, $"only {used.Count} keys found");
        var missing = used.SelectMany(k => keys.Where(c => !c.Value.Contains(k)).Select(c => $"{c.Key}:{k}")).ToList();
        Assert.True(missing.Count == 0, string.Join(", ", missing));
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"(Dashboards\\.[A-Za-z_.]*[A-Za-z_])\"")]
    private static partial System.Text.RegularExpressions.Regex Key();
}

using System.Globalization;
using System.Text.RegularExpressions;
using Tilannekuva.Dashboards;
using Tilannekuva.Programme.Review;

namespace Tilannekuva.Dashboards.Tests;

/// <summary>Value-axis labels read differently from tick to tick, however narrow the values' spread.</summary>
public sealed class ChartAxisTests
{
    private static readonly CultureInfo Fi = new("fi");

    private static List<string> NumberLabels(string svg) =>
        Regex.Matches(svg, @"<text[^>]*>\s*(-?[0-9]+(?:,[0-9]+)?)\s*</text>").Select(m => m.Groups[1].Value).ToList();

    [Theory]
    [InlineData(0.121, 0.124)]
    [InlineData(91.13, 91.18)]
    [InlineData(1200, 4800)]
    [InlineData(0.5, 0.5)]
    public void Neighbouring_ticks_never_share_a_label(double low, double high)
    {
        var points = Enumerable.Range(0, 6).Select(i => ($"Q{i % 4 + 1}/2025", (double?)(low + (high - low) * i / 5))).ToList();
        var labels = NumberLabels(DashboardCharts.LineSvg("Osuus", points, null, Fi));
        Assert.True(labels.Count >= 3, string.Join(" | ", labels));
        Assert.Equal(labels.Count, labels.Distinct().Count());
    }

    [Fact]
    public void Decimals_follow_the_spread()
    {
        Assert.Equal(2, AxisLabels.Decimals([10, 40]));
        Assert.Equal(4, AxisLabels.Decimals([0.121, 0.124]));
        Assert.Equal(2, AxisLabels.Decimals([]));
        Assert.Equal("0,1215", AxisLabels.For([0.121, 0.124], Fi)(0.1215));
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using SkiaSharp;
using Tilannekuva.Programme.Review;
using Tilannekuva.Programme.Tests.Fixtures;

namespace Tilannekuva.Programme.Tests.Review;

public class ReviewChartsTests
{
    private static readonly CultureInfo Fi = CultureInfo.GetCultureInfo("fi-FI");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    private static ReviewModel Model() => ReviewBuilder.Build(new StandardProgramme().Programme, StandardProgramme.Meeting);

    [Fact]
    public void Trend_png_renders_headless_with_measured_and_target_colours()
    {
        var metric = Model().WorkPackages.Single(w => w.Title == "Digituki").MainMetric!;
        var png = ReviewCharts.TrendPng(metric, Fi, 800, 400);
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "tilannekuva-trend.png"), png);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((800, 400), (bitmap.Width, bitmap.Height));
        var colours = bitmap.Pixels.Select(c => (c.Red, c.Green, c.Blue)).ToHashSet();
        Assert.Contains(((byte)70, (byte)130, (byte)180), colours);  // SteelBlue: the measured series
        Assert.Contains(((byte)255, (byte)140, (byte)0), colours);   // DarkOrange: the target line and markers
    }

    [Fact]
    public void Trend_svg_has_localised_legend_and_quarter_ticks()
    {
        var metric = Model().WorkPackages.Single(w => w.Title == "Digituki").MainMetric!;
        var fi = ReviewCharts.TrendSvg(metric, Fi);
        Assert.Contains("<svg", fi);
        Assert.Contains("Toteuma", fi);
        Assert.Contains("Tavoite", fi);
        Assert.Contains("Q4/2024", fi);
        Assert.Contains("Etäasioinnin osuus", fi);
        Assert.Contains("Measured", ReviewCharts.TrendSvg(metric, En));
    }

    [Fact]
    public void Risk_matrix_counts_risks_per_cell_and_labels_axes()
    {
        var risks = new List<RiskView>
        {
            new(1, 1, "TP1", "a", 3, 4, 12, "", ""),
            new(2, 1, "TP1", "b", 3, 4, 12, "", ""),
            new(3, 2, "TP2", "c", 5, 5, 25, "", ""),
        };
        var svg = ReviewCharts.RiskMatrixSvg(risks, Fi);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "tilannekuva-risks.svg"), svg);
        Assert.Contains("Todennäköisyys", svg);
        Assert.Contains("Vaikutus", svg);
        // Two occupied cells (3×4 with two risks, 5×5 with one); ScottPlot writes each label as a <text> element.
        var counts = Regex.Matches(svg, @"font-size=""26""[^>]*>\s*(\d+)\s*</text>").Select(m => m.Groups[1].Value).Order().ToList();
        Assert.Equal(["1", "2"], counts);
        Assert.Contains("Impact", ReviewCharts.RiskMatrixSvg(risks, En));

        var png = ReviewCharts.RiskMatrixPng(risks, Fi, 500);
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "tilannekuva-risks.png"), png);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(500, bitmap.Width);
        var colours = bitmap.Pixels.Select(c => c.WithAlpha(255)).ToHashSet();
        foreach (var c in new[] { ReviewCharts.Green, ReviewCharts.Yellow, ReviewCharts.Red })
            Assert.Contains(new SKColor(c.R, c.G, c.B), colours);
    }

    [Theory]
    [InlineData(1, "green")]
    [InlineData(4, "green")]
    [InlineData(5, "yellow")]
    [InlineData(12, "yellow")]
    [InlineData(15, "red")]
    [InlineData(25, "red")]
    public void Score_bands(int score, string band)
    {
        var expected = band switch { "green" => ReviewCharts.Green, "yellow" => ReviewCharts.Yellow, _ => ReviewCharts.Red };
        Assert.Equal(expected, ReviewCharts.ScoreColour(score));
    }
}

public class ChartTitleTests
{
    [Fact]
    public void A_long_metric_name_wraps_to_the_picture_width_instead_of_being_cut()
    {
        var name = "Mittari 1: Perusterveydenhuollon vastaanottotoiminnan hoitotakuun toteutumisen edistämiseen tähtäävä toimenpidekokonaisuus — osuus kaikista kontakteista etänä sähköisin välinein";
        var (text, size) = Tilannekuva.Programme.Review.ReviewCharts.FitTitle(name, 800);
        var lines = text.Split('\n');
        Assert.InRange(lines.Length, 2, 4);
        Assert.All(lines, l => Assert.True(Tilannekuva.Programme.Review.TextFit.Width(l, size, bold: true) <= 800 * 0.92, l));
        Assert.Equal(name, string.Join(' ', lines)); // nothing left out
        Assert.Equal(("Hoitotakuu 7 vrk", 16f), Tilannekuva.Programme.Review.ReviewCharts.FitTitle("Hoitotakuu 7 vrk", 800));
    }
}

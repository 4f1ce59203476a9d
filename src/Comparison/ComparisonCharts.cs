using System.Globalization;
using ScottPlot;
using Tilannekuva.Localisation;

namespace Tilannekuva.Comparison;

/// <summary>
/// Server-rendered SVG (ScottPlot 5, as the other pages): each county's value over time as its own line, told apart by
/// colour and marker shape (not colour alone), named in the legend. Hidden (suppressed) values are never drawn: the line
/// breaks there.
/// </summary>
public static class ComparisonCharts
{
    private static readonly Color[] Palette = [Colors.SteelBlue, Colors.DarkOrange, Colors.SeaGreen, Colors.Purple, Colors.Black, Colors.Teal, Colors.SaddleBrown];
    private static readonly MarkerShape[] Markers = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle, MarkerShape.OpenSquare];

    private static readonly Lazy<string?> Font = new(() =>
        SkiaSharp.SKFontManager.Default.GetFontFamilies().Contains("DejaVu Sans", StringComparer.OrdinalIgnoreCase) ? "DejaVu Sans" : null);

    /// <param name="periods">Period labels, oldest first.</param>
    /// <param name="series">Per county its name and one value per period (null: hidden or missing).</param>
    public static string LinesSvg(string title, IReadOnlyList<string> periods, IReadOnlyList<(string County, IReadOnlyList<double?> Values)> series, CultureInfo c,
        int width = 760, int height = 360)
    {
        var plt = new Plot();
        if (Font.Value is { } f) plt.Font.Set(f);
        plt.Title(title);
        if (periods.Count == 0 || series.All(s => s.Values.All(v => v is null)))
        {
            var none = plt.Add.Text(Texts.Get("Comparison.NoValues", c), 0, 0);
            none.LabelAlignment = Alignment.MiddleCenter;
            plt.Axes.SetLimits(-1, 1, -1, 1);
            plt.HideGrid();
            return Fit(plt.GetSvgXml(width, height), width, height);
        }
        for (var k = 0; k < series.Count; k++)
        {
            var (county, values) = series[k];
            var color = Palette[k % Palette.Length];
            var marker = Markers[k % Markers.Length];
            var legendDone = false;
            // One scatter per unbroken run, so a hidden value breaks the line instead of being bridged.
            foreach (var run in Runs(values))
            {
                var line = plt.Add.Scatter(run.Select(i => (double)i).ToArray(), run.Select(i => values[i]!.Value).ToArray());
                line.Color = color;
                line.LineWidth = 2;
                line.MarkerShape = marker;
                line.MarkerSize = 8;
                if (!legendDone) { line.LegendText = county; legendDone = true; }
            }
        }
        var step = Math.Max(1, (periods.Count + 7) / 8);
        var ticks = Enumerable.Range(0, periods.Count).Where(i => i % step == 0).ToArray();
        plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.Select(i => (double)i).ToArray(), ticks.Select(i => periods[i]).ToArray());
        plt.Axes.SetLimitsX(-0.5, periods.Count - 0.5);
        plt.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("0.##", c) };
        plt.ShowLegend(Edge.Bottom);
        return Fit(plt.GetSvgXml(width, height), width, height);
    }

    private static IEnumerable<List<int>> Runs(IReadOnlyList<double?> values)
    {
        var run = new List<int>();
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not null) { run.Add(i); continue; }
            if (run.Count > 0) { yield return run; run = []; }
        }
        if (run.Count > 0) yield return run;
    }

    /// <summary>A viewBox, so a narrower browser scales the chart rather than cutting it (as DashboardCharts.Fit).</summary>
    private static string Fit(string svg, int width, int height)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start < 0) return svg;
        var end = svg.IndexOf('>', start);
        if (end < 0 || svg.AsSpan(start, end - start).Contains("viewBox", StringComparison.Ordinal)) return svg;
        return svg.Insert(start + 4, $" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMinYMin meet\"");
    }
}

using System.Globalization;
using ScottPlot;
using SkiaSharp;
using Tilannekuva.Localisation;

namespace Tilannekuva.Programme.Review;

/// <summary>
/// Kaaviot: a metric's trend against its targets, and the risk matrix, drawn with ScottPlot 5 (SkiaSharp).
/// Runs headless on Linux: SkiaSharp's native library comes from SkiaSharp.NativeAssets.Linux.NoDependencies
/// (a ScottPlot dependency, no X11 or GPU). Text needs a system font found through fontconfig; we ask for
/// <see cref="PreferredFont"/> (Debian package fonts-dejavu-core, which has å, ä, ö, €, × and –) and fall back
/// to ScottPlot's default when it is missing.
/// </summary>
public static class ReviewCharts
{
    public const string PreferredFont = "DejaVu Sans";

    /// <summary>Risk score bands of the 5 × 5 matrix: ≤ 4 green (low), 5–12 yellow (medium), ≥ 15 red (high).</summary>
    public const int GreenMaxScore = 4;
    public const int YellowMaxScore = 12;

    public static readonly Color Green = Color.FromHex("#4CAF50");
    public static readonly Color Yellow = Color.FromHex("#FFD54F");
    public static readonly Color Red = Color.FromHex("#E57373");

    private static readonly Lazy<string?> Font = new(() =>
        SKFontManager.Default.GetFontFamilies().Contains(PreferredFont, StringComparer.OrdinalIgnoreCase) ? PreferredFont : null);

    /// <summary>Measurement series over time with the targets as a dashed line and diamond markers at their due dates.</summary>
    public static byte[] TrendPng(MetricView metric, CultureInfo culture, int width = 800, int height = 400) =>
        Trend(metric, culture, width).GetImageBytes(width, height, ImageFormat.Png);

    public static string TrendSvg(MetricView metric, CultureInfo culture, int width = 800, int height = 400) =>
        Trend(metric, culture, width).GetSvgXml(width, height);

    /// <summary>
    /// A chart title that fits the picture: wrapped at words into lines (at most four, smaller type when it needs
    /// more than two), the last one shortened with "…" only when even that is not enough. The full name stands in the table.
    /// </summary>
    public static (string Text, float Size) FitTitle(string title, int widthPixels)
    {
        var usable = widthPixels * 0.92;
        foreach (var (size, maxLines) in new[] { (16f, 2), (12f, 4) })
        {
            var lines = new List<string>();
            var current = "";
            foreach (var word in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && TextFit.Width(candidate, size, bold: true) > usable) { lines.Add(current); current = word; }
                else current = candidate;
            }
            if (current.Length > 0) lines.Add(current);
            if (lines.Count <= maxLines && lines.All(l => TextFit.Width(l, size, bold: true) <= usable)) return (string.Join('\n', lines), size);
            if (size == 12f)
            {
                var kept = lines.Take(maxLines).ToList();
                var last = kept[^1];
                while (last.Length > 1 && TextFit.Width(last + "…", size, bold: true) > usable) last = last[..^1];
                kept[^1] = last.TrimEnd() + "…";
                return (string.Join('\n', kept), size);
            }
        }
        return (title, 12f);
    }

    /// <summary>5 × 5 probability × impact grid coloured by score, with the number of risks in each cell.</summary>
    public static byte[] RiskMatrixPng(IReadOnlyList<RiskView> risks, CultureInfo culture, int size = 600) =>
        RiskMatrix(risks, culture).GetImageBytes(size, size, ImageFormat.Png);

    public static string RiskMatrixSvg(IReadOnlyList<RiskView> risks, CultureInfo culture, int size = 600) =>
        RiskMatrix(risks, culture).GetSvgXml(size, size);

    public static Color ScoreColour(int score) => score <= GreenMaxScore ? Green : score <= YellowMaxScore ? Yellow : Red;

    private static Plot NewPlot()
    {
        var plt = new Plot();
        if (Font.Value is { } f) plt.Font.Set(f);
        return plt;
    }

    private static double X(DateOnly d) => d.ToDateTime(TimeOnly.MinValue).ToOADate();

    private static Plot Trend(MetricView metric, CultureInfo culture, int width)
    {
        var plt = NewPlot();
        var (title, size) = FitTitle(metric.Name, width);
        plt.Title(title, size);
        if (metric.Unit.Length > 0) plt.YLabel(metric.Unit);

        var points = metric.Series.Where(s => s.Value is not null).ToList();
        var targets = metric.Targets.Where(t => t.Value is not null && t.Due is not null).ToList();
        if (points.Count == 0 && targets.Count == 0)
        {
            var none = plt.Add.Text(Texts.Get("TrafficLight.Grey", culture), 0, 0);
            none.LabelFontSize = 20;
            none.LabelAlignment = Alignment.MiddleCenter;
            plt.Axes.SetLimits(-1, 1, -1, 1);
            plt.HideGrid();
            return plt;
        }

        var dates = points.Select(p => p.Date).Concat(targets.Select(t => t.Due!.Value.End)).ToList();
        var first = dates.Min();
        var last = dates.Max();

        if (points.Count > 0)
        {
            var measured = plt.Add.Scatter(points.Select(p => X(p.Date)).ToArray(), points.Select(p => (double)p.Value!.Value).ToArray());
            measured.LegendText = Texts.Get("Review.Measured", culture);
            measured.LineWidth = 2;
            measured.MarkerSize = 8;
            measured.Color = Colors.SteelBlue;
        }
        if (targets.Count > 0)
        {
            // The target line starts at the first date shown at the first target's level and steps through the due dates.
            var tx = new List<double> { X(first) };
            var ty = new List<double> { (double)targets[0].Value!.Value };
            foreach (var t in targets) { tx.Add(X(t.Due!.Value.End)); ty.Add((double)t.Value!.Value); }
            var target = plt.Add.Scatter(tx.ToArray(), ty.ToArray());
            target.LegendText = Texts.Get("Review.TargetSeries", culture);
            target.LinePattern = LinePattern.Dashed;
            target.LineWidth = 2;
            target.Color = Colors.DarkOrange;
            // The first point only anchors the line: markers go on the due dates only.
            target.MarkerSize = 0;
            var markers = plt.Add.Markers(tx.Skip(1).ToArray(), ty.Skip(1).ToArray(), MarkerShape.FilledDiamond, 11, Colors.DarkOrange);
            markers.LegendText = "";
        }

        // Quarter ticks labelled the way plans write them (Q2/2024); every other quarter when the span is long.
        var quarters = new List<Domain.Period>();
        for (var q = Domain.Period.QuarterOf(first); q.Start <= last; q = Domain.Period.QuarterOf(q.End.AddDays(1)))
            quarters.Add(q);
        var step = quarters.Count > 10 ? 2 : 1;
        var ticks = quarters.Where((_, i) => i % step == 0).ToList();
        plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            ticks.Select(q => X(q.Start)).ToArray(), ticks.Select(q => q.Display).ToArray());
        var pad = Math.Max(15, (X(last) - X(first)) * 0.05);
        plt.Axes.SetLimitsX(Math.Min(X(first), X(quarters[0].Start)) - pad, X(last) + pad);
        plt.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = AxisLabels.For(points.Select(p => (double?)p.Value).Concat(targets.Select(t => (double?)t.Value)), culture),
        };
        plt.ShowLegend(Alignment.LowerRight);
        return plt;
    }

    private static Plot RiskMatrix(IReadOnlyList<RiskView> risks, CultureInfo culture)
    {
        var plt = NewPlot();
        plt.Title(Texts.Get("Review.RiskMatrix", culture));
        plt.XLabel(Texts.Get("Review.Probability", culture));
        plt.YLabel(Texts.Get("Review.Impact", culture));
        for (var p = 1; p <= 5; p++)
        {
            for (var i = 1; i <= 5; i++)
            {
                var cell = plt.Add.Rectangle(p - 0.5, p + 0.5, i - 0.5, i + 0.5);
                cell.FillStyle.Color = ScoreColour(p * i);
                cell.LineStyle.Color = Colors.White;
                cell.LineStyle.Width = 2;
                var (pp, ii) = (p, i);
                var count = risks.Count(r => r.Probability == pp && r.Impact == ii);
                if (count == 0) continue;
                var label = plt.Add.Text(count.ToString(culture), p, i);
                label.LabelFontSize = 26;
                label.LabelBold = true;
                label.LabelAlignment = Alignment.MiddleCenter;
                label.LabelFontColor = Colors.Black;
            }
        }
        double[] positions = [1, 2, 3, 4, 5];
        string[] labels = ["1", "2", "3", "4", "5"];
        plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plt.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plt.Axes.SetLimits(0.5, 5.5, 0.5, 5.5);
        plt.HideGrid();
        return plt;
    }
}

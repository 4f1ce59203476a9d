using System.Globalization;
using ScottPlot;
using Tilannekuva.Dashboards.Domain;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.Review;

namespace Tilannekuva.Dashboards;

/// <summary>
/// Server-rendered SVG charts (ScottPlot 5, as the review and indicator pages). Suppressed values are never
/// drawn; the forecast is a dashed line with its interval as a band, labelled as a linear forecast in the legend.
/// </summary>
public static class DashboardCharts
{
    private static readonly Lazy<string?> Font = new(() =>
        SkiaSharp.SKFontManager.Default.GetFontFamilies().Contains("DejaVu Sans", StringComparer.OrdinalIgnoreCase) ? "DejaVu Sans" : null);

    /// <summary>
    /// Adds a viewBox to ScottPlot's SVG (it writes only width and height), so that a browser that draws it narrower scales
    /// the whole chart instead of cutting its right and bottom edges off.
    /// </summary>
    public static string Fit(string svg, int width, int height)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start < 0) return svg;
        var end = svg.IndexOf('>', start);
        if (end < 0 || svg.AsSpan(start, end - start).Contains("viewBox", StringComparison.Ordinal)) return svg;
        return svg.Insert(start + 4, $" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMinYMin meet\"");
    }

    private static Plot NewPlot(string title)
    {
        var plt = new Plot();
        if (Font.Value is { } f) plt.Font.Set(f);
        plt.Title(title);
        return plt;
    }

    /// <summary>Quarterly values, the target markers, and the linear forecast with its 80 % interval to the due quarter.</summary>
    public static string StrategicSvg(StrategicItem item, string title, CultureInfo c, int width = 640, int height = 340)
    {
        var plt = NewPlot(title);
        var quarters = item.Quarters.Select(q => PeriodCode.Parse(PeriodCode.Quarter, q.Period)).ToList();
        var all = quarters.Concat(item.Forecast.Select(f => PeriodCode.Parse(PeriodCode.Quarter, f.Period))).ToList();
        var dues = item.Targets.Where(t => Programme.Domain.Period.TryParse(t.Due, out _))
            .Select(t => (t.Value, Q: PeriodCode.Of(PeriodCode.Quarter, Programme.Domain.Period.Parse(t.Due).End))).ToList();
        if (all.Count == 0) return Empty(plt, c, width, height);
        var first = all.Min(q => q.Index);
        var last = all.Max(q => q.Index);
        var shown = item.Quarters.Zip(quarters).Where(x => x.First.Value is not null).ToList();
        if (shown.Count > 0)
        {
            var line = plt.Add.Scatter(shown.Select(x => (double)x.Second.Index).ToArray(), shown.Select(x => x.First.Value!.Value).ToArray());
            line.LegendText = Texts.Get("Dashboards.Chart.Measured", c);
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.Color = Colors.SteelBlue;
        }
        if (item.Forecast.Count > 0 && shown.Count > 0)
        {
            var anchor = shown[^1];
            var fx = new[] { (double)anchor.Second.Index }.Concat(item.Forecast.Select(f => (double)PeriodCode.Parse(PeriodCode.Quarter, f.Period).Index)).ToArray();
            var fy = new[] { item.Trend!.ValueAt(anchor.Second.Index - PeriodCode.Parse(PeriodCode.Quarter, item.TrendOrigin!).Index) }.Concat(item.Forecast.Select(f => f.Value)).ToArray();
            if (item.Forecast.All(f => f.Low is not null))
            {
                var band = plt.Add.FillY(fx.Skip(1).ToArray(), item.Forecast.Select(f => f.Low!.Value).ToArray(), item.Forecast.Select(f => f.High!.Value).ToArray());
                band.FillColor = Colors.SteelBlue.WithAlpha(0.15);
                band.LineWidth = 0;
                band.LegendText = Texts.Format("Dashboards.Chart.Interval", c, (Tilannekuva.Programme.Domain.LinearTrend.Coverage * 100).ToString("0", c));
            }
            var f = plt.Add.Scatter(fx, fy);
            f.LinePattern = LinePattern.Dashed;
            f.LineWidth = 2;
            f.MarkerSize = 0;
            f.Color = Colors.SteelBlue;
            f.LegendText = Texts.Get("Dashboards.Chart.Forecast", c);
        }
        var visibleDues = dues.Where(d => d.Q.Index >= first - 1 && d.Q.Index <= last + 1).ToList();
        if (visibleDues.Count > 0)
        {
            var m = plt.Add.Markers(visibleDues.Select(d => (double)d.Q.Index).ToArray(), visibleDues.Select(d => d.Value).ToArray(), MarkerShape.FilledDiamond, 11, Colors.DarkOrange);
            m.LegendText = Texts.Get("Dashboards.Chart.Target", c);
        }
        if (item.Target is { } t)
        {
            var h = plt.Add.HorizontalLine(t.Value);
            h.Color = Colors.DarkOrange;
            h.LinePattern = LinePattern.Dotted;
        }
        var ticks = Enumerable.Range(first, last - first + 1).Where(i => (i - first) % Math.Max(1, (last - first + 1) / 10 + 1) == 0).ToArray();
        plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.Select(i => (double)i).ToArray(),
            ticks.Select(i => $"Q{i % 4 + 1}/{i / 4}").ToArray());
        plt.Axes.SetLimitsX(first - 0.5, last + 0.5);
        var values = item.Quarters.Select(q => q.Value).Concat(item.Forecast.SelectMany(f => new[] { f.Value, f.Low, f.High }))
            .Concat(dues.Select(d => (double?)d.Value)).Append(item.Target?.Value);
        plt.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = AxisLabels.For(values, c) };
        plt.ShowLegend(Edge.Bottom);
        return Fit(plt.GetSvgXml(width, height), width, height);
    }

    /// <summary>One value per label as horizontal bars (ranked lists); suppressed or missing values get no bar.</summary>
    public static string BarsSvg(string title, IReadOnlyList<(string Label, double? Value)> rows, double? reference, CultureInfo c, int width = 640)
    {
        var plt = NewPlot(title);
        var height = Math.Max(200, 60 + 28 * rows.Count);
        if (rows.Count == 0) return Empty(plt, c, width, height);
        var bars = new List<Bar>();
        for (var i = 0; i < rows.Count; i++)
            if (rows[i].Value is { } v)
                bars.Add(new Bar { Position = rows.Count - 1 - i, Value = v, FillColor = Colors.SteelBlue });
        var plot = plt.Add.Bars(bars);
        plot.Horizontal = true;
        plt.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, rows.Count).Select(i => (double)(rows.Count - 1 - i)).ToArray(), rows.Select(r => r.Label).ToArray());
        if (reference is { } r)
        {
            var line = plt.Add.VerticalLine(r);
            line.Color = Colors.DarkOrange;
            line.LinePattern = LinePattern.Dashed;
        }
        plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = AxisLabels.For(rows.Select(r => r.Value).Append(reference), c) };
        plt.Axes.Margins(left: 0);
        return Fit(plt.GetSvgXml(width, height), width, height);
    }

    /// <summary>A unit's values period by period.</summary>
    public static string LineSvg(string title, IReadOnlyList<(string Label, double? Value)> points, double? target, CultureInfo c, int width = 520, int height = 220)
    {
        var plt = NewPlot(title);
        if (points.Count == 0) return Empty(plt, c, width, height);
        var shown = points.Select((p, i) => (p, i)).Where(x => x.p.Value is not null).ToList();
        if (shown.Count > 0)
        {
            var line = plt.Add.Scatter(shown.Select(x => (double)x.i).ToArray(), shown.Select(x => x.p.Value!.Value).ToArray());
            line.LineWidth = 2;
            line.MarkerSize = 6;
            line.Color = Colors.SteelBlue;
        }
        if (target is { } t)
        {
            var h = plt.Add.HorizontalLine(t);
            h.Color = Colors.DarkOrange;
            h.LinePattern = LinePattern.Dashed;
        }
        var step = Math.Max(1, points.Count / 6);
        var ticks = Enumerable.Range(0, points.Count).Where(i => i % step == 0).ToArray();
        plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.Select(i => (double)i).ToArray(), ticks.Select(i => points[i].Label).ToArray());
        plt.Axes.SetLimitsX(-0.5, points.Count - 0.5);
        plt.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = AxisLabels.For(points.Select(p => p.Value).Append(target), c) };
        return Fit(plt.GetSvgXml(width, height), width, height);
    }

    private static string Empty(Plot plt, CultureInfo c, int width, int height)
    {
        var none = plt.Add.Text(Texts.Get("Dashboards.NoValues", c), 0, 0);
        none.LabelAlignment = Alignment.MiddleCenter;
        plt.Axes.SetLimits(-1, 1, -1, 1);
        plt.HideGrid();
        return Fit(plt.GetSvgXml(width, height), width, height);
    }
}

using System.Globalization;
using ScottPlot;
using Tilannekuva.Localisation;

namespace Tilannekuva.Feedback.Reporting;

/// <summary>Trend charts of feedback results, drawn with ScottPlot 5 (as the programme review's charts are).</summary>
public static class FeedbackCharts
{
    /// <summary>The review charts' font (Debian's fonts-dejavu-core) when installed, else ScottPlot's default.</summary>
    private static readonly Lazy<string?> Font = new(() =>
        SkiaSharp.SKFontManager.Default.GetFontFamilies().Contains("DejaVu Sans", StringComparer.OrdinalIgnoreCase) ? "DejaVu Sans" : null);

    /// <summary>NPS by month (rows keyed yyyy-MM) with the 95 % interval as error bars; suppressed months are left out.</summary>
    public static string NpsTrendSvg(IReadOnlyList<ResultRow> months, CultureInfo culture, int width = 720, int height = 320)
    {
        var plt = new Plot();
        if (Font.Value is { } f) plt.Font.Set(f);
        plt.Title(Texts.Get("Feedback.Results.Trend", culture));
        var shown = months.Where(m => !m.Suppressed && m.Nps.Nps is not null).ToList();
        var xs = shown.Select((_, i) => (double)i).ToArray();
        if (shown.Count > 0)
        {
            var ys = shown.Select(m => m.Nps.Nps!.Value).ToArray();
            var line = plt.Add.Scatter(xs, ys);
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.Color = Colors.SteelBlue;
            var errors = plt.Add.ErrorBar(xs, ys, shown.Select(m => (m.Nps.Interval95!.Value.High - m.Nps.Interval95!.Value.Low) / 2).ToArray());
            errors.Color = Colors.SteelBlue.WithAlpha(0.6);
            plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xs, shown.Select(m => m.Key).ToArray());
            plt.Axes.SetLimits(-0.5, Math.Max(0.5, xs.Length - 0.5), -100, 100);
        }
        else
        {
            plt.Axes.SetLimits(-1, 1, -100, 100);
        }
        var zero = plt.Add.HorizontalLine(0);
        zero.Color = Colors.Gray;
        zero.LinePattern = LinePattern.Dotted;
        plt.YLabel("NPS");
        return plt.GetSvgXml(width, height);
    }
}

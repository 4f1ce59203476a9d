using System.Globalization;
using System.Text.Json;
using Tilannekuva.Dashboards.Domain;
using Tilannekuva.Localisation;

namespace Tilannekuva.Dashboards;

/// <summary>
/// The data of an interactive chart (drawn in the browser by Chart.js from /lib/chartjs; the page keeps the server SVG and
/// the table): labels, series and the unit suffix, as JSON for a data attribute. Suppressed values are null, never numbers.
/// </summary>
public static class DashboardChartData
{
    public sealed record Series(string name, IReadOnlyList<double?> values, string color, bool dashed = false, bool points = true, object? fill = null, int width = 2);

    private sealed record Spec(IReadOnlyList<string> labels, IReadOnlyList<Series> series, string suffix, string yTitle);

    public static string Suffix(string unit, CultureInfo c) => unit switch
    {
        "percent" => " %",
        "hours" => " h",
        "days" => " " + Texts.Get("IndicatorPage.Unit.days", c),
        _ => "",
    };

    public static string Json(IReadOnlyList<string> labels, IReadOnlyList<Series> series, string unit, string yTitle, CultureInfo c) =>
        JsonSerializer.Serialize(new Spec(labels, series, Suffix(unit, c), yTitle));

    /// <summary>Quarterly values, the linear forecast with its interval to the due quarter, and the target.</summary>
    public static string Strategic(StrategicItem i, string name, CultureInfo c)
    {
        var labels = i.Quarters.Select(q => DashboardViews.PeriodText(PeriodCode.Quarter, q.Period, c)).Concat(i.Forecast.Select(f => DashboardViews.PeriodText(PeriodCode.Quarter, f.Period, c))).ToList();
        var h = i.Quarters.Count;
        double?[] Blank() => new double?[labels.Count];
        var values = Blank();
        for (var k = 0; k < h; k++) values[k] = i.Quarters[k].Suppressed ? null : i.Quarters[k].Value;
        var series = new List<Series> { new(name, values, "#0b5cab") };
        if (i.Forecast.Count > 0)
        {
            var (f, lo, hi) = (Blank(), Blank(), Blank());
            // The forecast starts from the last quarter it was fitted to, so the dashed line joins the measured one.
            var lastIndex = i.Quarters.Select((q, k) => (q, k)).LastOrDefault(x => x.q.Period != i.RunningQuarter && x.q.Value is not null && !x.q.Suppressed).k;
            f[lastIndex] = values[lastIndex];
            for (var k = 0; k < i.Forecast.Count; k++) (f[h + k], lo[h + k], hi[h + k]) = (i.Forecast[k].Value, i.Forecast[k].Low, i.Forecast[k].High);
            var pct = (Programme.Domain.LinearTrend.Coverage * 100).ToString("0", c);
            series.Add(new Series(Texts.Get("Dashboards.Chart.Forecast", c), f, "#6e7781", dashed: true));
            if (i.Forecast.Any(x => x.Low is not null))
            {
                series.Add(new Series(Texts.Format("Dashboards.Low", c, pct), lo, "#8c959f", points: false, width: 1));
                series.Add(new Series(Texts.Format("Dashboards.High", c, pct), hi, "#8c959f", points: false, fill: "-1", width: 1));
            }
        }
        if (i.Target is { } t)
            series.Add(new Series(Texts.Get("Dashboards.Target", c), Enumerable.Repeat<double?>(t.Value, labels.Count).ToList(), "#1b1f24", dashed: true, points: false, width: 1));
        return Json(labels, series, i.Unit, "", c);
    }

    /// <summary>The unit's values period by period and the target.</summary>
    public static string Line(string name, IReadOnlyList<string> labels, IReadOnlyList<Figure> values, double? target, string unit, CultureInfo c)
    {
        var series = new List<Series> { new(name, values.Select(v => v.Suppressed ? null : v.Value).ToList(), "#0b5cab") };
        if (target is { } t)
            series.Add(new Series(Texts.Get("Dashboards.Target", c), Enumerable.Repeat<double?>(t, labels.Count).ToList(), "#1b1f24", dashed: true, points: false, width: 1));
        return Json(labels, series, unit, "", c);
    }
}

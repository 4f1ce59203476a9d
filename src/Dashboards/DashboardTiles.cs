using System.Globalization;
using System.Text;
using Tilannekuva.Dashboards.Domain;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Dashboards;

/// <summary>
/// An overview tile (one per indicator) at the top of every dashboard: value and period, the governing target and its due
/// period with its source, the trajectory light with its reason, the change from the period before and a sparkline.
/// </summary>
public sealed record Tile(string Id, string Code, string Title, string? Href, string Value, string Period, string Target, string TargetSource,
    TrafficLight Light, string LightText, string Reason, string Change, string? SparkSvg, string SparkLabel);

/// <summary>Builds the tiles of the three levels from the same data the sections use.</summary>
public static class DashboardTiles
{
    private static string H(string key, CultureInfo c) => Texts.Get(key, c);

    private static string TargetText(string unit, TargetRef? t, CultureInfo c) =>
        t is null ? Texts.Get("Tiles.NoTarget", c) : Texts.Format("Tiles.TargetBy", c, DashboardViews.Format(unit, t.Value, c),
            Programme.Domain.Period.TryParse(t.Due, out var p) ? p.Display : t.Due);

    private static string SourceText(TargetRef? t, CultureInfo c) =>
        t is null ? "" : t.Programme is { Length: > 0 } p ? p : H("Trajectory.TargetSource.Catalogue", c);

    private static string Reason(TrajectoryJudgement? j, string unit, CultureInfo c) =>
        j is null ? "" : TrajectoryText.Reason(j, v => DashboardViews.Format(unit, v, c), c);

    private static string Change(string unit, IReadOnlyList<Figure> series, CultureInfo c)
    {
        var shown = series.Where(f => f.Value is not null && !f.Suppressed).ToList();
        if (shown.Count < 2) return "";
        var d = shown[^1].Value!.Value - shown[^2].Value!.Value;
        var text = (d > 0 ? "+" : d < 0 ? "−" : "±") + DashboardViews.Format(unit == "percent" ? "points" : unit, Math.Abs(d), c);
        return Texts.Format("Tiles.Change", c, text);
    }

    public static IReadOnlyList<Tile> Strategic(StrategicDashboard d, CultureInfo c) => d.Items.Select(i =>
    {
        var name = DashboardViews.Name(i.Name, c);
        var complete = i.Quarters.Where(q => q.Period != i.RunningQuarter).ToList();
        return new Tile(i.Id, i.IndicatorCode, name, "#" + i.Id, DashboardViews.Format(i.Unit, i.Latest?.Value, c),
            DashboardViews.PeriodText(PeriodCode.Quarter, i.Latest?.Period, c), TargetText(i.Unit, i.Target, c), SourceText(i.Target, c),
            i.Light, TrajectoryText.Light(i.Light, c), Reason(i.Judgement, i.Unit, c), Change(i.Unit, complete, c),
            Spark(complete.TakeLast(8).Select(q => q.Value).ToList(), i.Target?.Value), SparkLabel(i.Unit, complete.TakeLast(8).ToList(), PeriodCode.Quarter, c));
    }).ToList();

    public static IReadOnlyList<Tile> Tactical(TacticalDashboard d, CultureInfo c) => d.Indicators.Concat(d.Callbacks).Select(i =>
    {
        var name = DashboardViews.Name(i.Name, c);
        var series = i.History ?? [];
        return new Tile(i.Code, i.Code, name, "#" + i.Code, DashboardViews.Format(i.Unit, i.Whole.Value, c), DashboardViews.PeriodText(d.PeriodType, d.Period, c),
            TargetText(i.Unit, i.Target, c), SourceText(i.Target, c), i.WholeLight, TrajectoryText.Light(i.WholeLight, c), Reason(i.Judgement, i.Unit, c),
            Change(i.Unit, series, c), Spark(series.Select(f => f.Value).ToList(), i.Target?.Value), SparkLabel(i.Unit, series, d.PeriodType, c));
    }).ToList();

    public static IReadOnlyList<Tile> Operational(OperationalDashboard d, CultureInfo c) => d.Rows.Select(r =>
    {
        var name = DashboardViews.Name(r.Name, c);
        var complete = r.Values.Where(v => d.LatestComplete is null || string.CompareOrdinal(v.Period, d.LatestComplete) <= 0).ToList();
        var latest = complete.LastOrDefault();
        return new Tile("op-" + r.Code, r.Code, name, "#op-" + r.Code, latest?.Suppressed == true ? "< " + d.MinimumCellSize : DashboardViews.Format(r.Unit, latest?.Value, c),
            DashboardViews.PeriodText(d.PeriodType, latest?.Period, c), TargetText(r.Unit, r.Target, c), SourceText(r.Target, c), r.Light,
            TrajectoryText.Light(r.Light, c), r.Light == TrafficLight.Grey && latest?.Value is null ? "" : Reason(r.Judgement, r.Unit, c),
            Change(r.Unit, complete, c), Spark(complete.Select(v => v.Value).ToList(), r.Target?.Value), SparkLabel(r.Unit, complete, d.PeriodType, c));
    }).ToList();

    /// <summary>The sparkline's words for screen readers: first and last value with their periods.</summary>
    private static string SparkLabel(string unit, IReadOnlyList<Figure> series, string type, CultureInfo c)
    {
        var shown = series.Where(f => f.Value is not null && !f.Suppressed).ToList();
        return shown.Count < 2 ? "" : Texts.Format("Tiles.SparkLabel", c, DashboardViews.PeriodText(type, shown[0].Period, c), DashboardViews.Format(unit, shown[0].Value, c),
            DashboardViews.PeriodText(type, shown[^1].Period, c), DashboardViews.Format(unit, shown[^1].Value, c));
    }

    /// <summary>A 120×32 SVG polyline of the values (gaps where hidden or missing) and a dashed target line; no script.</summary>
    public static string? Spark(IReadOnlyList<double?> values, double? target)
    {
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        if (known.Count < 2) return null;
        var lo = Math.Min(known.Min(), target ?? known.Min());
        var hi = Math.Max(known.Max(), target ?? known.Max());
        if (hi - lo < 1e-9) { hi += 1; lo -= 1; }
        const double w = 120, h = 32, pad = 3;
        double X(int i) => values.Count == 1 ? w / 2 : pad + i * (w - 2 * pad) / (values.Count - 1);
        double Y(double v) => h - pad - (v - lo) / (hi - lo) * (h - 2 * pad);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder($"<svg class=\"spark\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" aria-hidden=\"true\" focusable=\"false\">");
        if (target is { } t)
            sb.Append(inv, $"<line x1=\"0\" x2=\"{w}\" y1=\"{Y(t):0.0}\" y2=\"{Y(t):0.0}\" class=\"spark-target\"/>");
        var run = new List<string>();
        void Flush()
        {
            if (run.Count > 1) sb.Append("<polyline class=\"spark-line\" points=\"").Append(string.Join(' ', run)).Append("\"/>");
            run.Clear();
        }
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } v) run.Add(string.Create(inv, $"{X(i):0.0},{Y(v):0.0}"));
            else Flush();
        }
        Flush();
        var last = values.Select((v, i) => (v, i)).Last(x => x.v is not null);
        sb.Append(inv, $"<circle cx=\"{X(last.i):0.0}\" cy=\"{Y(last.v!.Value):0.0}\" r=\"2.5\" class=\"spark-dot\"/>");
        return sb.Append("</svg>").ToString();
    }
}

using System.Globalization;
using Tilannekuva.Dashboards.Domain;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Dashboards;

/// <summary>
/// A table cell: <see cref="Raw"/> goes to CSV/XLSX (a number, or the suppression label), <see cref="Text"/> to the page.
/// <see cref="Css"/> marks suppressed values ("suppressed") and traffic lights ("light Red" …, drawn as a dot beside the text).
/// </summary>
public sealed record Cell(object? Raw, string Text, string? Href = null, string? Css = null, bool Number = false)
{
    public static Cell Of(string text, string? href = null) => new(text, text, href);
}

public sealed record DashTable(string Id, string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<Cell>> Rows);

/// <summary>A chart (optional) with the table of its numbers and a note; every chart has one.</summary>
public sealed record DashSection(string Id, string Title, string? ChartSvg, DashTable Table, string? Note = null, string? ChartJson = null);

/// <summary>What a dashboard page shows in one language: its sections in order. Exports read the same tables.</summary>
public sealed record DashboardView(string Level, string Title, UnitRef Unit, IReadOnlyList<UnitRef> Path, IReadOnlyList<DashSection> Sections,
    IReadOnlyList<Tile>? Tiles = null)
{
    public DashTable? Table(string id) => Sections.Select(s => s.Table).FirstOrDefault(t => t.Id == id);
}

/// <summary>Turns the dashboards' data into localised sections: tables for the page and the exports, and their charts.</summary>
public static class DashboardViews
{
    public static string Name(IReadOnlyDictionary<string, string> names, CultureInfo c) =>
        names.GetValueOrDefault(Texts.Language(c)) ?? names.GetValueOrDefault("fi") ?? names.Values.FirstOrDefault() ?? "";

    /// <summary>A value in the indicator's unit: "68,2 %", "3,1 h", "2,0 vrk".</summary>
    public static string Format(string unit, double? value, CultureInfo c) => value is not { } v ? "–" : unit switch
    {
        "percent" => v.ToString("0.0", c) + " %",
        "hours" => v.ToString("0.0", c) + " h",
        "days" => v.ToString("0.0", c) + " " + Texts.Get("IndicatorPage.Unit.days", c),
        "person_years" => v.ToString("0.00", c) + " " + Texts.Get("IndicatorPage.Unit.person_years", c),
        "nps" or "NPS" => v.ToString("0.0", c),
        "points" => v.ToString("0.0", c) + " " + Texts.Get("Dashboards.Unit.points", c),
        _ => v.ToString("0.##", c),
    };

    // A difference of two shares is in percentage points, not per cent.
    private static string Signed(string unit, double? value, CultureInfo c) =>
        value is not { } v ? "–" : (v > 0 ? "+" : v < 0 ? "−" : "±") + Format(unit == "percent" ? "points" : unit, Math.Abs(v), c);

    public static string PeriodText(string type, string? code, CultureInfo c) =>
        code is null ? "–" : PeriodCode.TryParse(type, code, out var p)
            ? type == PeriodCode.Week ? Texts.Format("Dashboards.Week", c, p.Display(c)) : p.Display(c) : code;

    private static Cell Value(string unit, Figure? f, CellSize cells, CultureInfo c) =>
        f is null || (f.Value is null && !f.Suppressed) ? new Cell(null, "–", Number: true)
        : f.Suppressed ? new Cell(cells.Label, cells.Label, Css: "suppressed", Number: true)
        : new Cell(f.Value, Format(unit, f.Value, c), Number: true);

    private static Cell N(Figure? f, CultureInfo c) =>
        f?.N is { } n ? new Cell(n, n.ToString("#,0", c), Number: true) : new Cell(null, "", Number: true);

    private static Cell Number(double? v, string unit, CultureInfo c, bool signed = false) =>
        new(v, signed ? Signed(unit, v, c) : Format(unit, v, c), Number: true);

    public static Cell Light(TrafficLight light, CultureInfo c) =>
        new(TrajectoryText.Light(light, c), TrajectoryText.Light(light, c), Css: "light " + light);

    private static string H(string key, CultureInfo c) => Texts.Get(key, c);

    public static string StrategicUrl(string unit) => "/dashboards?unit=" + Uri.EscapeDataString(unit);

    public static string TacticalUrl(string unit, string? period = null) =>
        "/dashboards/tactical?unit=" + Uri.EscapeDataString(unit) + (period is null ? "" : "&period=" + period);

    public static string OperationalUrl(string unit) => "/dashboards/operational?unit=" + Uri.EscapeDataString(unit);

    /// <summary>The level a unit's own dashboard is at: region → strategic, service unit → operational, else tactical.</summary>
    public static string UrlFor(UnitRef u) => u.Kind switch
    {
        "region" => StrategicUrl(u.Id),
        "unit" or "team" => OperationalUrl(u.Id),
        _ => TacticalUrl(u.Id),
    };

    // ---- strategic ---------------------------------------------------------------------------

    public static DashboardView Strategic(StrategicDashboard d, CultureInfo c)
    {
        var cells = new CellSize(d.MinimumCellSize);
        var pct = (d.ForecastCoverage * 100).ToString("0", c);
        var sections = new List<DashSection>();
        var summary = d.Items.Select(i =>
        {
            var due = i.Forecast.LastOrDefault();
            var puller = i.Areas.FirstOrDefault(a => a.Contribution > 0);
            return (IReadOnlyList<Cell>)
            [
                new Cell(Name(i.Name, c), Name(i.Name, c), "#" + i.Id),
                Cell.Of(i.Source == "catalogue" ? H("Dashboards.Source.catalogue", c) : i.Programme ?? ""),
                Cell.Of(PeriodText(PeriodCode.Quarter, i.Latest?.Period, c)),
                Value(i.Unit, i.Latest, cells, c),
                Number(i.Target?.Value, i.Unit, c),
                Cell.Of(i.Target is null ? "–" : Programme.Domain.Period.TryParse(i.Target.Due, out var p) ? p.Display : i.Target.Due),
                Light(i.Light, c),
                due is null ? Cell.Of(i.DuePassed ? H("Dashboards.DuePassed", c) : "–") : Number(due.Value, i.Unit, c),
                due?.Low is null ? Cell.Of("–") : new Cell($"{due.Low:0.##}–{due.High:0.##}", $"{Format(i.Unit, due.Low, c)} – {Format(i.Unit, due.High, c)}", Number: true),
                puller is null ? Cell.Of("–") : Cell.Of(puller.Unit.Name, TacticalUrl(puller.Unit.Id)),
            ];
        }).ToList();
        sections.Add(new DashSection("summary", H("Dashboards.Strategic.Summary", c), null, new DashTable("summary", H("Dashboards.Strategic.Summary", c),
            [H("Dashboards.Indicator", c), H("Dashboards.TargetFrom", c), H("Dashboards.LatestQuarter", c), H("Dashboards.Value", c), H("Dashboards.Target", c),
             H("Dashboards.Due", c), H("Dashboards.Light", c), H("Dashboards.ForecastAtDue", c), Texts.Format("Dashboards.IntervalHeader", c, pct), H("Dashboards.PullsDownMost", c)],
            summary), Texts.Format("Dashboards.Strategic.SummaryNote", c, pct)));

        foreach (var i in d.Items)
        {
            var name = Name(i.Name, c);
            var rows = new List<IReadOnlyList<Cell>>();
            foreach (var q in i.Quarters)
                rows.Add([Cell.Of(PeriodText(PeriodCode.Quarter, q.Period, c) + (q.Period == i.RunningQuarter ? " " + H("Dashboards.Running", c) : "")),
                    Value(i.Unit, q, cells, c), N(q, c), Cell.Of(""), Cell.Of(""), Cell.Of("")]);
            foreach (var f in i.Forecast)
                rows.Add([Cell.Of(PeriodText(PeriodCode.Quarter, f.Period, c)), Cell.Of(""), Cell.Of(""),
                    Number(f.Value, i.Unit, c), Number(f.Low, i.Unit, c), Number(f.High, i.Unit, c)]);
            var note = i.Trend is null ? H("Dashboards.NoForecast", c)
                : Texts.Format("Dashboards.ForecastNote", c, i.Trend.N, pct, PeriodText(PeriodCode.Quarter, i.TrendOrigin, c));
            if (i.DuePassed) note += " " + H("Dashboards.DuePassedNote", c);
            sections.Add(new DashSection(i.Id, name, DashboardCharts.StrategicSvg(i, name, c),
                new DashTable(i.Id, Texts.Format("Dashboards.TrendCaption", c, name, d.Unit.Name),
                    [H("Dashboards.Quarter", c), H("Dashboards.Value", c), "n", H("Dashboards.Forecast", c), Texts.Format("Dashboards.Low", c, pct), Texts.Format("Dashboards.High", c, pct)],
                    rows), note, DashboardChartData.Strategic(i, name, c)));
            if (i.Areas.Count > 0)
            {
                var areaRows = i.Areas.Select((a, k) => (IReadOnlyList<Cell>)
                [
                    new Cell(a.Contribution is null ? null : k + 1, a.Contribution is null ? "" : (k + 1).ToString(c), Number: true),
                    Cell.Of(a.Unit.Name, TacticalUrl(a.Unit.Id)),
                    a.Suppressed ? new Cell(cells.Label, cells.Label, Css: "suppressed", Number: true) : Number(a.Value, i.Unit, c),
                    a.Weight is { } w ? new Cell(w, w.ToString("#,0.##", c), Number: true) : Cell.Of(""),
                    Number(a.Value is { } v && i.Latest?.Value is { } r ? v - r : null, i.Unit, c, signed: true),
                    Number(a.Contribution, i.Unit, c, signed: true),
                ]).ToList();
                var title = Texts.Format("Dashboards.PullDownTitle", c, name, PeriodText(PeriodCode.Quarter, i.Latest?.Period, c));
                sections.Add(new DashSection(i.Id + "-areas", title,
                    DashboardCharts.BarsSvg(title, i.Areas.Select(a => (a.Unit.Name, a.Contribution)).ToList(), 0, c),
                    new DashTable(i.Id + "-areas", title,
                        [H("Dashboards.Rank", c), H("Dashboards.Area", c), H("Dashboards.Value", c), H("Dashboards.Volume", c), H("Dashboards.GapToWhole", c), H("Dashboards.Contribution", c)],
                        areaRows), H("Dashboards.PullDownNote", c)));
            }
        }
        return new DashboardView("strategic", H("Dashboards.Strategic.Title", c), d.Unit, d.Path, sections, DashboardTiles.Strategic(d, c));
    }

    // ---- tactical ----------------------------------------------------------------------------

    public static DashboardView Tactical(TacticalDashboard d, CultureInfo c)
    {
        var cells = new CellSize(d.MinimumCellSize);
        var period = PeriodText(d.PeriodType, d.Period, c);
        var previous = PeriodText(d.PeriodType, d.PreviousPeriod, c);
        var sections = new List<DashSection>();
        string Link(UnitRow r) => r.Leaf ? OperationalUrl(r.Unit.Id) : TacticalUrl(r.Unit.Id, d.PeriodType);

        foreach (var i in d.Indicators)
        {
            var name = Name(i.Name, c);
            var rows = new List<IReadOnlyList<Cell>>
            {
                new[] { Cell.Of(""), Cell.Of(d.Unit.Name + " " + H("Dashboards.Total", c)), Value(i.Unit, i.Whole, cells, c), N(i.Whole, c),
                    Value(i.Unit, i.WholePrevious, cells, c), Number(i.Whole.Value is { } a && i.WholePrevious?.Value is { } b ? a - b : null, i.Unit, c, true), Light(i.WholeLight, c) },
            };
            rows.AddRange(i.Units.Select(r => (IReadOnlyList<Cell>)
            [
                new Cell(r.Rank, r.Rank?.ToString(c) ?? "", Number: true), Cell.Of(r.Unit.Name, Link(r)), Value(i.Unit, r.Current, cells, c), N(r.Current, c),
                Value(i.Unit, r.Previous, cells, c), Number(r.Change, i.Unit, c, true), Light(r.Light, c),
            ]));
            var title = $"{name} – {period}";
            sections.Add(new DashSection(i.Code, title, DashboardCharts.BarsSvg(title, i.Units.Select(r => (r.Unit.Name, r.Current.Value)).ToList(), i.Whole.Value, c),
                new DashTable(i.Code, Texts.Format("Dashboards.Tactical.Caption", c, name, d.Unit.Name, period),
                    [H("Dashboards.Rank", c), H("Dashboards.Unit", c), H("Dashboards.Value", c), "n", Texts.Format("Dashboards.PreviousHeader", c, previous), H("Dashboards.Change", c), H("Dashboards.Light", c)],
                    rows), i.Target is null ? null : Texts.Format("Dashboards.TargetNote", c, Format(i.Unit, i.Target.Value, c), Programme.Domain.Period.TryParse(i.Target.Due, out var p) ? p.Display : i.Target.Due)));
        }

        if (d.Callbacks.Count > 0)
        {
            var first = d.Callbacks[0];
            var units = first.Units.Select(r => r.Unit).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
            var rows = units.Select(u => (IReadOnlyList<Cell>)new[] { Cell.Of(u.Name, first.Units.First(r => r.Unit.Id == u.Id).Leaf ? OperationalUrl(u.Id) : TacticalUrl(u.Id)) }
                .Concat(d.Callbacks.Select(cb => Value(cb.Unit, cb.Units.First(r => r.Unit.Id == u.Id).Current, cells, c))).ToList()).ToList();
            rows.Insert(0, new[] { Cell.Of(d.Unit.Name + " " + H("Dashboards.Total", c)) }.Concat(d.Callbacks.Select(cb => Value(cb.Unit, cb.Whole, cells, c))).ToList());
            var title = $"{H("Dashboards.Callbacks", c)} – {period}";
            sections.Add(new DashSection("callbacks", title,
                DashboardCharts.BarsSvg(Name(first.Name, c), units.Select(u => (u.Name, first.Units.First(r => r.Unit.Id == u.Id).Current.Value)).ToList(), first.Whole.Value, c),
                new DashTable("callbacks", title, [H("Dashboards.Unit", c), .. d.Callbacks.Select(cb => Name(cb.Name, c))], rows)));
        }

        var q = d.Queue;
        var queueTitle = Texts.Format("Dashboards.Queue.TitleAt", c, Texts.Date(DateOnly.FromDateTime(q.At), c), q.At.ToString("HH:mm", CultureInfo.InvariantCulture));
        IReadOnlyList<Cell> QueueCells(QueueRow r, string name, string? href) =>
            [Cell.Of(name, href), Count(r.Waiting), Count(r.PastLimit), Count(r.CallbacksOpen), Count(r.CallbacksOverdue)];
        Cell Count(Figure f) => f.Suppressed ? new Cell(cells.Label, cells.Label, Css: "suppressed", Number: true) : new Cell(f.N, f.N?.ToString("#,0", c) ?? "", Number: true);
        var queueRows = new List<IReadOnlyList<Cell>> { QueueCells(q.Whole, d.Unit.Name + " " + H("Dashboards.Total", c), null) };
        queueRows.AddRange(q.Units.Select(r => QueueCells(r, r.Unit.Name, r.Leaf ? OperationalUrl(r.Unit.Id) : TacticalUrl(r.Unit.Id))));
        sections.Add(new DashSection("queue", queueTitle,
            q.Units.Count == 0 ? null : DashboardCharts.BarsSvg(H("Dashboards.Queue.Waiting", c), q.Units.Select(r => (r.Unit.Name, r.Waiting.Value)).ToList(), null, c),
            new DashTable("queue", queueTitle, [H("Dashboards.Unit", c), H("Dashboards.Queue.Waiting", c), Texts.Format("Dashboards.Queue.PastLimit", c, q.LimitDays),
                H("Dashboards.Queue.CallbacksOpen", c), H("Dashboards.Queue.CallbacksOverdue", c)], queueRows),
            Texts.Format("Dashboards.Queue.Note", c, d.MinimumCellSize)));

        var fbTitle = $"{H("Dashboards.Feedback", c)} – {period}";
        var fbRows = d.Feedback.Select(f => (IReadOnlyList<Cell>)
        [
            Cell.Of(f.Name), f.Unit is null ? Cell.Of("") : Cell.Of(f.Unit.Name, UrlFor(f.Unit)),
            f.Suppressed ? new Cell(cells.Label, cells.Label, Css: "suppressed", Number: true) : Number(f.Nps, "nps", c),
            f.Suppressed ? new Cell(cells.Label, cells.Label, Css: "suppressed", Number: true) : new Cell(f.Responses, f.Responses?.ToString("#,0", c) ?? "", Number: true),
        ]).ToList();
        sections.Add(new DashSection("feedback", fbTitle,
            d.Feedback.Count == 0 ? null : DashboardCharts.BarsSvg(fbTitle + " (NPS)", d.Feedback.Select(f => (f.Name, f.Nps)).ToList(), 0, c),
            new DashTable("feedback", fbTitle, [H("Dashboards.ServicePoint", c), H("Dashboards.Unit", c), "NPS", H("Dashboards.Responses", c)], fbRows),
            d.Feedback.Count == 0 ? H("Dashboards.NoServicePoints", c) : Texts.Format("Dashboards.FeedbackNote", c, d.MinimumCellSize)));
        return new DashboardView("tactical", H("Dashboards.Tactical.Title", c), d.Unit, d.Path, sections, DashboardTiles.Tactical(d, c));
    }

    // ---- operational -------------------------------------------------------------------------

    public static DashboardView Operational(OperationalDashboard d, CultureInfo c)
    {
        var cells = new CellSize(d.MinimumCellSize);
        var sections = new List<DashSection>();
        var names = d.Rows.ToDictionary(r => r.Code, r => Name(r.Name, c));
        var units = d.Rows.ToDictionary(r => r.Code, r => r.Unit);
        var items = d.OpenItems.Select(o => (IReadOnlyList<Cell>)(o.Kind switch
        {
            "open_feedback" =>
            [
                Cell.Of(H("Dashboards.Open.open_feedback", c)),
                Cell.Of(o.ServicePointName ?? o.ServicePoint ?? "", "/feedback/comments?servicePoint=" + Uri.EscapeDataString(o.ServicePoint ?? "") + "&onlyOpen=true"),
                Cell.Of(""), new Cell(o.Count, o.Count?.ToString(c) ?? "", Number: true), Cell.Of(""),
                Cell.Of(o.Since is { } s ? Texts.Format("Dashboards.Since", c, Texts.Date(s, c)) : ""),
            ],
            "callbacks_overdue" or "past_limit" =>
            [
                Cell.Of(H("Dashboards.Open." + o.Kind, c)), Cell.Of(d.Unit.Name), Cell.Of(H("Dashboards.Now", c)),
                new Cell(o.Count, o.Count?.ToString(c) ?? "", Number: true), o.Reference is { } days ? new Cell(days, Texts.Format("Dashboards.Days", c, days), Number: true) : Cell.Of(""),
                Cell.Of(H("Dashboards.Open.FromBoard", c)),
            ],
            _ =>
            [
                Cell.Of(H("Dashboards.Open." + o.Kind, c)), Cell.Of(names.GetValueOrDefault(o.IndicatorCode ?? "") ?? o.IndicatorCode ?? "", "#op-" + o.IndicatorCode),
                Cell.Of(PeriodText(d.PeriodType, o.Period, c)), Number(o.Value, units.GetValueOrDefault(o.IndicatorCode ?? "") ?? "", c),
                Number(o.Reference, units.GetValueOrDefault(o.IndicatorCode ?? "") ?? "", c),
                o.Light is { } l ? Light(l, c) : Cell.Of(H("Dashboards.Open.PreviousPeriod", c)),
            ],
        })).ToList();
        sections.Add(new DashSection("open-items", H("Dashboards.OpenItems", c), null,
            new DashTable("open-items", H("Dashboards.OpenItems", c),
                [H("Dashboards.What", c), H("Dashboards.Subject", c), H("Dashboards.Period", c), H("Dashboards.Value", c), H("Dashboards.Reference", c), H("Dashboards.Details", c)], items),
            items.Count == 0 ? H("Dashboards.NoOpenItems", c) : H("Dashboards.OpenItemsNote", c)));

        var labels = d.Periods.Select(p => PeriodText(d.PeriodType, p, c)).ToList();
        var matrix = d.Rows.Select(r => (IReadOnlyList<Cell>)new[] { Cell.Of(Name(r.Name, c), "#op-" + r.Code) }
            .Concat(r.Values.Select(v => Value(r.Unit, v, cells, c)))
            .Append(Number(r.Target?.Value, r.Unit, c)).Append(Light(r.Light, c)).Append(Value(r.Unit, r.Parent, cells, c)).ToList()).ToList();
        var matrixTitle = H(d.PeriodType == PeriodCode.Week ? "Dashboards.ByWeek" : "Dashboards.ByMonth", c);
        sections.Add(new DashSection("periods", matrixTitle, null,
            new DashTable("periods", Texts.Format("Dashboards.Operational.Caption", c, d.Unit.Name), [H("Dashboards.Indicator", c), .. labels, H("Dashboards.Target", c), H("Dashboards.Light", c), H("Dashboards.ParentValue", c)], matrix),
            d.PeriodType == PeriodCode.Week ? null : H("Dashboards.MonthsUntilWeeks", c)));

        foreach (var r in d.Rows)
        {
            var name = Name(r.Name, c);
            var rows = r.Values.Select(v => (IReadOnlyList<Cell>)[Cell.Of(PeriodText(d.PeriodType, v.Period, c)), Value(r.Unit, v, cells, c), N(v, c)]).ToList();
            sections.Add(new DashSection("op-" + r.Code, name,
                DashboardCharts.LineSvg(name, r.Values.Zip(labels).Select(x => (x.Second, x.First.Value)).ToList(), r.Target?.Value, c),
                new DashTable("op-" + r.Code, Texts.Format("Dashboards.TrendCaption", c, name, d.Unit.Name), [H("Dashboards.Period", c), H("Dashboards.Value", c), "n"], rows),
                ChartJson: DashboardChartData.Line(name, labels, r.Values, r.Target?.Value, r.Unit, c)));
        }
        return new DashboardView("operational", H("Dashboards.Operational.Title", c), d.Unit, d.Path, sections, DashboardTiles.Operational(d, c));
    }
}

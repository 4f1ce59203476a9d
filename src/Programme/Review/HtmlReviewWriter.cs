using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using Tilannekuva.Localisation;

namespace Tilannekuva.Programme.Review;

/// <summary>
/// The review as HTML: the web page embeds <see cref="Fragment"/> in its layout, the CLI writes
/// <see cref="Document"/> with its own print stylesheet. Charts are inline SVG, so the file stands alone.
/// </summary>
public static class HtmlReviewWriter
{
    public static string Document(ReviewModel m, CultureInfo c) =>
        $"""
        <!DOCTYPE html>
        <html lang="{Texts.Language(c)}"><head><meta charset="utf-8"><title>{E(Texts.Get("Review.Title", c))} {E(m.ProgrammeName)} {E(Texts.Date(m.MeetingDate, c))}</title>
        <style>{StandaloneCss}</style></head>
        <body><main>{Fragment(m, c)}</main></body></html>
        """;

    public static string Fragment(ReviewModel m, CultureInfo c)
    {
        var h = new StringBuilder();
        h.Append("<article class=\"review\">");
        h.Append($"<header class=\"review-title\"><h1>{E(Texts.Get("Review.Title", c))}: {E(m.ProgrammeName)}</h1>");
        var period = ReviewFormat.ProgrammePeriod(m, c);
        h.Append($"<p class=\"muted\">{E(Texts.Format("Review.MeetingDate", c, Texts.Date(m.MeetingDate, c)))}{(period is null ? "" : " · " + E(period))}</p></header>");

        // Plan changes first, as the steering group reads them first (the seed review opens with them).
        h.Append($"<section id=\"plan-changes\"><h2>{E(Texts.Get("Review.PlanChanges", c))}</h2>");
        if (m.PlanChanges.Count == 0) h.Append($"<p>{E(Texts.Get("Review.NoPlanChanges", c))}</p>");
        else
        {
            h.Append($"<table><thead><tr><th class=\"date\">{E(Texts.Get("Review.Date", c))}</th><th>{E(Texts.Get("Review.WorkPackage", c))}</th><th>{E(Texts.Get("Review.Description", c))}</th><th>{E(Texts.Get("Review.Status", c))}</th></tr></thead><tbody>");
            foreach (var p in m.PlanChanges)
                h.Append($"<tr><td class=\"date\">{E(Texts.Date(p.Date, c))}</td><td>{E(p.WorkPackageCode ?? Texts.Get("Review.ProgrammeLevel", c))}</td><td>{E(p.Description)}</td><td>{E(ReviewFormat.PlanChangeStatus(p.Status, c))}</td></tr>");
            h.Append("</tbody></table>");
        }
        h.Append("</section>");

        h.Append($"<section id=\"programme-indicators\"><h2>{E(Texts.Get("Review.ProgrammeIndicators", c))}</h2>");
        MetricTable(h, m.ProgrammeMetrics, c);
        foreach (var metric in m.ProgrammeMetrics.Where(x => x.HasNumericSeries))
            h.Append($"<figure class=\"chart\">{ReviewCharts.TrendSvg(metric, c, 640, 300)}</figure>");
        h.Append("</section>");

        h.Append($"<section id=\"changes\"><h2>{E(Texts.Get("Changes.Title", c))}</h2>");
        h.Append($"<p class=\"muted\">{E(Texts.Format("Changes.Window", c, Texts.Date(m.PreviousReview, c), Texts.Date(m.MeetingDate, c)))}</p>");
        var groups = ReviewFormat.Changes(m.Changes, c);
        if (groups.Count == 0) h.Append($"<p>{E(Texts.Get("Changes.None", c))}</p>");
        foreach (var (heading, lines) in groups)
        {
            h.Append($"<h3>{E(heading)} ({lines.Count})</h3><ul class=\"changes\">");
            foreach (var line in lines) h.Append($"<li>{E(line)}</li>");
            h.Append("</ul>");
        }
        h.Append("</section>");

        foreach (var w in m.WorkPackages) WorkPackage(h, w, c);

        h.Append($"<section id=\"budget\" class=\"wp\"><h2>{E(Texts.Get("Review.Budget", c))}</h2><table class=\"budget\"><thead><tr>");
        foreach (var key in new[] { "Review.Pillar", "Review.Investment" }) h.Append($"<th>{E(Texts.Get(key, c))}</th>");
        foreach (var key in new[] { "Review.CostEstimate", "Review.Planned", "Review.Actual", "Review.Forecast", "Review.UsePercent" }) h.Append($"<th class=\"num\">{E(Texts.Get(key, c))}</th>");
        h.Append("</tr></thead><tbody>");
        foreach (var b in m.Budget)
            h.Append($"<tr><td>{E(b.PillarCode)}</td><td>{E(b.InvestmentCode)} {E(b.Title)}</td>{MoneyCells(b.CostEstimate, b.Money, c)}</tr>");
        var total = Money.Sum(m.Budget.Select(b => b.Money));
        h.Append($"<tr><th colspan=\"2\">{E(Texts.Get("Review.Total", c))}</th>{MoneyCells(m.Budget.Sum(b => b.CostEstimate), total, c, "th")}</tr>");
        h.Append("</tbody></table></section>");

        h.Append($"<section id=\"finance\"><h2>{E(Texts.Get("Review2.Finance", c))}</h2>");
        foreach (var b in m.Budget) Investment(h, b, c);
        h.Append("</section>");

        h.Append($"<section id=\"risks\" class=\"wp\"><h2>{E(Texts.Get("Review.RiskMatrix", c))}</h2>");
        if (m.Risks.Count == 0) h.Append($"<p>{E(Texts.Get("Review.NoRisks", c))}</p>");
        else
        {
            h.Append($"<figure class=\"chart matrix\">{ReviewCharts.RiskMatrixSvg(m.Risks, c, 420)}</figure>");
            h.Append($"<table><thead><tr><th>{E(Texts.Get("Review.WorkPackage", c))}</th><th>{E(Texts.Get("Review.Risk", c))}</th><th class=\"num\">{E(Texts.Get("Review.Probability", c))}</th><th class=\"num\">{E(Texts.Get("Review.Impact", c))}</th><th class=\"num\">{E(Texts.Get("Review.Score", c))}</th><th>{E(Texts.Get("Review.Mitigation", c))}</th></tr></thead><tbody>");
            foreach (var r in m.Risks.OrderByDescending(r => r.Probability * r.Impact))
                h.Append($"<tr><td>{E(r.WorkPackageCode ?? Texts.Get("Review.ProgrammeLevel", c))}</td><td>{E(r.Description)}</td><td class=\"num\">{r.Probability}</td><td class=\"num\">{r.Impact}</td><td class=\"num\">{r.Score}</td><td>{E(r.Mitigation)}</td></tr>");
            h.Append("</tbody></table>");
        }
        h.Append("</section>");

        h.Append($"<section id=\"findings\"><h2>{E(Texts.Get("Review.Findings", c))}</h2>");
        if (m.Findings.Count == 0) h.Append($"<p>{E(Texts.Get("Review.NoFindings", c))}</p>");
        foreach (var f in m.Findings) h.Append($"<p class=\"finding\">{E(f.Message(c))}</p>");
        h.Append("</section></article>");
        return h.ToString();
    }

    private static void WorkPackage(StringBuilder h, WorkPackageView w, CultureInfo c)
    {
        h.Append($"<section class=\"wp\" id=\"wp-{w.WorkPackageId}\"><h2>{E(ReviewFormat.WorkPackageHeading(w, c))}</h2>");
        if (ReviewFormat.Responsible(w, c) is { } responsible) h.Append($"<p class=\"muted\">{E(responsible)}</p>");
        h.Append($"<h3>{E(Texts.Get("Review2.Done", c))}</h3>");
        if (w.Notes.Count == 0) h.Append($"<p class=\"muted\">{E(Texts.Get("Review2.NoNote", c))}</p>");
        foreach (var n in w.Notes) Paragraphs(h, n.Text);
        if (w.Goals.Count > 0)
        {
            h.Append($"<h3>{E(Texts.Get("Review.Goals", c))}</h3><ul>");
            foreach (var g in w.Goals) h.Append($"<li>{E(g)}</li>");
            h.Append("</ul>");
        }
        h.Append($"<h3>{E(Texts.Get("Review.Actions", c))}</h3><table class=\"actions\"><tbody>");
        foreach (var a in w.Actions)
        {
            var status = a.Status?.ToString() ?? "None";
            var label = ReviewFormat.Status(a.Status, c);
            if (a.Status == Domain.ActionStatus.Postponed && a.PostponedTo is { } to) label = Texts.Format("Review.PostponedTo", c, label, Texts.Date(to, c));
            h.Append($"<tr><td class=\"num\">{a.Number}.</td><td>{E(a.Title)}{(a.Comment.Length > 0 ? $"<div class=\"muted small\">{E(a.Comment)}</div>" : "")}</td><td><span class=\"status {status}\">{E(label)}</span></td></tr>");
        }
        h.Append("</tbody></table>");
        if (w.OverdueMilestones > 0)
            h.Append($"<p class=\"overdue\">{E(Texts.Format("Review.OverdueMilestones", c, w.OverdueMilestones))}</p>");
        if (w.Metrics.Count > 0)
        {
            h.Append($"<h3>{E(Texts.Get("Review.Metrics", c))}</h3>");
            MetricTable(h, w.Metrics, c);
            if (w.MainMetric is { } main)
                h.Append($"<figure class=\"chart\">{ReviewCharts.TrendSvg(main, c, 640, 300)}</figure>");
        }
        if (ReviewFormat.WorkPackageBudget(w, c) is { } budget) h.Append($"<p class=\"muted\">{E(budget)}</p>");
        h.Append("</section>");
    }

    /// <summary>An investment's finance comment of the period and its work packages' procurements.</summary>
    private static void Investment(StringBuilder h, InvestmentBudget b, CultureInfo c)
    {
        h.Append($"<section class=\"investment\"><h3>{E(Texts.Format("Review2.InvestmentHeading", c, b.PillarCode, b.InvestmentCode, b.Title))}</h3>");
        h.Append($"<h4>{E(Texts.Get("Review2.FinanceComment", c))}</h4>");
        if (b.FinanceNotes.Count == 0) h.Append($"<p class=\"muted\">{E(Texts.Get("Review2.NoFinanceNote", c))}</p>");
        foreach (var n in b.FinanceNotes) Paragraphs(h, n.Text);
        h.Append($"<h4>{E(Texts.Get("Review2.Procurements", c))}</h4>");
        if (b.Procurements.Count == 0) h.Append($"<p class=\"muted\">{E(Texts.Get("Review2.NoProcurements", c))}</p>");
        else
        {
            h.Append($"<table class=\"procurements\"><thead><tr><th>{E(Texts.Get("Review.WorkPackage", c))}</th><th>{E(Texts.Get("Review2.Procurements", c))}</th><th>{E(Texts.Get("Review.Status", c))}</th><th class=\"num\">{E(Texts.Get("Review2.Amount", c))}</th></tr></thead><tbody>");
            foreach (var p in b.Procurements)
                h.Append($"<tr><td>{E(p.WorkPackageCode)}</td><td>{E(p.Description)}</td><td>{E(p.Status)}</td><td class=\"num\">{E(ReviewFormat.Euros(p.Amount, c))}</td></tr>");
            h.Append($"<tr><th colspan=\"3\">{E(Texts.Get("Review.Total", c))}</th><th class=\"num\">{E(ReviewFormat.Euros(b.Procurements.Sum(p => p.Amount), c))}</th></tr>");
            h.Append("</tbody></table>");
        }
        h.Append("</section>");
    }

    /// <summary>Free text as paragraphs (a blank line starts a new one; single line breaks are kept).</summary>
    private static void Paragraphs(StringBuilder h, string text)
    {
        foreach (var para in ReviewFormat.Paragraphs(text))
            h.Append($"<p class=\"note\">{string.Join("<br>", para.Split('\n').Select(E))}</p>");
    }

    private static void MetricTable(StringBuilder h, IReadOnlyList<MetricView> metrics, CultureInfo c)
    {
        if (metrics.Count == 0) { h.Append($"<p>{E(Texts.Get("Review.NoMetrics", c))}</p>"); return; }
        h.Append($"<table class=\"metrics\"><thead><tr><th>{E(Texts.Get("Review.Metric", c))}</th><th>{E(Texts.Get("Review.Latest", c))}</th><th>{E(Texts.Get("Review.Target", c))}</th><th>{E(Texts.Get("Review.Light", c))}</th></tr></thead><tbody>");
        foreach (var x in metrics)
            h.Append($"<tr data-metric=\"{x.MetricId}\"><td>{E(x.Name)}</td><td>{E(ReviewFormat.Latest(x, c))}</td><td>{E(ReviewFormat.Target(x, c))}</td><td><span class=\"light {x.Light}\" style=\"background:#{ReviewFormat.LightColour(x.Light)}\"></span>{E(ReviewFormat.Light(x.Light, c))}</td></tr>");
        h.Append("</tbody></table>");
    }

    private static string MoneyCells(decimal estimate, Money m, CultureInfo c, string cell = "td") =>
        $"<{cell} class=\"num\">{E(ReviewFormat.Euros(estimate, c))}</{cell}><{cell} class=\"num\">{E(ReviewFormat.Euros(m.Planned, c))}</{cell}><{cell} class=\"num\">{E(ReviewFormat.Euros(m.Actual, c))}</{cell}><{cell} class=\"num\">{E(ReviewFormat.Euros(m.Forecast, c))}</{cell}><{cell} class=\"num\">{E(ReviewFormat.Percent(m.UsePercent, c))}</{cell}>";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string s) => Encoder.Encode(s);

    private const string StandaloneCss = """
        body{font:11pt/1.4 "DejaVu Sans",system-ui,sans-serif;color:#1b1f24;margin:1.5cm}
        table{border-collapse:collapse;width:100%;margin:.3rem 0 1rem}th,td{border-bottom:1px solid #d0d7de;padding:.25rem .4rem;text-align:left;vertical-align:top}
        th{background:#f6f8fa}.num{text-align:right;white-space:nowrap}.muted{color:#4b5563}.small{font-size:.85em}
        .light{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.3em}
        .status{border:1px solid #d0d7de;border-radius:.5em;padding:0 .4em;white-space:nowrap}
        .finding{border-left:4px solid #9a6700;background:#fff8c5;padding:.3rem .5rem}
        .chart svg{max-width:640px;width:100%;height:auto}
        td,th{overflow-wrap:anywhere}.num,.date{overflow-wrap:normal;white-space:nowrap}.overdue{color:#c62828;font-weight:bold}
        .note{max-width:48rem}main{max-width:60rem}
        @page{size:A4;margin:1.5cm}
        @media print{body{margin:0}main{max-width:none}section.wp{break-before:page}h2,h3,h4{break-after:avoid}tr,figure{break-inside:avoid}thead{display:table-header-group}
        .chart svg{max-width:100%}}
        """;
}

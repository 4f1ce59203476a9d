using System.Globalization;
using System.Net;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Reporting;
using Tilannekuva.Feedback.Scrubbing;
using Tilannekuva.Localisation;

namespace Tilannekuva.Web.Pages.Feedback;

/// <summary>Small formatting helpers for the feedback views.</summary>
public static class FeedbackView
{
    public static string Language => Texts.Language(CultureInfo.CurrentUICulture);

    public static string StatementText(QuestionnaireItem item) =>
        item.IsNational ? Texts.Get($"Feedback.Statement.{item.Code}") : item.OwnText(Language);

    /// <summary>
    /// A short column heading for a statement: its theme (and "children" for the child set), or an own statement's text
    /// cut short; the full text is the heading's title. People read words, not statement codes.
    /// </summary>
    public static string StatementShort(string code, IReadOnlyDictionary<string, QuestionnaireItem>? own = null)
    {
        if (NationalStatements.Find(code) is { } s)
        {
            var theme = Texts.Get($"Feedback.Theme.{s.Theme}");
            var sameTheme = NationalStatements.For(s.Audience).Where(x => x.Theme == s.Theme).Select(x => x.Code).ToList();
            var n = sameTheme.Count > 1 ? " " + (sameTheme.IndexOf(code) + 1) : "";
            return s.Audience == Audience.Child ? Texts.Format("Pages2.Feedback.ChildTheme", null, theme + n) : theme + n;
        }
        var text = StatementText(code, own);
        return text.Length > 24 ? text[..22] + "…" : text;
    }

    /// <summary>A statement code's text for result tables: national from the bank, own from the given questionnaire items.</summary>
    public static string StatementText(string code, IReadOnlyDictionary<string, QuestionnaireItem>? own = null) =>
        NationalStatements.Find(code) is not null ? Texts.Get($"Feedback.Statement.{code}")
        : own is not null && own.TryGetValue(code, out var item) ? item.OwnText(Language) : code;

    /// <summary>Open text, HTML-encoded, with the scrubbing markers shown in the reader's language.</summary>
    public static string OpenTextHtml(string text)
    {
        var html = WebUtility.HtmlEncode(text);
        foreach (var marker in new[] { TextScrubber.IdentityCodeMarker, TextScrubber.PhoneMarker, TextScrubber.EmailMarker })
            html = html.Replace(marker, $"<mark>{WebUtility.HtmlEncode(Texts.Get("Feedback.Marker." + marker.Trim('[', ']')))}</mark>", StringComparison.Ordinal);
        return html;
    }

    public static string Nps(NpsResult r) => r.Nps is { } v ? v.ToString("+0;−0;0", CultureInfo.CurrentCulture) : "–";

    public static string Interval(NpsResult r) => r.Interval95 is { } i
        ? $"{i.Low.ToString("+0;−0;0", CultureInfo.CurrentCulture)} … {i.High.ToString("+0;−0;0", CultureInfo.CurrentCulture)}" : "–";

    public static string Mean(double? m) => m?.ToString("0.00", CultureInfo.CurrentCulture) ?? "–";

    public static string Percent(double p) => p.ToString("0", CultureInfo.CurrentCulture);

    public static string ChannelName(Channel c) => Texts.Get($"Feedback.Channel.{c}");

    /// <summary>A result row's key as a reader sees it (service point and service names, channel names, periods as they are).</summary>
    public static string KeyName(Breakdown by, string key, IReadOnlyDictionary<string, string> servicePoints, IReadOnlyDictionary<string, string> services) => by switch
    {
        Breakdown.ServicePoint => servicePoints.GetValueOrDefault(key, key),
        Breakdown.Service => services.GetValueOrDefault(key, key),
        Breakdown.Channel => Enum.TryParse<Channel>(key, out var c) ? ChannelName(c) : key,
        Breakdown.Total => Texts.Get("Feedback.Results.Total"),
        _ => key,
    };
}

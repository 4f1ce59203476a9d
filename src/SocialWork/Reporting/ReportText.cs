using System.Globalization;
using Tilannekuva.Localisation;
using Tilannekuva.SocialWork.Domain;

namespace Tilannekuva.SocialWork;

/// <summary>How the report's figures read, the same on the page and in the document.</summary>
public static class ReportText
{
    public static string Figure(int? n, CultureInfo c) => n is { } x ? x.ToString("N0", c) : Texts.Get("SocialWork.Report.Hidden", c);

    public static string Change(ReportRow r, CultureInfo c) => r.Change switch
    {
        null => Texts.Get("SocialWork.Report.NoTrend", c),
        0 => "±0",
        > 0 and var x => "+" + x.ToString("N0", c),
        var x => "−" + Math.Abs(x!.Value).ToString("N0", c),
    };

    public static string PeriodName(ReportPeriod p, CultureInfo c) => p.Half is { } h
        ? Texts.Format("SocialWork.Period.Half", c, h, p.Year)
        : Texts.Format("SocialWork.Period.Year", c, p.Year);

    /// <summary>The three breakdowns with their headings and how a code is named.</summary>
    public static IEnumerable<(string Heading, IReadOnlyList<ReportRow> Rows, Func<string, string> Name)> Breakdowns(SocialWorkReport r, CultureInfo c) =>
    [
        (Texts.Get("SocialWork.Report.ByCategory", c), r.ByCategory, code => CodeLists.CategoryName(code, c)),
        (Texts.Get("SocialWork.Report.ByArea", c), r.ByArea, code => CodeLists.AreaName(code, c)),
        (Texts.Get("SocialWork.Report.ByClientGroup", c), r.ByClientGroup, code => CodeLists.ClientGroupName(code, c)),
    ];
}

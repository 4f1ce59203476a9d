using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.Reports;
using Tilannekuva.Programme.Review;
using Tilannekuva.Programme.Tests.Fixtures;

namespace Tilannekuva.Programme.Tests.Review;

/// <summary>No output shows a placeholder ("{0}") or a text key ("Review.Responsible") instead of words, in any language.</summary>
public sealed partial class OutputTextsTests
{
    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    // A text key: PascalCase segments joined by dots ("Review.Title", "IndicatorPage.Unit.index").
    [GeneratedRegex(@"\b[A-Z][a-z]+[A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*\.[A-Z][A-Za-z0-9]*\b")]
    private static partial Regex KeyLike();

    private static readonly HashSet<string> Keys = [.. Texts.KeysByCulture()["fi"]];

    public static TheoryData<string, string> SetsAndCultures()
    {
        var data = new TheoryData<string, string>();
        foreach (var set in new[] { "standard", "demo", "brim" })
            foreach (var c in ReviewSamples.Cultures) data.Add(set, c);
        return data;
    }

    private static ReviewModel Model(string set) => set == "standard"
        ? ReviewBuilder.Build(new StandardProgramme().Programme, StandardProgramme.Meeting)
        : ReviewSamples.Model(set);

    [Theory]
    [MemberData(nameof(SetsAndCultures))]
    public void Review_and_monthly_files_show_words_not_keys(string set, string cultureName)
    {
        var c = CultureInfo.GetCultureInfo(cultureName);
        var model = Model(set);
        var outputs = new Dictionary<string, string>
        {
            ["html"] = HtmlText(HtmlReviewWriter.Document(model, c)),
            ["pptx"] = PackageText(PptxReviewWriter.ToBytes(model, c)),
            ["docx"] = PackageText(DocxReviewWriter.ToBytes(model, c)),
        };
        var rows = MonthlyReport.Rows(model);
        using (var csv = new MemoryStream())
        {
            MonthlyReport.WriteCsv(rows, csv, c);
            outputs["csv"] = Encoding.UTF8.GetString(csv.ToArray());
        }
        using (var xlsx = new MemoryStream())
        {
            MonthlyReport.WriteXlsx(rows, xlsx, c);
            outputs["xlsx"] = PackageText(xlsx.ToArray());
        }

        foreach (var (format, text) in outputs)
        {
            Assert.True(text.Length > 200, $"{format}: almost no text");
            var placeholders = Placeholder().Matches(text).Select(m => Around(text, m.Index)).ToList();
            Assert.True(placeholders.Count == 0, $"{format} ({cultureName}) has placeholders: {string.Join(" | ", placeholders.Take(5))}");
            var keys = KeyLike().Matches(text).Select(m => m.Value).Distinct().ToList();
            Assert.True(keys.Count == 0, $"{format} ({cultureName}) has text keys: {string.Join(", ", keys.Take(10))}");
            var known = Keys.Where(k => k.Contains('.') && text.Contains(k, StringComparison.Ordinal)).ToList();
            Assert.True(known.Count == 0, $"{format} ({cultureName}) has text keys: {string.Join(", ", known.Take(10))}");
        }
        // The headers people see are the language's words.
        Assert.Contains(Texts.Get("Review.RiskMatrix", c), outputs["pptx"]);
        Assert.Contains(Texts.Get("Review2.Procurements", c), outputs["docx"]);
        Assert.Contains(Texts.Get("Monthly.Status", c), outputs["csv"]);
    }

    private static string Around(string text, int index) => text.Substring(Math.Max(0, index - 40), Math.Min(80, text.Length - Math.Max(0, index - 40)));

    /// <summary>The visible text of an HTML document: tags and style sheets dropped, entities decoded.</summary>
    private static string HtmlText(string html)
    {
        var noStyle = Regex.Replace(html, "<style[^>]*>.*?</style>", " ", RegexOptions.Singleline);
        return WebUtility.HtmlDecode(Regex.Replace(noStyle, "<[^>]+>", " "));
    }

    /// <summary>Every text node and alternative text of every XML part of an Office package.</summary>
    private static string PackageText(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var sb = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var stream = entry.Open();
            var doc = XDocument.Load(stream);
            foreach (var node in doc.DescendantNodes().OfType<XText>()) sb.Append(node.Value).Append('\n');
            foreach (var attr in doc.Descendants().Attributes().Where(a => a.Name.LocalName is "descr" or "title")) sb.Append(attr.Value).Append('\n');
        }
        return sb.ToString();
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Tilannekuva.Programme.Review;
using Tilannekuva.TestSupport;
using A = DocumentFormat.OpenXml.Drawing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Tilannekuva.Programme.Tests.Review;

/// <summary>
/// The PPTX and DOCX of the demo and of the brimful programme in fi, sv and en, rendered by LibreOffice to PDF in
/// one run (LibreOffice starts slowly) and read back with word positions.
/// </summary>
public sealed class RenderedReviews : IDisposable
{
    public sealed record Rendered(ReviewModel Model, CultureInfo Culture, string File, PdfLayout Pdf);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "tilannekuva-rendered-" + Guid.NewGuid().ToString("N"));

    public Dictionary<string, Rendered> Files { get; } = [];

    public RenderedReviews()
    {
        Directory.CreateDirectory(Folder);
        var written = new List<(string Key, ReviewModel Model, CultureInfo Culture, string Path)>();
        foreach (var set in ReviewSamples.Sets)
        {
            var model = ReviewSamples.Model(set);
            foreach (var name in ReviewSamples.Cultures)
            {
                var c = CultureInfo.GetCultureInfo(name);
                foreach (var format in new[] { ReviewFileFormat.Pptx, ReviewFileFormat.Docx })
                {
                    var file = ReviewDocuments.Render(model, format, c);
                    // The format in the name too: LibreOffice names each PDF after its file.
                    var path = Path.Combine(Folder, $"{set}-{name}-{format}{Path.GetExtension(file.FileName)}".ToLowerInvariant());
                    File.WriteAllBytes(path, file.Content);
                    written.Add((Key(set, name, format), model, c, path));
                }
            }
        }
        var pdfs = OfficeRender.ToPdf(written.Select(w => w.Path).ToList(), Path.Combine(Folder, "pdf"), TimeSpan.FromMinutes(8));
        for (var i = 0; i < written.Count; i++)
            Files[written[i].Key] = new(written[i].Model, written[i].Culture, written[i].Path, OfficeRender.ReadLayout(pdfs[i]));
    }

    public static string Key(string set, string culture, ReviewFileFormat format) => $"{set}/{culture}/{format}";

    public void Dispose()
    {
        // Kept when TILANNEKUVA_KEEP_RENDERED is set, to look at the PDFs by eye.
        if (Environment.GetEnvironmentVariable("TILANNEKUVA_KEEP_RENDERED") is null)
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

public sealed class RenderedReviewTests(RenderedReviews rendered) : IClassFixture<RenderedReviews>
{
    public static TheoryData<string, string, ReviewFileFormat> All()
    {
        var data = new TheoryData<string, string, ReviewFileFormat>();
        foreach (var set in ReviewSamples.Sets)
            foreach (var c in ReviewSamples.Cultures)
                foreach (var f in new[] { ReviewFileFormat.Pptx, ReviewFileFormat.Docx })
                    data.Add(set, c, f);
        return data;
    }

    // Bullets are left out: the PDF reads a column of bullets apart from their text.
    private static string Squeeze(string s) => Regex.Replace(PdfLayout.Normalise(s), @"[\s•]+", "");

    /// <summary>The paragraphs of the Office file as its XML holds them, and whether each sits in a table cell.</summary>
    private static List<(string Text, bool InTable)> Paragraphs(string path, ReviewFileFormat format)
    {
        if (format == ReviewFileFormat.Pptx)
        {
            using var deck = PresentationDocument.Open(path, false);
            return deck.PresentationPart!.SlideParts.SelectMany(s => s.Slide!.Descendants<A.Paragraph>())
                .Select(p => (p.InnerText, p.Ancestors<A.TableCell>().Any())).Where(t => t.InnerText.Trim().Length > 0).ToList();
        }
        using var doc = WordprocessingDocument.Open(path, false);
        return doc.MainDocumentPart!.Document!.Body!.Descendants<W.Paragraph>()
            .Select(p => (p.InnerText, p.Ancestors<W.TableCell>().Any())).Where(t => t.InnerText.Trim().Length > 0).ToList();
    }

    /// <summary>
    /// Whether a paragraph's text is in the PDF: in one piece; for a table cell (whose lines the PDF may read
    /// interleaved with the next cell's) every word of it.
    /// </summary>
    private static bool Shown(string pdfText, string paragraph, bool inTable) =>
        pdfText.Contains(Squeeze(paragraph), StringComparison.Ordinal)
        || inTable && PdfLayout.Normalise(paragraph).Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => pdfText.Contains(Squeeze(w), StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(All))]
    public void All_text_lies_inside_the_page_and_none_is_lost(string set, string culture, ReviewFileFormat format)
    {
        var r = rendered.Files[RenderedReviews.Key(set, culture, format)];
        Assert.Empty(r.Pdf.WordsOutsidePage());
        // Everything written into the file is on some page: nothing cut off at a slide's edge or hidden under another shape.
        var pdfText = Squeeze(r.Pdf.FlowText);
        var lost = Paragraphs(r.File, format).Where(p => !Shown(pdfText, p.Text, p.InTable)).Select(p => p.Text).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} paragraphs not in the PDF, e.g.:\n" + string.Join("\n", lost.Take(5)));
    }

    [Theory]
    [MemberData(nameof(All))]
    public void No_figure_is_broken_across_lines(string set, string culture, ReviewFileFormat format)
    {
        var r = rendered.Files[RenderedReviews.Key(set, culture, format)];
        var figures = ReviewSamples.Figures(r.Model, r.Culture);
        var flow = PdfLayout.Normalise(r.Pdf.FlowText);
        // The budget total is shown in every file.
        var total = ReviewFormat.Euros(Money.Sum(r.Model.Budget.Select(b => b.Money)).Planned, r.Culture);
        Assert.Contains(PdfLayout.Normalise(total), flow);
        Assert.Empty(r.Pdf.BrokenFigures(figures));
    }

    [Theory]
    [InlineData("fi-FI", "Yhteensä", "(jatkuu)")]
    [InlineData("sv-FI", "Totalt", "(forts.)")]
    [InlineData("en-GB", "Total", "(continued)")]
    public void Brimful_deck_continues_on_following_slides_and_keeps_the_total_row(string culture, string total, string continued)
    {
        var r = rendered.Files[RenderedReviews.Key("brim", culture, ReviewFileFormat.Pptx)];
        var pages = r.Pdf.Pages;
        // 6 work packages × 50 status changes cannot fit on one slide: the changes, the work packages and the risks continue.
        Assert.True(pages.Count > 20, $"only {pages.Count} slides");
        Assert.True(pages.Count(p => p.Lines.Any(l => l.Text.Contains(continued, StringComparison.Ordinal))) >= 10);
        // The budget total row reads whole, with its figure on the same line.
        var planned = PdfLayout.Normalise(ReviewFormat.Euros(Money.Sum(r.Model.Budget.Select(b => b.Money)).Planned, r.Culture));
        var rows = pages.SelectMany(p => p.Lines.SelectMany(l => l.Words).Where(w => w.Text == total).Select(w => RowText(p, w))).ToList();
        Assert.Contains(rows, row => row.Contains(planned, StringComparison.Ordinal));
        // Every one of the 30 risks and 300 status changes is somewhere in the deck.
        var text = PdfLayout.Normalise(r.Pdf.FlowText);
        Assert.Equal(30, r.Model.Risks.Count);
        Assert.All(Enumerable.Range(1, 5), i => Assert.Contains($"Riski {i}:", text));
    }

    /// <summary>The words on the same row as a word (a table row: its cells are separate lines in the PDF), left to right.</summary>
    private static string RowText(PdfPage page, PdfWord word) => PdfLayout.Normalise(string.Join(' ', page.Lines.SelectMany(l => l.Words)
        .Where(w => Math.Abs(w.YMin - word.YMin) < 2).OrderBy(w => w.XMin).Select(w => w.Text)));

    [Theory]
    [InlineData("fi-FI")]
    [InlineData("en-GB")]
    public void Word_tables_fill_the_text_width(string culture)
    {
        var r = rendered.Files[RenderedReviews.Key("demo", culture, ReviewFileFormat.Docx)];
        // The budget table's total row: its last figure (use %) ends near the right margin (2 cm on A4 = 56.7 pt).
        var total = culture == "fi-FI" ? "Yhteensä" : "Total";
        var page = r.Pdf.Pages.First(p => p.Lines.Any(l => l.Text == total));
        var word = page.Lines.First(l => l.Text == total).Words[0];
        var rightmost = page.Lines.SelectMany(l => l.Words).Where(w => Math.Abs(w.YMin - word.YMin) < 2).Max(w => w.XMax);
        var planned = PdfLayout.Normalise(ReviewFormat.Euros(Money.Sum(r.Model.Budget.Select(b => b.Money)).Planned, r.Culture));
        Assert.Contains(planned, RowText(page, word));
        Assert.True(rightmost > page.Width - 56.7 - 30, $"text ends at {rightmost:0} of {page.Width:0} pt: tables do not reach the right margin");
    }
}

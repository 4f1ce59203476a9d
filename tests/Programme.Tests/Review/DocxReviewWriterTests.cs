using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Tilannekuva.Programme.Review;
using Tilannekuva.Programme.Tests.Fixtures;

namespace Tilannekuva.Programme.Tests.Review;

public class DocxReviewWriterTests
{
    [Theory]
    [InlineData("fi-FI", "Riskimatriisi", "Tavoitteessa")]
    [InlineData("sv-FI", "Riskmatris", "Enligt mål")]
    [InlineData("en-GB", "Risk matrix", "On track")]
    public void Document_is_valid_with_headings_tables_and_pictures(string cultureName, string riskHeading, string green)
    {
        var s = new StandardProgramme();
        s.F.Risk(s.Tp2, "Väärin laskettu", 2, 3, score: 5); // one finding for the appendix
        var model = ReviewBuilder.Build(s.Programme, StandardProgramme.Meeting);
        var bytes = DocxReviewWriter.ToBytes(model, CultureInfo.GetCultureInfo(cultureName));
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), $"tilannekuva-review-{cultureName}.docx"), bytes);

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);

        var body = doc.MainDocumentPart!.Document!.Body!;
        var headings1 = body.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1")
            .Select(p => p.InnerText).ToList();
        // plan changes, indicators, changes, 3 work packages, budget, finances, risks, findings
        Assert.Equal(10, headings1.Count);
        Assert.Equal(["P4 INV1 TP1: Digituki", "P4 INV1 TP2: Chat ja chatbot", "P4 INV2 TP1: Hyte-palvelutarjotin"], headings1.Skip(3).Take(3));
        Assert.DoesNotContain("{0}", body.InnerText);
        Assert.Contains("Digituen malli valmistui ja julkaistiin.", body.InnerText);
        Assert.Contains("Chat-alusta", body.InnerText);
        // Tables span the text width with a fixed layout; amounts never wrap.
        Assert.All(body.Elements<Table>(), t => Assert.Equal("5000", t.GetFirstChild<TableProperties>()!.TableWidth!.Width!.Value));
        Assert.All(body.Descendants<TableCell>().Where(c => c.InnerText.EndsWith("€", StringComparison.Ordinal)),
            c => Assert.NotNull(c.TableCellProperties!.NoWrap));
        Assert.Contains(riskHeading, headings1);
        Assert.Contains(green, body.InnerText);
        Assert.Contains("Väärin laskettu", body.InnerText.Split(headings1[^1])[^1]);
        Assert.Equal(3, doc.MainDocumentPart.ImageParts.Count()); // two trends + risk matrix
        Assert.True(body.Elements<Table>().Count() >= 6);
    }
}

using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Tilannekuva.Programme.Review;
using Tilannekuva.Programme.Tests.Fixtures;
using A = DocumentFormat.OpenXml.Drawing;

namespace Tilannekuva.Programme.Tests.Review;

public class PptxReviewWriterTests
{
    private static List<string> SlideTexts(PresentationDocument doc) =>
        doc.PresentationPart!.Presentation!.SlideIdList!.Elements<DocumentFormat.OpenXml.Presentation.SlideId>()
            .Select(id => (SlidePart)doc.PresentationPart.GetPartById(id.RelationshipId!))
            .Select(p => string.Join("\n", p.Slide!.Descendants<A.Paragraph>().Select(x => x.InnerText)))
            .ToList();

    [Theory]
    [InlineData("fi-FI", "Tavoitteessa", "Lähellä tavoitetta", "Riskimatriisi")]
    [InlineData("sv-FI", "Enligt mål", "Nära målet", "Riskmatris")]
    [InlineData("en-GB", "On track", "Near target", "Risk matrix")]
    public void Deck_is_valid_and_has_one_slide_per_work_package(string cultureName, string green, string amber, string riskTitle)
    {
        var culture = CultureInfo.GetCultureInfo(cultureName);
        var model = ReviewBuilder.Build(new StandardProgramme().Programme, StandardProgramme.Meeting);
        var bytes = PptxReviewWriter.ToBytes(model, culture);
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), $"tilannekuva-review-{cultureName}.pptx"), bytes);

        using var doc = PresentationDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);

        var slides = SlideTexts(doc);
        Assert.Equal(PptxReviewWriter.FixedSlideCount + 3, slides.Count);
        Assert.Contains("Kestävän kasvun Testimaa", slides[0]);
        // Work-package slides follow the three opening slides, in pillar / investment / order.
        Assert.Contains("Digituki", slides[3]);
        Assert.Contains("Chat ja chatbot", slides[4]);
        Assert.Contains("Hyte-palvelutarjotin", slides[5]);
        Assert.Contains(green, slides[3]);   // Koulutetut 120 ≥ 100
        Assert.Contains(amber, slides[3]);   // Etäasiointi 33,5 vs 35
        Assert.Contains(riskTitle, slides[^2]);

        // Each work package with numbers has its trend chart; the risk slide has the matrix.
        var parts = doc.PresentationPart!.SlideParts.ToList();
        Assert.Equal(3, parts.Count(p => p.ImageParts.Any()));
    }

    [Fact]
    public void Finnish_deck_shows_statuses_numbers_and_changes()
    {
        var fi = CultureInfo.GetCultureInfo("fi-FI");
        var model = ReviewBuilder.Build(new StandardProgramme().Programme, StandardProgramme.Meeting);
        using var doc = PresentationDocument.Open(new MemoryStream(PptxReviewWriter.ToBytes(model, fi)), false);
        var slides = SlideTexts(doc);
        Assert.Contains("Ohjausryhmäkatsaus 12.12.2024", slides[0]);
        Assert.Contains("Hoitotakuu 7 vrk", slides[1]);
        Assert.Contains("82 % (30.11.2024)", slides[1]);
        Assert.Contains("80 % (Q4/2025)", slides[1]);
        Assert.Contains("Ajalla 10.9.2024 – 12.12.2024", slides[2]);
        Assert.Contains("TP1 / 1. Digituen malli: Käynnissä → Valmis (15.11.2024)", slides[2]);
        Assert.Contains("1. Digituen malli – Valmis", slides[3]);
        Assert.Contains("3. Chatbot – Siirretty, uusi ajankohta 1.3.2025", slides[3]);
        Assert.Contains("Myöhässä olevia virstanpylväitä: 1", slides[3]);
        Assert.Contains("300\u00a0000 €", slides[^3]);   // budget: INV1 planned 200 000 + 100 000
        Assert.Contains("30,0 %", slides[^3]);            // INV1 use: 90 000 / 300 000
        Assert.Contains("TP2 laajennus", slides[^1]);
        Assert.Contains("Chat&Chatbot", slides[^1]);
        Assert.DoesNotContain("Myöhempi muutos", slides[^1]);
    }
}

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
        // Title, plan changes, indicators, changes, 3 work packages, budget, finances of 2 investments, risks: nothing continues.
        Assert.Equal(11, slides.Count);
        Assert.Contains("Kestävän kasvun Testimaa", slides[0]);
        // Work-package slides follow the four opening slides, in pillar / investment / order.
        Assert.StartsWith("P4 INV1 TP1: Digituki", slides[4]);
        Assert.StartsWith("P4 INV1 TP2: Chat ja chatbot", slides[5]);
        Assert.StartsWith("P4 INV2 TP1: Hyte-palvelutarjotin", slides[6]);
        Assert.Contains(green, slides[4]);   // Koulutetut 120 ≥ 100
        Assert.Contains(amber, slides[4]);   // Etäasiointi 33,5 vs 35
        Assert.StartsWith(riskTitle, slides[^1]);

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
        Assert.Contains("Hankeaika 2023–2025", slides[0]);
        // Plan changes first.
        Assert.StartsWith("Hankesuunnitelmamuutokset", slides[1]);
        Assert.Contains("TP2 laajennus", slides[1]);
        Assert.Contains("Chat&Chatbot", slides[1]);
        Assert.DoesNotContain("Myöhempi muutos", slides[1]);
        Assert.Contains("Hoitotakuu 7 vrk", slides[2]);
        Assert.Contains("82\u00a0% (30.11.2024)", slides[2]);
        Assert.Contains("80\u00a0% (Q4/2025)", slides[2]);
        Assert.Contains("Ajalla 10.9.2024 – 12.12.2024", slides[3]);
        Assert.Contains("TP1 / 1. Digituen malli: Käynnissä → Valmis (15.11.2024)", slides[3]);
        var tp1 = slides[4];
        Assert.Contains("Vastuuhenkilöt: maarit", tp1);
        Assert.DoesNotContain("{0}", string.Join("\n", slides));
        // The account of this period only, paragraph by paragraph; the previous period's stays out.
        Assert.Contains("Tehty edellisen katsauksen jälkeen\nDigituen malli valmistui ja julkaistiin.\nKoulutukset jatkuvat keväällä.", tp1);
        Assert.DoesNotContain("Edellisen jakson kertomus", tp1);
        Assert.Contains("1. Digituen malli – Valmis", tp1);
        Assert.Contains("3. Chatbot – Siirretty, uusi ajankohta 1.3.2025", tp1);
        Assert.Contains("Myöhässä olevia virstanpylväitä: 1", tp1);
        Assert.Contains("Budjetti: suunniteltu 200\u00a0000\u00a0€ · toteutunut 80\u00a0000\u00a0€ · ennuste 190\u00a0000\u00a0€", tp1);
        Assert.DoesNotContain("Budjetti", slides[6]);     // Hyte has no budget lines: no "0 €" line
        Assert.Contains("Tälle katsausjaksolle ei ole kirjoitettu katsaustekstiä.", slides[6]);
        var budget = slides[7];
        Assert.StartsWith("Budjetti investoinneittain", budget);
        Assert.Contains("300\u00a0000\u00a0€", budget);   // INV1 planned 200 000 + 100 000
        Assert.Contains("30,0\u00a0%", budget);            // INV1 use: 90 000 / 300 000
        Assert.Contains("Yhteensä", budget);
        var finance = slides[8];
        Assert.StartsWith("Talous: P4 INV1: Palvelujen saatavuus", finance);
        Assert.Contains("Toteuma-arvio parantunut, hankinnat edenneet.", finance);
        Assert.DoesNotContain("Edellisen kokouksen talouskommentti", finance);
        Assert.Contains("TP1: Digituen verkkokoulutus (Toteutettu) – 12\u00a0500\u00a0€", finance);
        Assert.Contains("TP2: Chat-alusta (Kilpailutus käynnissä) – 48\u00a0000\u00a0€", finance);
        Assert.Contains("Yhteensä: 60\u00a0500\u00a0€", finance);
        Assert.Contains("Ei hankintoja.", slides[9]);
    }
}

using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Review;
using Tilannekuva.Programme.Tests.Fixtures;
using static Tilannekuva.Programme.Tests.Fixtures.ProgrammeFixture;

namespace Tilannekuva.Programme.Tests.Review;

public class ReviewBuilderTests
{
    [Fact]
    public void Standard_review_orders_work_packages_and_assesses_metrics()
    {
        var s = new StandardProgramme();
        var r = ReviewBuilder.Build(s.Programme, StandardProgramme.Meeting);
        Assert.Equal(StandardProgramme.PreviousMeeting, r.PreviousReview);
        Assert.True(r.HasPreviousMeeting);
        Assert.Equal(["Digituki", "Chat ja chatbot", "Hyte-palvelutarjotin"], r.WorkPackages.Select(w => w.Title));
        var programme = Assert.Single(r.ProgrammeMetrics);
        Assert.Equal((82m, 80m, TrafficLight.Green), (programme.Latest!.Value, programme.Target!.Value, programme.Light));
        var tp1 = r.WorkPackages[0];
        Assert.Equal([TrafficLight.Amber, TrafficLight.Green], tp1.Metrics.Select(m => m.Light));
        Assert.Equal(3, tp1.MainMetric!.Series.Count);
        Assert.Equal([ActionStatus.Done, ActionStatus.Ongoing, ActionStatus.Postponed], tp1.Actions.Select(a => a.Status!.Value));
        Assert.Equal(TrafficLight.Red, r.WorkPackages[1].Metrics[0].Light);
        Assert.Equal(TrafficLight.Grey, r.WorkPackages[2].Metrics[0].Light);
        Assert.Equal([300_000m, 50_000m], r.Budget.Select(b => b.CostEstimate));
        Assert.Equal([12, 4], r.Risks.Select(x => x.Score));
        Assert.Equal(["TP2 laajennus", "Chat&Chatbot"], r.PlanChanges.Select(x => x.Description));
        Assert.Empty(r.Findings);
    }

    [Fact]
    public void Earlier_meeting_date_sees_earlier_statuses_and_falls_back_to_three_months()
    {
        var s = new StandardProgramme();
        var r = ReviewBuilder.Build(s.Programme, D(2024, 6, 1));
        Assert.False(r.HasPreviousMeeting);
        Assert.Equal(D(2024, 3, 1), r.PreviousReview);
        Assert.Equal([ActionStatus.Ongoing, ActionStatus.Ongoing, ActionStatus.Planned], r.WorkPackages[0].Actions.Select(a => a.Status!.Value));
        Assert.Equal(28m, r.WorkPackages[0].Metrics[0].Latest!.Value); // 30.6. not yet measured
    }

    [Fact]
    public void Computed_values_hook_replaces_typed_measurements()
    {
        var s = new StandardProgramme();
        s.CareGuarantee.IndicatorCode = "care-guarantee-7d";
        IReadOnlyList<Measurement> computed = [new Measurement { Date = D(2024, 11, 30), Value = 70m }];
        var r = ReviewBuilder.Build(s.Programme, StandardProgramme.Meeting, m => m.IndicatorCode is null ? null : computed);
        var metric = r.ProgrammeMetrics[0];
        Assert.True(metric.Computed);
        Assert.Equal(70m, metric.Latest!.Value);
        Assert.Equal(TrafficLight.Red, metric.Light); // 70 against 80: more than 10 % short
        Assert.False(r.WorkPackages[0].Metrics[0].Computed);
    }

    [Fact]
    public void Accounts_and_finance_comments_belong_to_the_period_after_the_previous_meeting()
    {
        var s = new StandardProgramme();
        var r = ReviewBuilder.Build(s.Programme, StandardProgramme.Meeting);
        var note = Assert.Single(r.WorkPackages[0].Notes);
        Assert.Equal(D(2024, 12, 2), note.Date);
        Assert.Empty(r.WorkPackages[1].Notes);
        Assert.Equal(["Toteuma-arvio parantunut, hankinnat edenneet."], r.Budget[0].FinanceNotes.Select(n => n.Text));
        Assert.Equal(["Digituen verkkokoulutus", "Chat-alusta"], r.Budget[0].Procurements.Select(p => p.Description));
        Assert.Equal(["TP1", "TP2"], r.Budget[0].Procurements.Select(p => p.WorkPackageCode));
        Assert.Empty(r.Budget[1].Procurements);
        Assert.False(r.WorkPackages[2].HasBudget);

        // At the previous meeting its own account shows (dated 1.9., after 5.6.), the one dated 10.9. is on its day.
        var earlier = ReviewBuilder.Build(s.Programme, StandardProgramme.PreviousMeeting);
        Assert.Equal(["Edellisen jakson kertomus."], earlier.WorkPackages[0].Notes.Select(n => n.Text));
        Assert.Equal(["Edellisen kokouksen talouskommentti."], earlier.Budget[0].FinanceNotes.Select(n => n.Text));
    }

    [Theory]
    [InlineData("fi-FI", "Vastuuhenkilöt: maarit", "Hankeaika")]
    [InlineData("sv-FI", "Ansvariga: maarit", "Projekttid")]
    [InlineData("en-GB", "Responsible: maarit", "Programme period")]
    public void Html_names_the_responsible_people_omits_missing_years_and_empty_budgets(string cultureName, string responsible, string period)
    {
        var c = System.Globalization.CultureInfo.GetCultureInfo(cultureName);
        var s = new StandardProgramme();
        var html = HtmlReviewWriter.Fragment(ReviewBuilder.Build(s.Programme, StandardProgramme.Meeting), c);
        Assert.Contains(responsible, html);
        Assert.DoesNotContain("{0}", html);
        Assert.Contains(period, html);
        var hyte = html[html.IndexOf($"id=\"wp-{s.Hyte.Id}\"", StringComparison.Ordinal)..];
        hyte = hyte[..hyte.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.DoesNotContain("€", hyte);    // no budget lines: no "0 €" budget line
        var tp1 = html[html.IndexOf($"id=\"wp-{s.Tp1.Id}\"", StringComparison.Ordinal)..];
        Assert.Contains(ReviewFormat.Euros(200_000m, c), System.Net.WebUtility.HtmlDecode(tp1[..tp1.IndexOf("</section>", StringComparison.Ordinal)]));

        // A programme whose years are not set says nothing of them (not "0–0").
        s.Programme.StartYear = 0;
        s.Programme.EndYear = 0;
        var model = ReviewBuilder.Build(s.Programme, StandardProgramme.Meeting);
        Assert.False(model.HasPeriod);
        Assert.DoesNotContain(period, HtmlReviewWriter.Fragment(model, c));
        Assert.DoesNotContain("0–0", HtmlReviewWriter.Fragment(model, c));
        using var deck = DocumentFormat.OpenXml.Packaging.PresentationDocument.Open(new MemoryStream(PptxReviewWriter.ToBytes(model, c)), false);
        Assert.DoesNotContain(period, deck.PresentationPart!.SlideParts.First(p => p.Slide!.InnerText.Contains(s.Programme.Name)).Slide!.InnerText);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(DocxReviewWriter.ToBytes(model, c)), false);
        Assert.DoesNotContain(period, doc.MainDocumentPart!.Document!.Body!.InnerText);
    }
}

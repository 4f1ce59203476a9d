using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.Demo;
using Tilannekuva.Programme.Review;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Web.Tests;

/// <summary>The steering-group review as the director gets it: the printable page in Chromium and the Office downloads.</summary>
[Collection(SqliteAppCollection.Name)]
public sealed class ReviewTests(SqliteApp app, Chromium chromium) : IClassFixture<Chromium>
{
    private static readonly CultureInfo Fi = CultureInfo.GetCultureInfo("fi");

    [Fact]
    public async Task Director_reads_the_review_for_the_last_meeting_prints_it_and_downloads_the_slides()
    {
        var (programmeId, meeting, workPackages, investments) = await app.QueryAsync(async db =>
        {
            var p = await db.Programmes.Include(x => x.ReviewMeetings).SingleAsync(x => x.Name == DemoProgramme.Name);
            return (p.Id, p.ReviewMeetings.Max(m => m.Date), await db.WorkPackages.CountAsync(w => w.Investment!.Pillar!.ProgrammeId == p.Id),
                await db.Investments.CountAsync(i => i.Pillar!.ProgrammeId == p.Id));
        });
        ReviewModel? expected;
        using (var scope = app.Services.CreateScope())
            expected = await ReviewDocuments.BuildAsync(scope.ServiceProvider.GetRequiredService<Tilannekuva.Programme.Storage.ProgrammeDbContext>(), programmeId, meeting,
                scope.ServiceProvider.GetRequiredService<IComputedMetricValues>());
        Assert.Contains(expected!.ProgrammeMetrics, m => m.Computed); // linked indicators come computed from the demo region

        var context = await chromium.Browser.NewContextAsync(new() { Locale = "fi-FI", BaseURL = app.BaseUrl, AcceptDownloads = true, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", Demo.Director);
        await page.FillAsync("#Password", TestApp.Password);
        await page.ClickAsync("form.edit button[type=submit]");
        await page.WaitForURLAsync("**/programmes/**");

        await page.GotoAsync($"/programmes/{programmeId}/review");
        await page.FillAsync("#date", meeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.ClickAsync("#review-date button[type=submit]");
        await page.WaitForURLAsync($"**date={meeting:yyyy-MM-dd}**");

        Assert.Contains(Texts.Date(meeting, Fi), await page.Locator("header.review-title").InnerTextAsync());
        Assert.Equal(workPackages, await page.Locator("section.wp[id^=wp-]").CountAsync());
        var indicatorRows = page.Locator("#programme-indicators table.metrics tbody tr");
        Assert.Equal(expected!.ProgrammeMetrics.Count, await indicatorRows.CountAsync());
        for (var i = 0; i < expected.ProgrammeMetrics.Count; i++)
        {
            var metric = expected.ProgrammeMetrics[i];
            var cells = indicatorRows.Nth(i).Locator("td");
            Assert.Equal(metric.Name, await cells.Nth(0).InnerTextAsync());
            Assert.Equal(ReviewFormat.Latest(metric, Fi), await cells.Nth(1).InnerTextAsync());
            Assert.Equal(ReviewFormat.Target(metric, Fi), await cells.Nth(2).InnerTextAsync());
            Assert.Equal(ReviewFormat.Light(metric.Light, Fi), (await cells.Nth(3).InnerTextAsync()).Trim());
        }
        Assert.Equal(1, await page.Locator("#risks svg").CountAsync());
        Assert.True(await page.Locator("section.wp svg").CountAsync() > 0, "work packages have trend charts");
        // Each work package tells what was done in the period (the demo writes an account for every meeting).
        Assert.Equal(workPackages, await page.Locator("section.wp[id^=wp-]:has(p.note)").CountAsync());
        Assert.Equal(investments, await page.Locator("#finance section.investment").CountAsync());
        Assert.DoesNotContain("{0}", await page.Locator("article.review").InnerTextAsync());

        // Printing: navigation is hidden and every work package starts a new page.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator("header.top").IsVisibleAsync());
        var pdfPath = Path.Combine(BrowserTests.ScreenshotFolder, "review.pdf");
        var pdf = await page.PdfAsync(new() { Format = "A4", Path = pdfPath });
        Assert.True(CountPdfPages(pdf) > workPackages, $"one page or more per work package, got {CountPdfPages(pdf)}");
        // What the printout shows: nothing past the paper's edge, no amount broken across lines.
        var printed = OfficeRender.ReadLayout(pdfPath);
        Assert.Empty(printed.WordsOutsidePage());
        var amounts = expected.Budget.SelectMany(b => new[] { b.CostEstimate, b.Money.Planned, b.Money.Actual, b.Money.Forecast })
            .Concat(expected.Budget.SelectMany(b => b.Procurements.Select(p => p.Amount))).Select(a => ReviewFormat.Euros(a, Fi)).ToList();
        Assert.Contains(PdfLayout.Normalise(amounts[1]), PdfLayout.Normalise(printed.FlowText));
        Assert.Empty(printed.BrokenFigures(amounts));
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.ScreenshotFolder, "review.png") });

        var downloading = page.WaitForDownloadAsync();
        await page.ClickAsync("#download-pptx");
        var download = await downloading;
        Assert.EndsWith($"{meeting:yyyy-MM-dd}.pptx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".pptx");
        await download.SaveAsAsync(path);
        using (var pptx = PresentationDocument.Open(path, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(pptx));
            // Title, plan changes, indicators, changes, the work packages, budget, one finance slide per investment, risks; more where lists continue.
            Assert.True(pptx.PresentationPart!.SlideParts.Count() >= 6 + workPackages + investments);
        }
        File.Delete(path);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Word_review_and_monthly_reports_download_valid_and_complete()
    {
        var client = await app.SignInAsync(Demo.Director);
        var (programmeId, workPackages) = await app.QueryAsync(async db =>
        {
            var id = (await db.Programmes.SingleAsync(x => x.Name == DemoProgramme.Name)).Id;
            return (id, await db.WorkPackages.CountAsync(w => w.Investment!.Pillar!.ProgrammeId == id));
        });

        var docx = await client.GetAsync($"/programmes/{programmeId}/review.docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
            Assert.Empty(new OpenXmlValidator().Validate(doc));

        var csv = await client.GetStringAsync($"/programmes/{programmeId}/monthly.csv");
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(workPackages + 1, lines.Length);
        Assert.StartsWith("Pilari;Investointi;Työpaketti", lines[0]);

        var xlsx = await client.GetAsync($"/programmes/{programmeId}/monthly.xlsx");
        using (var sheet = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
            Assert.Empty(new OpenXmlValidator().Validate(sheet));
    }

    [Fact]
    public async Task A_viewer_reads_the_review_but_planners_edit_links_are_not_in_it()
    {
        var client = await app.SignInAsync(Demo.Viewer);
        var programmeId = await app.QueryAsync(async db => (await db.Programmes.SingleAsync(x => x.Name == DemoProgramme.Name)).Id);
        var html = await client.GetStringAsync($"/programmes/{programmeId}/review");
        Assert.Contains("programme-indicators", html);
        Assert.DoesNotContain("/edit/", html);
    }

    private static int CountPdfPages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;
}

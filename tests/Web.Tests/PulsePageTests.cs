using System.Globalization;
using System.Net;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tilannekuva.Access;
using Tilannekuva.Access.Storage;
using Tilannekuva.Boards;
using Tilannekuva.Boards.Domain;
using Tilannekuva.Feedback.Pulse;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.TestSupport;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Web.Tests;

/// <summary>
/// The staff pulse on the demo (five past weeks of 6–9 answers and this week with 3 for the demo board's unit):
/// the anonymous answer page in real Chromium at phone size, the manager's page (opening a round, audit, QR, results
/// hidden under 5) and the steering-board tile.
/// </summary>
[Collection(SqliteAppCollection.Name)]
public sealed class PulsePageTests(SqliteApp app, Chromium chromium) : IClassFixture<Chromium>
{
    private static string IsoWeek(DateOnly day)
    {
        var d = day.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(d)}-W{ISOWeek.GetWeekOfYear(d):00}";
    }

    private async Task<T> FeedbackAsync<T>(Func<FeedbackDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>());
    }

    [Fact]
    public async Task Answer_page_on_a_phone_is_accessible_and_stores_one_anonymous_submission()
    {
        // A round far back, so that the demo's weeks on the board and results stay as they are.
        PulseRound round;
        using (var scope = app.Services.CreateScope())
            (round, _) = await scope.ServiceProvider.GetRequiredService<PulseService>().OpenAsync(Startup.DemoBoardUnit, app.Today.AddDays(-7 * 60), "test");
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "fi-FI", TimezoneId = "Europe/Helsinki", BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 }, HasTouch = true, IsMobile = true,
        });
        try
        {
            var page = await context.NewPageAsync();
            var response = await page.GotoAsync($"/p/{round.Token}");
            Assert.Equal(200, response!.Status);
            Assert.Equal(3, await page.Locator("fieldset.statement").CountAsync());
            Assert.Contains("Työmääräni", await page.Locator("fieldset.statement legend").First.TextContentAsync());
            var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(size[0] <= size[1], $"{size[0]} px wide in {size[1]} px");
            var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
            var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}: {string.Join(" | ", v.Nodes.Take(2).Select(n => n.Html))}").ToList();
            Assert.True(serious.Count == 0, string.Join("\n", serious));

            foreach (var (code, value) in new[] { ("workload", 2), ("change", 4), ("team", 5) })
                await page.Locator($"label.choice:has(input[name=a_{code}][value='{value}'])").ClickAsync();
            await page.Locator("#pulse-submit").ClickAsync();
            await page.Locator("#pulse-thanks").WaitForAsync();
            var thanksSize = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(thanksSize[0] <= thanksSize[1]);
            Assert.Empty(await context.CookiesAsync());

            var stored = await FeedbackAsync(db => db.PulseAnswers.Where(a => a.RoundId == round.Id).OrderBy(a => a.Code).Select(a => new { a.Code, a.Value }).ToListAsync());
            Assert.Equal([("change", 4), ("team", 5), ("workload", 2)], stored.Select(a => (a.Code, a.Value)));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task Unknown_token_is_not_found_and_an_incomplete_answer_stores_nothing()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/p/no-such-round")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/pulse/qr/no-such-round.svg")).StatusCode);
        PulseRound round;
        using (var scope = app.Services.CreateScope())
            (round, _) = await scope.ServiceProvider.GetRequiredService<PulseService>().OpenAsync(Startup.DemoBoardUnit, app.Today.AddDays(-7 * 61), "test");
        var post = await anonymous.PostAsync($"/p/{round.Token}", TestApp.Form(("a_workload", "3")));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(0, await FeedbackAsync(db => db.PulseAnswers.CountAsync(a => a.RoundId == round.Id)));
    }

    [Fact]
    public async Task Manager_opens_the_week_gets_link_and_qr_and_sees_results_hidden_under_five()
    {
        var client = await app.SignInAsync(Startup.DemoManager);
        var html = await client.GetStringAsync("/feedback/pulse");
        var thisWeek = IsoWeek(app.Today);
        var lastWeek = IsoWeek(app.Today.AddDays(-7));
        // This week has 3 demo answers: no count and no means; last week's are shown.
        Assert.Contains($"data-unit=\"{Startup.DemoBoardUnit}\" data-week=\"{thisWeek}\" data-shown=\"false\"", html);
        Assert.Contains($"data-unit=\"{Startup.DemoBoardUnit}\" data-week=\"{lastWeek}\" data-shown=\"true\"", html);
        var row = html[html.IndexOf($"data-week=\"{thisWeek}\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("alle 5 vastausta", row);
        Assert.DoesNotContain(">3<", row);
        Assert.DoesNotMatch(@"data-code=""\w+"">\d", row);

        var token = TestApp.AntiforgeryToken(html);
        var opened = await client.PostAsync("/feedback/pulse", TestApp.Form(("unit", Startup.DemoBoardUnit), ("__RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var page = await opened.Content.ReadAsStringAsync();
        var roundToken = await FeedbackAsync(db => db.PulseRounds.Where(r => r.OrgUnitId == Startup.DemoBoardUnit && r.IsoYear == ISOWeek.GetYear(app.Today.ToDateTime(TimeOnly.MinValue)) && r.IsoWeek == ISOWeek.GetWeekOfYear(app.Today.ToDateTime(TimeOnly.MinValue))).Select(r => r.Token).SingleAsync());
        Assert.Contains($"/p/{roundToken}", page);
        var qr = await client.GetAsync($"/pulse/qr/{roundToken}.svg");
        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await qr.Content.ReadAsStringAsync());

        // A manager may not open a round for a unit they do not lead; a viewer may not see the page.
        var other = await client.PostAsync("/feedback/pulse", TestApp.Form(("unit", "NO-SUCH-UNIT"), ("__RequestVerificationToken", token)));
        Assert.NotEqual(HttpStatusCode.OK, other.StatusCode); // forbidden: the sign-in cookie sends it to the access-denied page
        Assert.False(await FeedbackAsync(db => db.PulseRounds.AnyAsync(r => r.OrgUnitId == "NO-SUCH-UNIT")));
        var viewer = await app.SignInAsync(Demo.Viewer);
        var denied = await viewer.GetAsync("/feedback/pulse");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }

    [Fact]
    public async Task Round_opening_is_audited()
    {
        string unit;
        using (var scope = app.Services.CreateScope())
            unit = await scope.ServiceProvider.GetRequiredService<Tilannekuva.Indicators.Storage.IndicatorsDbContext>().OrgUnits
                .Where(u => u.SourceId != Startup.DemoBoardUnit).OrderBy(u => u.SourceId).Select(u => u.SourceId).FirstAsync();
        var admin = await app.SignInAsync(Demo.Admin);
        var html = await admin.GetStringAsync("/feedback/pulse");
        var opened = await admin.PostAsync("/feedback/pulse", TestApp.Form(("unit", unit), ("__RequestVerificationToken", TestApp.AntiforgeryToken(html))));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        using var check = app.Services.CreateScope();
        var entries = await check.ServiceProvider.GetRequiredService<AccessDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == AccountActions.PulseRoundOpened && a.Account == unit).ToListAsync();
        var entry = Assert.Single(entries);
        Assert.Equal((Demo.Admin, IsoWeek(app.Today)), (entry.Actor, entry.Detail));
    }

    [Fact]
    public async Task Board_tile_shows_the_latest_week_with_at_least_five_answers()
    {
        int id;
        using (var scope = app.Services.CreateScope())
            id = await scope.ServiceProvider.GetRequiredService<BoardsService>().SaveAsync(null,
                new BoardDraft("Pulssitaulu " + Guid.NewGuid().ToString("N")[..6], [Startup.DemoBoardUnit], [TileKind.Nps, TileKind.Pulse], 60, 60, BoardTheme.HighContrast));
        var client = await app.SignInAsync(Demo.Admin);
        var html = await client.GetStringAsync($"/boards/{id}");
        Assert.Contains("data-tile=\"Pulse\"", html);
        Assert.Contains("Henkilöstön pulssi", html);
        var lastWeek = IsoWeek(app.Today.AddDays(-7));
        Assert.Matches($@"data-figure=""pulse-week"" data-week=""{lastWeek}"" data-answers=""[5-9]""", html);
        Assert.DoesNotContain($"data-week=\"{IsoWeek(app.Today)}\"", html);
        Assert.Contains("data-figure=\"pulse-workload\"", html);
    }

    [Fact]
    public async Task Dashboard_shows_the_pulse_beside_the_customer_feedback_hiding_small_weeks()
    {
        var client = await app.SignInAsync(Demo.Director);
        // The area's (tactical) dashboard, which has the customer feedback: right after that section.
        string area;
        using (var scope = app.Services.CreateScope())
            area = (await scope.ServiceProvider.GetRequiredService<Tilannekuva.Indicators.Storage.IndicatorsDbContext>().OrgUnits
                .Where(u => u.SourceId == Startup.DemoBoardUnit).Select(u => u.ParentId).FirstAsync())!;
        var region = await client.GetStringAsync($"/dashboards/tactical?unit={Uri.EscapeDataString(area)}");
        var feedback = region.IndexOf("id=\"feedback\"", StringComparison.Ordinal);
        var pulse = region.IndexOf("id=\"pulse\"", StringComparison.Ordinal);
        Assert.True(feedback >= 0 && pulse > feedback, "the pulse follows the customer feedback section");
        Assert.Contains($"data-unit=\"{Startup.DemoBoardUnit}\"", region[pulse..]);
        // The unit's own dashboard.
        var html = await client.GetStringAsync($"/dashboards/operational?unit={Startup.DemoBoardUnit}");
        Assert.Contains("id=\"t-pulse\"", html);
        Assert.Contains($"data-week=\"{IsoWeek(app.Today)}\" data-shown=\"false\"", html);
        Assert.Contains($"data-week=\"{IsoWeek(app.Today.AddDays(-7))}\" data-shown=\"true\"", html);
    }

    [Fact]
    public async Task Api_and_downloads_give_the_same_weeks_as_the_page_and_hide_small_weeks()
    {
        var thisWeek = IsoWeek(app.Today);
        var lastWeek = IsoWeek(app.Today.AddDays(-7));
        var api = await app.ApiClientAsync(Startup.DemoManager);
        var weeks = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync("/api/v1/feedback/pulse?weeks=8")).RootElement.EnumerateArray()
            .Where(w => w.GetProperty("unit").GetString() == Startup.DemoBoardUnit).ToDictionary(w => w.GetProperty("week").GetString()!);
        var small = weeks[thisWeek];
        Assert.False(small.GetProperty("shown").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, small.GetProperty("answers").ValueKind);
        Assert.All(small.GetProperty("means").EnumerateObject(), m => Assert.Equal(System.Text.Json.JsonValueKind.Null, m.Value.ValueKind));

        // Last week's figures recomputed here from the stored answers, independently of PulseService.
        var d = app.Today.AddDays(-7).ToDateTime(TimeOnly.MinValue);
        var (year, week) = (ISOWeek.GetYear(d), ISOWeek.GetWeekOfYear(d));
        var answers = await FeedbackAsync(db => db.PulseAnswers.Where(a => db.PulseRounds.Any(r => r.Id == a.RoundId && r.OrgUnitId == Startup.DemoBoardUnit && r.IsoYear == year && r.IsoWeek == week)).ToListAsync());
        var shown = weeks[lastWeek];
        Assert.True(shown.GetProperty("shown").GetBoolean());
        Assert.Equal(answers.GroupBy(a => a.Code).Max(g => g.Count()), shown.GetProperty("answers").GetInt32());
        foreach (var g in answers.GroupBy(a => a.Code))
            Assert.Equal(Math.Round(g.Average(a => (double)a.Value), 1), shown.GetProperty("means").GetProperty(g.Key).GetDouble(), 3);

        var client = await app.SignInAsync(Startup.DemoManager);
        var csv = await client.GetStringAsync("/feedback/pulse/results.csv");
        var row = csv.Split('\n').Single(l => l.Contains(lastWeek, StringComparison.Ordinal));
        Assert.DoesNotContain(Startup.DemoBoardUnit, row); // the team by its name, not its code
        Assert.Contains(shown.GetProperty("answers").GetInt32().ToString(CultureInfo.InvariantCulture), row);
        var xlsx = await client.GetAsync("/feedback/pulse/results.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        var viewerApi = await app.ApiClientAsync(Demo.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerApi.GetAsync("/api/v1/feedback/pulse")).StatusCode);
    }
}

using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tilannekuva.Feedback.Sms;
using Tilannekuva.ServiceTray.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Web.Tests;

/// <summary>
/// The professional's referral form and the residents' referral and collection pages on the demo, in real Chromium:
/// a referral given by SMS (the number reaches the outbox masked and is nowhere in the database files), the resident's
/// page by code, the arrival marked; the pages at phone width and desktop with no horizontal scroll and no serious axe violation.
/// </summary>
[Collection(SqliteAppCollection.Name)]
public sealed partial class TrayWorkPageTests(SqliteApp app, Chromium chromium) : IClassFixture<Chromium>
{
    [GeneratedRegex(@"\bTray(Work)?\.[A-Z][A-Za-z0-9.]+\b")] private static partial Regex ResourceKey();

    private async Task<IPage> SignInAsync(string user, string path, int width = 1280)
    {
        var page = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "fi-FI", BaseURL = app.BaseUrl, ViewportSize = new() { Width = width, Height = 800 } });
        await page.GotoAsync(path);
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", TestApp.Password);
        var arrived = page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith(path, StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.Locator("form.edit button[type=submit]").ClickAsync();
        await arrived;
        return page;
    }

    private static async Task CheckAsync(IPage page, string what, List<string> problems)
    {
        var text = await page.EvaluateAsync<string>("() => document.body.innerText");
        foreach (Match m in ResourceKey().Matches(text)) problems.Add($"{what}: key {m.Value}");
        var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (size[0] > size[1]) problems.Add($"{what}: {size[0]} px wide in {size[1]} px");
        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        foreach (var v in axe.Violations.Where(v => v.Impact is "serious" or "critical"))
            problems.Add($"{what}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(2).Select(n => n.Html))}");
    }

    [Fact]
    public async Task Professional_gives_a_referral_by_sms_the_resident_reads_it_and_the_service_marks_it_arrived()
    {
        var problems = new List<string>();
        var page = await SignInAsync("ammattilainen", "/palvelut/lahete/uusi", 360);
        await CheckAsync(page, "form at 360 (empty)", problems);
        await page.FillAsync("#q", "tasapaino");
        await page.PressAsync("#q", "Enter");
        await page.WaitForSelectorAsync("input[name=Services]");
        await CheckAsync(page, "form at 360 (found)", problems);
        await page.Locator("input[name=Services]").First.CheckAsync();
        await page.SelectOptionAsync("#tg", "KR1.2");
        await page.CheckAsync("#ch-Sms");
        await page.FillAsync("#contact", "040 713 2859");
        var shown = page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/palvelut/lahete/", StringComparison.Ordinal) && !url.Contains("uusi"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.Locator("form.referral-form button[type=submit]").ClickAsync();
        await shown;
        var code = new Uri(page.Url).AbsolutePath.Split('/')[^1];
        Assert.Matches("^[A-Z0-9]{8}$", code);
        Assert.Contains("tekstiviestinä", await page.InnerTextAsync("main"));
        Assert.Contains("Tasapainoryhmä", await page.InnerTextAsync("main"));
        await CheckAsync(page, "referral at 360", problems);

        // The number went to the outbox masked and is in no database file.
        var outbox = ((FileSmsGateway)app.Services.GetRequiredService<ISmsGateway>()).OutboxPath;
        var sent = await File.ReadAllTextAsync(outbox);
        Assert.Contains(code, sent);
        Assert.DoesNotContain("7132859", sent);
        string file;
        using (var scope = app.Services.CreateScope())
            file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<ServiceTrayDbContext>().Database.GetConnectionString()).DataSource;
        // The -wal and -shm files first and the database last: SQLite may checkpoint and remove them between listing and
        // reading, and what they held is then in the database file read after them.
        foreach (var f in Directory.GetFiles(Path.GetDirectoryName(Path.GetFullPath(file))!, Path.GetFileName(file) + "*").OrderByDescending(x => x.Length))
        {
            FileStream stream;
            try { stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete); }
            catch (FileNotFoundException) { continue; }
            using var reader = new StreamReader(stream, Encoding.Latin1); // disposes the stream
            var bytes = await reader.ReadToEndAsync();
            Assert.DoesNotContain("7132859", bytes);
            Assert.DoesNotContain("713 2859", bytes);
        }

        // The resident's page without signing in, by the code.
        using (var anonymous = app.NewClient())
        {
            var response = await anonymous.GetAsync($"/palvelut/lahete/{code.ToLowerInvariant()}");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }

        // The receiving service marks it arrived.
        await page.GotoAsync($"/palvelut/vastaanotto?code={code}");
        await CheckAsync(page, "arrival at 360", problems);
        await page.Locator("main form[method=post] button").First.ClickAsync();
        await page.WaitForSelectorAsync("p.notice");
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ServiceTrayDbContext>();
            var referral = await db.Referrals.Include(r => r.Services).SingleAsync(r => r.Code == code);
            Assert.NotNull(referral.Services.Single().ArrivedAt);
            Assert.Equal("KR1.2", referral.TargetGroup);
        }
        await page.Context.CloseAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public async Task Collection_page_fits_a_phone_in_three_languages_and_passes_axe()
    {
        var problems = new List<string>();
        foreach (var (w, h) in new[] { (360, 740), (1440, 900) })
        {
            var page = await chromium.NewPageAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = w, Height = h } });
            foreach (var culture in new[] { "fi", "sv", "en" })
            {
                var response = await page.GotoAsync($"/palvelut/kokoelmat/omaishoitajan-palvelut?culture={culture}");
                Assert.Equal(200, response!.Status);
                await CheckAsync(page, $"collection {culture} at {w}", problems);
            }
            Assert.Contains("Peer support group for family carers", await page.InnerTextAsync("main")); // the last one read, in English
            Assert.Empty(await page.Context.CookiesAsync());
            await page.Context.CloseAsync();
        }
        using var client = app.NewClient();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/palvelut/kokoelmat/ei-ole")).StatusCode);
        var json = await client.GetStringAsync("/api/v1/tray/collections");
        Assert.Contains("ikaihmisen-liikunta", json);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public async Task Editor_page_shows_collections_and_the_searches_that_found_nothing()
    {
        using (var resident = app.NewClient())
            (await resident.GetAsync("/palvelut?q=laskuvarjohyppy%20040%20123%204567")).EnsureSuccessStatusCode();
        var page = await SignInAsync("toimittaja", "/palvelut/toimitus");
        var text = await page.InnerTextAsync("main");
        Assert.Contains("Omaishoitajan palvelut", text);
        Assert.Contains("laskuvarjohyppy", await page.InnerTextAsync("#gaps"));
        Assert.DoesNotContain("4567", await page.InnerTextAsync("#gaps"));
        var problems = new List<string>();
        await CheckAsync(page, "editor", problems);
        await page.Context.CloseAsync();
        using var professional = await app.SignInAsync("ammattilainen");
        Assert.NotEqual(System.Net.HttpStatusCode.OK, (await professional.GetAsync("/palvelut/toimitus")).StatusCode);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }
}

using System.Net;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tilannekuva.SocialWork;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Web.Tests;

/// <summary>
/// Structural social work in the real app and real Chromium: a social worker fills the entry form on a phone (390×844),
/// saves and sees the entry listed, with no horizontal scroll and no serious axe-core violation; roles keep others out;
/// the report page and its downloads.
/// </summary>
[Collection(SqliteAppCollection.Name)]
public sealed class SocialWorkPageTests(SqliteApp app, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_social_worker_records_an_observation_on_a_phone()
    {
        var page = await SignInOnPhoneAsync("sosiaalityontekija");
        await page.GotoAsync("/socialwork");

        var problems = new List<string>();
        async Task CheckAsync(string when)
        {
            var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            if (size[0] > size[1]) problems.Add($"{when}: {size[0]} px wide in a {size[1]} px window");
            var html = await page.ContentAsync();
            if (html.Contains("SocialWork.", StringComparison.Ordinal)) problems.Add($"{when}: a raw text key");
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
            foreach (var v in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                problems.Add($"{when}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
        }
        await CheckAsync("empty form");

        await page.SelectOptionAsync("#Category", "loneliness");
        await page.SelectOptionAsync("#Area", "290");
        await page.SelectOptionAsync("#ClientGroup", "older");
        await page.FillAsync("#ClientCount", "4");
        await page.FillAsync("#Description", "Pekka Mäkinen ja muut syrjäkylien ikäihmiset jäävät ilman kuljetusta kerhoihin.");
        await page.FillAsync("#ProposedAction", "Kokeillaan kutsutaksia kerhopäivinä.");
        var arrived = page.WaitForURLAsync(u => u.Contains("saved=true", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.ClickAsync("#sw-save");
        await arrived;

        Assert.True(await page.Locator("#saved").IsVisibleAsync());
        var first = await page.Locator("#sw-list li").First.InnerTextAsync();
        Assert.Contains("syrjäkylien ikäihmiset", first);
        Assert.Contains("Kuhmo", first);
        Assert.Contains("Yksinäisyys", first);
        Assert.DoesNotContain("Pekka", first); // the name was scrubbed before storing
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.ScreenshotFolder, "socialwork-phone.png"), FullPage = false });
        await CheckAsync("after saving");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_recorder_corrects_an_entry_on_a_phone_another_worker_may_not_and_an_editor_removes_it()
    {
        int own, others;
        using (var scope = app.Services.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<SocialWorkService>();
            own = await service.RecordAsync(new ObservationDraft(app.Today, "housing", "205", "youngadults", 2, "Nuorille ei löydy vuokra-asuntoja keskustasta.", ""), "sosiaalityontekija");
            others = await service.RecordAsync(new ObservationDraft(app.Today, "livelihood", "205", "families", 3, "Toimeentulotuen käsittely viivästyy.", ""), "toinen-tyontekija");
        }
        var page = await SignInOnPhoneAsync("sosiaalityontekija");
        await page.GotoAsync("/socialwork?all=true");
        Assert.Equal(1, await page.Locator($"#edit-{own}").CountAsync());
        Assert.Equal(0, await page.Locator($"#edit-{others}").CountAsync()); // someone else's entry: no link
        await page.ClickAsync($"#edit-{own}");
        await page.WaitForURLAsync(u => u.EndsWith($"/socialwork/{own}/edit", StringComparison.Ordinal));
        Assert.Equal("2", await page.InputValueAsync("#ClientCount"));

        var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(size[0] <= size[1], $"{size[0]} px wide in {size[1]} px");
        Assert.DoesNotContain("SocialWork.", await page.ContentAsync());
        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}: {string.Join(" | ", v.Nodes.Take(2).Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));

        await page.FillAsync("#ClientCount", "5");
        await page.FillAsync("#Description", "Nuorille ei löydy vuokra-asuntoja keskustasta, kertoi Matti Virtanen.");
        var back = page.WaitForURLAsync(u => u.Contains("changed=updated", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.ClickAsync("#sw-save");
        await back;
        Assert.True(await page.Locator("#changed").IsVisibleAsync());
        var item = await page.Locator($"#o-{own}").InnerTextAsync();
        Assert.Contains("5 asiakasta", item);
        Assert.DoesNotContain("Virtanen", item); // scrubbed again

        using var worker = await app.SignInAsync("sosiaalityontekija");
        AssertDenied(await worker.GetAsync($"/socialwork/{others}/edit"));
        var token = await TestApp.AntiforgeryTokenAsync(worker, $"/socialwork/{own}/edit");
        var refused = await worker.PostAsync($"/socialwork/{others}/edit?handler=Delete", TestApp.Form(("__RequestVerificationToken", token), ("confirm", "true")));
        AssertDenied(refused);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync("/socialwork/999999/edit")).StatusCode);

        var editor = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "fi-FI", BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        await editor.GotoAsync("/account/login");
        await editor.FillAsync("#UserName", "sosiaalityon-toimittaja");
        await editor.FillAsync("#Password", TestApp.Password);
        await editor.Locator("form.edit button[type=submit]").ClickAsync();
        await editor.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await editor.GotoAsync($"/socialwork/{others}/edit");
        await editor.CheckAsync("#sw-confirm");
        var removed = editor.WaitForURLAsync(u => u.Contains("changed=deleted", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await editor.ClickAsync("#sw-remove");
        await removed;
        Assert.True(await editor.Locator("#changed").IsVisibleAsync());
        using var check = app.Services.CreateScope();
        Assert.Null(await check.ServiceProvider.GetRequiredService<SocialWorkService>().FindAsync(others));
        Assert.NotNull(await check.ServiceProvider.GetRequiredService<SocialWorkService>().FindAsync(own));
    }

    [Theory]
    [InlineData("sv", "Korrigera observationen")]
    [InlineData("en", "Correct an observation")]
    public async Task The_correction_page_reads_in_swedish_and_english_on_a_phone(string culture, string title)
    {
        int own;
        using (var scope = app.Services.CreateScope())
            own = await scope.ServiceProvider.GetRequiredService<SocialWorkService>()
                .RecordAsync(new ObservationDraft(app.Today, "housing", "205", "youngadults", 2, "Nuorille ei löydy vuokra-asuntoja.", ""), "sosiaalityontekija");
        var page = await SignInOnPhoneAsync("sosiaalityontekija");
        var response = await page.GotoAsync($"/socialwork/{own}/edit?culture={culture}");
        Assert.Equal(200, response!.Status);

        var text = await page.EvaluateAsync<string>("() => document.body.innerText");
        Assert.Contains(title, text);
        Assert.DoesNotContain("SocialWork.", await page.ContentAsync());
        Assert.DoesNotContain("{0}", text);
        var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(size[0] <= size[1], $"{culture}: {size[0]} px wide in {size[1]} px");
        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}: {string.Join(" | ", v.Nodes.Take(2).Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, culture + ": " + string.Join("\n", serious));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.ScreenshotFolder, $"socialwork-edit-{culture}.png"), FullPage = false });
    }

    /// <summary>A new phone-sized (390×844) Finnish browser page, signed in as <paramref name="user"/>.</summary>
    private async Task<IPage> SignInOnPhoneAsync(string user)
    {
        var page = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "fi-FI", BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 } });
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", TestApp.Password);
        await page.Locator("form.edit button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        return page;
    }

    /// <summary>A signed-in user without the right is sent to the access-denied page (the cookie scheme's answer to a page).</summary>
    private static void AssertDenied(HttpResponseMessage r)
    {
        Assert.True(r.StatusCode is HttpStatusCode.Forbidden || (r.StatusCode == HttpStatusCode.Found && r.Headers.Location?.ToString().Contains("/account/denied", StringComparison.Ordinal) == true),
            $"{r.StatusCode} {r.Headers.Location}");
    }

    [Fact]
    public async Task Only_the_social_work_roles_open_the_entries_and_readers_get_the_report_and_downloads()
    {
        using var planner = await app.SignInAsync("ohjausryhma");
        var refused = await planner.GetAsync("/socialwork"); // a steering-group reader: access denied (403 or the denied page)
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.Found, refused.StatusCode.ToString());
        Assert.DoesNotContain("/socialwork", refused.Headers.Location?.ToString() is { } l && !l.Contains("ReturnUrl", StringComparison.OrdinalIgnoreCase) ? l : "");
        var report = await planner.GetAsync("/socialwork/report");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var html = await report.Content.ReadAsStringAsync();
        Assert.Contains("Rakenteellisen sosiaalityön raportti", html);
        Assert.DoesNotContain("SocialWork.", html);

        using var editor = await app.SignInAsync("sosiaalityon-toimittaja");
        var half = Tilannekuva.SocialWork.ReportPeriod.HalfOf(app.Today).Code;
        var docx = await editor.GetAsync($"/socialwork/report.docx?period={half}");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await docx.Content.ReadAsByteArrayAsync())[..2]));
        var csv = await (await editor.GetAsync($"/socialwork/report.csv?period={half}")).Content.ReadAsStringAsync();
        Assert.Contains("Kajaani", csv);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/socialwork/report.xlsx?period={half}")).StatusCode);

        using var api = await app.ApiClientAsync("sosiaalityon-toimittaja");
        var json = await api.GetStringAsync($"/api/v1/socialwork/report?period={half}");
        Assert.Contains("\"byArea\"", json);
        var observations = await api.GetStringAsync($"/api/v1/socialwork/observations?period={half}");
        Assert.Contains("\"description\"", observations);
        using var readerApi = await app.ApiClientAsync("ohjausryhma");
        Assert.Equal(HttpStatusCode.Forbidden, (await readerApi.GetAsync($"/api/v1/socialwork/observations?period={half}")).StatusCode);
    }
}

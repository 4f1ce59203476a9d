using System.Net;
using System.Net.Http.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tilannekuva.ContactSampling;
using Tilannekuva.ContactSampling.Storage;
using Tilannekuva.TestSupport;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Web.Tests;

/// <summary>
/// Contact sampling on the demo (two closed periods of the demo unit): the quick-entry form in real Chromium at phone
/// size, offline and back; results, comparison, downloads and the API; who may create periods.
/// </summary>
[Collection(SqliteAppCollection.Name)]
public sealed class SamplingPageTests(SqliteApp app, Chromium chromium) : IClassFixture<Chromium>
{
    private async Task<int> OpenPeriodAsync(string name)
    {
        using var scope = app.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<SamplingService>();
        return (await service.CreateAsync(Startup.DemoBoardUnit, name, app.Today.AddDays(-3), app.Today.AddDays(10))).Id;
    }

    private async Task<int> CountAsync(int periodId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContactSamplingDbContext>().Contacts.CountAsync(c => c.PeriodId == periodId);
    }

    [Fact]
    public async Task Quick_entry_on_a_phone_records_three_contacts_one_of_them_offline()
    {
        var id = await OpenPeriodAsync("Selaintesti");
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "fi-FI", TimezoneId = "Europe/Helsinki", BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 }, HasTouch = true, IsMobile = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", Demo.Viewer);
        await page.FillAsync("#Password", TestApp.Password);
        await page.Locator("form.edit button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account", StringComparison.Ordinal));

        var response = await page.GotoAsync($"/sampling/{id}/record");
        Assert.Equal(200, response!.Status);
        var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var wide = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className + ':' + Math.round(e.getBoundingClientRect().right)).join(' ')");
        Assert.True(size[0] <= size[1], $"{size[0]} px wide in {size[1]} px: {wide}");
        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}: {string.Join(" | ", v.Nodes.Take(2).Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));

        async Task RecordAsync(string reason, string outcomeSelector)
        {
            var started = DateTime.UtcNow;
            await page.Locator($"label.choice:has(input[name=reason][value={reason}])").ClickAsync();
            await page.Locator(outcomeSelector).ClickAsync();
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        }
        async Task QueueEmptyAsync() =>
            await page.WaitForFunctionAsync("() => document.body.getAttribute('data-queue') === '0'", null, new() { Timeout = 20000 });

        await RecordAsync("appointment", "#save-value");
        await QueueEmptyAsync();
        Assert.Equal(1, await CountAsync(id));

        await context.SetOfflineAsync(true);
        await page.Locator("label.choice:has(input[name=channel][value=chat])").ClickAsync();
        await RecordAsync("test_results", "button[data-kind=chasing_progress]");
        await page.WaitForFunctionAsync("() => document.getElementById('sampling-status').textContent.includes('odottaa')");
        Assert.Equal("1", await page.GetAttributeAsync("body", "data-queue"));
        Assert.Equal(1, await CountAsync(id));

        await context.SetOfflineAsync(false);
        await QueueEmptyAsync();
        await RecordAsync("prescription", "#save-value");
        await QueueEmptyAsync();
        Assert.Equal(3, await CountAsync(id));
        size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(size[0] <= size[1]);

        using var scope = app.Services.CreateScope();
        var contacts = await scope.ServiceProvider.GetRequiredService<SamplingService>().ContactsAsync(id);
        Assert.Equal(["appointment", "test_results", "prescription"], contacts.Select(c => c.Reason));
        Assert.Equal(Tilannekuva.ContactSampling.Domain.SamplingChannel.Chat, contacts[1].Channel);
        Assert.Equal(Tilannekuva.ContactSampling.Domain.FailureKind.ChasingProgress, contacts[1].FailureKind);
        await context.CloseAsync();
    }

    /// <summary>
    /// With the server truly gone (its own app, stopped mid-test; Chromium's offline switch does not reach a service
    /// worker), a reload still shows the quick-entry form from the worker's cache and a record waits in the queue.
    /// </summary>
    [Fact]
    public async Task The_record_page_reloads_without_the_server_and_a_record_waits_in_the_queue()
    {
        var own = new SqliteApp();
        await own.InitializeAsync();
        var running = true;
        try
        {
            int id;
            using (var scope = own.Services.CreateScope())
                id = (await scope.ServiceProvider.GetRequiredService<SamplingService>().CreateAsync(Startup.DemoBoardUnit, "Katkostesti", own.Today.AddDays(-1), own.Today.AddDays(5))).Id;
            var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                Locale = "fi-FI", TimezoneId = "Europe/Helsinki", BaseURL = own.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 }, HasTouch = true, IsMobile = true,
            });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/login");
            await page.FillAsync("#UserName", Demo.Viewer);
            await page.FillAsync("#Password", TestApp.Password);
            await page.Locator("form.edit button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account", StringComparison.Ordinal));
            await page.GotoAsync($"/sampling/{id}/record");
            await page.WaitForFunctionAsync("() => document.body.getAttribute('data-offline-ready') === '1'", null, new() { Timeout = 20000 });
            var heading = await page.Locator("h1").InnerTextAsync();

            await own.DisposeAsync();
            running = false;
            using (var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) })
                await Assert.ThrowsAnyAsync<Exception>(() => probe.GetAsync(own.BaseUrl + "/"));

            var reloaded = await page.ReloadAsync();
            Assert.NotNull(reloaded);
            Assert.True(reloaded.FromServiceWorker, "the reload should be answered by the service worker");
            Assert.Equal(heading, await page.Locator("h1").InnerTextAsync());
            // The stylesheet came from the cache too: the choices are laid out as on the first visit, not as bare radios.
            Assert.NotEqual("inline", await page.EvalOnSelectorAsync<string>("label.choice", "e => getComputedStyle(e).display"));

            await page.Locator("label.choice:has(input[name=reason][value=appointment])").ClickAsync();
            await page.Locator("#save-value").ClickAsync();
            await page.WaitForFunctionAsync("() => document.getElementById('sampling-status').textContent.includes('odottaa')", null, new() { Timeout = 20000 });
            Assert.Equal("1", await page.GetAttributeAsync("body", "data-queue"));
            var queued = await page.EvaluateAsync<string>($"() => localStorage.getItem('sampling-queue-{id}')");
            Assert.Contains("\"reason\":\"appointment\"", queued);
            await context.CloseAsync();
        }
        finally
        {
            if (running) await own.DisposeAsync();
        }
    }

    [Fact]
    public async Task Demo_periods_show_results_compare_and_download()
    {
        List<Tilannekuva.ContactSampling.Domain.SamplingPeriod> periods;
        using (var scope = app.Services.CreateScope())
            periods = (await scope.ServiceProvider.GetRequiredService<SamplingService>().ListAsync()).Where(p => p.Name.Contains("takaisinsoitto", StringComparison.OrdinalIgnoreCase)).OrderBy(p => p.StartDate).ToList();
        Assert.Equal(2, periods.Count);
        Assert.All(periods, p => Assert.Equal(Tilannekuva.ContactSampling.Domain.PeriodState.Closed, p.State));
        using var client = await app.SignInAsync(Demo.Viewer);
        var list = await client.GetStringAsync("/sampling");
        Assert.Contains(periods[0].Name, list);
        Assert.Contains("id=\"cannot-create\"", list);
        var show = await client.GetStringAsync($"/sampling/{periods[0].Id}");
        Assert.Contains("id=\"interval\"", show);
        var compare = await client.GetStringAsync($"/sampling/compare?before={periods[0].Id}&after={periods[1].Id}");
        Assert.Contains("id=\"verdict\"", compare);
        var csv = await client.GetAsync($"/sampling/{periods[0].Id}/sample.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(await CountAsync(periods[0].Id) + 1, lines.Length);
        var xlsx = await client.GetAsync($"/sampling/{periods[1].Id}/results.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Sampling_pages_fit_a_phone_in_three_languages_and_pass_axe()
    {
        List<Tilannekuva.ContactSampling.Domain.SamplingPeriod> periods;
        using (var scope = app.Services.CreateScope())
            periods = (await scope.ServiceProvider.GetRequiredService<SamplingService>().ListAsync()).Where(p => p.Name.Contains("takaisinsoitto", StringComparison.OrdinalIgnoreCase)).OrderBy(p => p.StartDate).ToList();
        var page = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "fi-FI", BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 } });
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", Startup.DemoManager);
        await page.FillAsync("#Password", TestApp.Password);
        await page.Locator("form.edit button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account", StringComparison.Ordinal));
        var problems = new List<string>();
        foreach (var culture in new[] { "fi", "sv", "en" })
            foreach (var path in new[] { "/sampling", $"/sampling/{periods[0].Id}", $"/sampling/compare?before={periods[0].Id}&after={periods[1].Id}" })
            {
                var url = path + (path.Contains('?') ? "&" : "?") + "culture=" + culture;
                var response = await page.GotoAsync(url);
                if (response!.Status != 200) { problems.Add($"{url}: HTTP {response.Status}"); continue; }
                var text = await page.EvaluateAsync<string>("() => document.body.innerText");
                foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text, @"\b(Sampling|Codes)\.[a-z_A-Z.]+|\{\d+\}")) problems.Add($"{url}: {m.Value}");
                var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
                if (size[0] > size[1]) problems.Add($"{url}: {size[0]} px wide in {size[1]} px");
                var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
                foreach (var v in axe.Violations.Where(v => v.Impact is "serious" or "critical"))
                    problems.Add($"{url}: {v.Id} {v.Help}: {string.Join(" | ", v.Nodes.Take(2).Select(n => n.Html))}");
            }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Api_records_once_per_client_id_and_a_viewer_cannot_create_periods()
    {
        var id = await OpenPeriodAsync("API-testi");
        using var api = await app.ApiClientAsync(Demo.Analyst);
        var body = new { clientId = Guid.NewGuid(), channel = "phone", reason = "billing", demand = "failure", failureKind = "wrong_place", digitalPossible = true };
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/sampling/periods/{id}/contacts", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/sampling/periods/{id}/contacts", body)).StatusCode);
        var bad = await api.PostAsJsonAsync($"/api/v1/sampling/periods/{id}/contacts", body with { clientId = Guid.NewGuid(), channel = "fax" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Sampling.Error.Channel", await bad.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync(id));
        var results = await api.GetStringAsync($"/api/v1/sampling/periods/{id}/results");
        Assert.Contains("\"failures\":1", results);

        using var viewer = await app.SignInAsync(Demo.Viewer);
        var token = await TestApp.AntiforgeryTokenAsync(viewer, "/sampling");
        var create = await viewer.PostAsync("/sampling?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "x", ["Unit"] = Startup.DemoBoardUnit, ["Start"] = "2026-01-05", ["End"] = "2026-01-16", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }
}

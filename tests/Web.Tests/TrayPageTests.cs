using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Web.Tests;

/// <summary>
/// The residents' service tray on the demo, in real Chromium without signing in: search and service pages in fi, sv and
/// en at phone width (360×740) and 1440×900 with no horizontal scroll, no resource key or placeholder, no cookie set, and
/// no serious or critical axe-core violation (WCAG 2.1 AA).
/// </summary>
[Collection(SqliteAppCollection.Name)]
public sealed partial class TrayPageTests(SqliteApp app, Chromium chromium) : IClassFixture<Chromium>
{
    [GeneratedRegex(@"\bTray\.[A-Z][A-Za-z0-9.]+\b")] private static partial Regex ResourceKey();
    [GeneratedRegex(@"\{\d+\}")] private static partial Regex Placeholder();

    private async Task<string> ServicePathAsync()
    {
        using var client = app.NewClient();
        var html = await client.GetStringAsync("/palvelut?q=omaishoitajille");
        var id = Regex.Match(html, "data-service=\"(\\d+)\"").Groups[1].Value;
        Assert.NotEmpty(id);
        return "/palvelut/" + id;
    }

    [Fact]
    public async Task Search_finds_carers_services_from_an_inflected_word_without_sign_in_or_cookies()
    {
        using var client = app.NewClient();
        var response = await client.GetAsync("/palvelut?q=omaishoitajille&municipality=205");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Omaishoitajien vertaisryhmä, Kajaani", html);
        Assert.DoesNotContain("Omaishoitajien vertaisryhmä, Sotkamo", html);
        var service = await client.GetAsync(await ServicePathAsync());
        Assert.False(service.Headers.Contains("Set-Cookie"));
        var page = await service.Content.ReadAsStringAsync();
        Assert.Contains("data-print", page);
        Assert.Contains("mailto:?subject=", page);
        Assert.Contains("sms:?", page);
    }

    [Fact]
    public async Task Api_search_answers_with_hits()
    {
        using var client = app.NewClient();
        var json = await client.GetStringAsync("/api/v1/tray/search?q=ik%C3%A4%C3%A4ntyneiden%20liikuntaryhm%C3%A4t&lang=fi&postalCode=87100");
        Assert.Contains("\"total\":", json);
        Assert.Contains("Kajaani", json);
    }

    [Fact]
    public async Task Pages_fit_a_phone_read_in_three_languages_and_pass_axe()
    {
        var pages = new[] { "/palvelut", "/palvelut?q=liikunta&openNow=false&free=true", "/palvelut?q=omaishoitajille&postalCode=87100", await ServicePathAsync() };
        var problems = new List<string>();
        foreach (var (w, h) in new[] { (360, 740), (1440, 900) })
        {
            var page = await chromium.NewPageAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = w, Height = h } });
            foreach (var culture in new[] { "fi", "sv", "en" })
                foreach (var path in pages)
                {
                    var url = path + (path.Contains('?') ? "&" : "?") + "culture=" + culture;
                    var response = await page.GotoAsync(url);
                    if (response!.Status != 200) { problems.Add($"{url}: HTTP {response.Status}"); continue; }
                    var text = await page.EvaluateAsync<string>("() => document.body.innerText");
                    foreach (Match m in ResourceKey().Matches(text)) problems.Add($"{url}: key {m.Value}");
                    foreach (Match m in Placeholder().Matches(text)) problems.Add($"{url}: placeholder {m.Value}");
                    var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
                    if (size[0] > size[1]) problems.Add($"{url} at {w}×{h}: {size[0]} px wide in {size[1]} px");
                    if (culture == "fi" || w == 360)
                    {
                        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
                        foreach (var v in axe.Violations.Where(v => v.Impact is "serious" or "critical"))
                            problems.Add($"{url} at {w}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(2).Select(n => n.Html))}");
                    }
                }
            Assert.Empty(await page.Context.CookiesAsync());
            await page.Context.CloseAsync();
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }
}

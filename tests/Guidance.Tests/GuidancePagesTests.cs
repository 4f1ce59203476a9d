using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Tilannekuva.TestSupport;
using Tilannekuva.Web.Guidance;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Guidance.Tests;

/// <summary>
/// The staff pages in real Chromium on the real app: the knowledge base (list, new, edit with versions) and the teams (list, team with
/// members) in fi, sv and en at 360 and 1440 px wide — no raw text key or placeholder, no horizontal scroll, no serious axe-core
/// violation; an editor writes a draft, publishes it and the resident page gets the new answer; removing an advisor from a team
/// takes its queue out of the advisor's open console at once, and adding them back brings it back.
/// </summary>
public sealed partial class GuidancePagesTests(GuidanceApp app, Chromium chromium) : IClassFixture<GuidanceApp>, IClassFixture<Chromium>
{
    private static readonly PageWaitForSelectorOptions Soon = new() { Timeout = 20_000 };
    [GeneratedRegex(@"\bGuidance\.[A-Z][A-Za-z0-9.]+\b")] private static partial Regex ResourceKey();
    [GeneratedRegex(@"\{\d+\}")] private static partial Regex Placeholder();

    private async Task<IPage> SignInAsync(string user, string path, int width = 1280, int height = 900)
    {
        var page = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "fi-FI", BaseURL = app.BaseUrl, ViewportSize = new() { Width = width, Height = height } });
        await page.GotoAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(path));
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", GuidanceApp.Password);
        var arrived = page.WaitForURLAsync(u => new Uri(u).AbsolutePath == path);
        await page.Locator("form.edit button[type=submit]").ClickAsync();
        await arrived;
        return page;
    }

    [Fact]
    public async Task Staff_pages_fit_phone_and_desktop_in_three_languages_without_raw_keys_and_pass_axe()
    {
        var pages = new[] { "/neuvonta/tietopankki", "/neuvonta/tietopankki?q=resepti&status=Published", "/neuvonta/tietopankki/artikkeli", "/neuvonta/tietopankki/artikkeli/1",
            "/neuvonta/tiimit", "/neuvonta/tiimi/NEUVONTA", "/neuvonta/tiimi", "/neuvonta/konsoli" };
        var problems = new List<string>();
        foreach (var (w, h) in new[] { (360, 740), (1440, 900) })
        {
            var page = await SignInAsync("admin", "/neuvonta/tiimit", w, h);
            foreach (var culture in new[] { "fi", "sv", "en" })
                foreach (var path in pages)
                {
                    var url = path + (path.Contains('?') ? "&" : "?") + "culture=" + culture;
                    var response = await page.GotoAsync(url);
                    if (response!.Status != 200) { problems.Add($"{url}: HTTP {response.Status}"); continue; }
                    if (path.EndsWith("konsoli", StringComparison.Ordinal)) await page.WaitForSelectorAsync("#tk-queues p, #tk-queues table", Soon);
                    var text = await page.EvaluateAsync<string>("() => document.body.innerText");
                    foreach (Match m in ResourceKey().Matches(text)) problems.Add($"{url}: key {m.Value}");
                    foreach (Match m in Placeholder().Matches(text)) problems.Add($"{url}: placeholder {m.Value}");
                    var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
                    if (size[0] > size[1])
                        problems.Add($"{url} at {w}×{h}: {size[0]} px wide in {size[1]} px: " + await page.EvaluateAsync<string>(
                            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(-3).map(e => e.tagName + '#' + e.id + '.' + e.className).join(', ')"));
                    if (culture == "fi" || w == 360)
                    {
                        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
                        foreach (var v in axe.Violations.Where(v => v.Impact is "serious" or "critical"))
                            problems.Add($"{url} at {w}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(2).Select(n => n.Html))}");
                    }
                }
            await page.Context.CloseAsync();
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task An_editor_publishes_an_article_from_the_console_and_the_resident_gets_the_new_answer()
    {
        var editor = await SignInAsync(Startup.DemoAdvisor, "/neuvonta/konsoli");
        await editor.ClickAsync("#nav-kb");
        await editor.ClickAsync("#kb-new");
        await editor.SelectOptionAsync("#kb-team", new SelectOptionValue { Label = "Palveluneuvonta" });
        await editor.FillAsync("#kb-fi-title", "Pysäköintitunnus");
        await editor.FillAsync("#kb-fi-question", "Mistä saan vammaisen pysäköintitunnuksen?");
        await editor.FillAsync("#kb-fi-answer", "Pysäköintitunnusta haetaan Traficomilta lääkärinlausunnolla.");
        await editor.FillAsync("#kb-fi-keywords", "pysäköintilupa invalupa");
        await editor.FillAsync("#kb-fi-source", "https://example.org/kainuu/pysakointi");
        await editor.ClickAsync("#kb-save-draft");
        await editor.WaitForSelectorAsync("#kb-saved", Soon);
        Assert.Contains("Luonnos", await editor.TextContentAsync("#kb-status"));

        // A draft: the bot does not answer from it (the question goes to a person).
        await using var hub = new HubConnectionBuilder().WithUrl(app.BaseUrl + "/chat/hub").Build();
        await hub.StartAsync();
        var chat = await hub.InvokeAsync<JoinResult>("Start", "fi", null);
        Assert.Null((await hub.InvokeAsync<ResidentTurn>("Send", chat.Id, "invalupa pysäköintiin")).Bot);

        await editor.ClickAsync("#kb-publish");
        await editor.WaitForSelectorAsync("#kb-saved", Soon);
        Assert.Contains("Julkaistu", await editor.TextContentAsync("#kb-status"));

        var resident = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "fi-FI", BaseURL = app.BaseUrl });
        await resident.GotoAsync("/neuvonta?culture=fi");
        await resident.WaitForSelectorAsync(".tk-status:text('Yhteys on muodostettu.')", Soon);
        await resident.FillAsync("#tk-chat textarea", "invalupa pysäköintiin");
        await resident.Keyboard.PressAsync("Tab");
        await resident.Keyboard.PressAsync("Enter");
        var source = await resident.WaitForSelectorAsync(".tk-log .tk-bot .tk-source a", Soon);
        Assert.Equal("Mistä saan vammaisen pysäköintitunnuksen?", await source!.TextContentAsync());

        // A second version, published at once: the next question gets it; both versions are listed.
        await editor.FillAsync("#kb-fi-answer", "Pysäköintitunnusta haetaan Traficomilta; liitä lääkärinlausunto.");
        await editor.ClickAsync("#kb-save-publish");
        await editor.WaitForSelectorAsync("#kb-saved", Soon);
        Assert.Equal(2, await editor.Locator("#kb-versions tbody tr").CountAsync());
        var again = await hub.InvokeAsync<JoinResult>("Start", "fi", null);
        Assert.Equal("Pysäköintitunnusta haetaan Traficomilta; liitä lääkärinlausunto.", (await hub.InvokeAsync<ResidentTurn>("Send", again.Id, "invalupa pysäköintiin")).Bot?.Text);
        Assert.Equal(5, await editor.Locator("#kb-log li").CountAsync()); // created, saved (draft), published, saved, published

        await editor.GotoAsync("/neuvonta/tietopankki?q=pys%C3%A4k%C3%B6inti&culture=fi");
        Assert.Equal(1, await editor.Locator("#kb-articles tbody tr").CountAsync());
    }

    [Fact]
    public async Task Removing_an_advisor_from_a_team_takes_its_queue_out_of_the_open_console_at_once()
    {
        var console = await SignInAsync(Startup.DemoAdvisor, "/neuvonta/konsoli");
        await console.WaitForSelectorAsync("#tk-queues p, #tk-queues table", Soon);
        await using var hub = new HubConnectionBuilder().WithUrl(app.BaseUrl + "/chat/hub").Build();
        await hub.StartAsync();
        var chat = await hub.InvokeAsync<JoinResult>("Start", "fi", "PERHE");
        await hub.InvokeAsync<object>("AskPerson", chat.Id);
        var row = $"#tk-queues tr[data-chat='{chat.Id}']";
        await console.WaitForSelectorAsync(row, Soon);

        var admin = await SignInAsync("admin", "/neuvonta/tiimi/PERHE");
        await admin.ClickAsync($"#members tr[data-member='{Startup.DemoAdvisor}'] .tk-remove");
        await admin.WaitForSelectorAsync("#team-saved", Soon);
        await console.WaitForSelectorAsync(row, new() { State = WaitForSelectorState.Detached, Timeout = 20_000 });
        Assert.Contains("Tiimijäsenyytesi muuttui", await console.TextContentAsync("#tk-console-status"));

        await admin.SelectOptionAsync("#member-user", Startup.DemoAdvisor);
        await admin.ClickAsync("#member-add");
        await admin.WaitForSelectorAsync($"#members tr[data-member='{Startup.DemoAdvisor}']", Soon);
        await console.WaitForSelectorAsync(row, Soon);
        var log = await admin.TextContentAsync("#team-log");
        Assert.Contains("poisti jäsenen", log);
        Assert.Contains("lisäsi jäsenen", log);
    }
}

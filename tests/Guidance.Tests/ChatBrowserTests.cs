using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Guidance.Tests;

/// <summary>
/// Two browser contexts in real Chromium: a resident on /neuvonta and an advisor on /neuvonta/konsoli in the same conversation — bot
/// answer with its source, handoff, accept, messages both ways, end with a resolution and the feedback link, history after a reload;
/// axe-core finds no serious or critical violation on the resident page or the console.
/// </summary>
public sealed class ChatBrowserTests(GuidanceApp app, Chromium chromium) : IClassFixture<GuidanceApp>, IClassFixture<Chromium>
{
    private static readonly PageWaitForSelectorOptions Soon = new() { Timeout = 15_000 };

    private async Task<IPage> ResidentAsync()
    {
        var page = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "fi-FI", BaseURL = app.BaseUrl });
        await page.GotoAsync("/neuvonta?culture=fi");
        await page.WaitForSelectorAsync(".tk-status:text('Yhteys on muodostettu.')", Soon);
        return page;
    }

    private async Task<IPage> AdvisorAsync()
    {
        var page = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "fi-FI", BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync("/account/login?ReturnUrl=%2Fneuvonta%2Fkonsoli");
        await page.FillAsync("#UserName", Tilannekuva.Web.Hosting.Startup.DemoAdvisor);
        await page.FillAsync("#Password", GuidanceApp.Password);
        var arrived = page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/neuvonta/konsoli");
        await page.Locator("form.edit button[type=submit]").ClickAsync();
        await arrived;
        await page.WaitForSelectorAsync("#tk-queues p, #tk-queues table", Soon);
        return page;
    }

    private static async Task SendAsync(IPage page, string text)
    {
        await page.FillAsync("#tk-chat textarea", text);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
    }

    [Fact]
    public async Task Resident_and_advisor_talk_in_the_same_conversation_after_a_handoff()
    {
        var resident = await ResidentAsync();
        await SendAsync(resident, "Miten reseptini uusitaan?");
        var bot = await resident.WaitForSelectorAsync(".tk-log .tk-bot .tk-source a", Soon);
        Assert.Equal("Miten uusin reseptin?", await bot!.TextContentAsync());
        await resident.ClickAsync(".tk-person");
        await resident.WaitForSelectorAsync(".tk-queue:has-text('sija 1')", Soon);

        var advisor = await AdvisorAsync();
        await advisor.ClickAsync("#tk-queues button.tk-accept", new() { Timeout = 15_000 });
        // The console shows the history so far, including the bot's answer.
        await advisor.WaitForSelectorAsync(".tk-console-chat .tk-log .tk-msg:has-text('Reseptin uusimista')", Soon);
        await resident.WaitForSelectorAsync(".tk-status:text('Palveluneuvoja liittyi keskusteluun.')", Soon);

        await advisor.FillAsync(".tk-console-chat textarea", "Hei, autan mielelläni. Soita 040 123 4567 jos kiire.");
        await advisor.ClickAsync(".tk-console-chat .tk-send");
        var arrived = await resident.WaitForSelectorAsync(".tk-log .tk-advisor .tk-text", Soon);
        var text = await arrived!.TextContentAsync();
        Assert.StartsWith("Hei, autan mielelläni.", text);
        Assert.DoesNotContain("123 4567", text); // scrubbed before storing and sending

        await SendAsync(resident, "Kiitos, entä hammaslääkäri?");
        await advisor.WaitForSelectorAsync(".tk-console-chat .tk-resident:has-text('entä hammaslääkäri')", Soon);

        // A reload (the same tab keeps the chat id in sessionStorage) shows the whole history again from the database.
        await resident.ReloadAsync();
        await resident.WaitForSelectorAsync(".tk-log .tk-advisor:has-text('autan mielelläni')", Soon);
        Assert.Equal(1, await resident.Locator(".tk-log .tk-advisor").CountAsync());

        await advisor.SelectOptionAsync(".tk-console-chat select[id$='-e']", "Handled");
        await advisor.ClickAsync(".tk-console-chat .tk-endchat");
        var link = await resident.WaitForSelectorAsync(".tk-closing .tk-feedback a", Soon);
        Assert.StartsWith("/f/", await link!.GetAttributeAsync("href"));
        await resident.ClickAsync(".tk-closing .tk-yes");
        await resident.WaitForSelectorAsync(".tk-status:text('Kiitos vastauksesta.')", Soon);

        foreach (var (page, name) in new[] { (resident, "resident"), (advisor, "console") })
        {
            var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
            var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{name}: {v.Id} {v.Help} ({v.Nodes.Length})").ToList();
            Assert.True(serious.Count == 0, string.Join("\n", serious));
        }
    }

    [Theory]
    [InlineData("sv", "Anslutningen är upprättad.")]
    [InlineData("en", "Connected.")]
    public async Task Resident_page_speaks_swedish_and_english_and_passes_axe(string lang, string connected)
    {
        var page = await chromium.NewPageAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 360, Height = 740 } });
        await page.GotoAsync("/neuvonta?culture=" + lang);
        await page.WaitForSelectorAsync($".tk-status:text('{connected}')", Soon);
        Assert.Equal(lang, await page.GetAttributeAsync("html", "lang"));
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"));
        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));
    }
}

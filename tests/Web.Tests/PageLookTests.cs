using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tilannekuva.Boards;
using Tilannekuva.Boards.Domain;
using Tilannekuva.TestSupport;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Web.Tests;

/// <summary>
/// The main pages as a person sees them, in real Chromium on the demo, in Finnish, Swedish and English at 1440×900 and
/// 1920×1080: no horizontal scrolling, no resource key, unfilled "{0}" or raw code in the text (identifiers deliberately shown
/// as such are in &lt;code&gt;), the wall screen fits without scrolling at 1920×1080 and 1366×768, and axe-core finds no
/// serious or critical accessibility violation (WCAG 2.1 AA).
/// </summary>
[Collection(SqliteAppCollection.Name)]
public sealed partial class PageLookTests(SqliteApp app, Chromium chromium) : IClassFixture<Chromium>
{
    private static readonly string[] Cultures = ["fi", "sv", "en"];

    // "IndicatorPage.Unit.index", "Boards.Tile.T3": a key shown instead of its text.
    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9]+(\.[A-Z][A-Za-z0-9_]*)+\b")] private static partial Regex ResourceKey();
    [GeneratedRegex(@"\{\d+\}")] private static partial Regex Placeholder();
    // snake_case codes (e_message, home_visit), unit ids (K205-TA1), service-point codes (KAJ-TK), statement codes (AV1, CAV1).
    [GeneratedRegex(@"\b[a-z]+_[a-z0-9_]+\b|\b[A-Z]\d{3}-[A-Z]{2}\d\b|\b[A-Z]{3}-TK\b|\bC?(AV|EN|SA|IN|US)\d\b|\\u00")] private static partial Regex RawCode();
    // English code words that must not stand in a Finnish or Swedish page.
    [GeneratedRegex(@"\b(doctor|nurse|physical|phone|outpatient_care)\b")] private static partial Regex EnglishCode();

    private async Task<IReadOnlyList<string>> MainPagesAsync()
    {
        var programme = await app.ProgrammeIdAsync();
        var wp = await app.OwnWorkPackageAsync(Demo.Planner);
        var board = await BoardAsync("Sivut");
        return
        [
            $"/programmes/{programme}", $"/workpackages/{wp}", $"/programmes/{programme}/audit", "/indicators", "/indicators/care_guarantee_7d",
            "/indicators/continuity_of_care", "/indicators/remote_contact_share", "/indicators/care_guarantee_wait_distribution", "/dashboards/strategic",
            "/dashboards/tactical?unit=KESKIKAINUU", $"/dashboards/operational?unit={Startup.DemoBoardUnit}", "/feedback", "/feedback/links",
            "/feedback/questionnaires", "/feedback/service-points", "/boards", $"/boards/{board.Id}", $"/boards/{board.Id}/edit", $"/boards/{board.Id}/audit",
        ];
    }

    private async Task<(int Id, string Token)> BoardAsync(string name)
    {
        using var scope = app.Services.CreateScope();
        var boards = scope.ServiceProvider.GetRequiredService<BoardsService>();
        var id = await boards.SaveAsync(null, new BoardDraft(name + " " + Guid.NewGuid().ToString("N")[..6], [Startup.DemoBoardUnit], Board.AllTiles, 60, 60, BoardTheme.HighContrast));
        return (id, (await boards.IssueTokenAsync(id))!);
    }

    private async Task<IPage> SignInAsync(int width, int height)
    {
        var page = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "fi-FI", BaseURL = app.BaseUrl, ViewportSize = new() { Width = width, Height = height } });
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", Demo.Admin);  // the admin reaches every main page, the feedback links too
        await page.FillAsync("#Password", TestApp.Password);
        await DashboardTests.ClickAndWaitAsync(page, page.Locator("form.edit button[type=submit]"), "/");
        return page;
    }

    private static string With(string path, string culture) => path + (path.Contains('?') ? "&" : "?") + "culture=" + culture;

    /// <summary>The page's text without the identifiers it shows on purpose in &lt;code&gt; (indicator codes, service-point codes).</summary>
    private static Task<string> TextAsync(IPage page) => page.EvaluateAsync<string>(
        "() => { document.querySelectorAll('code').forEach(e => e.textContent = ''); return document.body.innerText; }");

    private static Task<int[]> SizeAsync(IPage page) => page.EvaluateAsync<int[]>(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth, document.documentElement.scrollHeight, document.documentElement.clientHeight]");

    [Fact]
    public async Task Main_pages_have_no_horizontal_overflow_and_no_raw_code_key_or_placeholder_in_three_languages()
    {
        var pages = await MainPagesAsync();
        var page = await SignInAsync(1440, 900);
        var problems = new List<string>();
        foreach (var culture in Cultures)
            foreach (var path in pages)
            {
                var response = await page.GotoAsync(With(path, culture));
                if (response!.Status != 200) { problems.Add($"{culture} {path}: HTTP {response.Status}"); continue; }
                var text = await TextAsync(page);
                foreach (Match m in ResourceKey().Matches(text)) problems.Add($"{culture} {path}: resource key '{m.Value}'");
                foreach (Match m in Placeholder().Matches(text)) problems.Add($"{culture} {path}: placeholder '{m.Value}'");
                foreach (Match m in RawCode().Matches(text)) problems.Add($"{culture} {path}: raw code '{m.Value}'");
                if (culture != "en") foreach (Match m in EnglishCode().Matches(text)) problems.Add($"{culture} {path}: English code '{m.Value}'");
                foreach (var (w, h) in new[] { (1440, 900), (1920, 1080) })
                {
                    await page.SetViewportSizeAsync(w, h);
                    var size = await SizeAsync(page);
                    if (size[0] > size[1]) problems.Add($"{culture} {path} at {w}×{h}: {size[0]} px wide in a {size[1]} px window");
                }
                await page.SetViewportSizeAsync(1440, 900);
            }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public async Task The_strategic_overview_fits_above_the_fold_at_1440x900()
    {
        var page = await SignInAsync(1440, 900);
        await page.GotoAsync("/dashboards/strategic?culture=fi");
        var tiles = page.Locator("li.tile");
        Assert.True(await tiles.CountAsync() >= 3);
        foreach (var tile in await tiles.AllAsync())
        {
            var box = (await tile.BoundingBoxAsync())!;
            Assert.True(box.Y + box.Height <= 900, $"a tile ends at {box.Y + box.Height} px, below the fold");
            // Each tile says its value, target with due period, light and reason.
            var text = await tile.InnerTextAsync();
            Assert.Matches(@"Tavoite .+\((Q\d/)?\d{4}\)", text);
            Assert.Matches("Aikataulussa|Riskissä|Jäljessä|Ei arvioitavissa", text);
        }
    }

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1366, 768)]
    public async Task The_wall_screen_fits_without_scrolling(int width, int height)
    {
        var (id, secret) = await BoardAsync("Seinä " + width);
        var token = $"/boards/{id}/screen?token={secret}";
        var page = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "fi-FI", BaseURL = app.BaseUrl, ViewportSize = new() { Width = width, Height = height } });
        foreach (var culture in Cultures)
        {
            await page.GotoAsync(token + "&culture=" + culture);
            var size = await SizeAsync(page);
            Assert.True(size[0] <= size[1] && size[2] <= size[3], $"{culture} {width}×{height}: content {size[0]}×{size[2]} in a {size[1]}×{size[3]} window");
            // Nor does any tile spill out of its own box.
            var spilled = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.tile')].filter(t => t.scrollHeight > t.clientHeight + 1 || t.scrollWidth > t.clientWidth + 1).map(t => t.dataset.tile)");
            Assert.True(spilled.Length == 0, $"{culture} {width}×{height}: tiles spill over: {string.Join(", ", spilled)}");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.ScreenshotFolder, $"wall-{culture}-{width}x{height}.png") });
        }
        // The callback tile adds up: requested today = called back + open.
        var requested = int.Parse((await page.Locator("[data-figure='requested-today']").GetAttributeAsync("data-value"))!);
        var called = int.Parse((await page.Locator("[data-figure='called-back-today']").GetAttributeAsync("data-value"))!);
        var open = int.Parse((await page.Locator("[data-figure='open-today']").GetAttributeAsync("data-value"))!);
        Assert.Equal(requested, called + open);
    }

    [Fact]
    public async Task Main_pages_have_no_serious_or_critical_accessibility_violations()
    {
        var pages = await MainPagesAsync();
        var page = await SignInAsync(1440, 900);
        var problems = new List<string>();
        foreach (var path in pages)
        {
            await page.GotoAsync(With(path, "fi"));
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
            foreach (var v in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                problems.Add($"{path}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

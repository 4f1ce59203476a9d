using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tilannekuva.Access;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.TestSupport;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Feedback.Tests;

/// <summary>
/// Through the real doors: the app on Kestrel (SQLite), headless Chromium filling the web form and the
/// kiosk (including the idle reset), bots posting forged links, public results, and the staff pages.
/// </summary>
public sealed class WebTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const string AdminPassword = "feedback-test-password-1";
    private readonly SqliteFile _file = new();

    // Waiting for the thanks page's load event after a form POST and its redirect timed out once in CI (the load state
    // was missed by the client); the URL's commit and the heading's auto-wait are what the tests need.
    private static readonly PageWaitForURLOptions ThanksCommitted = new() { WaitUntil = WaitUntilState.Commit };
    private FeedbackApp? _app;

    private FeedbackApp App => _app!;

    public async Task InitializeAsync()
    {
        _app = await FeedbackApp.StartAsync(_file.Options, 400, listen: true, "--Feedback:KioskIdleSeconds=2", "--Feedback:KioskThanksSeconds=1");
        await Startup.EnsureAccountsAsync(App.Services, demo: false);
        await App.InScopeAsync(sp => sp.GetRequiredService<Accounts>().SetPasswordAsync("admin", AdminPassword));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _file.Dispose();
    }

    private Task<Response> LatestAsync(Channel channel) => App.InScopeAsync(sp => sp.GetRequiredService<FeedbackDbContext>().Responses.Include(r => r.Answers)
        .Where(r => r.Channel == channel && r.LinkId != "demo").OrderByDescending(r => r.Id).FirstAsync());

    private static Task Choose(IPage page, string name, int value) =>
        page.Locator($"label.choice:has(input[name='{name}'][value='{value}'])").ClickAsync();

    [Fact]
    public async Task A_respondent_switches_to_swedish_fills_the_web_form_and_is_thanked()
    {
        var page = await chromium.NewPageAsync();
        var token = App.Token(Channel.Qr);
        await page.GotoAsync($"{App.BaseUrl}/f/{token}");
        Assert.Contains("Kuinka todennäköisesti suosittelisit", await page.Locator("fieldset.nps legend").InnerTextAsync(), StringComparison.Ordinal);
        await page.ClickAsync("header.public-top a[lang=sv]");
        Assert.Contains("Hur sannolikt", await page.Locator("fieldset.nps legend").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(6, await page.Locator("fieldset.statement").CountAsync());

        await Choose(page, "recommendation", 9);
        await Choose(page, "a_AV1", 4);
        await Choose(page, "a_EN1", 5);
        await Choose(page, "a_SA1", 0); // cannot say
        await page.FillAsync("#openText", "Bra service! Ring mig på 040 765 4321.");
        await page.SelectOptionAsync("#ageGroup", "Age65To74");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**thanks=true**", ThanksCommitted); // the locator below waits for the page itself
        Assert.Equal("Tack för din respons!", await page.Locator("h1").InnerTextAsync());

        var stored = await LatestAsync(Channel.Qr);
        Assert.Equal((9, "sv", AgeGroup.Age65To74, "KAJ-TK"), (stored.Recommendation, stored.Language, stored.AgeGroup, stored.ServicePointCode));
        Assert.Equal("Bra service! Ring mig på [PHONE].", stored.OpenText);
        Assert.Equal([("AV1", (int?)4), ("EN1", 5), ("SA1", null)], stored.Answers.OrderBy(a => a.Position).Select(a => (a.Code, a.Value)));
    }

    [Fact]
    public async Task The_form_needs_no_javascript()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Locale = "fi-FI" });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{App.BaseUrl}/f/{App.Token(Channel.Web, "SOT-TK", "MT")}");
        await Choose(page, "recommendation", 2);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**thanks=true**", ThanksCommitted); // the locator below waits for the page itself
        Assert.Equal("Kiitos palautteestasi!", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(("SOT-TK", "MT", 2), ((await LatestAsync(Channel.Web)).ServicePointCode, (await LatestAsync(Channel.Web)).ServiceCode, (await LatestAsync(Channel.Web)).Recommendation));
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_missing_recommendation_is_explained_and_the_answers_are_kept()
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(App.BaseUrl) };
        var token = App.Token(Channel.Web);
        var html = await http.GetStringAsync($"/f/{token}");
        var af = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var q = System.Text.RegularExpressions.Regex.Match(html, "name=\"questionnaire\" value=\"(\\d+)\"").Groups[1].Value;
        var response = await http.PostAsync($"/f/{token}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = af, ["submission"] = Guid.NewGuid().ToString(), ["questionnaire"] = q, ["lang"] = "fi", ["a_AV1"] = "3",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Valitse suosittelukysymykseen arvo 0–10.", body, StringComparison.Ordinal);
        Assert.Matches("name=\"a_AV1\" value=\"3\" checked", body);
    }

    [Fact]
    public async Task The_kiosk_has_large_targets_resets_after_idle_and_returns_after_an_answer()
    {
        var page = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "fi-FI", ViewportSize = new ViewportSize { Width = 1024, Height = 768 }, HasTouch = true });
        var kiosk = $"{App.BaseUrl}/kiosk/{App.Token(Channel.Kiosk, "KUH-TK", "SHH")}";
        await page.GotoAsync(kiosk);
        Assert.Contains("kiosk", await page.GetAttributeAsync("body", "class") ?? "", StringComparison.Ordinal);
        var box = await page.Locator("label.choice:has(input[name='recommendation'][value='7']) span").BoundingBoxAsync();
        Assert.True(box!.Width >= 48 && box.Height >= 48, $"touch target {box.Width}×{box.Height}");

        // Idle reset: a half-filled form clears itself after the idle time (2 s here, 60 s by default).
        await Choose(page, "recommendation", 7);
        await page.FillAsync("#openText", "kesken");
        Assert.True(await page.IsCheckedAsync("input[name='recommendation'][value='7']"));
        await page.WaitForFunctionAsync("() => document.body.hasAttribute('data-reset')", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        Assert.False(await page.IsCheckedAsync("input[name='recommendation'][value='7']"));
        Assert.Equal("", await page.InputValueAsync("#openText"));

        // An answer: thanks, then back to an empty form by itself for the next person.
        await Choose(page, "recommendation", 10);
        await Choose(page, "a_US1", 5);
        // Read the thanks page from its own response: on a loaded machine the page may already have
        // returned to the form by itself before a locator gets to look at it.
        var thanks = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"),
            r => r.Url.Contains("thanks=true", StringComparison.Ordinal) && r.Request.Method == "GET");
        Assert.Contains("Kiitos palautteestasi!", await thanks.TextAsync(), StringComparison.Ordinal);
        await page.WaitForURLAsync(kiosk, new PageWaitForURLOptions { Timeout = 10_000 });
        await page.Locator("#feedback-form").WaitForAsync();
        Assert.False(await page.IsCheckedAsync("input[name='recommendation'][value='10']"));

        var stored = await LatestAsync(Channel.Kiosk);
        Assert.Equal(("KUH-TK", "SHH", 10), (stored.ServicePointCode, stored.ServiceCode, stored.Recommendation));
    }

    [Fact]
    public async Task Bots_without_a_valid_signed_link_are_turned_away_with_a_clear_message()
    {
        using var http = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        var before = await App.InScopeAsync(sp => sp.GetRequiredService<FeedbackDbContext>().Responses.CountAsync());
        var token = App.Token();
        var forged = token[..^3] + (token[^3] == 'x' ? "yyy" : "xxx");

        var page = await http.GetAsync($"/f/{forged}");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("Palautelinkki ei ole voimassa", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var post = await http.PostAsync($"/kiosk/{forged}", new FormUrlEncodedContent(new Dictionary<string, string> { ["recommendation"] = "10" }));
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest);

        var api = await http.PostAsJsonAsync("/api/v1/feedback/responses", new { token = forged, submissionId = Guid.NewGuid(), recommendation = 10, language = "en" });
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("This feedback link is not valid", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var ok = await http.PostAsJsonAsync("/api/v1/feedback/responses", new { token, submissionId = Guid.NewGuid(), recommendation = 10, answers = new Dictionary<string, int> { ["AV1"] = 5 }, language = "en" });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal(before + 1, await App.InScopeAsync(sp => sp.GetRequiredService<FeedbackDbContext>().Responses.CountAsync()));
    }

    [Fact]
    public async Task Public_results_need_no_login_embed_and_hide_small_service_points()
    {
        var page = await chromium.NewPageAsync();
        var response = await page.GotoAsync($"{App.BaseUrl}/results/KAJ-TK");
        Assert.Equal(200, response!.Status);
        Assert.Matches(@"^[+−]?\d+$", await page.Locator("[data-kpi=nps]").InnerTextAsync());
        Assert.True(await page.Locator("table.statements tbody tr").CountAsync() >= 3);
        Assert.True(await page.Locator("header.public-top").IsVisibleAsync());

        await page.GotoAsync($"{App.BaseUrl}/results/PAL-TK?embed=true");
        Assert.Equal(0, await page.Locator("header.public-top").CountAsync());
        Assert.Contains("alle 5 vastausta", await page.Locator("[data-kpi=suppressed]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-kpi=nps]").CountAsync());
        Assert.Equal("< 5", await page.Locator("[data-kpi=responses]").InnerTextAsync());

        // Per service across service points, reached from the service point page.
        await page.GotoAsync($"{App.BaseUrl}/results/KAJ-TK");
        await page.ClickAsync("#by-service tr[data-key='VO'] a");
        await page.WaitForURLAsync("**/results/service/VO");
        Assert.Equal(1, await page.Locator("#by-service-point tr[data-key='KAJ-TK']").CountAsync());
        Assert.True(await page.Locator("#by-service-point tr[data-key='PAL-TK'] td.suppressed").CountAsync() <= 1);
        Assert.Matches(@"^[+−]?\d+$", await page.Locator("[data-kpi=nps]").InnerTextAsync());

        using var http = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        var svg = await http.GetAsync("/feedback/trend.svg?servicePoint=KAJ-TK");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Staff_see_results_handle_open_text_compose_a_version_and_make_a_qr_link()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync($"{App.BaseUrl}/account/login?ReturnUrl=%2Ffeedback");
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", AdminPassword);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync("**/feedback");
        Assert.Equal("< 5", await page.Locator("#breakdown tr[data-key='PAL-TK'] td.num").First.InnerTextAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => { const i = document.querySelector('.chart img'); return i.complete && i.naturalWidth > 0; }"), "trend chart did not load");
        Assert.Matches(@"^[+−]?\d+$", await page.Locator("#breakdown tr[data-key='KAJ-TK'] td.num").Nth(1).InnerTextAsync());

        // Open text: scrubbed markers are shown in words; mark one handled with a reply note.
        await page.GotoAsync($"{App.BaseUrl}/feedback/comments?onlyOpen=true");
        var first = page.Locator("article.comment").First;
        var id = (await first.GetAttributeAsync("id"))![2..];
        await first.Locator("input[name=handled]").CheckAsync();
        await first.Locator("textarea[name=reply]").FillAsync("Soitettu takaisin.");
        await first.Locator("button[type=submit]").ClickAsync();
        // The redirect after saving ends in the comment's anchor; the page was already on /feedback/comments.
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"#r-{id}$"));
        var handled = await App.InScopeAsync(sp => sp.GetRequiredService<FeedbackDbContext>().Responses.SingleAsync(r => r.Id == Guid.Parse(id)));
        Assert.True(handled.Handled);
        Assert.Equal(("Soitettu takaisin.", "admin"), (handled.ReplyNote, handled.HandledBy));

        // A new version of the children's questionnaire from the page.
        await page.GotoAsync($"{App.BaseUrl}/feedback/questionnaires?edit=lapset");
        await page.Locator("input[name=national][value=CIN1]").CheckAsync();
        await page.FillAsync("input[name='own0.code']", "OMA-L1");
        await page.FillAsync("input[name='own0.fi']", "Odotustilassa oli mukavaa tekemistä.");
        await page.ClickAsync("#compose-form button[type=submit]");
        await page.WaitForURLAsync("**saved=**");
        Assert.Contains("lapset, versio 2", await page.Locator("p.notice").InnerTextAsync(), StringComparison.Ordinal);
        var v2 = await App.InScopeAsync(sp => sp.GetRequiredService<FeedbackDbContext>().Questionnaires.Include(q => q.Items).SingleAsync(q => q.Key == "lapset" && q.Version == 2));
        Assert.Equal(["CAV1", "CEN1", "CSA1", "CIN1", "CUS1", "OMA-L1"], v2.OrderedItems.Select(i => i.Code).OrderBy(c => c.StartsWith("OMA", StringComparison.Ordinal)).ThenBy(c => Domain.NationalStatements.All.ToList().FindIndex(s => s.Code == c)));

        // A QR link for a printed poster: the PNG loads and the link opens the form.
        await page.GotoAsync($"{App.BaseUrl}/feedback/links?servicePoint=SUO-TK&service=VO&channel=Qr&audience=Adult");
        var png = await page.APIRequest.GetAsync(await page.Locator("#created .qr img").GetAttributeAsync("src") ?? "");
        Assert.Equal("image/png", png.Headers["content-type"]);
        var formUrl = await page.Locator("#form-url").InnerTextAsync();
        await page.GotoAsync(formUrl);
        Assert.Contains("Suomussalmen terveysasema", await page.Locator("p.where").InnerTextAsync(), StringComparison.Ordinal);
    }
}

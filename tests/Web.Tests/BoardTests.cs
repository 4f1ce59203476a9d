using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tilannekuva.Boards;
using Tilannekuva.Boards.Domain;
using Tilannekuva.Boards.Figures;
using Tilannekuva.Indicators.Ingest;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.TestSupport;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Web.Tests;

/// <summary>A clock the tests move instead of sleeping.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private long _ticks = now.UtcTicks;
    public DateTimeOffset Now { get => new(Interlocked.Read(ref _ticks), TimeSpan.Zero); set => Interlocked.Exchange(ref _ticks, value.UtcTicks); }
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The demo on SQLite with the clock held at today 10:00 UTC (12:00 or 13:00 in Finland, a working hour).</summary>
public sealed class BoardApp : SqliteApp
{
    public ManualClock Clock { get; } = new(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(10), TimeSpan.Zero));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>
/// The steering board in headless Chromium on the generated demo region: the wall screen's numbers equal
/// the board query's and the indicator engine's, it refreshes itself with newly imported data, warns when
/// the data is stale (the clock moves, nothing sleeps), never asks for a sign-in, and shows the tiles in the
/// order a unit manager chose.
/// </summary>
public sealed class BoardTests(BoardApp app, Chromium chromium) : IClassFixture<BoardApp>, IClassFixture<Chromium>
{
    private static readonly CultureInfo Fi = new("fi");

    /// <summary>Every day, all day (00:00 closing = midnight).</summary>
    private static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();

    /// <summary>A board with a token; open around the clock unless <paramref name="defaultHours"/> (Mon–Fri 08–16), so the stale warning does not depend on the hour the tests run at.</summary>
    private async Task<(int Id, string Token)> CreateBoardAsync(IReadOnlyList<TileKind> tiles, int refreshSeconds = 1, bool defaultHours = false, string unit = Startup.DemoBoardUnit)
    {
        using var scope = app.Services.CreateScope();
        var boards = scope.ServiceProvider.GetRequiredService<BoardsService>();
        var draft = new BoardDraft("Testitaulu " + Guid.NewGuid().ToString("N")[..6], [unit], tiles, refreshSeconds, 60, BoardTheme.HighContrast);
        if (!defaultHours) draft = draft with { OpenDays = EveryDay, OpensAt = TimeOnly.MinValue, ClosesAt = TimeOnly.MinValue };
        var id = await boards.SaveAsync(null, draft);
        return (id, (await boards.IssueTokenAsync(id))!);
    }

    private async Task<BoardFigures> FiguresAsync(int id)
    {
        using var scope = app.Services.CreateScope();
        var boards = scope.ServiceProvider.GetRequiredService<BoardsService>();
        return await boards.FiguresAsync((await boards.FindAsync(id))!);
    }

    private static string F(DateTime t) => t.ToString("d.M.yyyy H:mm", CultureInfo.InvariantCulture);

    private static string Raw(double? v) => v?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static Task<string?> Value(IPage page, string figure) => page.Locator($"[data-figure='{figure}']").GetAttributeAsync("data-value");

    [Fact]
    public async Task Wall_screen_shows_the_engines_numbers_refreshes_itself_and_warns_of_stale_data()
    {
        var (id, token) = await CreateBoardAsync(Board.AllTiles);
        // Fresh data a moment ago, so the board starts up to date whatever the hour the demo was generated at.
        var now = BoardQuery.WallClock(app.Clock, new BoardSettings());
        await ImportContactsAsync($"web-board-1;{Startup.DemoBoardUnit};{F(now.AddMinutes(-5))};phone;resolved;;\n");
        var expected = await FiguresAsync(id);

        var page = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "fi-FI", BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1920, Height = 1080 } });
        var response = await page.GotoAsync($"/boards/{id}/screen?token={token}");
        Assert.Equal(200, response!.Status);
        Assert.StartsWith($"/boards/{id}/screen", new Uri(page.Url).AbsolutePath);

        // The numbers on the screen are the board query's.
        Assert.Equal(expected.Callbacks.RequestedToday.ToString(Fi), await Value(page, "requested-today"));
        // Today's requests = called back + still open; the overdue ones are older requests, open too.
        Assert.Equal((expected.Callbacks.RequestedToday - expected.Callbacks.OpenToday).ToString(Fi), await Value(page, "called-back-today"));
        Assert.Equal((expected.Callbacks.OpenToday + expected.Callbacks.Overdue).ToString(Fi),
            await page.Locator("[data-figure='callback-sums']").GetAttributeAsync("data-open-all"));
        Assert.Equal(expected.Callbacks.OpenToday.ToString(Fi), await Value(page, "open-today"));
        Assert.Equal(expected.Callbacks.Overdue.ToString(Fi), await Value(page, "overdue"));
        Assert.Equal(expected.WaitingList.Open.ToString(Fi), await Value(page, "waiting"));
        Assert.Equal(expected.WaitingList.PastLimit.ToString(Fi), await Value(page, "past-limit"));
        Assert.Equal(Raw(expected.T3[0].Days), await Value(page, "t3-doctor"));
        Assert.Equal(Raw(expected.T3[1].Days), await Value(page, "t3-nurse"));
        foreach (var s in expected.Staff)
            Assert.Equal($"{s.Present}/{s.Planned}", await Value(page, "staff-" + s.Profession.ToString().ToLowerInvariant()));
        Assert.Equal(expected.Nps.Shown ? Raw(expected.Nps.Nps) : "", await Value(page, "nps"));
        Assert.True(expected.Callbacks.RequestedToday > 0 && expected.WaitingList.Open > 0 && expected.Nps.Shown, "the demo board has live figures");
        // The demo roster has working days only.
        Assert.Equal(now.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), expected.Staff.Count > 0);

        // The care-guarantee share is the engine's: its four weekly rows for the unit, summed.
        var weeks = BoardQuery.LastFullWeeks(DateOnly.FromDateTime(now));
        using (var scope = app.Services.CreateScope())
        {
            var rows = await scope.ServiceProvider.GetRequiredService<IndicatorsDbContext>().IndicatorValues.AsNoTracking()
                .Where(v => v.IndicatorCode == "care_guarantee_7d" && v.PeriodType == "week" && weeks.Contains(v.PeriodCode) && v.OrgUnitId == Startup.DemoBoardUnit && v.Dimension == "total")
                .ToListAsync();
            Assert.Equal(4, rows.Count);
            Assert.Equal(Raw(100.0 * rows.Sum(r => r.Numerator) / rows.Sum(r => r.Denominator!.Value)), await Value(page, "care-guarantee"));
        }
        Assert.Equal(0, await page.Locator("#stale-warning").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.ScreenshotFolder, "board-screen.png") });

        // New data arrives: a callback requested a minute ago shows after the next refresh.
        await ImportContactsAsync($"web-board-2;{Startup.DemoBoardUnit};{F(now.AddMinutes(-1))};phone;callback;{F(now.AddMinutes(-1))};\n");
        var requested = (expected.Callbacks.RequestedToday + 1).ToString(Fi);
        await Assertions.Expect(page.Locator("[data-figure='requested-today']")).ToHaveAttributeAsync("data-value", requested, new() { Timeout = 15_000 });

        // Data stops arriving: three hours later the screen warns, without a reload and without a sign-in.
        app.Clock.Now = app.Clock.Now.AddHours(3);
        await Assertions.Expect(page.Locator("#stale-warning")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.StartsWith($"/boards/{id}/screen", new Uri(page.Url).AbsolutePath);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.ScreenshotFolder, "board-screen-stale.png") });
        app.Clock.Now = app.Clock.Now.AddHours(-3);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Manager_chooses_the_tiles_and_their_order_and_the_screen_follows()
    {
        var (id, token) = await CreateBoardAsync(Board.AllTiles);
        var page = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "fi-FI", BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", Startup.DemoManager);
        await page.FillAsync("#Password", TestApp.Password);
        await page.Locator("form.edit button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account", StringComparison.Ordinal));

        var editPage = await page.GotoAsync($"/boards/{id}/edit");
        Assert.True(editPage!.Ok, $"{editPage.Status}: {await editPage.TextAsync()}");
        await page.Locator("#tile-Staffing").UncheckAsync();
        foreach (var (tile, position) in new[] { ("Nps", 1), ("T3", 2), ("Callbacks", 3), ("WaitingList", 4), ("CareGuarantee", 5) })
            await page.FillAsync($"#order-{tile}", position.ToString(CultureInfo.InvariantCulture));
        var saved = page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/boards/{id}");
        await page.Locator("#board-form button[type=submit]").ClickAsync();
        await saved;
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.ScreenshotFolder, "board-show.png"), FullPage = true });

        var screen = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "fi-FI", BaseURL = app.BaseUrl });
        await screen.GotoAsync($"/boards/{id}/screen?token={token}");
        var order = await screen.Locator("section.tile").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.tile)");
        Assert.Equal(["Nps", "T3", "Callbacks", "WaitingList", "CareGuarantee"], order);
        await page.Context.CloseAsync();
        await screen.Context.CloseAsync();
    }

    [Fact]
    public async Task The_screen_needs_its_own_token_and_never_redirects_to_sign_in()
    {
        var (id, token) = await CreateBoardAsync([TileKind.Callbacks]);
        var (other, _) = await CreateBoardAsync([TileKind.Nps]);
        using var client = app.NewClient();

        var screen = await client.GetAsync($"/boards/{id}/screen?token={token}");
        Assert.Equal(HttpStatusCode.OK, screen.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/boards/{id}/screen/data?token={token}")).StatusCode);
        foreach (var url in new[] { $"/boards/{other}/screen?token={token}", $"/boards/{other}/screen/data?token={token}", $"/boards/{id}/screen",
                     $"/boards/{id}/screen?token=bt_wrong", "/boards/99999/screen?token=" + token })
        {
            var r = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        }
        // The management pages do need a sign-in, and editing needs an editor's role.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/boards")).StatusCode);
        using var viewer = await app.SignInAsync(Demo.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/boards/{id}")).StatusCode);
        var edit = await viewer.GetAsync($"/boards/{id}/edit");
        Assert.Contains("/account/denied", edit.Headers.Location?.OriginalString ?? "");

        // A new token revokes the old one.
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<BoardsService>().IssueTokenAsync(id);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/boards/{id}/screen/data?token={token}")).StatusCode);
    }

    [Fact]
    public async Task A_roster_posted_twice_during_the_day_updates_the_board()
    {
        // Another station than the wall-screen test's, which shares this store and checks that the demo roster
        // leaves weekends empty: today's row posted here would otherwise show on its board on a Saturday.
        const string unit = "K205-TA2";
        var (id, _) = await CreateBoardAsync([TileKind.Staffing], unit: unit);
        var day = DateOnly.FromDateTime(BoardQuery.WallClock(app.Clock, new BoardSettings())).ToString("d.M.yyyy", CultureInfo.InvariantCulture);
        MultipartFormDataContent Form(int present) => new()
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"unit_id;day;profession;planned;present\n{unit};{day};nurse;9;{present}\n")), "file", "vuorot.csv" },
        };
        using var analyst = await app.ApiClientAsync(Demo.Analyst);

        var first = await analyst.PostAsync("/api/v1/imports/roster", Form(9));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((9, 9), Nurses(await FiguresAsync(id)));
        var second = await analyst.PostAsync("/api/v1/imports/roster", Form(7));
        using var json = System.Text.Json.JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal((0, 1), (json.RootElement.GetProperty("stored").GetInt32(), json.RootElement.GetProperty("updated").GetInt32()));
        Assert.Equal((9, 7), Nurses(await FiguresAsync(id)));

        // The same figures through the API.
        using var figures = System.Text.Json.JsonDocument.Parse(await analyst.GetStringAsync($"/api/v1/boards/{id}/figures"));
        var nurse = figures.RootElement.GetProperty("staff").EnumerateArray().Single(s => s.GetProperty("profession").GetString() == "Nurse");
        Assert.Equal((9, 7), (nurse.GetProperty("planned").GetInt32(), nurse.GetProperty("present").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/api/v1/boards/99999/figures")).StatusCode);

        static (int, int) Nurses(BoardFigures f) => f.Staff.Single(s => s.Profession == Tilannekuva.Indicators.Domain.Profession.Nurse) is var n ? (n.Planned, n.Present) : default;
    }

    private async Task<IPage> SignedInPageAsync(string user)
    {
        var page = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "fi-FI", BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", TestApp.Password);
        await page.Locator("form.edit button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account", StringComparison.Ordinal));
        return page;
    }

    [Fact]
    public async Task The_change_history_shows_a_managers_edit_with_old_and_new_values_and_a_viewer_cannot_open_it()
    {
        var (id, _) = await CreateBoardAsync(Board.AllTiles, refreshSeconds: 60, defaultHours: true);
        var page = await SignedInPageAsync(Startup.DemoManager);

        // The manager edits the board on its edit page.
        await page.GotoAsync($"/boards/{id}/edit");
        await page.FillAsync("#RefreshSeconds", "30");
        await page.FillAsync("#StaleMinutes", "90");
        await page.Locator("#tile-Staffing").UncheckAsync();
        await page.SelectOptionAsync("#Theme", "Light");
        await page.Locator("#day-Friday").UncheckAsync();
        await page.FillAsync("#OpensAt", "07:00");
        var saved = page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/boards/{id}");
        await page.Locator("#board-form button[type=submit]").ClickAsync();
        await saved;

        // …and finds the history from the edit page.
        await page.GotoAsync($"/boards/{id}/edit");
        await page.Locator("#board-audit").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/boards/{id}/audit");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.ScreenshotFolder, "board-audit.png"), FullPage = true });

        // Newest first: the edit, the token issued when the board was set up, the creation.
        var rows = page.Locator("#board-audit tbody tr");
        Assert.Equal(["Modified", "Modified", "Added"], await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.change)"));
        var edit = rows.Nth(0);
        Assert.Equal(Startup.DemoManager, (await edit.Locator("td.who").TextContentAsync())?.Trim());
        Assert.Equal("Muutettu", (await edit.Locator("td").Nth(2).TextContentAsync())?.Trim());

        async Task<(string? Before, string? After, string Text)> Line(ILocator row, string field)
        {
            var li = row.Locator($"li[data-field='{field}']");
            Assert.Equal(1, await li.CountAsync());
            return (await li.GetAttributeAsync("data-before"), await li.GetAttributeAsync("data-after"), (await li.TextContentAsync())!.Trim());
        }
        Assert.Equal(("60", "30", "Päivitysväli: 60 s → 30 s"), await Line(edit, "RefreshSeconds"));
        Assert.Equal(("60", "90", "Vanhentumisraja: 60 min → 90 min"), await Line(edit, "StaleMinutes"));
        Assert.Equal(("0", "1", "Teema: Suuri kontrasti (valkoinen mustalla) → Vaalea (musta valkoisella)"), await Line(edit, "Theme"));
        Assert.Equal(("\"08:00:00\"", "\"07:00:00\"", "Avautuu: 08:00 → 07:00"), await Line(edit, "OpensAt"));
        Assert.Equal(("[1,2,3,4,5]", "[1,2,3,4]", "Aukiolopäivät: maanantai, tiistai, keskiviikko, torstai, perjantai → maanantai, tiistai, keskiviikko, torstai"), await Line(edit, "OpenDays"));
        var tiles = await Line(edit, "Tiles");
        Assert.Equal("Ruutu poistettu: Henkilöstö tänään", tiles.Text);
        Assert.Equal("[\"Callbacks\",\"WaitingList\",\"CareGuarantee\",\"T3\",\"Staffing\",\"Nps\"]", tiles.Before);
        Assert.Equal("[\"Callbacks\",\"WaitingList\",\"CareGuarantee\",\"T3\",\"Nps\"]", tiles.After);
        // Only what changed is listed; the token line never shows the hash.
        Assert.Equal(6, await edit.Locator("li").CountAsync());
        Assert.Equal("Näyttölinkki luotu", (await rows.Nth(1).Locator("li[data-field='TokenHash']").TextContentAsync())!.Trim());
        Assert.Equal(("", ""), (await Line(rows.Nth(1), "TokenHash")) is var token ? (token.Before, token.After) : default);
        // The test set the board up outside any request: no one signed in.
        Assert.Equal("anonymous", (await rows.Nth(2).Locator("td.who").TextContentAsync())?.Trim());

        // The stored rows say the same (an independent read of board_audit).
        using (var scope = app.Services.CreateScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<Tilannekuva.Boards.Storage.BoardsDbContext>().AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == "Board" && a.EntityId == id.ToString(CultureInfo.InvariantCulture)).ToListAsync();
            Assert.Equal(3, stored.Count);
            var last = stored.MaxBy(a => a.Id)!;
            Assert.Equal(Startup.DemoManager, last.UserName);
            Assert.Contains("\"RefreshSeconds\":60", last.Before);
            Assert.Contains("\"RefreshSeconds\":30", last.After);
        }
        await page.Context.CloseAsync();

        // A reissued token is its own line; a viewer (and anyone not signed in) cannot open the history.
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<BoardsService>().IssueTokenAsync(id);
        using var manager = await app.SignInAsync(Startup.DemoManager);
        var html = await manager.GetStringAsync($"/boards/{id}/audit");
        Assert.Contains("Näyttölinkki uusittu", html);
        using var viewer = await app.SignInAsync(Demo.Viewer);
        var denied = await viewer.GetAsync($"/boards/{id}/audit");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location?.OriginalString ?? "");
        using var director = await app.SignInAsync(Demo.Director);
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync($"/boards/{id}/audit")).StatusCode);
        using var anonymous = app.NewClient();
        Assert.Contains("/account/login", (await anonymous.GetAsync($"/boards/{id}/audit")).Headers.Location?.OriginalString ?? "");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/boards/99999/audit")).StatusCode);
    }

    [Fact]
    public async Task Outside_opening_hours_the_screen_shows_a_calm_closed_note_instead_of_the_stale_warning()
    {
        // Default hours: Monday–Friday 08:00–16:00, Finnish time.
        var (id, token) = await CreateBoardAsync([TileKind.Callbacks], defaultHours: true);
        var settings = new BoardSettings();
        var zone = BoardQuery.FinnishTime(settings);
        var start = app.Clock.Now;
        // The next working day after today: no data can have arrived for it yet, so the board is stale all day.
        var day = BoardQuery.WallClock(app.Clock, settings).Date.AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        DateTimeOffset At(DateTime wall) => new(TimeZoneInfo.ConvertTimeToUtc(wall, zone), TimeSpan.Zero);
        try
        {
            // Inside opening hours the stale warning shows as before.
            app.Clock.Now = At(day.AddHours(10));
            var open = await FiguresAsync(id);
            Assert.True(open.Stale && !open.Closed && open.StaleWarning);
            var page = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "fi-FI", BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1920, Height = 1080 } });
            await page.GotoAsync($"/boards/{id}/screen?token={token}");
            await Assertions.Expect(page.Locator("#stale-warning")).ToBeVisibleAsync();
            Assert.Equal(0, await page.Locator("#closed-note").CountAsync());

            // 16:00 is closing time: the next refresh swaps the warning for the closed note, naming the newest data's time.
            app.Clock.Now = At(day.AddHours(16));
            var closed = await FiguresAsync(id);
            Assert.True(closed.Stale && closed.Closed && !closed.StaleWarning);
            await Assertions.Expect(page.Locator("#closed-note")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            Assert.Equal(0, await page.Locator("#stale-warning").CountAsync());
            Assert.Equal($"Vastaanotto on kiinni – luvut ajalta {closed.NewestDataAt!.Value.ToString("d.M.yyyy H:mm", Fi)}", (await page.Locator("#closed-note").TextContentAsync())!.Trim());
            Assert.Equal("false", await page.Locator(".board-status").GetAttributeAsync("data-stale"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.ScreenshotFolder, "board-screen-closed.png") });

            // At the weekend too; 07:59 on a working day is still closed, 08:00 open again.
            var saturday = day.AddDays(((int)DayOfWeek.Saturday - (int)day.DayOfWeek + 7) % 7);
            app.Clock.Now = At(saturday.AddHours(11));
            Assert.True((await FiguresAsync(id)).Closed);
            app.Clock.Now = At(day.AddHours(7).AddMinutes(59));
            Assert.True((await FiguresAsync(id)).Closed);
            app.Clock.Now = At(day.AddHours(8));
            await Assertions.Expect(page.Locator("#stale-warning")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            Assert.Equal(0, await page.Locator("#closed-note").CountAsync());
            await page.Context.CloseAsync();
        }
        finally { app.Clock.Now = start; }
    }

    [Fact]
    public async Task An_analyst_links_a_service_point_to_an_org_unit_and_the_boards_NPS_counts_its_responses()
    {
        // A health station no service point is linked to yet, with a board showing NPS.
        string unit;
        using (var scope = app.Services.CreateScope())
        {
            var linked = await scope.ServiceProvider.GetRequiredService<Tilannekuva.Feedback.Storage.FeedbackDbContext>().ServicePoints
                .Where(p => p.OrgUnitId != null).Select(p => p.OrgUnitId!).ToListAsync();
            var idb = scope.ServiceProvider.GetRequiredService<IndicatorsDbContext>();
            var parents = await idb.OrgUnits.Where(u => u.ParentId != null).Select(u => u.ParentId!).Distinct().ToListAsync();
            unit = (await idb.OrgUnits.Where(u => u.Kind == Tilannekuva.Indicators.Domain.OrgUnitKind.Unit).Select(u => u.SourceId).ToListAsync())
                .Where(u => !linked.Contains(u) && !parents.Contains(u)).Order(StringComparer.Ordinal).First();
        }
        var (id, token) = await CreateBoardAsync([TileKind.Nps], unit: unit);
        Assert.Equal(0, (await FiguresAsync(id)).Nps.Responses);

        // The analyst adds a service point without an org unit; six responses arrive there today.
        var code = "TP-" + Guid.NewGuid().ToString("N")[..8];
        using var analyst = await app.SignInAsync(Demo.Analyst);
        async Task<HttpResponseMessage> Save(string? orgUnit) => await analyst.PostAsync("/feedback/service-points", TestApp.Form(
            ("code", code), ("name", "Testiasema"), ("providerCode", "TESTI"), ("providerName", "Testituottaja"), ("orgUnit", orgUnit ?? ""),
            ("__RequestVerificationToken", await TestApp.AntiforgeryTokenAsync(analyst, "/feedback/service-points"))));
        var created = await Save(null);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var today = DateOnly.FromDateTime(BoardQuery.WallClock(app.Clock, new BoardSettings()));
        // 4 promoters (10, 10, 9, 9), 1 passive (8), 1 detractor (3): NPS = 100 × (4 − 1) / 6 = 50.
        int[] scores = [10, 10, 9, 9, 8, 3];
        using (var scope = app.Services.CreateScope())
        {
            var fdb = scope.ServiceProvider.GetRequiredService<Tilannekuva.Feedback.Storage.FeedbackDbContext>();
            var questionnaire = await fdb.Questionnaires.OrderBy(q => q.Id).Select(q => q.Id).FirstAsync();
            foreach (var (score, n) in scores.Select((s, n) => (s, n)))
                fdb.Responses.Add(new Tilannekuva.Feedback.Domain.Response
                {
                    Id = Guid.NewGuid(), QuestionnaireId = questionnaire, ProviderCode = "TESTI", ServicePointCode = code, ServiceCode = "vastaanotto",
                    Channel = Tilannekuva.Feedback.Domain.Channel.Qr, LinkId = "test-" + n, Date = today.AddDays(-n), SubmittedAt = app.Clock.Now, Recommendation = score,
                });
            await fdb.SaveChangesAsync();
        }
        // Not linked yet: the board does not count them.
        Assert.Equal(0, (await FiguresAsync(id)).Nps.Responses);

        // An unknown org unit is refused, naming the problem, and nothing changes.
        var refused = await Save("EI-OLE-TALLAISTA");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Organisaatioyksikköä ei ole organisaatiopuussa.", await refused.Content.ReadAsStringAsync());

        // The analyst picks the unit on the page (the form offers it), and the board counts the point's responses.
        var form = await analyst.GetStringAsync($"/feedback/service-points?edit={code}");
        Assert.Contains($"<option value=\"{unit}\"", form);
        var linkedNow = await Save(unit);
        Assert.Equal(HttpStatusCode.Redirect, linkedNow.StatusCode);
        var list = await analyst.GetStringAsync("/feedback/service-points");
        Assert.Contains($"data-service-point=\"{code}\" data-org-unit=\"{unit}\"", list);
        var nps = (await FiguresAsync(id)).Nps;
        Assert.Equal((6, true, 50.0), (nps.Responses, nps.Shown, nps.Nps!.Value));
        using var screen = app.NewClient();
        var tiles = await screen.GetStringAsync($"/boards/{id}/screen/data?token={token}");
        Assert.Contains("data-figure=\"nps\" data-value=\"50\"", tiles);

        // Only admins and analysts change service points.
        using var viewer = await app.SignInAsync(Demo.Viewer);
        var viewerPage = await viewer.GetStringAsync("/feedback/service-points");
        Assert.DoesNotContain("service-point-form", viewerPage);
        var forbidden = await viewer.PostAsync("/feedback/service-points", TestApp.Form(("code", code), ("name", "x"), ("providerCode", "x"), ("providerName", "x"), ("orgUnit", ""),
            ("__RequestVerificationToken", TestApp.AntiforgeryToken(viewerPage))));
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.Contains("/account/denied", forbidden.Headers.Location?.OriginalString ?? "");
        Assert.Equal(6, (await FiguresAsync(id)).Nps.Responses);
    }

    private async Task ImportContactsAsync(string rows)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IndicatorsDbContext>();
        var folder = Directory.CreateTempSubdirectory("tk-board-web-");
        try
        {
            var path = Path.Combine(folder.FullName, "contacts.csv");
            await File.WriteAllTextAsync(path, "source_id;unit_id;received_at;channel;outcome;callback_requested_at;callback_done_at\n" + rows);
            var result = await new Importer(db).ImportAsync(SourceKind.Contacts, path, null, new ImportOptions());
            Assert.Equal(0, result.Rejected);
        }
        finally { folder.Delete(recursive: true); }
    }
}

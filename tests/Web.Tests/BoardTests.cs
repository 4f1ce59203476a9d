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

    private async Task<(int Id, string Token)> CreateBoardAsync(IReadOnlyList<TileKind> tiles, int refreshSeconds = 1)
    {
        using var scope = app.Services.CreateScope();
        var boards = scope.ServiceProvider.GetRequiredService<BoardsService>();
        var id = await boards.SaveAsync(null, new BoardDraft("Testitaulu " + Guid.NewGuid().ToString("N")[..6], [Startup.DemoBoardUnit], tiles, refreshSeconds, 60, BoardTheme.HighContrast));
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
        Assert.Equal(expected.Callbacks.DoneToday.ToString(Fi), await Value(page, "done-today"));
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
        var (id, _) = await CreateBoardAsync([TileKind.Staffing]);
        var day = DateOnly.FromDateTime(BoardQuery.WallClock(app.Clock, new BoardSettings())).ToString("d.M.yyyy", CultureInfo.InvariantCulture);
        MultipartFormDataContent Form(int present) => new()
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"unit_id;day;profession;planned;present\n{Startup.DemoBoardUnit};{day};nurse;9;{present}\n")), "file", "vuorot.csv" },
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

using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tilannekuva.Access;
using Tilannekuva.Boards;
using Tilannekuva.Boards.Domain;
using Tilannekuva.Boards.Storage;
using Tilannekuva.Cli;
using Tilannekuva.Indicators.Ingest;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Localisation;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Tests;

/// <summary>
/// Managers tied to the units they lead (docs/boards.md, "Who edits"), through the users' doors on the real app:
/// the board pages and API, the admin page, the dashboards. The demo region's tree: KAINUU → areas (KESKIKAINUU
/// holds Kajaani K205 and Paltamo K578; ITAKAINUU holds Sotkamo K765) → municipalities → health stations K…-TA1.
/// </summary>
public abstract class ManagerUnitsTests(TestApp app)
{
    private const string Kajaani = "K205-TA1";   // Kajaanin terveysasema, in Keski-Kainuu
    private const string Lehtikangas = "K205-TA2"; // Lehtikankaan terveysasema, in Keski-Kainuu
    private const string Paltamo = "K578-TA1";  // in Keski-Kainuu
    private const string Sotkamo = "K765-TA1";  // in Itä-Kainuu
    private const string KeskiKainuu = "KESKIKAINUU";

    /// <summary>A manager account with the known password, leading the given units (set through the same service as the CLI and the admin page).</summary>
    private async Task<string> ManagerAsync(string prefix, params string[] units)
    {
        var name = $"{prefix}.{Guid.NewGuid().ToString("N")[..6]}";
        using var scope = app.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
        await accounts.CreateAsync(name, Role.Manager);
        Assert.Null(await accounts.SetPasswordAsync(name, TestApp.Password));
        Assert.True((await scope.ServiceProvider.GetRequiredService<AccountUnits>().SetAsync(name, units)).Ok);
        return name;
    }

    private async Task<int> BoardAsync(params string[] units)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BoardsService>().SaveAsync(null,
            new BoardDraft("Taulu " + Guid.NewGuid().ToString("N")[..6], units, [TileKind.Callbacks], 60, 60, BoardTheme.HighContrast));
    }

    private async Task<Board> StoredAsync(int id)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<BoardsService>().FindAsync(id))!;
    }

    private async Task<int> BoardCountAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BoardsDbContext>().Boards.CountAsync();
    }

    /// <summary>POSTs the board form as the page would (antiforgery token from a form the user may open).</summary>
    private static async Task<HttpResponseMessage> PostBoardAsync(HttpClient client, string path, string name, params string[] units)
    {
        var token = await TestApp.AntiforgeryTokenAsync(client, "/apitoken");
        var fields = new List<(string, string)> { ("Name", name), ("Tile", "Callbacks"), ("RefreshSeconds", "60"), ("StaleMinutes", "60"), ("Theme", "HighContrast"), ("__RequestVerificationToken", token) };
        fields.AddRange(units.Select(u => ("Units", u)));
        fields.AddRange(new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }.Select(d => ("OpenDays", d)));
        fields.AddRange([("OpensAt", "08:00"), ("ClosesAt", "16:00")]);
        return await client.PostAsync(path, TestApp.Form([.. fields]));
    }

    /// <summary>Text as the app writes it into a page (ä, ö, å as themselves).</summary>
    private static string Html(string text) => System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(text);

    [Fact]
    public async Task A_unit_manager_edits_their_units_boards_and_is_refused_the_others()
    {
        var own = await BoardAsync(Kajaani);
        var other = await BoardAsync(Sotkamo);
        var mixed = await BoardAsync(Kajaani, Sotkamo);
        var manager = await ManagerAsync("esihenkilo.kajaani", Kajaani);
        using var client = await app.SignInAsync(manager);

        // Their own board: the form opens and a change is saved.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/boards/{own}/edit")).StatusCode);
        var saved = await PostBoardAsync(client, $"/boards/{own}/edit", "Kajaanin aula", Kajaani);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/boards/{own}", saved.Headers.Location!.OriginalString);
        Assert.Equal("Kajaanin aula", (await StoredAsync(own)).Name);

        // Another unit's board, and one only half theirs: 403 with the reason, and nothing changes.
        foreach (var id in new[] { other, mixed })
        {
            var before = await StoredAsync(id);
            var form = await client.GetAsync($"/boards/{id}/edit");
            Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
            Assert.Contains(Html(Texts.Get("Boards.Manager.NotYours")), await form.Content.ReadAsStringAsync());
            var post = await PostBoardAsync(client, $"/boards/{id}/edit", "Kaapattu", Kajaani);
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            var after = await StoredAsync(id);
            Assert.Equal(before.Name, after.Name);
            Assert.Equal(before.UnitIds, after.UnitIds);
        }

        // Moving their own board to another unit, or creating one there, is refused naming the unit.
        var count = await BoardCountAsync();
        var moved = await PostBoardAsync(client, $"/boards/{own}/edit", "Kajaanin aula", Sotkamo);
        Assert.Equal(HttpStatusCode.Forbidden, moved.StatusCode);
        Assert.Contains(Html(Texts.Format("Boards.Manager.Outside", null, Sotkamo)), await moved.Content.ReadAsStringAsync());
        Assert.Equal([Kajaani], (await StoredAsync(own)).UnitIds);
        var created = await PostBoardAsync(client, "/boards/new", "Sotkamon taulu", Kajaani, Sotkamo);
        Assert.Equal(HttpStatusCode.Forbidden, created.StatusCode);
        Assert.Equal(count, await BoardCountAsync());
        var allowed = await PostBoardAsync(client, "/boards/new", "Kajaanin toinen taulu", Kajaani);
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        Assert.Equal(count + 1, await BoardCountAsync());

        // The screen token is a change too.
        var token = await TestApp.AntiforgeryTokenAsync(client, $"/boards/{own}");
        var issued = await client.PostAsync($"/boards/{own}?handler=token", TestApp.Form(("__RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Contains("id=\"screen-url\"", await issued.Content.ReadAsStringAsync());
        var refused = await client.PostAsync($"/boards/{other}?handler=token", TestApp.Form(("__RequestVerificationToken", token)));
        Assert.Contains("/account/denied", refused.Headers.Location?.OriginalString ?? "");
        Assert.Null((await StoredAsync(other)).TokenHash);
        var otherPage = await client.GetStringAsync($"/boards/{other}");
        Assert.DoesNotContain("id=\"issue-token\"", otherPage);
        Assert.DoesNotContain("id=\"edit-board\"", otherPage);

        // The list: their boards first, an edit link only on those.
        var list = await client.GetStringAsync("/boards");
        var rows = Regex.Matches(list, "<tr data-board=\"(\\d+)\" data-editable=\"(true|false)\"").Select(m => (Id: int.Parse(m.Groups[1].Value), Editable: m.Groups[2].Value == "true")).ToList();
        Assert.Contains((own, true), rows);
        Assert.Contains((other, false), rows);
        Assert.Contains((mixed, false), rows);
        Assert.True(rows.FindLastIndex(r => r.Editable) < rows.FindIndex(r => !r.Editable), "editable boards come first");
        Assert.Contains($"href=\"/boards/{own}/edit\"", list);
        Assert.DoesNotContain($"href=\"/boards/{other}/edit\"", list);
        Assert.Contains("id=\"new-board\"", list);

        // The API says the same.
        using var api = await app.ApiClientAsync(manager);
        using var json = JsonDocument.Parse(await api.GetStringAsync("/api/v1/boards"));
        var summaries = json.RootElement.EnumerateArray().Select(b => (Id: b.GetProperty("id").GetInt32(), CanEdit: b.GetProperty("canEdit").GetBoolean())).ToList();
        Assert.Contains((own, true), summaries);
        Assert.Contains((other, false), summaries);
        Assert.True(summaries.FindLastIndex(r => r.CanEdit) < summaries.FindIndex(r => !r.CanEdit));
    }

    [Fact]
    public async Task An_area_manager_edits_the_boards_of_the_units_under_the_area()
    {
        var station = await BoardAsync(Kajaani);
        var two = await BoardAsync(Lehtikangas, Paltamo);
        var area = await BoardAsync(KeskiKainuu);
        var outside = await BoardAsync(Sotkamo);
        using var client = await app.SignInAsync(await ManagerAsync("esihenkilo.keski", KeskiKainuu));

        foreach (var id in new[] { station, two, area })
        {
            var board = await StoredAsync(id);
            var response = await PostBoardAsync(client, $"/boards/{id}/edit", board.Name + " (alue)", [.. board.UnitIds]);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.EndsWith("(alue)", (await StoredAsync(id)).Name);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/boards/{outside}/edit")).StatusCode);

        // The form offers the area and what is under it, not the other areas' units.
        var form = await client.GetStringAsync("/boards/new");
        Assert.Contains($"value=\"{Paltamo}\"", form);
        Assert.Contains($"value=\"{KeskiKainuu}\"", form);
        Assert.DoesNotContain($"value=\"{Sotkamo}\"", form);
    }

    [Fact]
    public async Task A_manager_without_units_edits_nothing_and_is_told_why_and_a_director_edits_any_board()
    {
        var board = await BoardAsync(Sotkamo);
        using var none = await app.SignInAsync(await ManagerAsync("esihenkilo.ilman"));
        var list = await none.GetStringAsync("/boards");
        Assert.Contains(Html(Texts.Get("Boards.Manager.NoUnits")), list);
        Assert.DoesNotContain("id=\"new-board\"", list);
        Assert.DoesNotContain($"href=\"/boards/{board}/edit\"", list);
        var form = await none.GetAsync("/boards/new");
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        Assert.Contains(Html(Texts.Get("Boards.Manager.NoUnits")), await form.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await PostBoardAsync(none, "/boards/new", "Ei saa", Sotkamo)).StatusCode);

        using var director = await app.SignInAsync(Demo.Director);
        var saved = await PostBoardAsync(director, $"/boards/{board}/edit", "Johtajan muokkaama", Sotkamo, Kajaani);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Johtajan muokkaama", (await StoredAsync(board)).Name);
        Assert.DoesNotContain(Html(Texts.Get("Boards.Manager.NoUnits")), await director.GetStringAsync("/boards"));
    }

    [Fact]
    public async Task The_admin_assigns_units_on_the_account_page_and_an_unknown_code_is_named()
    {
        var manager = await ManagerAsync("esihenkilo.admin");
        using var admin = await app.SignInAsync("admin");
        var token = await TestApp.AntiforgeryTokenAsync(admin, "/admin/users");

        var bad = await admin.PostAsync("/admin/users?handler=units", TestApp.Form(("userName", manager), ("units", $"{Kajaani} EI-OLE-1"), ("__RequestVerificationToken", token)));
        Assert.Contains(Html(Texts.Format("Users.UnknownUnits", null, "EI-OLE-1")), await bad.Content.ReadAsStringAsync());
        Assert.Empty(await UnitsOfAsync(manager));

        var good = await admin.PostAsync("/admin/users?handler=units", TestApp.Form(("userName", manager), ("units", $"{Sotkamo}, {Kajaani}"), ("__RequestVerificationToken", token)));
        Assert.Contains("id=\"units-saved\"", await good.Content.ReadAsStringAsync());
        Assert.Equal([Kajaani, Sotkamo], await UnitsOfAsync(manager));
        // The change applies to a session already open: the manager may now edit a Sotkamo board.
        using var client = await app.SignInAsync(manager);
        var board = await BoardAsync(Sotkamo);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/boards/{board}/edit")).StatusCode);

        await admin.PostAsync("/admin/users?handler=units", TestApp.Form(("userName", manager), ("units", ""), ("__RequestVerificationToken", token)));
        Assert.Empty(await UnitsOfAsync(manager));
        // The unit change ended the open session (security stamp, docs/security.md): back to the sign-in page.
        var after = await client.GetAsync($"/boards/{board}/edit");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/account/login", after.Headers.Location!.AbsolutePath, ignoreCase: true);
    }

    [Fact]
    public async Task Dashboards_take_a_manager_of_one_unit_to_its_own_view_and_leave_the_rest_open()
    {
        using var station = await app.SignInAsync(await ManagerAsync("esihenkilo.dash", Kajaani));
        var redirect = await station.GetAsync("/dashboards");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal($"/dashboards/operational?unit={Kajaani}", redirect.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await station.GetAsync("/dashboards/strategic")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await station.GetAsync($"/dashboards/operational?unit={Sotkamo}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await station.GetAsync("/dashboards?unit=KAINUU")).StatusCode);

        using var area = await app.SignInAsync(await ManagerAsync("esihenkilo.dashalue", KeskiKainuu));
        Assert.Equal($"/dashboards/tactical?unit={KeskiKainuu}", (await area.GetAsync("/dashboards")).Headers.Location!.OriginalString);

        foreach (var client in new[] { await app.SignInAsync(await ManagerAsync("esihenkilo.kaksi", Kajaani, Sotkamo)), await app.SignInAsync(Demo.Director) })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboards")).StatusCode);
            client.Dispose();
        }
    }

    private async Task<List<string>> UnitsOfAsync(string user)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<Accounts>().FindAsync(user))!.UnitIds;
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteManagerUnitsTests(SqliteApp app) : ManagerUnitsTests(app);

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresManagerUnitsTests(PostgresApp app) : ManagerUnitsTests(app);

/// <summary>The board pages in Chromium as a unit manager sees them.</summary>
[Collection(SqliteAppCollection.Name)]
public sealed class ManagerBoardPagesTests(SqliteApp app, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_manager_sees_their_boards_first_edits_one_and_is_refused_another_with_the_reason()
    {
        int own, other;
        string manager;
        using (var scope = app.Services.CreateScope())
        {
            var boards = scope.ServiceProvider.GetRequiredService<BoardsService>();
            // Named so that by name alone the other unit's board would come first.
            other = await boards.SaveAsync(null, new BoardDraft("AAA Sotkamo " + Guid.NewGuid().ToString("N")[..4], ["K765-TA1"], [TileKind.Callbacks], 60, 60, BoardTheme.HighContrast));
            own = await boards.SaveAsync(null, new BoardDraft("ZZZ Paltamo " + Guid.NewGuid().ToString("N")[..4], ["K578-TA1"], [TileKind.Callbacks], 60, 60, BoardTheme.HighContrast));
            manager = "esihenkilo.paltamo." + Guid.NewGuid().ToString("N")[..4];
            var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
            await accounts.CreateAsync(manager, Role.Manager);
            Assert.Null(await accounts.SetPasswordAsync(manager, TestApp.Password));
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountUnits>().SetAsync(manager, ["K578-TA1"])).Ok);
        }
        var page = await DashboardTests.SignInAsync(chromium, app, manager);
        await page.GotoAsync("/boards");
        Assert.Contains("Paltamon terveysasema", await page.Locator("#manager-units").InnerTextAsync());
        var ids = await page.Locator("#boards tr[data-board]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.board)");
        Assert.True(Array.IndexOf(ids, own.ToString()) < Array.IndexOf(ids, other.ToString()), "the manager's board is listed before the other unit's");
        Assert.Equal(0, await page.Locator($"a[href='/boards/{other}/edit']").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.ScreenshotFolder, "boards-manager.png"), FullPage = true });

        // Their own board: the form offers Paltamo's units only; the change is saved.
        await page.Locator($"a[href='/boards/{own}/edit']").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/boards/{own}/edit");
        var offered = await page.Locator("#units input[name=Units]").EvaluateAllAsync<string[]>("els => els.map(e => e.value)");
        Assert.Equal(["K578-TA1"], offered);
        await page.FillAsync("#Name", "Paltamon vastaanotto");
        var saved = page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/boards/{own}");
        await page.Locator("#board-form button[type=submit]").ClickAsync();
        await saved;
        Assert.Contains("Paltamon vastaanotto", await page.Locator("h1").InnerTextAsync());

        // Another unit's board: 403 and the reason, no form.
        var refused = await page.GotoAsync($"/boards/{other}/edit");
        Assert.Equal(403, refused!.Status);
        Assert.Equal(Texts.Get("Boards.Manager.NotYours", new System.Globalization.CultureInfo("fi")), (await page.Locator("#refused").InnerTextAsync()).Trim());
        Assert.Equal(0, await page.Locator("#board-form").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.ScreenshotFolder, "board-edit-refused.png") });
        await page.Context.CloseAsync();
    }
}

/// <summary>`user units` through the CLI on a fresh SQLite store.</summary>
[Collection(nameof(CliConsole))]
public sealed class UserUnitsCliTests
{
    private static Task<(int Code, string Output, string Error)> Cli(params string[] args) => CliConsole.RunAsync(args);

    [Fact]
    public async Task The_cli_assigns_units_rejects_an_unknown_one_naming_it_and_clears_them()
    {
        using var file = new SqliteFile();
        string[] Db(params string[] args) => [.. args, "--db", file.ConnectionString, "--provider", "sqlite"];
        Assert.Equal(0, (await Cli(Db("migrate"))).Code);
        await using (var indicators = IndicatorsStorage.Open(file.Options))
        {
            var csv = Path.Combine(file.Folder, "org_units.csv");
            await File.WriteAllTextAsync(csv, "source_id;name;parent_id;kind;municipality_code\n" +
                "R;Alue;;region;\nA;Pohjoinen;R;area;\nA-TA1;Pohjoisen terveysasema;A;unit;\nB-TA1;Eteläinen terveysasema;R;unit;\n");
            Assert.Equal(0, (await new Importer(indicators).ImportAsync(SourceKind.OrgUnits, csv, null, new ImportOptions())).Rejected);
        }
        Assert.Equal(0, (await Cli(Db("user", "add", "esihenkilo.cli", "--role", "Manager"))).Code);

        var set = await Cli(Db("user", "units", "esihenkilo.cli", "A", "B-TA1"));
        Assert.Equal(0, set.Code);
        Assert.Contains("A (Pohjoinen), B-TA1 (Eteläinen terveysasema)", set.Output);
        Assert.Equal(["A", "B-TA1"], await UnitsAsync(file, "esihenkilo.cli"));

        // An unknown code: exit 1, the code named, nothing changed.
        var bad = await Cli(Db("user", "units", "esihenkilo.cli", "A-TA1", "EI-OLE"));
        Assert.Equal(1, bad.Code);
        Assert.Contains("EI-OLE", bad.Error);
        Assert.DoesNotContain("A-TA1", bad.Error);
        Assert.Equal(["A", "B-TA1"], await UnitsAsync(file, "esihenkilo.cli"));
        Assert.Equal(1, (await Cli(Db("user", "units", "ei.ole", "A"))).Code);

        var shown = await Cli(Db("user", "units", "esihenkilo.cli"));
        Assert.Equal(0, shown.Code);
        Assert.Contains("A (Pohjoinen), B-TA1 (Eteläinen terveysasema)", shown.Output);
        var cleared = await Cli(Db("user", "units", "esihenkilo.cli", "--clear"));
        Assert.Equal(0, cleared.Code);
        Assert.Empty(await UnitsAsync(file, "esihenkilo.cli"));
    }

    private static async Task<List<string>> UnitsAsync(SqliteFile file, string user)
    {
        await using var db = Tilannekuva.Access.Storage.AccessStorage.Open(file.Options);
        return (await new Accounts(db).FindAsync(user))!.UnitIds;
    }
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tilannekuva.Dashboards;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Results;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.TestSupport;
using ProgrammePeriod = Tilannekuva.Programme.Domain.Period;

namespace Tilannekuva.Web.Tests;

/// <summary>
/// The dashboards in headless Chromium on the demo region: the numbers on screen are the indicator engine's
/// (read here straight from IndicatorResults, not through the dashboards), drill-down strategic → tactical →
/// operational and back by the breadcrumbs, exports download with the same numbers.
/// </summary>
[Collection(SqliteAppCollection.Name)]
public sealed class DashboardTests(SqliteApp app, Chromium chromium) : IClassFixture<Chromium>
{
    private static readonly CultureInfo Fi = CultureInfo.GetCultureInfo("fi");
    private const string Code = "care_guarantee_7d";

    internal static async Task<T> IndicatorsAsync<T>(TestApp app, Func<IndicatorResults, IndicatorsDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IndicatorsDbContext>();
        return await query(new IndicatorResults(db), db);
    }

    /// <summary>The newest quarter that has ended, with a value (the dashboards' "latest complete quarter").</summary>
    internal static ResultPoint LatestComplete(IEnumerable<ResultPoint> series, DateOnly today) =>
        series.Last(p => p.Value is not null && ProgrammePeriod.Parse(p.PeriodCode).End <= today);

    internal static async Task<IPage> SignInAsync(Chromium chromium, TestApp app, string user)
    {
        var page = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "fi-FI", BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 }, AcceptDownloads = true });
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", TestApp.Password);
        await ClickAndWaitAsync(page, page.Locator("form.edit button[type=submit]"), "/");
        return page;
    }

    internal static async Task ClickAndWaitAsync(IPage page, ILocator target, string path)
    {
        var arrived = page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith(path, StringComparison.Ordinal) && !new Uri(url).AbsolutePath.StartsWith("/account", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await target.ClickAsync();
        await arrived;
    }

    internal static async Task<List<List<string>>> RowsAsync(IPage page, string tableId)
    {
        var rows = new List<List<string>>();
        foreach (var row in await page.Locator($"#t-{tableId} tbody tr").AllAsync())
            rows.Add((await row.Locator("td").AllInnerTextsAsync()).Select(t => t.Trim()).ToList());
        return rows;
    }

    [Fact]
    public async Task Strategic_numbers_are_the_engines_and_drill_down_reaches_a_unit_and_back()
    {
        var (region, series, areas) = await IndicatorsAsync(app, async (r, _) =>
        {
            var root = (await r.RootsAsync()).Single();
            var s = await r.SeriesAsync(Code, "quarter", root.SourceId);
            return (root, s, await r.ChildrenValuesAsync(Code, "quarter", LatestComplete(s, app.Today).PeriodCode, root.SourceId));
        });
        var page = await SignInAsync(chromium, app, Demo.Director);
        await ClickAndWaitAsync(page, page.Locator("header nav a[href='/dashboards']"), "/dashboards");
        Assert.Contains(region.Name, await page.Locator("h1").InnerTextAsync());

        // One item per measure: the programme's metric governs the care guarantee (its target, not the catalogue's).
        Assert.Equal(1, await page.Locator($"li.tile[data-code='{Code}']").CountAsync());
        var id = await page.Locator($"li.tile[data-code='{Code}']").GetAttributeAsync("data-tile");
        Assert.StartsWith("metric-", id);
        // The region's quarterly values, as the engine stored them.
        var trend = await RowsAsync(page, id!);
        for (var i = 0; i < series.Count; i++)
        {
            Assert.StartsWith(ProgrammePeriod.Parse(series[i].PeriodCode).Display, trend[i][0]);
            Assert.Equal(DashboardViews.Format("percent", series[i].Value, Fi), trend[i][1]);
            Assert.Equal(series[i].N.ToString("#,0", Fi), trend[i][2]);
        }
        Assert.Equal(1, await page.Locator($"#{id} figure svg").CountAsync());
        Assert.Contains("Lineaarinen ennuste", await page.Locator("#summary").InnerTextAsync() + await page.Locator("body").InnerTextAsync());

        // Each area's value in the latest complete quarter, and the pull-down contributions add up to nothing (Σw = the region's volume).
        var areaRows = await RowsAsync(page, $"{id}-areas");
        Assert.Equal(areas.Count, areaRows.Count);
        foreach (var (unit, point) in areas)
            Assert.Equal(DashboardViews.Format("percent", point!.Value, Fi), areaRows.Single(r => r[1] == unit.Name)[2]);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.ScreenshotFolder, "dashboard-strategic.png"), FullPage = true });
        await page.Locator($"#{id}").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.ScreenshotFolder, "dashboard-strategic-chart.png") });

        // Drill down: click an area.
        var area = areas.Single(a => a.Unit.SourceId == "KESKIKAINUU").Unit; // four health stations under three municipalities
        await ClickAndWaitAsync(page, page.Locator($"#children a[data-unit='{area.SourceId}']"), "/dashboards/tactical");
        Assert.Contains(area.Name, await page.Locator("h1").InnerTextAsync());
        var (units, period) = await IndicatorsAsync(app, async (r, _) =>
        {
            var p = LatestComplete(await r.SeriesAsync(Code, "quarter", area.SourceId), app.Today).PeriodCode;
            var list = new List<(OrgUnit Unit, ResultPoint? Point)>();
            foreach (var u in await r.DescendantsAsync(area.SourceId, OrgUnitKind.Unit))
                list.Add((u, (await r.SeriesAsync(Code, "quarter", u.SourceId)).FirstOrDefault(x => x.PeriodCode == p)));
            return (list, p);
        });
        var tactical = await RowsAsync(page, Code);
        Assert.Equal(units.Count + 1, tactical.Count); // the area's total first
        var expectedOrder = units.OrderByDescending(u => u.Point!.Value).Select(u => u.Unit.Name).ToList();
        Assert.Equal(expectedOrder, tactical.Skip(1).Select(r => r[1]).ToList()); // ranked, best first
        foreach (var (unit, point) in units)
            Assert.Equal(DashboardViews.Format("percent", point!.Value, Fi), tactical.Single(r => r[1] == unit.Name)[2]);
        // The queue situation is the steering board's: its waiting list per unit (counts 1–4 hidden).
        var queue = await RowsAsync(page, "queue");
        using (var scope = app.Services.CreateScope())
        {
            var board = scope.ServiceProvider.GetRequiredService<Tilannekuva.Boards.Figures.BoardQuery>();
            var now = Tilannekuva.Boards.Figures.BoardQuery.WallClock(TimeProvider.System, scope.ServiceProvider.GetRequiredService<Tilannekuva.Boards.Figures.BoardSettings>());
            foreach (var (unit, _) in units)
            {
                var waiting = (await board.FiguresAsync([unit.SourceId], now, 60)).WaitingList.Open;
                Assert.Equal(waiting is > 0 and < 5 ? "< 5" : waiting.ToString("#,0", Fi), queue.Single(r => r[0] == unit.Name)[1]);
            }
        }
        await page.Locator("#callbacks").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.ScreenshotFolder, "dashboard-tactical-callbacks.png") });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.ScreenshotFolder, "dashboard-tactical.png"), FullPage = true });

        // The table downloads as CSV with the same numbers.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"#{Code} a.csv").ClickAsync());
        var csv = (await File.ReadAllTextAsync(await download.PathAsync())).TrimStart('\uFEFF');
        var csvRows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.TrimEnd('\r').Split(';')).ToList();
        foreach (var (unit, point) in units)
            Assert.Equal(point!.Value!.Value, double.Parse(csvRows.Single(r => r[1] == unit.Name)[2], Fi), 4); // the CSV writes 4 decimals

        // Drill down: click the best unit, then go back to the region by the breadcrumbs.
        var best = units.OrderByDescending(u => u.Point!.Value).First().Unit;
        await ClickAndWaitAsync(page, page.Locator($"#{Code} a", new() { HasTextString = best.Name }).First, "/dashboards/operational");
        Assert.Contains(best.Name, await page.Locator("h1").InnerTextAsync());
        // Week by week (the engine computes weeks for the care guarantee).
        var weeks = await IndicatorsAsync(app, (r, _) => r.SeriesAsync(Code, "week", best.SourceId));
        var row = (await RowsAsync(page, "periods")).Single(r => r[0] == Tilannekuva.Indicators.Catalogue.IndicatorCatalogue.Get(Code).NameIn(Fi));
        var shown = weeks.TakeLast(12).ToList();
        Assert.Equal(12, shown.Count);
        for (var i = 0; i < shown.Count; i++) Assert.Equal(shown[i].N < 5 ? "< 5" : DashboardViews.Format("percent", shown[i].Value, Fi), row[1 + i]);
        Assert.Equal("Viikoittain", await page.Locator("#periods h2").InnerTextAsync());
        var crumbs = await page.Locator("#breadcrumbs a").AllInnerTextsAsync(); // region › area › municipality
        Assert.Equal([region.Name, area.Name], crumbs.Take(2));
        Assert.Equal(3, crumbs.Count);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.ScreenshotFolder, "dashboard-operational.png"), FullPage = true });
        await ClickAndWaitAsync(page, page.Locator($"#breadcrumbs a[data-unit='{region.SourceId}']"), "/dashboards");
        Assert.Contains(region.Name, await page.Locator("h1").InnerTextAsync());
        Assert.Equal(1, await page.Locator($"#t-{id}").CountAsync());
    }

    [Fact]
    public async Task The_operational_dashboard_lists_the_units_open_feedback_with_the_stored_count()
    {
        int open;
        using (var scope = app.Services.CreateScope())
            open = await scope.ServiceProvider.GetRequiredService<FeedbackDbContext>().Responses.CountAsync(r => r.ServicePointCode == "KAJ-TK" && r.OpenText != null && !r.Handled);
        Assert.True(open > 0);
        var client = await app.SignInAsync(Demo.Director);
        // The feedback service point "Kajaanin terveysasema" belongs to the org unit of the same name.
        var unit = await IndicatorsAsync(app, (_, db) => db.OrgUnits.Where(u => u.Name == "Kajaanin terveysasema").Select(u => u.SourceId).SingleAsync());
        var html = await client.GetStringAsync($"/dashboards/operational?unit={unit}");
        var compact = System.Text.RegularExpressions.Regex.Replace(html, @">\s+|\s+<", m => m.Value.Trim());
        Assert.Contains($"servicePoint=KAJ-TK&amp;onlyOpen=true\">Kajaanin terveysasema</a></td><td></td><td class=\"num\">{open}</td>", compact);

        // People past the care-guarantee limit, as the steering board counts them now.
        using var scope2 = app.Services.CreateScope();
        var board = scope2.ServiceProvider.GetRequiredService<Tilannekuva.Boards.Figures.BoardQuery>();
        var now = Tilannekuva.Boards.Figures.BoardQuery.WallClock(TimeProvider.System, scope2.ServiceProvider.GetRequiredService<Tilannekuva.Boards.Figures.BoardSettings>());
        var past = (await board.FiguresAsync([unit], now, 60)).WaitingList.PastLimit;
        Assert.True(past > 0, "the demo waiting list has people past the limit");
        Assert.Contains($"<td>Jonossa yli hoitotakuurajan</td><td>Kajaanin terveysasema</td><td>nyt</td><td class=\"num\">{past}</td>", compact);
    }

    [Theory]
    [InlineData("fi", "Strateginen näkymä")]
    [InlineData("sv", "Strategisk vy")]
    [InlineData("en", "Strategic dashboard")]
    public async Task Every_level_reads_in_each_language_with_no_text_key_showing(string culture, string strategicTitle)
    {
        var client = await app.SignInAsync(Demo.Viewer);
        var strategic = await client.GetStringAsync($"/dashboards?culture={culture}");
        Assert.Contains($"<html lang=\"{culture}\">", strategic);
        Assert.Contains($"<h1>{strategicTitle} – ", strategic);
        foreach (var html in new[] { strategic, await client.GetStringAsync($"/dashboards/tactical?unit=KESKIKAINUU&culture={culture}"),
                     await client.GetStringAsync($"/dashboards/operational?unit=K205-TA1&culture={culture}") })
        {
            Assert.DoesNotContain("Dashboards.", html); // a missing text would show its key
            Assert.DoesNotContain("TrafficLight.", html);
        }
    }

    [Fact]
    public async Task Exports_and_the_api_give_the_pages_numbers()
    {
        var (region, series) = await IndicatorsAsync(app, async (r, _) =>
        {
            var root = (await r.RootsAsync()).Single();
            return (root, await r.SeriesAsync("remote_contact_share", "quarter", root.SourceId));
        });
        var client = await app.SignInAsync(Demo.Viewer);
        var page = await client.GetStringAsync("/dashboards/strategic");
        var id = System.Text.RegularExpressions.Regex.Match(page, "data-tile=\"([^\"]+)\" data-code=\"remote_contact_share\"").Groups[1].Value;
        var csv = (await client.GetStringAsync($"/dashboards/strategic/export.csv?unit={region.SourceId}&table={id}")).TrimStart('\uFEFF');
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.TrimEnd('\r').Split(';')).ToList();
        for (var i = 0; i < series.Count; i++) Assert.Equal(series[i].Value!.Value, double.Parse(rows[i][1], Fi), 4);

        var xlsx = await client.GetAsync($"/dashboards/strategic/export.xlsx?unit={region.SourceId}&table=summary");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dashboards/strategic/export.csv?table=no-such-table")).StatusCode);

        var api = await app.ApiClientAsync(Demo.Viewer);
        using var json = JsonDocument.Parse(await api.GetStringAsync("/api/v1/dashboards/strategic"));
        var item = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("indicatorCode").GetString() == "remote_contact_share");
        var quarters = item.GetProperty("quarters").EnumerateArray().ToList();
        Assert.Equal(series.Count, quarters.Count);
        for (var i = 0; i < series.Count; i++) Assert.Equal(series[i].Value!.Value, quarters[i].GetProperty("value").GetDouble(), 9);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/dashboards/tactical?unit=KESKIKAINUU")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/dashboards/operational?unit=NO-SUCH-UNIT")).StatusCode);
        Assert.Contains("/api/v1/dashboards/strategic", await client.GetStringAsync("/openapi/v1.json"));
    }
}

/// <summary>The demo app with a minimum cell size of 1,000: the small health stations' quarters fall under it, the region's do not.</summary>
public sealed class SuppressingApp : SqliteApp
{
    public const int Minimum = 1000;

    protected override string[] ExtraArgs => [$"--Dashboards:MinimumCellSize={Minimum}"];
}

/// <summary>Groups under the minimum cell size are shown as "&lt; N" on the page, in the export and in the API, and never with their figures.</summary>
public sealed class DashboardSuppressionTests(SuppressingApp app, Chromium chromium) : IClassFixture<SuppressingApp>, IClassFixture<Chromium>
{
    private static readonly CultureInfo Fi = CultureInfo.GetCultureInfo("fi");
    private const string Code = "care_guarantee_7d";
    private const string Area = "KESKIKAINUU";

    [Fact]
    public async Task Small_units_are_suppressed_in_page_export_and_api()
    {
        var label = $"< {SuppressingApp.Minimum}";
        var (small, large) = await DashboardTests.IndicatorsAsync(app, async (r, _) =>
        {
            var p = DashboardTests.LatestComplete(await r.SeriesAsync(Code, "quarter", Area), app.Today).PeriodCode;
            var list = new List<(OrgUnit Unit, ResultPoint Point)>();
            foreach (var u in await r.DescendantsAsync(Area, OrgUnitKind.Unit))
                list.Add((u, (await r.SeriesAsync(Code, "quarter", u.SourceId)).Single(x => x.PeriodCode == p)));
            return (list.Where(x => x.Point.N < SuppressingApp.Minimum).ToList(), list.Where(x => x.Point.N >= SuppressingApp.Minimum).ToList());
        });
        Assert.NotEmpty(small);
        Assert.NotEmpty(large);

        var page = await DashboardTests.SignInAsync(chromium, app, Demo.Director);
        await page.GotoAsync($"/dashboards/tactical?unit={Area}");
        Assert.Contains(label, await page.Locator("#suppression-note").InnerTextAsync());
        var rows = await DashboardTests.RowsAsync(page, Code);
        foreach (var (unit, point) in small)
        {
            var row = rows.Single(r => r[1] == unit.Name);
            Assert.Equal(label, row[2]);
            Assert.Equal("", row[3]); // nor its n
            Assert.DoesNotContain(DashboardViews.Format("percent", point.Value, Fi), row);
        }
        // Complementary suppression: the hidden units together rest on at least the minimum, so subtracting the shown
        // units from the area's total reveals no small group; every shown unit has the engine's value.
        var all = small.Concat(large).ToList();
        var hidden = all.Where(x => rows.Single(r => r[1] == x.Unit.Name)[2] == label).ToList();
        Assert.True(hidden.Count >= 2 && hidden.Sum(x => x.Point.N) >= SuppressingApp.Minimum);
        var shownUnits = all.Except(hidden).ToList();
        Assert.NotEmpty(shownUnits);
        foreach (var (unit, point) in shownUnits) Assert.Equal(DashboardViews.Format("percent", point.Value, Fi), rows.Single(r => r[1] == unit.Name)[2]);
        Assert.True(await page.Locator($"#t-{Code} td.suppressed").CountAsync() >= small.Count);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.ScreenshotFolder, "dashboard-suppressed.png"), FullPage = true });

        var client = await app.SignInAsync(Demo.Director);
        var csv = (await client.GetStringAsync($"/dashboards/tactical/export.csv?unit={Area}&table={Code}")).TrimStart('\uFEFF');
        foreach (var (unit, _) in small) Assert.Contains($"{unit.Name};{label};", csv);

        var api = await app.ApiClientAsync(Demo.Director);
        using var json = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/dashboards/tactical?unit={Area}"));
        var units = json.RootElement.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == Code).GetProperty("units").EnumerateArray().ToList();
        foreach (var (unit, _) in small)
        {
            var current = units.Single(u => u.GetProperty("unit").GetProperty("id").GetString() == unit.SourceId).GetProperty("current");
            Assert.True(current.GetProperty("suppressed").GetBoolean());
            Assert.Equal(JsonValueKind.Null, current.GetProperty("value").ValueKind);
            Assert.Equal(JsonValueKind.Null, current.GetProperty("n").ValueKind);
        }
    }
}

/// <summary>The dashboards over PostgreSQL: the strategic and tactical data equal the engine's stored values.</summary>
[Collection(PostgresAppCollection.Name)]
public sealed class PostgresDashboardTests(PostgresApp app)
{
    [Fact]
    public async Task Strategic_and_tactical_numbers_are_the_engines_on_PostgreSQL()
    {
        const string code = "care_guarantee_7d";
        var (series, areas, units, period) = await DashboardTests.IndicatorsAsync(app, async (r, _) =>
        {
            var root = (await r.RootsAsync()).Single();
            var s = await r.SeriesAsync(code, "quarter", root.SourceId);
            var latest = DashboardTests.LatestComplete(s, app.Today).PeriodCode;
            var a = await r.ChildrenValuesAsync(code, "quarter", latest, root.SourceId);
            var p = DashboardTests.LatestComplete(await r.SeriesAsync(code, "quarter", "KESKIKAINUU"), app.Today).PeriodCode;
            var u = new List<(string Id, double? Value)>();
            foreach (var unit in await r.DescendantsAsync("KESKIKAINUU", OrgUnitKind.Unit))
                u.Add((unit.SourceId, (await r.SeriesAsync(code, "quarter", unit.SourceId)).Single(x => x.PeriodCode == p).Value));
            return (s, a, u, p);
        });
        var api = await app.ApiClientAsync(Demo.Director);
        using var strategic = JsonDocument.Parse(await api.GetStringAsync("/api/v1/dashboards/strategic"));
        var item = strategic.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("indicatorCode").GetString() == code);
        Assert.Equal(series.Select(p => Math.Round(p.Value!.Value, 9)), item.GetProperty("quarters").EnumerateArray().Select(q => Math.Round(q.GetProperty("value").GetDouble(), 9)));
        foreach (var a in item.GetProperty("areas").EnumerateArray())
            Assert.Equal(areas.Single(x => x.Unit.SourceId == a.GetProperty("unit").GetProperty("id").GetString()).Point!.Value!.Value, a.GetProperty("value").GetDouble(), 9);

        using var tactical = JsonDocument.Parse(await api.GetStringAsync("/api/v1/dashboards/tactical?unit=KESKIKAINUU"));
        Assert.Equal(period, tactical.RootElement.GetProperty("period").GetString());
        var rows = tactical.RootElement.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code).GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(units.Count, rows.Count);
        foreach (var (id, value) in units)
            Assert.Equal(value!.Value, rows.Single(r => r.GetProperty("unit").GetProperty("id").GetString() == id).GetProperty("current").GetProperty("value").GetDouble(), 9);
        Assert.Equal(1, rows.First().GetProperty("rank").GetInt32());
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tilannekuva.Comparison.Demo;
using Tilannekuva.Comparison.Export;
using Tilannekuva.Comparison.Signing;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Results;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.TestSupport;
using Tilannekuva.Web.Hosting;
using Tilannekuva.Web.Indicators;
using Tilannekuva.Web.Pages.Comparison;

namespace Tilannekuva.Web.Tests;

/// <summary>
/// An instance that is both a county (the demo region, a signing key) and the national comparison (the three-county
/// demo loaded through signed exports, and this county's own public key trusted). Each demo county's own database is
/// kept, so tests compare the page with what the counties' instances computed.
/// </summary>
public sealed class ComparisonApp : SqliteApp, IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tilannekuva-comparison-test-");

    public ComparisonApp()
    {
        var (privatePem, publicPem) = CountyKeys.Generate();
        File.WriteAllText(SigningKeyFile, privatePem);
        Directory.CreateDirectory(Path.Combine(_folder.FullName, "trusted"));
        File.WriteAllText(Path.Combine(_folder.FullName, "trusted", "KAINUU.pem"), publicPem);
        PublicKeyPem = publicPem;
    }

    public string SigningKeyFile => Path.Combine(_folder.FullName, "signing-key.pem");

    public string PublicKeyPem { get; }

    public IReadOnlyList<DemoCounty> Counties { get; private set; } = [];

    protected override string[] ExtraArgs =>
        [$"--Comparison:SigningKeyFile={SigningKeyFile}", $"--Comparison:TrustedKeysFolder={Path.Combine(_folder.FullName, "trusted")}"];

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Counties = await Startup.LoadComparisonDemoAsync(Services, Today, Path.Combine(_folder.FullName, "counties"));
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { _folder.Delete(recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// Counties side by side in real Chromium: every county's name, value, n and data time on the page are what that county's
/// own instance computed (read here from its own database, not through the comparison), small cells read "&lt; 5", the
/// page has no horizontal scroll and no raw code in fi, sv, en, and axe finds no serious or critical violation. The API
/// exports a signed file that the comparison instance verifies and imports once.
/// </summary>
public sealed partial class ComparisonTests(ComparisonApp app, Chromium chromium) : IClassFixture<ComparisonApp>, IClassFixture<Chromium>
{
    private static readonly CultureInfo Fi = CultureInfo.GetCultureInfo("fi");

    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9]+(\.[A-Z][A-Za-z0-9_]*)+\b")] private static partial Regex ResourceKey();
    [GeneratedRegex(@"\{\d+\}")] private static partial Regex Placeholder();
    // snake_case codes (care_guarantee_7d), unit ids (K901-TA1), county ids as codes.
    [GeneratedRegex(@"\b[a-z]+_[a-z0-9_]+\b|\b[A-Z]\d{3}-[A-Z]{2}\d\b|\b(HARJU|JARVI|TUNTURI|KAINUU)\b")] private static partial Regex RawCode();

    /// <summary>What a county's own instance computed: its name, its values by period, n, and its newest event.</summary>
    private static async Task<(string Name, Dictionary<string, ResultPoint> Values, DateTime LatestEvent)> OwnAsync(DemoCounty county, string code, string periodType)
    {
        await using var db = IndicatorsStorage.Open(county.Database);
        var results = new IndicatorResults(db);
        var root = (await results.RootsAsync()).Single();
        var series = await results.SeriesAsync(code, periodType, root.SourceId);
        var latest = new[] { await db.Visits.MaxAsync(v => v.OccurredAt), await db.Contacts.MaxAsync(c => c.ReceivedAt), await db.Assessments.MaxAsync(a => a.AssessedAt) }.Max();
        return (root.Name, series.Where(p => p.Value is not null).ToDictionary(p => p.PeriodCode), latest);
    }

    private async Task<IPage> SignInAsync() => await DashboardTests.SignInAsync(chromium, app, Demo.Admin);

    [Theory]
    [InlineData("care_guarantee_7d", "quarter")]
    [InlineData("care_guarantee_7d", "month")]
    [InlineData("remote_contact_share", "year")]
    public async Task Counties_side_by_side_show_each_countys_own_values_and_data_time(string code, string periodType)
    {
        Assert.Equal(3, app.Counties.Count);
        var d = IndicatorCatalogue.Get(code);
        var page = await SignInAsync();
        await page.GotoAsync($"/comparison?indicator={code}&period={periodType}&culture=fi");
        var suppressedInFiles = app.Counties.ToDictionary(c => c.Id, c =>
            JsonSerializer.Deserialize<SignedExport>(File.ReadAllText(c.ExportFile), ExportJson.File)!.Content.Cells
                .Where(x => x.Suppressed && x.Level == ExportLevel.County && x.Indicator == code && x.PeriodType == periodType).Select(x => x.Period).ToHashSet());
        var compared = 0;
        foreach (var county in app.Counties)
        {
            var (name, values, latest) = await OwnAsync(county, code, periodType);
            var row = page.Locator($"#by-county tr[data-county='{county.Id}']");
            Assert.Equal(name, (await row.Locator("th").InnerTextAsync()).Trim());
            // The data time: the county's newest event as its own data has it.
            Assert.Equal(ComparisonPageModel.When(latest, Fi), (await page.Locator($"#data-time tr[data-county='{county.Id}'] td").First.InnerTextAsync()).Trim());
            // Every period of the over-time table: the county's own value, "< 5" where it was suppressed, "–" where it has none.
            foreach (var tr in await page.Locator("#over-time tbody tr").AllAsync())
            {
                var period = (await tr.GetAttributeAsync("data-period"))!;
                var shown = (await tr.Locator($"td[data-county='{county.Id}']").InnerTextAsync()).Trim();
                if (suppressedInFiles[county.Id].Contains(period))
                {
                    Assert.Equal("< 5", shown);
                    continue;
                }
                Assert.True(values.TryGetValue(period, out var own) || shown == "–", $"{county.Id} {period}: page shows {shown}, the county has no value");
                if (own is null) continue;
                Assert.True(own.N >= 5, $"{county.Id} {period}: n = {own.N} shown");
                Assert.Equal(IndicatorView.Value(d, own.Value, Fi), shown);
                compared++;
            }
            // The by-county table's period: the same value and n.
            var at = (await page.Locator("#by-county").GetAttributeAsync("data-period"))!;
            var cells = await row.Locator("td").AllInnerTextsAsync();
            if (suppressedInFiles[county.Id].Contains(at)) Assert.Equal("< 5", cells[0].Trim());
            else if (values.TryGetValue(at, out var inPeriod))
            {
                Assert.Equal(IndicatorView.Value(d, inPeriod.Value, Fi), cells[0].Trim());
                Assert.Equal(inPeriod.N.ToString("#,0", Fi), cells[1].Trim());
            }
            else Assert.Equal("–", cells[0].Trim());
        }
        Assert.True(compared >= 3, $"only {compared} values compared");
        Assert.Equal(1, await page.Locator("figure.chart svg").Nth(1).CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.ScreenshotFolder, $"comparison-{code}-{periodType}.png"), FullPage = true });
    }

    [Fact]
    public async Task The_small_county_has_suppressed_cells_and_they_read_as_under_5()
    {
        var page = await SignInAsync();
        await page.GotoAsync("/comparison?indicator=care_guarantee_7d&period=month&culture=fi");
        var small = app.Counties.Single(c => c.Id == "TUNTURI");
        var areaCells = await page.Locator($"#areas table[data-county='{small.Id}'] td.suppressed").AllInnerTextsAsync();
        var overTime = await page.Locator($"#over-time td.suppressed").AllInnerTextsAsync();
        Assert.True(areaCells.Count + overTime.Count > 0, "no suppressed cell on the page");
        Assert.All(areaCells.Concat(overTime), t => Assert.Equal("< 5", t.Trim()));
    }

    [Fact]
    public async Task The_page_has_no_horizontal_scroll_raw_code_or_key_in_three_languages_and_no_serious_accessibility_violation()
    {
        var page = await SignInAsync();
        var problems = new List<string>();
        foreach (var culture in new[] { "fi", "sv", "en" })
            foreach (var path in new[] { "/comparison", "/comparison?indicator=care_guarantee_7d&period=month", "/comparison?indicator=t3&period=year" })
            {
                var url = path + (path.Contains('?') ? "&" : "?") + "culture=" + culture;
                var response = await page.GotoAsync(url);
                if (response!.Status != 200) { problems.Add($"{url}: HTTP {response.Status}"); continue; }
                var text = await page.EvaluateAsync<string>("() => { document.querySelectorAll('code').forEach(e => e.textContent = ''); return document.body.innerText; }");
                foreach (Match m in ResourceKey().Matches(text)) problems.Add($"{url}: resource key '{m.Value}'");
                foreach (Match m in Placeholder().Matches(text)) problems.Add($"{url}: placeholder '{m.Value}'");
                foreach (Match m in RawCode().Matches(text)) problems.Add($"{url}: raw code '{m.Value}'");
                foreach (var county in app.Counties) if (!text.Contains(county.Name)) problems.Add($"{url}: {county.Name} missing");
                foreach (var (w, h) in new[] { (1440, 900), (1920, 1080), (1024, 768) })
                {
                    await page.SetViewportSizeAsync(w, h);
                    var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
                    if (size[0] > size[1]) problems.Add($"{url} at {w}×{h}: {size[0]} px wide in a {size[1]} px window");
                }
                await page.SetViewportSizeAsync(1440, 900);
                if (culture == "fi")
                {
                    var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
                    foreach (var v in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                        problems.Add($"{url}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
                }
            }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public async Task The_api_exports_a_signed_file_that_the_comparison_imports_once_and_refuses_changed()
    {
        // A viewer may not take the county's export.
        using (var viewer = await app.ApiClientAsync(Demo.Viewer))
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/v1/comparison/export")).StatusCode);

        using var admin = await app.ApiClientAsync(Demo.Admin);
        var response = await admin.GetAsync("/api/v1/comparison/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var fileName = response.Content.Headers.ContentDisposition!.FileName!.Trim('"');
        Assert.StartsWith("KAINUU-comparison-", fileName);
        var export = ExportSigner.ReadVerified(text, fileName, new TrustedKeys(new Dictionary<string, string> { ["KAINUU"] = app.PublicKeyPem }, "test"));
        Assert.Equal("Kainuun hyvinvointialue", export.Content.County.Name);
        Assert.NotNull(export.Content.DataTime.LatestEvent);
        Assert.DoesNotContain(export.Content.Cells, c => !c.Suppressed && c.N < 5);
        // The county's values are its engine's.
        var region = await DashboardTests.IndicatorsAsync(app, async (r, _) => await r.SeriesAsync("care_guarantee_7d", "year", "KAINUU"));
        var year = region.Last(p => p.N >= 5);
        Assert.Equal(year.Value, export.Content.Cells.Single(c => c.Indicator == "care_guarantee_7d" && c.PeriodType == "year" && c.Period == year.PeriodCode && c.Level == ExportLevel.County).Value);

        async Task<HttpResponseMessage> PostAsync(string body, string name)
        {
            using var form = new MultipartFormDataContent();
            var file = new StringContent(body);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            form.Add(file, "file", name);
            return await admin.PostAsync("/api/v1/comparison/imports", form);
        }
        var first = await PostAsync(text, fileName);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("\"Added\"", await first.Content.ReadAsStringAsync());
        var again = await PostAsync(text, fileName);
        Assert.Contains("\"Unchanged\"", await again.Content.ReadAsStringAsync());
        var tampered = await PostAsync(text.Replace("\"suppressed\": true", "\"suppressed\": false"), "muutettu.json");
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.StartsWith("\"muutettu.json: ", await tampered.Content.ReadAsStringAsync());

        var counties = await admin.GetFromJsonAsync<JsonElement>("/api/v1/comparison/counties");
        Assert.Equal(4, counties.GetArrayLength());
        var values = await admin.GetFromJsonAsync<JsonElement>("/api/v1/comparison/values?indicator=care_guarantee_7d&period=year");
        Assert.Contains(values.GetProperty("values").EnumerateArray(), v => v.GetProperty("countyId").GetString() == "KAINUU" && v.GetProperty("value").GetDouble() == year.Value);
    }
}

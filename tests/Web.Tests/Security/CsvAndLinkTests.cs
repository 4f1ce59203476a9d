using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Access;
using Tilannekuva.Feedback.Demo;
using Tilannekuva.Feedback.Questionnaires;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Storage;

namespace Tilannekuva.Web.Tests.Security;

/// <summary>Issue #13, findings 5, 6 and 9: formula cells in CSV files; who makes feedback links; flooding; open text.</summary>
public sealed class CsvAndLinkTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    private static object Fields(params (string Name, object? Value)[] fields) => new { fields = fields.ToDictionary(f => f.Name, f => f.Value) };

    private static async Task<int> CreateAsync(HttpClient api, string type, int? parent, params (string, object?)[] fields)
    {
        var r = await api.PostAsJsonAsync($"/api/v1/entities/{type}" + (parent is { } p ? $"?parent={p}" : ""), Fields(fields));
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task The_monthly_csv_writes_formula_cells_as_text_and_negative_numbers_as_numbers()
    {
        var api = await app.ApiClientAsync("admin");
        var programme = await CreateAsync(api, "programme", 0, ("Name", "Kaava-ohjelma"), ("StartYear", 2026), ("EndYear", 2027));
        var pillar = await CreateAsync(api, "pillar", programme, ("Code", "=1+1"), ("Title", "+Pilari"));
        var investment = await CreateAsync(api, "investment", pillar, ("Code", "+I1"), ("Title", "-Investointi"), ("CostEstimate", 1000));
        await CreateAsync(api, "workpackage", investment, ("Code", "@TP"), ("Title", "=HYPERLINK(\"http://evil.example\";\"klikkaa\")"), ("Responsible", "-vastuu"));
        var csv = Encoding.UTF8.GetString(await api.GetByteArrayAsync($"/api/v1/programmes/{programme}/monthly?format=Csv"));
        var cells = csv.Split(['\n'], StringSplitOptions.RemoveEmptyEntries).Skip(1).SelectMany(l => l.Split(';')).Select(c => c.Trim('"', '\r')).ToList();
        Assert.Contains("'=1+1", cells);
        Assert.Contains("'+I1", cells);
        Assert.Contains("'@TP", cells);
        Assert.Contains("'-vastuu", cells);
        Assert.Contains(cells, c => c.StartsWith("'=HYPERLINK", StringComparison.Ordinal));
        Assert.DoesNotContain(cells, c => c.Length > 0 && "=+-@\t".Contains(c[0]) && !double.TryParse(c.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture, out _));
        // The rule itself keeps plain numbers, negative ones too.
        Assert.Equal("-12,5", CsvCell.Safe("-12,5"));
        Assert.Equal("-3", CsvCell.Safe("-3"));
        Assert.Equal("'-3+1", CsvCell.Safe("-3+1"));
        Assert.Equal("'\r=1", CsvCell.Safe("\r=1"));
    }

    private async Task SeedServicePointsAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        await FeedbackDemo.LoadAsync(db, scope.ServiceProvider.GetRequiredService<QuestionnaireComposer>(), app.Today, responses: 0);
        // The org units the demo service points belong to, so a manager's units mean something.
        var indicators = scope.ServiceProvider.GetRequiredService<Tilannekuva.Indicators.Storage.IndicatorsDbContext>();
        if (indicators.OrgUnits.Any()) return;
        var csv = Path.Combine(Path.GetTempPath(), $"tk-sec-units-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, "source_id;name;parent_id;kind\nR;Alue;;region\n" +
            string.Concat(FeedbackDemo.ServicePoints.Select(p => $"{p.OrgUnit};{p.Name};R;unit\n")));
        await new Tilannekuva.Indicators.Ingest.Importer(indicators).ImportAsync(Tilannekuva.Indicators.Ingest.SourceKind.OrgUnits, csv, null, new Tilannekuva.Indicators.Ingest.ImportOptions());
        File.Delete(csv);
    }

    [Fact]
    public async Task Only_admins_analysts_and_managers_for_their_own_units_make_feedback_links()
    {
        await SeedServicePointsAsync();
        var (own, other) = (FeedbackDemo.ServicePoints[0], FeedbackDemo.ServicePoints[1]);
        await app.CreateAccountAsync("linkviewer", Role.Viewer);
        await app.CreateAccountAsync("linkdirector", Role.Director);
        await app.CreateAccountAsync("linkanalyst", Role.Analyst);
        await app.CreateAccountAsync("linkmanager", Role.Manager, own.OrgUnit);
        var request = (string point) => new { servicePoint = point, service = "VO", channel = "Web" };

        foreach (var user in new[] { "linkviewer", "linkdirector" })
        {
            var api = await app.ApiClientAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/feedback/links", request(other.Code))).StatusCode);
            var page = await app.SignInAsync(user);
            var r = await page.GetAsync($"/feedback/links?servicePoint={other.Code}&service=VO&channel=Web");
            Assert.Equal("/account/denied", r.Headers.Location?.AbsolutePath ?? "", ignoreCase: true);
        }
        var analyst = await app.ApiClientAsync("linkanalyst");
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsJsonAsync("/api/v1/feedback/links", request(other.Code))).StatusCode);

        // A manager: their own unit's service point, not another's.
        var manager = await app.ApiClientAsync("linkmanager");
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync("/api/v1/feedback/links", request(own.Code))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync("/api/v1/feedback/links", request(other.Code))).StatusCode);
        var managerPage = await app.SignInAsync("linkmanager");
        var list = await managerPage.GetStringAsync("/feedback/links");
        Assert.Contains($"value=\"{own.Code}\"", list);
        Assert.DoesNotContain($"value=\"{other.Code}\"", list);
        Assert.Equal(HttpStatusCode.Redirect, (await managerPage.GetAsync($"/feedback/links?servicePoint={other.Code}&service=VO&channel=Web")).StatusCode);

        // Issued links are in the account log.
        var history = await app.WithAccountsAsync(a => a.HistoryAsync());
        Assert.Contains(history, e => e is { Action: AccountActions.FeedbackLinkIssued, Actor: "linkmanager" } && e.Account == own.Code);
    }
}

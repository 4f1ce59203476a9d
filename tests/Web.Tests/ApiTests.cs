using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Tilannekuva.Web.Tests;

/// <summary>The JSON API (/api/v1) with personal API tokens, and its OpenAPI document.</summary>
[Collection(SqliteAppCollection.Name)]
public sealed class ApiTests(SqliteApp app)
{
    private static object Fields(params (string Name, object? Value)[] fields) =>
        new { fields = fields.ToDictionary(f => f.Name, f => f.Value) };

    [Fact]
    public async Task Lists_programmes_and_returns_the_whole_tree()
    {
        var api = await app.ApiClientAsync(Demo.Viewer);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/programmes");
        var programme = Assert.Single(list.EnumerateArray());
        var id = programme.GetProperty("id").GetInt32();
        Assert.Equal(await app.ProgrammeIdAsync(), id);
        Assert.False(string.IsNullOrWhiteSpace(programme.GetProperty("name").GetString()));

        var tree = await api.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{id}");
        var workPackages = tree.GetProperty("pillars").EnumerateArray()
            .SelectMany(p => p.GetProperty("investments").EnumerateArray())
            .SelectMany(i => i.GetProperty("workPackages").EnumerateArray()).ToList();
        Assert.Equal(await app.QueryAsync(db => db.WorkPackages.CountAsync()), workPackages.Count);
        Assert.All(workPackages, w => Assert.True(w.GetProperty("actions").GetArrayLength() > 0));
        var wp = await app.OwnWorkPackageAsync(Demo.Planner);
        var one = await api.GetFromJsonAsync<JsonElement>($"/api/v1/workpackages/{wp}");
        Assert.Contains(one.GetProperty("assignments").EnumerateArray(), a => a.GetProperty("userName").GetString() == Demo.Planner);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/programmes/999999")).StatusCode);
    }

    [Fact]
    public async Task Planner_records_a_measurement_and_reads_it_back()
    {
        var wp = await app.OwnWorkPackageAsync(Demo.Planner);
        var metric = await app.WorkPackageMetricAsync(wp);
        var api = await app.ApiClientAsync(Demo.Planner);

        var created = await api.PostAsJsonAsync($"/api/v1/entities/measurement?parent={metric}",
            Fields(("Date", "2026-10-31"), ("Value", 42.5), ("N", 120), ("Source", "api-test")));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/entities/measurement/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(wp, body.GetProperty("workPackageId").GetInt32());

        var read = await api.GetFromJsonAsync<JsonElement>(created.Headers.Location);
        var fields = read.GetProperty("fields");
        Assert.Equal("2026-10-31", fields.GetProperty("Date").GetString());
        Assert.Equal("42.5", fields.GetProperty("Value").GetString());
        Assert.Equal("120", fields.GetProperty("N").GetString());
        var stored = await app.QueryAsync(db => db.Measurements.SingleAsync(m => m.Id == id));
        Assert.Equal((metric, 42.5m, Demo.Planner), (stored.MetricId, stored.Value, stored.RecordedBy));
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(e =>
            e.EntityType == "Measurement" && e.EntityId == id.ToString() && e.Change == "Added" && e.UserName == Demo.Planner)));
    }

    [Fact]
    public async Task Invalid_values_answer_400_with_the_field_names()
    {
        var wp = await app.OwnWorkPackageAsync(Demo.Planner);
        var metric = await app.WorkPackageMetricAsync(wp);
        var api = await app.ApiClientAsync(Demo.Planner);
        var before = await app.QueryAsync(db => db.Measurements.CountAsync());

        var response = await api.PostAsJsonAsync($"/api/v1/entities/measurement?parent={metric}",
            Fields(("Date", "31.13.2026"), ("Value", "paljon"), ("N", -1)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["Date", "N", "Value"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.All(errors.EnumerateObject(), e => Assert.False(string.IsNullOrWhiteSpace(e.Value[0].GetString())));
        Assert.Equal(before, await app.QueryAsync(db => db.Measurements.CountAsync()));

        var risk = (await app.RisksAsync(wp))[0];
        var patch = await api.PatchAsJsonAsync($"/api/v1/entities/risk/{risk.Id}", Fields(("Probability", 9), ("Description", "")));
        Assert.Equal(HttpStatusCode.BadRequest, patch.StatusCode);
        var patchErrors = (await patch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["Description", "Probability"], patchErrors.EnumerateObject().Select(e => e.Name).Order());
        var stored = await app.RiskAsync(risk.Id);
        Assert.Equal((risk.Probability, risk.Description), (stored.Probability, stored.Description));

        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync("/api/v1/entities/nosuchthing?parent=1", Fields())).StatusCode);
    }

    [Fact]
    public async Task Without_a_valid_token_the_api_answers_401()
    {
        var anonymous = app.NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/programmes")).StatusCode);

        var wrong = app.NewClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "tk_not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/v1/programmes")).StatusCode);

        // A browser session is not enough: the API takes only the token.
        var signedIn = await app.SignInAsync(Demo.Director);
        Assert.Equal(HttpStatusCode.Unauthorized, (await signedIn.GetAsync("/api/v1/programmes")).StatusCode);

        // A new token replaces the old one.
        var old = await app.ApiTokenAsync(Demo.Analyst);
        var current = await app.ApiClientAsync(Demo.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await current.GetAsync("/api/v1/programmes")).StatusCode);
        var stale = app.NewClient();
        stale.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", old);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stale.GetAsync("/api/v1/programmes")).StatusCode);
    }

    [Fact]
    public async Task Token_issued_on_the_page_works_in_the_api()
    {
        var client = await app.SignInAsync(Demo.Analyst);
        var token = await TestApp.AntiforgeryTokenAsync(client, "/apitoken");
        var page = await client.PostAsync("/apitoken", TestApp.Form(("__RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var issued = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "<pre id=\"token\">(tk_[^<]+)</pre>");
        Assert.True(issued.Success);
        var api = app.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/programmes")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_paths()
    {
        var doc = await app.NewClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var expected in new[]
                 {
                     "/api/v1/programmes", "/api/v1/programmes/{id}", "/api/v1/workpackages/{id}", "/api/v1/entities",
                     "/api/v1/entities/{type}", "/api/v1/entities/{type}/{id}",
                 })
            Assert.Contains(expected, paths);
        var entity = doc.GetProperty("paths").GetProperty("/api/v1/entities/{type}/{id}");
        Assert.True(entity.TryGetProperty("patch", out _));
        Assert.True(entity.TryGetProperty("delete", out _));
    }
}

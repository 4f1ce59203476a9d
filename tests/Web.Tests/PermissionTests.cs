using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Tilannekuva.Web.Tests;

/// <summary>
/// Who may change what, through the edit form and through the API, on each database. Every refusal is
/// checked against the stored value, not just the status code.
/// </summary>
public abstract class PermissionTests(TestApp app)
{
    private static string Marker(string what) => $"{what}-{Guid.NewGuid():N}";

    /// <summary>POSTs the edit form of a risk, with the anti-forgery token taken from a form the client may open.</summary>
    private static async Task<HttpResponseMessage> PostRiskFormAsync(HttpClient client, string tokenPage, int riskId, int workPackageId, string mitigation)
    {
        var token = await TestApp.AntiforgeryTokenAsync(client, tokenPage);
        return await client.PostAsync($"/edit/risk/{riskId}?returnUrl=%2Fworkpackages%2F{workPackageId}", TestApp.Form(
            ("Mitigation", mitigation), ("Probability", "2"), ("Impact", "3"), ("Score", "6"),
            ("returnUrl", $"/workpackages/{workPackageId}"), ("__RequestVerificationToken", token)));
    }

    private static Task<HttpResponseMessage> PatchRiskAsync(HttpClient api, int riskId, string mitigation) =>
        api.PatchAsJsonAsync($"/api/v1/entities/risk/{riskId}", new { fields = new Dictionary<string, object> { ["Mitigation"] = mitigation } });

    /// <summary>A refusal in the browser: 403 directly, or the redirect to the denied page, which itself answers 403.</summary>
    private static async Task AssertForbiddenAsync(HttpClient client, HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var location = new Uri(client.BaseAddress!, response.Headers.Location!);
            Assert.Equal("/account/denied", location.AbsolutePath, ignoreCase: true);
            response = await client.GetAsync(location);
        }
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Planner_edits_a_risk_in_their_own_work_package_and_the_audit_log_records_it()
    {
        var wp = await app.OwnWorkPackageAsync(Demo.Planner);
        var risk = (await app.RisksAsync(wp))[0];
        var client = await app.SignInAsync(Demo.Planner);
        var mitigation = Marker("own-form");

        var response = await PostRiskFormAsync(client, $"/edit/risk/{risk.Id}", risk.Id, wp, mitigation);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/workpackages/{wp}", response.Headers.Location!.OriginalString);
        var stored = await app.RiskAsync(risk.Id);
        Assert.Equal(mitigation, stored.Mitigation);
        Assert.Equal((2, 3, 6), (stored.Probability, stored.Impact, stored.Score));
        Assert.Equal(risk.Description, stored.Description); // fields not posted keep their value

        var audit = await app.QueryAsync(db => db.AuditEntries
            .Where(e => e.EntityType == "Risk" && e.EntityId == risk.Id.ToString() && e.Change == "Modified")
            .OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal(Demo.Planner, audit.UserName);
        Assert.Equal(risk.Mitigation, JsonDocument.Parse(audit.Before!).RootElement.GetProperty("Mitigation").GetString());
        Assert.Equal(mitigation, JsonDocument.Parse(audit.After!).RootElement.GetProperty("Mitigation").GetString());

        // The work package page shows it, and the director reads the same row in the audit log page.
        Assert.Contains(mitigation, await client.GetStringAsync($"/workpackages/{wp}"));
        var director = await app.SignInAsync(Demo.Director);
        var log = await director.GetStringAsync($"/programmes/{await app.ProgrammeIdAsync()}/audit?type=Risk&user={Demo.Planner}");
        Assert.Contains(mitigation, log);
    }

    [Fact]
    public async Task Planner_edits_a_risk_in_their_own_work_package_through_the_api()
    {
        var wp = await app.OwnWorkPackageAsync(Demo.Planner);
        var risk = (await app.RisksAsync(wp))[^1];
        var api = await app.ApiClientAsync(Demo.Planner);
        var mitigation = Marker("own-api");

        var response = await PatchRiskAsync(api, risk.Id, mitigation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mitigation, (await app.RiskAsync(risk.Id)).Mitigation);
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(e =>
            e.EntityType == "Risk" && e.EntityId == risk.Id.ToString() && e.UserName == Demo.Planner && e.After!.Contains(mitigation))));
    }

    [Fact]
    public async Task Planner_is_refused_another_planners_work_package_on_the_page_and_in_the_api()
    {
        var own = await app.OwnWorkPackageAsync(Demo.Planner);
        var ownRisk = (await app.RisksAsync(own))[0];
        var other = await app.OthersWorkPackageAsync(Demo.Planner);
        var risk = (await app.RisksAsync(other))[0];
        var client = await app.SignInAsync(Demo.Planner);
        var auditRows = await app.QueryAsync(db => db.AuditEntries.CountAsync());

        // The form itself is refused ...
        await AssertForbiddenAsync(client, await client.GetAsync($"/edit/risk/{risk.Id}"));
        // ... and so is a POST with a valid anti-forgery token (taken from the planner's own form).
        await AssertForbiddenAsync(client, await PostRiskFormAsync(client, $"/edit/risk/{ownRisk.Id}", risk.Id, other, Marker("others-form")));
        // New entities under the other work package, too.
        await AssertForbiddenAsync(client, await client.GetAsync($"/edit/risk/new?parent={other}"));

        var api = await app.ApiClientAsync(Demo.Planner);
        var patch = await PatchRiskAsync(api, risk.Id, Marker("others-api"));
        Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
        var create = await api.PostAsJsonAsync($"/api/v1/entities/risk?parent={other}",
            new { fields = new Dictionary<string, object> { ["Description"] = "x", ["Probability"] = 1, ["Impact"] = 1 } });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        var delete = await api.DeleteAsync($"/api/v1/entities/risk/{risk.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);

        var stored = await app.RiskAsync(risk.Id);
        Assert.Equal((risk.Mitigation, risk.Probability, risk.Impact, risk.Score), (stored.Mitigation, stored.Probability, stored.Impact, stored.Score));
        Assert.Equal(await app.QueryAsync(db => db.Risks.CountAsync(r => r.WorkPackageId == other)), (await app.RisksAsync(other)).Count);
        Assert.Equal(auditRows, await app.QueryAsync(db => db.AuditEntries.CountAsync()));

        // The other work package's page offers no edit links.
        var page = await client.GetStringAsync($"/workpackages/{other}");
        Assert.DoesNotContain("/edit/", page);
    }

    [Theory]
    [InlineData(Demo.Viewer)]
    [InlineData(Demo.Analyst)]
    public async Task Read_only_roles_cannot_edit_anything(string user)
    {
        var wp = await app.OwnWorkPackageAsync(Demo.Planner);
        var risk = (await app.RisksAsync(wp))[0];
        var programmeId = await app.ProgrammeIdAsync();
        var client = await app.SignInAsync(user);

        var page = await client.GetAsync($"/workpackages/{wp}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("/edit/", await page.Content.ReadAsStringAsync());
        Assert.DoesNotContain("/edit/", await client.GetStringAsync($"/programmes/{programmeId}"));
        await AssertForbiddenAsync(client, await client.GetAsync($"/edit/risk/{risk.Id}"));
        await AssertForbiddenAsync(client, await client.GetAsync($"/edit/programme/{programmeId}"));
        // A POST with a real token (from the API token page) is still refused.
        await AssertForbiddenAsync(client, await PostRiskFormAsync(client, "/apitoken", risk.Id, wp, Marker("viewer-form")));
        await AssertForbiddenAsync(client, await client.GetAsync($"/programmes/{programmeId}/audit"));

        var api = await app.ApiClientAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await PatchRiskAsync(api, risk.Id, Marker("viewer-api"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/entities/risk/{risk.Id}")).StatusCode);

        var stored = await app.RiskAsync(risk.Id);
        Assert.DoesNotContain("viewer", stored.Mitigation);
    }

    [Fact]
    public async Task Director_edits_any_work_package_on_the_page_and_in_the_api()
    {
        var wp = await app.OthersWorkPackageAsync(Demo.Planner);
        var risks = await app.RisksAsync(wp);
        var client = await app.SignInAsync(Demo.Director);

        var page = await client.GetStringAsync($"/workpackages/{wp}");
        Assert.Contains($"/edit/risk/{risks[0].Id}", page);
        var mitigation = Marker("director-form");
        var response = await PostRiskFormAsync(client, $"/edit/risk/{risks[0].Id}", risks[0].Id, wp, mitigation);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(mitigation, (await app.RiskAsync(risks[0].Id)).Mitigation);

        var api = await app.ApiClientAsync(Demo.Director);
        var viaApi = Marker("director-api");
        Assert.Equal(HttpStatusCode.OK, (await PatchRiskAsync(api, risks[^1].Id, viaApi)).StatusCode);
        Assert.Equal(viaApi, (await app.RiskAsync(risks[^1].Id)).Mitigation);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/programmes/{await app.ProgrammeIdAsync()}/audit")).StatusCode);
    }

    [Fact]
    public async Task Form_post_without_the_antiforgery_token_is_rejected()
    {
        var wp = await app.OwnWorkPackageAsync(Demo.Planner);
        var risk = (await app.RisksAsync(wp))[0];
        var client = await app.SignInAsync(Demo.Director);

        var response = await client.PostAsync($"/edit/risk/{risk.Id}", TestApp.Form(("Mitigation", Marker("forged"))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(risk.Mitigation, (await app.RiskAsync(risk.Id)).Mitigation);
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqlitePermissionTests(SqliteApp app) : PermissionTests(app);

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresPermissionTests(PostgresApp app) : PermissionTests(app);

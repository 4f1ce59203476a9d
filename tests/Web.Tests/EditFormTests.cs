using System.Net;

namespace Tilannekuva.Web.Tests;

/// <summary>The generic edit form: invalid input comes back on the form with the error, nothing stored.</summary>
[Collection(SqliteAppCollection.Name)]
public sealed class EditFormTests(SqliteApp app)
{
    [Fact]
    public async Task Invalid_input_is_shown_on_the_form_and_not_stored()
    {
        var wp = await app.OwnWorkPackageAsync(Demo.Planner);
        var risk = (await app.RisksAsync(wp))[0];
        var client = await app.SignInAsync(Demo.Planner);
        var token = await TestApp.AntiforgeryTokenAsync(client, $"/edit/risk/{risk.Id}");

        var response = await client.PostAsync($"/edit/risk/{risk.Id}", TestApp.Form(
            ("Description", ""), ("Probability", "9"), ("Impact", "kolme"), ("Mitigation", "ei tallennu"), ("__RequestVerificationToken", token)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Pakollinen tieto.", html);
        Assert.Contains("Arvo on sallitun välin ulkopuolella.", html);
        Assert.Contains("Ei ole luku.", html);
        Assert.Contains("value=\"kolme\"", html); // what was typed stays on the form
        foreach (var field in new[] { "Description", "Probability", "Impact" })
        {
            Assert.Matches($"id=\"f_{field}\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"f_{field}_error\"", html);
            Assert.Contains($"<div class=\"error\" id=\"f_{field}_error\">", html);
        }
        Assert.DoesNotMatch("id=\"f_Mitigation\"[^>]*aria-invalid", html);
        var stored = await app.RiskAsync(risk.Id);
        Assert.Equal((risk.Description, risk.Probability, risk.Impact, risk.Mitigation), (stored.Description, stored.Probability, stored.Impact, stored.Mitigation));
    }

    [Fact]
    public async Task Finnish_decimal_comma_is_accepted_on_the_form()
    {
        var wp = await app.OwnWorkPackageAsync(Demo.Planner);
        var metric = await app.WorkPackageMetricAsync(wp);
        var client = await app.SignInAsync(Demo.Planner);
        var path = $"/edit/measurement/new?parent={metric}&returnUrl=%2Fworkpackages%2F{wp}";
        var token = await TestApp.AntiforgeryTokenAsync(client, path);

        var response = await client.PostAsync(path, TestApp.Form(
            ("Date", "15.11.2026"), ("Value", "12,75"), ("N", "8"), ("Source", "lomaketesti"), ("__RequestVerificationToken", token)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Measurements, m => m.MetricId == metric && m.Source == "lomaketesti"));
        Assert.Equal((new DateOnly(2026, 11, 15), 12.75m, 8), (stored.Date, stored.Value, stored.N));
    }
}

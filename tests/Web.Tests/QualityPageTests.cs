using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Localisation;

namespace Tilannekuva.Web.Tests;

/// <summary>The data-quality page, its exports and API on the demo region; and the "figures being updated" notice while a recompute is pending.</summary>
[Collection(SqliteAppCollection.Name)]
public sealed class QualityPageTests(SqliteApp app)
{
    [Fact]
    public async Task The_quality_page_lists_each_table_with_words_not_codes_and_exports_it()
    {
        var client = await app.SignInAsync(Demo.Analyst);
        var html = await client.GetStringAsync("/indicators/quality");
        foreach (var key in Tilannekuva.Indicators.Quality.QualityReport.TableKeys)
            Assert.Contains($"id=\"quality-{key}\"", html);
        Assert.Contains(Texts.Get("Quality.Value.visit"), html);
        Assert.True(!html.Contains("Quality."), html[Math.Max(0, html.IndexOf("Quality.") - 200)..][..400]);
        Assert.DoesNotContain(">visit<", html);

        var csv = await client.GetStringAsync("/indicators/quality/export.csv?table=rows_per_month");
        Assert.True(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 10);
        var xlsx = await client.GetAsync("/indicators/quality/export.xlsx?table=missing_fields");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync())[..2]));

        var api = await app.ApiClientAsync(Demo.Viewer);
        using var json = JsonDocument.Parse(await api.GetStringAsync("/api/v1/indicators/quality"));
        var tables = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(Tilannekuva.Indicators.Quality.QualityReport.TableKeys, tables.Select(t => t.GetProperty("key").GetString()).ToArray());
        Assert.True(tables[0].GetProperty("rows").GetArrayLength() > 10);
    }

    [Fact]
    public async Task While_a_recompute_is_pending_the_pages_and_api_say_the_figures_are_being_updated()
    {
        var client = await app.SignInAsync(Demo.Viewer);
        Assert.DoesNotContain("id=\"figures-updating\"", await client.GetStringAsync("/indicators"));
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IndicatorsDbContext>();
            db.PendingRecomputes.Add(new PendingRecompute { FirstYear = 2025, EndYear = 2026, Since = new DateTime(2026, 11, 30, 8, 5, 0) });
            await db.SaveChangesAsync();
        }
        try
        {
            Assert.Contains("id=\"figures-updating\"", await client.GetStringAsync("/indicators"));
            var details = await client.GetStringAsync("/indicators/care_guarantee_7d");
            Assert.True(details.Contains("30.11.2026 8.05"), details[Math.Max(0, details.IndexOf("figures-updating") - 100)..][..Math.Min(600, details.Length)]);
            var api = await app.ApiClientAsync(Demo.Viewer);
            using var json = JsonDocument.Parse(await api.GetStringAsync("/api/v1/indicators/care_guarantee_7d/values"));
            Assert.Equal(new DateTime(2026, 11, 30, 8, 5, 0), json.RootElement.GetProperty("outOfDateSince").GetDateTime());
        }
        finally
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IndicatorsDbContext>().PendingRecomputes.ExecuteDeleteAsync();
        }
    }
}

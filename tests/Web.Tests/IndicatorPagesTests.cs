using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Results;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Web.Indicators;

namespace Tilannekuva.Web.Tests;

/// <summary>The indicator pages, exports, upload and computed programme metrics, on the demo region.</summary>
[Collection(SqliteAppCollection.Name)]
public sealed partial class IndicatorPagesTests(SqliteApp app)
{
    private static readonly CultureInfo Fi = CultureInfo.GetCultureInfo("fi");

    private async Task<T> IndicatorsAsync<T>(Func<IndicatorsDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<IndicatorsDbContext>());
    }

    [Fact]
    public async Task The_catalogue_lists_every_definition_for_a_viewer()
    {
        var client = await app.SignInAsync(Demo.Viewer);
        var html = await client.GetStringAsync("/indicators");
        foreach (var d in IndicatorCatalogue.All) Assert.Contains($"/indicators/{d.Code}\"", html);
    }

    [Fact]
    public async Task The_indicator_page_shows_the_stored_values_and_drills_down_to_the_units()
    {
        var client = await app.SignInAsync(Demo.Analyst);
        var definition = IndicatorCatalogue.Get("care_guarantee_7d");
        var (region, series, areas) = await IndicatorsAsync(async db =>
        {
            var results = new IndicatorResults(db);
            var root = (await results.RootsAsync()).Single();
            var s = await results.SeriesAsync(definition.Code, "quarter", root.SourceId);
            return (root, s, await results.ChildrenValuesAsync(definition.Code, "quarter", s.Last(p => p.Value is not null).PeriodCode, root.SourceId));
        });
        Assert.NotEmpty(series);

        var html = await client.GetStringAsync($"/indicators/{definition.Code}");
        foreach (var p in series)
            Assert.Matches($"data-period=\"{p.PeriodCode}\"><td>.*?</td><td class=\"num\">{Regex.Escape(IndicatorView.Value(definition, p.Value, Fi))}</td>", html);
        Assert.Equal(areas.Count, UnitRow().Matches(html).Count);
        foreach (var (unit, point) in areas)
            Assert.Contains($"data-unit=\"{unit.SourceId}\"", html);

        // Drill down one level: the area's page lists its own children and names the region in the path.
        var area = areas[0].Unit;
        var areaHtml = await client.GetStringAsync($"/indicators/{definition.Code}?unit={area.SourceId}&period=quarter");
        Assert.Contains(region.Name, areaHtml);
        var children = await IndicatorsAsync(db => new IndicatorResults(db).ChildrenAsync(area.SourceId));
        Assert.NotEmpty(children);
        foreach (var child in children) Assert.Contains($"data-unit=\"{child.SourceId}\"", areaHtml);
    }

    [Fact]
    public async Task Every_table_exports_to_csv_with_the_same_numbers_and_to_xlsx()
    {
        var client = await app.SignInAsync(Demo.Analyst);
        var series = await IndicatorsAsync(async db =>
        {
            var results = new IndicatorResults(db);
            return await results.SeriesAsync("remote_contact_share", "month", (await results.RootsAsync()).Single().SourceId);
        });

        var csv = (await client.GetStringAsync("/indicators/remote_contact_share/export.csv?period=month&table=trend")).TrimStart('\uFEFF');
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.TrimEnd('\r').Split(';')).ToList();
        Assert.Equal(series.Count, rows.Count);
        for (var i = 0; i < series.Count; i++)
        {
            Assert.Equal(series[i].PeriodCode, rows[i][0]);
            Assert.Equal(series[i].Value!.Value, double.Parse(rows[i][1], Fi), 4);
        }
        var xlsx = await client.GetAsync("/indicators/remote_contact_share/export.xlsx?table=units");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_programme_metric_linked_to_an_indicator_shows_the_computed_value()
    {
        var client = await app.SignInAsync(Demo.Director);
        var (programmeId, metric) = await app.QueryAsync(async db =>
        {
            var m = await db.Metrics.SingleAsync(x => x.IndicatorCode == "care_guarantee_7d" && x.WorkPackageId == null);
            return (m.ProgrammeId, m);
        });
        var latest = await IndicatorsAsync(async db =>
        {
            var results = new IndicatorResults(db);
            // Values are dated at the quarter's end, so the running quarter is not shown before it ends.
            return (await results.SeriesAsync("care_guarantee_7d", "quarter", (await results.RootsAsync()).Single().SourceId))
                .Last(p => p.Value is not null && Tilannekuva.Programme.Domain.Period.Parse(p.PeriodCode).End <= app.Today);
        });

        var html = await client.GetStringAsync($"/programmes/{programmeId}");
        var expected = Math.Round((decimal)latest.Value!.Value, 1).ToString("0.##", Fi) + " %";
        Assert.Matches($"{Regex.Escape(metric.Name)}.*?</td>\\s*<td class=\"num\">.*?</td>\\s*<td class=\"num\">{Regex.Escape(expected)}", html.Replace("\n", " "));
    }

    [Fact]
    public async Task A_programme_metric_linked_to_feedback_NPS_shows_the_county_NPS_of_the_last_complete_quarter()
    {
        var client = await app.SignInAsync(Demo.Director);
        var metric = await app.QueryAsync(db => db.Metrics.SingleAsync(x => x.IndicatorCode == Tilannekuva.Feedback.Reporting.FeedbackIndicators.Nps));
        var programme = await app.QueryAsync(db => db.Programmes.SingleAsync(p => p.Name == Tilannekuva.Programme.Demo.DemoProgramme.Name));
        IReadOnlyList<Tilannekuva.Feedback.Reporting.FeedbackIndicatorValue> quarters;
        using (var scope = app.Services.CreateScope())
            quarters = await scope.ServiceProvider.GetRequiredService<Tilannekuva.Feedback.Reporting.IFeedbackIndicators>().ComputeAsync(
                metric.IndicatorCode!, new DateOnly(programme.StartYear, 1, 1), new DateOnly(programme.EndYear, 12, 31), Tilannekuva.Feedback.Reporting.Breakdown.Quarter, byServicePoint: false);
        var latest = quarters.Where(q => q.Value is not null && Tilannekuva.Programme.Domain.Period.Parse(q.Period).End <= app.Today).MaxBy(q => q.Period);
        Assert.NotNull(latest); // the demo has feedback

        var html = (await client.GetStringAsync($"/programmes/{metric.ProgrammeId}")).Replace("\n", " ");
        var expected = Math.Round((decimal)latest.Value!.Value, 1).ToString("0.##", Fi);
        Assert.Matches($"{Regex.Escape(metric.Name)}.*?</td>\\s*<td class=\"num\">.*?</td>\\s*<td class=\"num\">{Regex.Escape(expected)} ", html);
    }

    [Fact]
    public async Task An_analyst_uploads_a_file_sees_its_rejects_and_a_second_upload_changes_nothing()
    {
        var client = await app.SignInAsync(Demo.Analyst);
        var unit = await IndicatorsAsync(db => db.OrgUnits.Where(u => u.ParentId != null).Select(u => u.SourceId).FirstAsync());
        var file = $"source_id;unit_id;received_at;channel;outcome\nweb-test-1;{unit};5.2.2026 9:00;chat;resolved\nweb-test-2;{unit};31.2.2026 9:00;phone;resolved\nweb-test-3;NO-SUCH-UNIT;6.2.2026 9:00;phone;resolved\n";

        async Task<string> UploadAsync()
        {
            var token = await TestApp.AntiforgeryTokenAsync(client, "/indicators/import");
            using var form = new MultipartFormDataContent
            {
                { new StringContent("Contacts"), "Kind" },
                { new StringContent(token), "__RequestVerificationToken" },
                { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(file)), "file", "yhteydenotot-helmikuu.csv" },
            };
            var response = await client.PostAsync("/indicators/import", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        var first = await UploadAsync();
        Assert.Contains("id=\"stored\">1<", first);
        Assert.Contains("id=\"rejected\">2<", first);
        Assert.Matches("<td>yhteydenotot-helmikuu.csv</td><td class=\"num\">3</td><td>received_at</td>", first);
        Assert.Matches("<td>yhteydenotot-helmikuu.csv</td><td class=\"num\">4</td><td>unit_id</td>", first);
        var stored = await IndicatorsAsync(db => db.Contacts.CountAsync(c => c.SourceId.StartsWith("web-test-")));

        var second = await UploadAsync();
        Assert.Contains("id=\"stored\">0<", second);
        Assert.Contains("id=\"duplicates\">1<", second);
        Assert.Equal((1, stored), (stored, await IndicatorsAsync(db => db.Contacts.CountAsync(c => c.SourceId.StartsWith("web-test-")))));
    }

    [Fact]
    public async Task Viewers_and_planners_cannot_upload()
    {
        var client = await app.SignInAsync(Demo.Planner);
        var response = await client.GetAsync("/indicators/import");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_api_imports_a_file_for_an_analyst_and_refuses_a_planner()
    {
        var unit = await IndicatorsAsync(db => db.OrgUnits.Where(u => u.ParentId != null).Select(u => u.SourceId).FirstAsync());
        var csv = $"source_id;unit_id;received_at;channel;outcome\napi-test-1;{unit};7.2.2026 10:00;video;resolved\napi-test-2;{unit};7.13.2026 10:00;video;resolved\n";
        MultipartFormDataContent Form() => new() { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "api-yhteydenotot.csv" } };

        var planner = await app.ApiClientAsync(Demo.Planner);
        Assert.Equal(HttpStatusCode.Forbidden, (await planner.PostAsync("/api/v1/imports/contacts", Form())).StatusCode);

        var analyst = await app.ApiClientAsync(Demo.Analyst);
        var response = await analyst.PostAsync("/api/v1/imports/contacts", Form());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((2, 1, 1), (json.RootElement.GetProperty("read").GetInt32(), json.RootElement.GetProperty("stored").GetInt32(), json.RootElement.GetProperty("rejected").GetInt32()));
        var reject = json.RootElement.GetProperty("rejects")[0];
        Assert.Equal(("api-yhteydenotot.csv", 3, "received_at"), (reject.GetProperty("file").GetString(), reject.GetProperty("line").GetInt32(), reject.GetProperty("field").GetString()));

        var values = await analyst.GetStringAsync("/api/v1/indicators/remote_contact_share/values?period=month");
        Assert.Contains("\"periodCode\":\"2026-02\"", values);
    }

    [GeneratedRegex("<tr data-unit=")] private static partial Regex UnitRow();
}

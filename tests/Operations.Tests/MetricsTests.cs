using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Indicators;
using Tilannekuva.Indicators.Ingest;

namespace Tilannekuva.Operations.Tests;

/// <summary>/metrics (Prometheus) exposes the request, import, recompute and feedback metrics after an import and a submission.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_show_requests_per_route_imports_recomputes_and_submissions()
    {
        await using var store = await Store.CreateAsync("sqlite");
        await using var app = await OpsApp.StartAsync(store.Options, migrate: true, feedbackDemo: true);
        using var client = app.Client();
        var submit = await client.PostAsJsonAsync("/api/v1/feedback/responses", new
        {
            token = app.FeedbackToken(), submissionId = Guid.NewGuid(), recommendation = 10, answers = new Dictionary<string, int> { ["AV1"] = 5 }, language = "fi",
        });
        Assert.Equal(HttpStatusCode.Created, submit.StatusCode);
        var path = Path.Combine(store.Folder, "units.csv");
        await File.WriteAllTextAsync(path, "source_id,name,parent_id,kind,municipality_code\nR,Alue,,region,\nU1,Asema,R,unit,205\nU2,,R,unit,205\n");
        var (import, _) = await app.InScopeAsync(sp => sp.GetRequiredService<IndicatorsService>().ImportAsync(SourceKind.OrgUnits, path, null));
        Assert.Equal(2, import.Batch.RowsStored);
        Assert.Equal(1, import.Batch.RowsRejected);

        var metrics = await client.GetStringAsync("/metrics");
        Assert.Matches(@"tilannekuva_feedback_submissions_total\{[^}]*status=""Stored""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"tilannekuva_import_rows_total\{[^}]*kind=""org_units""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"tilannekuva_import_rejects_total\{[^}]*kind=""org_units""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"tilannekuva_recompute_duration_seconds_count\{[^}]*\} [1-9]", metrics);
        // The gauge is read at scrape time; on a loaded machine the first scrape can meet the store busy (-1): the
        // import's window must be gone within a few scrapes.
        for (var i = 0; i < 20 && !System.Text.RegularExpressions.Regex.IsMatch(metrics, @"tilannekuva_recompute_pending\{[^}]*\} 0\b"); i++)
        {
            await Task.Delay(500);
            metrics = await client.GetStringAsync("/metrics");
        }
        Assert.Matches(@"tilannekuva_recompute_pending\{[^}]*\} 0\b", metrics);
        Assert.Matches(@"http_server_request_duration_seconds_count\{[^}]*http_route=""api/v1/feedback/responses""[^}]*\} [1-9]", metrics);
    }
}

using System.Globalization;
using Tilannekuva.Dashboards;
using Tilannekuva.Programme.Reports;

namespace Tilannekuva.Web.Dashboards;

/// <summary>CSV and XLSX of every dashboard table: /dashboards/{level}/export.{csv|xlsx}?unit=&amp;table=&amp;period= — the same cells as the page, suppression included.</summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("dashboards/{level:regex(^(strategic|tactical|operational)$)}/export.{format:regex(^(csv|xlsx)$)}", Export).RequireAuthorization();
        return app;
    }

    public static async Task<IResult> Export(string level, string format, string? unit, string? table, string? period, DashboardService dashboards, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        var view = await dashboards.ViewAsync(level, unit, period, culture, ct);
        if (view?.Table(table ?? "") is not { } t) return Results.NotFound();
        var rows = t.Rows.Select(r => r.Select(cell => cell.Raw).ToArray()).ToList();
        using var buffer = new MemoryStream();
        var name = $"{level}-{view.Unit.Id}-{t.Id}";
        if (format == "csv")
        {
            TableWriter.WriteCsv(t.Headers, rows, buffer, culture);
            return Results.File(buffer.ToArray(), "text/csv; charset=utf-8", name + ".csv");
        }
        TableWriter.WriteXlsx(UniqueHeaders(t.Headers), rows, buffer, t.Id.Length > 31 ? t.Id[..31] : t.Id);
        return Results.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }

    /// <summary>XLSX columns are keyed by header; repeated headers get a number.</summary>
    private static List<string> UniqueHeaders(IReadOnlyList<string> headers)
    {
        var seen = new Dictionary<string, int>();
        var unique = new List<string>(headers.Count);
        foreach (var h in headers)
        {
            var k = seen[h] = seen.GetValueOrDefault(h) + 1;
            unique.Add(k == 1 ? h : $"{h} ({k})");
        }
        return unique;
    }
}

using System.Globalization;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Results;
using Tilannekuva.Programme.Reports;

namespace Tilannekuva.Web.Indicators;

/// <summary>CSV and XLSX of every table on an indicator page: /indicators/{code}/export.csv?table=trend|units|breakdown&amp;unit=&amp;period=&amp;at=&amp;dimension=</summary>
public static class IndicatorEndpoints
{
    public static IEndpointRouteBuilder MapIndicatorExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("indicators/{code}/export.{format:regex(^(csv|xlsx)$)}", Export).RequireAuthorization();
        return app;
    }

    public static async Task<IResult> Export(string code, string format, string? unit, string? period, string? at, string? table, string? dimension,
        IndicatorResults results, CancellationToken ct)
    {
        if (IndicatorCatalogue.All.FirstOrDefault(d => d.Code == code) is not { } definition) return Results.NotFound();
        var unitId = unit ?? (await results.RootsAsync(ct)).FirstOrDefault()?.SourceId;
        if (unitId is null) return Results.NotFound();
        var periodType = IndicatorView.PeriodTypes.Contains(period) ? period! : "quarter";
        var tables = await IndicatorTables.LoadAsync(results, definition, unitId, periodType, at, ct);
        var culture = CultureInfo.CurrentUICulture;
        var (headers, rows) = tables.Table(table ?? "trend", dimension, culture);
        using var buffer = new MemoryStream();
        var name = $"{code}-{unitId}-{table ?? "trend"}-{periodType}";
        if (format == "csv")
        {
            TableWriter.WriteCsv(headers, rows, buffer, culture);
            return Results.File(buffer.ToArray(), "text/csv; charset=utf-8", name + ".csv");
        }
        TableWriter.WriteXlsx(headers, rows, buffer, code.Length > 31 ? code[..31] : code);
        return Results.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }
}

using System.Globalization;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Quality;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.Reports;

namespace Tilannekuva.Web.Indicators;

/// <summary>How the data-quality tables read on the page and in the exports: codes as words, shares with the locale's decimal comma.</summary>
public static class QualityView
{
    public static string IndicatorName(string code, CultureInfo c) =>
        IndicatorCatalogue.All.FirstOrDefault(d => d.Code == code)?.NameIn(c) ?? code;

    public static string Cell(string column, object? value, CultureInfo c) => (column, value) switch
    {
        (_, null) => "–",
        ("kind" or "problem" or "field", string s) => Texts.Get("Quality.Value." + s, c),
        ("reason", string s) => Texts.Get("Quality.Reason." + s, c),
        ("indicators", string s) => string.Join(", ", s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(x => IndicatorName(x, c))),
        ("share", double d) => d.ToString("0.0", c) + " %",
        (_, DateTime t) => t.ToString("d.M.yyyy H:mm", c),
        (_, IFormattable f) => f.ToString(null, c),
        _ => value.ToString() ?? "",
    };

    /// <summary>/indicators/quality/export.{csv|xlsx}?table=key — one table of the report, as on the page.</summary>
    public static IEndpointRouteBuilder MapQualityExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("indicators/quality/export.{format:regex(^(csv|xlsx)$)}", async (string format, string? table, QualityReport report, CancellationToken ct) =>
        {
            var tables = await report.BuildAsync(ct);
            if (tables.FirstOrDefault(t => t.Key == (table ?? "rows_per_month")) is not { } t) return Results.NotFound();
            var c = CultureInfo.CurrentUICulture;
            var headers = t.Columns.Select(col => Texts.Get("Quality.Column." + col, c)).ToList();
            var rows = t.Rows.Select(r => r.Select((v, i) => (object?)Cell(t.Columns[i], v, c)).ToArray());
            using var buffer = new MemoryStream();
            if (format == "csv")
            {
                TableWriter.WriteCsv(headers, rows, buffer, c);
                return Results.File(buffer.ToArray(), "text/csv; charset=utf-8", $"quality-{t.Key}.csv");
            }
            TableWriter.WriteXlsx(headers, rows, buffer, t.Key);
            return Results.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"quality-{t.Key}.xlsx");
        }).RequireAuthorization();
        return app;
    }
}

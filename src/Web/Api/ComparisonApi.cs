using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tilannekuva.Access;
using Tilannekuva.Comparison;
using Tilannekuva.Comparison.Export;
using Tilannekuva.Comparison.Import;
using Tilannekuva.Comparison.Reading;
using Tilannekuva.Comparison.Signing;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Api;

/// <summary>
/// National comparison API (v1). A county's instance: its signed export (analyst, director, admin). The comparison
/// instance: the counties with their data time, a county-level series, and the import of a signed export (admin).
/// </summary>
public static class ComparisonApi
{
    public static IEndpointRouteBuilder MapComparisonApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/v1/comparison")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser())
            .WithTags("Comparison");
        api.MapGet("export", Export)
            .RequireAuthorization(p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireRole(Roles.Admin, Roles.Director, Roles.Analyst));
        api.MapGet("counties", Counties);
        api.MapGet("values", Values);
        api.MapPost("imports", Import).DisableAntiforgery()
            .RequireAuthorization(p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireRole(Roles.Admin));
        return app;
    }

    public sealed record CountyResponse(string Id, string Name, DateTimeOffset ExportedAt, DateTime? LatestEvent, DateTimeOffset? LastImport, DateTimeOffset ImportedAt,
        int MinimumCellSize, string KeyFingerprint, int Cells, string? Code);

    public sealed record ValuesResponse(string Indicator, string PeriodType, IReadOnlyList<CountyValue> Values);

    /// <summary>This county's signed export (the same file `comparison export` writes).</summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Export(SignedExportWriter writer, HttpContext http, CancellationToken ct)
    {
        try
        {
            var (text, content) = await writer.WriteAsync(ct);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{SignedExportWriter.FileName(content)}\"";
            return TypedResults.Content(text, "application/json; charset=utf-8");
        }
        catch (Exception e) when (e is ComparisonKeyException or InvalidOperationException)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<Ok<List<CountyResponse>>> Counties(ComparisonReader reader, CancellationToken ct) =>
        TypedResults.Ok((await reader.CountiesAsync(ct)).Select(c => new CountyResponse(c.Id, c.Name, c.ExportedAt, c.LatestEvent, c.LastImport, c.ImportedAt,
            c.MinimumCellSize, c.KeyFingerprint, c.Cells, WellbeingCounties.CodeOf(c.Id, c.Name))).ToList());

    /// <summary>Each county's value of the indicator by period (county level); hidden cells have no value and no n.</summary>
    private static async Task<Results<Ok<ValuesResponse>, BadRequest<string>>> Values(string indicator, string? period, ComparisonReader reader, CancellationToken ct)
    {
        var type = period ?? "quarter";
        if (!CountyExporter.PeriodTypes.Contains(type)) return TypedResults.BadRequest("period: month, quarter or year");
        return TypedResults.Ok(new ValuesResponse(indicator, type, await reader.SeriesAsync(indicator, type, ct)));
    }

    /// <summary>A county's signed export (multipart field "file"): added, replaced or unchanged; 400 naming the file and the reason when refused.</summary>
    private static async Task<Results<Ok<ComparisonImportResult>, BadRequest<string>>> Import([FromForm] IFormFile file, ComparisonImporter importer, CancellationToken ct)
    {
        using var reader = new StreamReader(file.OpenReadStream());
        try
        {
            return TypedResults.Ok(await importer.ImportTextAsync(await reader.ReadToEndAsync(ct), file.FileName, ct));
        }
        catch (Exception e) when (e is ExportRejectedException or ComparisonKeyException)
        {
            return TypedResults.BadRequest(e.Message);
        }
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tilannekuva.Access;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Ingest;
using Tilannekuva.Indicators.Results;
using Tilannekuva.Web.Auth;
using Tilannekuva.Web.Indicators;

namespace Tilannekuva.Web.Api;

/// <summary>Indicators API (v1): the catalogue, computed values, and imports of export files (analyst, director, admin).</summary>
public static class IndicatorsApi
{
    public static IEndpointRouteBuilder MapIndicatorsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/v1")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser())
            .WithTags("Indicators");
        api.MapGet("indicators", () => TypedResults.Ok(IndicatorCatalogue.All));
        api.MapGet("indicators/{code}/values", Values);
        api.MapGet("indicators/quality", async (Tilannekuva.Indicators.Quality.QualityReport report, CancellationToken ct) => TypedResults.Ok(await report.BuildAsync(ct)));
        api.MapPost("imports/{kind}", Import).DisableAntiforgery()
            .RequireAuthorization(p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireRole(Roles.Admin, Roles.Director, Roles.Analyst));
        return app;
    }

    /// <param name="OutOfDateSince">Set while an import's recompute has not finished: the values are being updated and may be out of date since then.</param>
    public sealed record ValuesResponse(string Code, string OrgUnitId, string PeriodType, string Dimension, IReadOnlyList<ResultPoint> Values, DateTime? OutOfDateSince = null);

    /// <param name="UpdatedIds">Source ids of stored event rows this newer file corrected.</param>
    public sealed record ImportResponse(string File, int Read, int Stored, int Rejected, int SkippedDuplicate, int Updated, IReadOnlyList<ImportReject> Rejects,
        IReadOnlyList<string>? UpdatedIds = null);

    private static async Task<Results<Ok<ValuesResponse>, NotFound>> Values(string code, string? unit, string? period, string? dimension, IndicatorResults results, CancellationToken ct)
    {
        if (IndicatorCatalogue.All.All(d => d.Code != code)) return TypedResults.NotFound();
        var unitId = unit ?? (await results.RootsAsync(ct)).FirstOrDefault()?.SourceId;
        if (unitId is null) return TypedResults.NotFound();
        var periodType = IndicatorView.PeriodTypes.Contains(period) ? period! : "quarter";
        var values = dimension is null or IndicatorResults.Total
            ? await results.SeriesAsync(code, periodType, unitId, ct: ct)
            : (await results.DimensionsAsync(code, ct)).Contains(dimension)
                ? await BreakdownSeriesAsync(results, code, periodType, unitId, dimension, ct)
                : [];
        return TypedResults.Ok(new ValuesResponse(code, unitId, periodType, dimension ?? IndicatorResults.Total, values, await results.OutOfDateSinceAsync(ct)));
    }

    private static async Task<List<ResultPoint>> BreakdownSeriesAsync(IndicatorResults results, string code, string periodType, string unitId, string dimension, CancellationToken ct)
    {
        var periods = (await results.SeriesAsync(code, periodType, unitId, ct: ct)).Select(p => p.PeriodCode);
        var all = new List<ResultPoint>();
        foreach (var p in periods) all.AddRange(await results.BreakdownAsync(code, periodType, p, unitId, dimension, ct));
        return all;
    }

    /// <summary>multipart/form-data with "file" and optionally "mapping"; the answer lists every rejected row.</summary>
    private static async Task<Results<Ok<ImportResponse>, BadRequest<string>>> Import(string kind, [FromForm] IFormFile file, [FromForm] IFormFile? mapping,
        ImportRunner runner, CancellationToken ct)
    {
        SourceKind sourceKind;
        try { sourceKind = CanonicalTable.ParseKind(kind); }
        catch (ArgumentException e) { return TypedResults.BadRequest(e.Message); }
        try
        {
            await using var content = file.OpenReadStream();
            await using var map = mapping?.OpenReadStream();
            var r = await runner.RunAsync(sourceKind, file.FileName, content, map, CultureInfo.CurrentUICulture, ct);
            return TypedResults.Ok(new ImportResponse(file.FileName, r.Read, r.Stored, r.Rejected, r.SkippedDuplicate, r.Updated, r.Rejects, r.UpdatedIds));
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException)
        {
            return TypedResults.BadRequest(e.Message);
        }
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Tilannekuva.ContactSampling;
using Tilannekuva.ContactSampling.Domain;
using Tilannekuva.ContactSampling.Export;
using Tilannekuva.ContactSampling.Results;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.Reports;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Api;

/// <summary>
/// Contact sampling API (v1, personal API token): the periods, a period's sample and results, recording a contact
/// (idempotent by its clientId), and the before/after comparison. The pages' CSV and XLSX downloads are mapped here too.
/// </summary>
public static class SamplingApi
{
    public static IEndpointRouteBuilder MapSamplingApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/v1/sampling")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser())
            .WithTags("ContactSampling");
        api.MapGet("periods", Periods);
        api.MapGet("periods/{id:int}/contacts", Contacts);
        api.MapPost("periods/{id:int}/contacts", Record);
        api.MapGet("periods/{id:int}/results", Result);
        api.MapGet("compare", Compare);

        // Downloads for the pages (cookie sign-in): the sample or the results as CSV or XLSX.
        app.MapGet("sampling/{id:int}/{table:regex(^(sample|results)$)}.{format:regex(^(csv|xlsx)$)}", Export).RequireAuthorization();
        return app;
    }

    public sealed record PeriodDto(int Id, string UnitId, string Name, DateOnly StartDate, DateOnly EndDate, string State);
    public sealed record ContactDto(Guid ClientId, string Channel, string Reason, string Demand, string? FailureKind, bool? DigitalPossible, DateTime RecordedAt);
    public sealed record IntervalDto(int Contacts, int Failures, double? Share, double? Lower, double? Upper);
    public sealed record ReasonDto(string Reason, IntervalDto FailureShare, double FailureMinutes, int DigitalPossible);
    public sealed record ResultDto(PeriodDto Period, IntervalDto FailureShare, double FailureMinutes, int WorkingDays, double FailureMinutesPerYear, double FailureHtvPerYear,
        IReadOnlyList<ReasonDto> ByReason, IReadOnlyDictionary<string, int> ByFailureKind);
    public sealed record CompareDto(ResultDto Before, ResultDto After, double Change, double Lower, double Upper, bool Significant);
    public sealed record ErrorDto(string Error, string? Field, string Message);

    private static PeriodDto Dto(SamplingPeriod p) => new(p.Id, p.UnitId, p.Name, p.StartDate, p.EndDate, p.State.ToString().ToLowerInvariant());

    internal static ContactDto Dto(SampledContact c) => new(c.ClientId, SamplingCodes.Of(c.Channel), c.Reason, SamplingCodes.Of(c.Demand),
        c.FailureKind is { } k ? SamplingCodes.Of(k) : null, c.DigitalPossible, c.RecordedAt);

    private static double? N(double x) => double.IsNaN(x) ? null : x;
    private static IntervalDto Dto(Proportion p) => new(p.N, p.Successes, N(p.Share), N(p.Lower), N(p.Upper));

    private static ResultDto Dto(SampleResult r) => new(Dto(r.Period), Dto(r.Total.FailureShare), r.Total.FailureMinutes, r.WorkingDays, r.FailureMinutesPerYear, r.FailureHtvPerYear,
        r.ByReason.Select(x => new ReasonDto(x.Reason!, Dto(x.FailureShare), x.FailureMinutes, x.DigitalPossible)).ToList(),
        r.ByFailureKind.ToDictionary(k => SamplingCodes.Of(k.Key), k => k.Value));

    private static async Task<Ok<List<PeriodDto>>> Periods(SamplingService sampling, CancellationToken ct) =>
        TypedResults.Ok((await sampling.ListAsync(ct)).Select(Dto).ToList());

    private static async Task<Results<Ok<List<ContactDto>>, NotFound>> Contacts(int id, SamplingService sampling, CancellationToken ct) =>
        await sampling.FindAsync(id, ct) is null ? TypedResults.NotFound() : TypedResults.Ok((await sampling.ContactsAsync(id, ct)).Select(Dto).ToList());

    /// <summary>201 when stored, 200 when the same clientId was stored before (a resend), 400 with the reason otherwise.</summary>
    private static async Task<Results<Created<ContactDto>, Ok<ContactDto>, BadRequest<ErrorDto>>> Record(int id, ContactInput input, SamplingService sampling, CancellationToken ct)
    {
        try
        {
            var r = await sampling.RecordAsync(id, input, ct);
            return r.Duplicate ? TypedResults.Ok(Dto(r.Contact)) : TypedResults.Created($"/api/v1/sampling/periods/{id}/contacts", Dto(r.Contact));
        }
        catch (SamplingException e)
        {
            return TypedResults.BadRequest(new ErrorDto(e.Key, e.Field, Texts.Get(e.Key)));
        }
    }

    private static async Task<Results<Ok<ResultDto>, NotFound>> Result(int id, SamplingService sampling, CancellationToken ct) =>
        await sampling.ResultAsync(id, ct) is { } r ? TypedResults.Ok(Dto(r)) : TypedResults.NotFound();

    private static async Task<Results<Ok<CompareDto>, NotFound>> Compare(int before, int after, SamplingService sampling, CancellationToken ct) =>
        await sampling.CompareAsync(before, after, ct) is { } c
            ? TypedResults.Ok(new CompareDto(Dto(c.Before), Dto(c.After), c.Change.Value, c.Change.Lower, c.Change.Upper, c.Change.Significant))
            : TypedResults.NotFound();

    private static async Task<IResult> Export(int id, string table, string format, SamplingService sampling, CancellationToken ct)
    {
        if (await sampling.ResultAsync(id, ct) is not { } result) return Results.NotFound();
        var culture = CultureInfo.CurrentUICulture;
        var t = table == "sample" ? SampleTables.Sample(await sampling.ContactsAsync(id, ct), culture) : SampleTables.Results(result, culture);
        using var buffer = new MemoryStream();
        var name = $"sampling-{id}-{table}";
        if (format == "csv")
        {
            TableWriter.WriteCsv(t.Headers, t.Rows, buffer, culture);
            return Results.File(buffer.ToArray(), "text/csv; charset=utf-8", name + ".csv");
        }
        TableWriter.WriteXlsx(t.Headers, t.Rows, buffer, table);
        return Results.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }
}

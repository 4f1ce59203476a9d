using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Tilannekuva.Access;
using Tilannekuva.Localisation;
using Tilannekuva.SocialWork;
using Tilannekuva.SocialWork.Domain;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Api;

/// <summary>
/// Structural social work (docs/socialwork.md): the JSON API v1 (personal API token) and the report downloads
/// (DOCX, CSV, XLSX) for the signed-in pages. Observations with their descriptions only for the recording roles;
/// the report (aggregated, small cells hidden) also for the readers of the county board's material.
/// </summary>
public static class SocialWorkApi
{
    /// <summary>Who reads the aggregated report: the social work roles and the programme's readers.</summary>
    public const string ReportReaders = Roles.SocialWorkRecorders + "," + Roles.Director + "," + Roles.Analyst + "," + Roles.Viewer;

    public static IEndpointRouteBuilder MapSocialWorkApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/v1/socialwork")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser())
            .WithTags("SocialWork");
        api.MapGet("observations", Observations).RequireAuthorization(p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireRole(Roles.SocialWorkRecorders.Split(',')));
        api.MapGet("report", Report).RequireAuthorization(p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireRole(ReportReaders.Split(',')));

        var files = app.MapGroup("socialwork").RequireAuthorization(p => p.RequireRole(ReportReaders.Split(',')));
        files.MapGet("report.docx", Docx);
        files.MapGet("report.csv", (string? period, SocialWorkService s, SocialWorkSettings settings, CancellationToken ct) => Table(period, false, s, settings, ct));
        files.MapGet("report.xlsx", (string? period, SocialWorkService s, SocialWorkSettings settings, CancellationToken ct) => Table(period, true, s, settings, ct));
        return app;
    }

    public sealed record ObservationDto(int Id, DateOnly ObservedOn, string Category, string Area, string ClientGroup, int ClientCount,
        string Description, string ProposedAction, FollowUpState FollowUp, string? FollowUpNote, bool Quoted);

    private static async Task<Results<Ok<List<ObservationDto>>, BadRequest<string>>> Observations(string? period, SocialWorkService s, CancellationToken ct)
    {
        if (!ReportPeriod.TryParse(period, out var p)) return TypedResults.BadRequest("period: 2026H1, 2026H2 or 2026");
        return TypedResults.Ok((await s.InPeriodAsync(p, ct)).Select(o => new ObservationDto(o.Id, o.ObservedOn, o.Category, o.Area, o.ClientGroup,
            o.ClientCount, o.Description, o.ProposedAction, o.FollowUp, o.FollowUpNote, o.Quoted)).ToList());
    }

    private static async Task<Results<Ok<SocialWorkReport>, BadRequest<string>>> Report(string? period, SocialWorkService s, SocialWorkSettings settings, CancellationToken ct) =>
        await BuildAsync(period, s, settings, ct) is { } r ? TypedResults.Ok(r) : TypedResults.BadRequest("period: 2026H1, 2026H2 or 2026");

    /// <summary>The report of a period (null when the period is not valid).</summary>
    public static async Task<SocialWorkReport?> BuildAsync(string? period, SocialWorkService s, SocialWorkSettings settings, CancellationToken ct)
    {
        if (!ReportPeriod.TryParse(period, out var p)) return null;
        return SocialWorkReport.Build(p, await s.InPeriodAsync(p, ct), await s.InPeriodAsync(p.Previous, ct), settings.Rule);
    }

    private static async Task<IResult> Docx(string? period, SocialWorkService s, SocialWorkSettings settings, CancellationToken ct)
    {
        if (await BuildAsync(period, s, settings, ct) is not { } r) return Results.BadRequest();
        return Results.File(DocxReportWriter.ToBytes(r, CultureInfo.CurrentUICulture),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"rakenteellinen-sosiaalityo-{r.Period.Code}.docx");
    }

    /// <summary>The three breakdowns as one table: dimension, item, observations, clients, previous, change (hidden cells empty).</summary>
    private static async Task<IResult> Table(string? period, bool xlsx, SocialWorkService s, SocialWorkSettings settings, CancellationToken ct)
    {
        if (await BuildAsync(period, s, settings, ct) is not { } r) return Results.BadRequest();
        var c = CultureInfo.CurrentUICulture;
        string[] headers = [Texts.Get("SocialWork.Report.Dimension", c), Texts.Get("SocialWork.Report.Item", c), Texts.Get("SocialWork.Report.Observations", c),
            Texts.Get("SocialWork.Report.Clients", c), Texts.Get("SocialWork.Report.PreviousClients", c), Texts.Get("SocialWork.Report.Change", c)];
        var rows = ReportText.Breakdowns(r, c).SelectMany(b => b.Rows.Select(x => new object?[] { b.Heading, b.Name(x.Code), x.Observations, x.Clients, x.PreviousClients, x.Change })).ToList();
        using var ms = new MemoryStream();
        if (xlsx) Tilannekuva.Programme.Reports.TableWriter.WriteXlsx(headers, rows, ms, r.Period.Code);
        else Tilannekuva.Programme.Reports.TableWriter.WriteCsv(headers, rows, ms, c);
        return Results.File(ms.ToArray(), xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
            $"rakenteellinen-sosiaalityo-{r.Period.Code}.{(xlsx ? "xlsx" : "csv")}");
    }
}

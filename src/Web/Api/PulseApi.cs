using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tilannekuva.Access;
using Tilannekuva.Feedback;
using Tilannekuva.Feedback.Links;
using Tilannekuva.Feedback.Pulse;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Localisation;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Api;

/// <summary>
/// The staff pulse outside its pages: the QR code of a round's link (/pulse/qr/{token}.svg, anonymous), the results as
/// JSON (/api/v1/feedback/pulse, personal API token) and as CSV or XLSX downloads (/feedback/pulse/results.csv|xlsx).
/// The same rule as the page: admins and directors see every team, a manager the units they lead, and a week under the
/// minimum number of answers has neither count nor means.
/// </summary>
public static class PulseApi
{
    private const string Readers = Roles.Admin + "," + Roles.Director + "," + Roles.Manager;

    public static IEndpointRouteBuilder MapPulse(this IEndpointRouteBuilder app)
    {
        app.MapGet("pulse/qr/{token}.svg", async (string token, HttpContext http, PulseService pulse, IOptions<FeedbackOptions> o, CancellationToken ct) =>
            await pulse.FindAsync(token, ct) is not null
                ? Results.Text(QrCodes.Svg($"{FeedbackApi.BaseUrl(http, o.Value)}/p/{token}"), "image/svg+xml")
                : Results.NotFound()).AllowAnonymous();

        app.MapGet("api/v1/feedback/pulse", async (int? weeks, ClaimsPrincipal user, PulseService pulse, AccountUnits units, TimeProvider clock, CancellationToken ct) =>
                Results.Ok((await ResultsAsync(weeks, user, pulse, units, clock, ct)).Select(r => new PulseWeekDto(r.OrgUnitId, r.Week, r.Shown,
                    r.Shown ? r.Answers : null, r.Means.ToDictionary(m => m.Code, m => m.Mean)))))
            .RequireAuthorization(p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireRole(Readers.Split(',')))
            .WithTags("Feedback");

        var files = app.MapGroup("feedback/pulse").RequireAuthorization(p => p.RequireRole(Readers.Split(',')));
        files.MapGet("results.csv", (int? weeks, ClaimsPrincipal user, PulseService pulse, AccountUnits units, IndicatorsDbContext tree, TimeProvider clock, CancellationToken ct) =>
            TableAsync(false, weeks, user, pulse, units, tree, clock, ct));
        files.MapGet("results.xlsx", (int? weeks, ClaimsPrincipal user, PulseService pulse, AccountUnits units, IndicatorsDbContext tree, TimeProvider clock, CancellationToken ct) =>
            TableAsync(true, weeks, user, pulse, units, tree, clock, ct));
        return app;
    }

    /// <summary>One team's week: <c>Answers</c> and every mean are null when the week is under the minimum.</summary>
    public sealed record PulseWeekDto(string Unit, string Week, bool Shown, int? Answers, IReadOnlyDictionary<string, double?> Means);

    private static async Task<IReadOnlyList<PulseResult>> ResultsAsync(int? weeks, ClaimsPrincipal user, PulseService pulse, AccountUnits units,
        TimeProvider clock, CancellationToken ct)
    {
        var editor = await units.BoardEditorAsync(user, ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var span = Math.Clamp(weeks ?? 26, 1, 520);
        return await pulse.ResultsAsync(editor.Anywhere ? null : editor.UnitIds, today.AddDays(-7 * (span - 1)), ct);
    }

    /// <summary>The table people open: teams by name (the org-unit tree's), one row a team and week.</summary>
    private static async Task<IResult> TableAsync(bool xlsx, int? weeks, ClaimsPrincipal user, PulseService pulse, AccountUnits units,
        IndicatorsDbContext tree, TimeProvider clock, CancellationToken ct)
    {
        var results = await ResultsAsync(weeks, user, pulse, units, clock, ct);
        var ids = results.Select(r => r.OrgUnitId).Distinct().ToList();
        var names = (await tree.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.SourceId)).Select(u => new { u.SourceId, u.Name }).ToListAsync(ct))
            .DistinctBy(u => u.SourceId).ToDictionary(u => u.SourceId, u => u.Name);
        var c = CultureInfo.CurrentUICulture;
        var codes = results.SelectMany(r => r.Means.Select(m => m.Code)).Distinct().ToList();
        if (codes.Count == 0) codes = [.. PulseQuestions.Codes];
        string[] headers = [Texts.Get("Pulse.Team", c), Texts.Get("Pulse.Week", c), Texts.Get("Pulse.Answers", c), .. codes.Select(code => Texts.Get(PulseQuestions.TextKey(code), c))];
        var rows = results.Select(r => new object?[] { names.GetValueOrDefault(r.OrgUnitId, r.OrgUnitId), r.Week, r.Shown ? r.Answers : null }
            .Concat(codes.Select(code => (object?)r.Means.FirstOrDefault(m => m.Code == code).Mean)).ToArray()).ToList();
        using var ms = new MemoryStream();
        if (xlsx) Tilannekuva.Programme.Reports.TableWriter.WriteXlsx(headers, rows, ms, "pulse");
        else Tilannekuva.Programme.Reports.TableWriter.WriteCsv(headers, rows, ms, c);
        return Results.File(ms.ToArray(), xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
            $"henkilostopulssi.{(xlsx ? "xlsx" : "csv")}");
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tilannekuva.Feedback;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Export;
using Tilannekuva.Feedback.Links;
using Tilannekuva.Feedback.Reporting;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Feedback.Submission;
using Tilannekuva.Localisation;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Api;

/// <summary>
/// Customer feedback: anonymous submission (the signed link is the credential) and public results;
/// results, national export, indicators, questionnaires and link signing with a personal API token;
/// QR codes and the trend chart for the pages.
/// </summary>
public static class FeedbackApi
{
    public static IEndpointRouteBuilder MapFeedbackApiV1(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("api/v1/feedback").AllowAnonymous().WithTags("Feedback");
        open.MapPost("responses", Submit);
        open.MapGet("public/{servicePoint}", PublicResults);

        var api = app.MapGroup("api/v1/feedback")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser())
            .WithTags("Feedback");
        api.MapGet("results", GetResults);
        api.MapGet("export", Export);
        api.MapGet("indicators", GetIndicators);
        api.MapGet("questionnaires", ListQuestionnaires);
        api.MapPost("links", CreateLink);

        // For the pages: QR codes of a valid link (anyone may print one), the public trend chart, the staff's export download.
        app.MapGet("feedback/qr/{token}.png", (string token, HttpContext http, LinkSigner signer, IOptions<FeedbackOptions> o) =>
            signer.TryVerify(token, out _) ? Results.File(QrCodes.Png(FormUrl(http, o.Value, token)), "image/png") : Results.NotFound()).AllowAnonymous();
        app.MapGet("feedback/qr/{token}.svg", (string token, HttpContext http, LinkSigner signer, IOptions<FeedbackOptions> o) =>
            signer.TryVerify(token, out _) ? Results.Text(QrCodes.Svg(FormUrl(http, o.Value, token)), "image/svg+xml") : Results.NotFound()).AllowAnonymous();
        app.MapGet("feedback/trend.svg", TrendSvg).AllowAnonymous();
        app.MapGet("feedback/export.csv", Export).RequireAuthorization();
        return app;
    }

    /// <summary>A submission. Answers: statement code → 1–5, or 0 for "cannot say".</summary>
    public sealed record SubmissionBody(string Token, Guid SubmissionId, int? QuestionnaireId, int? Recommendation,
        Dictionary<string, int>? Answers, string? OpenText, AgeGroup? AgeGroup, string? Language);

    public sealed record SubmissionReply(string Status, IReadOnlyList<string> Errors);

    public sealed record NpsInfo(int? Responses, bool Suppressed, double? Nps, double? Low, double? High, int Promoters, int Passives, int Detractors);

    public sealed record StatementInfo(string Code, int Answered, int CannotSay, double? Mean, IReadOnlyList<int> Counts);

    public sealed record ResultInfo(string Key, NpsInfo Nps, IReadOnlyList<StatementInfo> Statements);

    public sealed record LinkRequest(string ServicePoint, string Service, Channel Channel, Audience? Audience, string? Team);

    public sealed record LinkInfo(string Token, string FormUrl, string KioskUrl, string QrPng, string QrSvg);

    public sealed record QuestionnaireInfo(int Id, string Key, int Version, Audience Audience, string Name, DateTimeOffset CreatedAt, IReadOnlyList<string> Statements);

    private static async Task<Results<Created<SubmissionReply>, Ok<SubmissionReply>, BadRequest<SubmissionReply>, JsonHttpResult<SubmissionReply>>> Submit(
        SubmissionBody body, HttpContext http, FeedbackSubmissions submissions, CancellationToken ct)
    {
        var result = await submissions.SubmitAsync(new SubmissionRequest(
            body.Token ?? "", body.SubmissionId, body.QuestionnaireId, body.Recommendation,
            body.Answers ?? [], body.OpenText, body.AgeGroup, body.Language ?? Texts.DefaultCulture,
            http.Connection.RemoteIpAddress?.ToString() ?? "?"), ct);
        // Messages in the respondent's language when it is one of ours, else the request's.
        var culture = body.Language is { } l && Texts.Cultures.Contains(l) ? CultureInfo.GetCultureInfo(l) : CultureInfo.CurrentUICulture;
        var reply = new SubmissionReply(result.Status.ToString(), result.Errors.Select(e => Texts.Get(e, culture)).ToList());
        return result.Status switch
        {
            SubmissionStatus.Stored => TypedResults.Created($"/api/v1/feedback/responses/{body.SubmissionId}", reply),
            SubmissionStatus.Duplicate => TypedResults.Ok(reply),
            SubmissionStatus.InvalidLink => TypedResults.Json(reply, statusCode: StatusCodes.Status403Forbidden),
            SubmissionStatus.RateLimited => TypedResults.Json(reply, statusCode: StatusCodes.Status429TooManyRequests),
            SubmissionStatus.NoQuestionnaire => TypedResults.Json(reply, statusCode: StatusCodes.Status404NotFound),
            _ => TypedResults.BadRequest(reply),
        };
    }

    private static async Task<Results<Ok<List<ResultInfo>>, NotFound>> PublicResults(string servicePoint, FeedbackResults results, FeedbackDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.ServicePoints.AnyAsync(p => p.Code == servicePoint, ct)) return TypedResults.NotFound();
        var (from, to) = PublicPeriods.Last12FinishedMonths(clock);
        var f = new ResultFilter(from, to, servicePoint);
        var rows = new List<ResultRow> { await results.TotalAsync(f, ct) };
        rows.AddRange(await results.ByAsync(f, Breakdown.Service, ct));
        return TypedResults.Ok(rows.Select(Info).ToList());
    }

    private static async Task<Ok<List<ResultInfo>>> GetResults(DateOnly from, DateOnly to, string? servicePoint, string? service, Channel? channel, Breakdown? by, FeedbackResults results, CancellationToken ct) =>
        TypedResults.Ok((await results.ByAsync(new ResultFilter(from, to, servicePoint, service, channel), by ?? Breakdown.Total, ct)).Select(Info).ToList());

    /// <summary>The national CSV for responses dated from..to (docs/feedback-export.md).</summary>
    private static async Task<FileContentHttpResult> Export(DateOnly from, DateOnly to, FeedbackDbContext db, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await NationalExport.WriteAsync(db, from, to, buffer, ct);
        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", $"palaute-{from:yyyyMMdd}-{to:yyyyMMdd}.csv");
    }

    private static async Task<Results<Ok<IReadOnlyList<FeedbackIndicatorValue>>, BadRequest<string>>> GetIndicators(
        string code, DateOnly from, DateOnly to, Breakdown? period, bool? byServicePoint, string? service, IFeedbackIndicators indicators, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await indicators.ComputeAsync(code, from, to, period ?? Breakdown.Month, byServicePoint ?? false, service, ct));
        }
        catch (ArgumentException e)
        {
            return TypedResults.BadRequest(e.Message);
        }
    }

    private static async Task<Ok<List<QuestionnaireInfo>>> ListQuestionnaires(FeedbackDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Questionnaires.AsNoTracking().Include(q => q.Items).OrderBy(q => q.Key).ThenBy(q => q.Version).ToListAsync(ct))
            .Select(q => new QuestionnaireInfo(q.Id, q.Key, q.Version, q.Audience, q.Name, q.CreatedAt, q.OrderedItems.Select(i => i.Code).ToList())).ToList());

    private static async Task<Results<Ok<LinkInfo>, BadRequest<string>, ForbidHttpResult>> CreateLink(LinkRequest body, HttpContext http, FeedbackDbContext db, LinkSigner signer,
        IOptions<FeedbackOptions> o, FeedbackLinkRights rights, Tilannekuva.Access.Accounts accounts, CancellationToken ct)
    {
        // Admins, analysts, and managers for their own units' service points only (the page follows the same rule).
        if (!await rights.MayAsync(http.User, body.ServicePoint ?? "", ct) || await rights.ServicePointsAsync(http.User, ct) is { Count: 0 })
            return TypedResults.Forbid();
        var point = await db.ServicePoints.AsNoTracking().FirstOrDefaultAsync(p => p.Code == body.ServicePoint, ct);
        if (point is null) return TypedResults.BadRequest($"Unknown service point '{body.ServicePoint}'.");
        if (!await db.Services.AnyAsync(s => s.Code == body.Service, ct)) return TypedResults.BadRequest($"Unknown service '{body.Service}'.");
        var link = new FeedbackLink(point.ProviderCode, point.Code, body.Service, body.Channel, string.IsNullOrWhiteSpace(body.Team) ? null : body.Team, body.Audience ?? Audience.Adult, FeedbackLink.NewLinkId());
        if (link.InvalidPart() is { } bad) return TypedResults.BadRequest($"Invalid {bad}.");
        var token = signer.Sign(link);
        await accounts.RecordAsync(point.Code, Tilannekuva.Access.AccountActions.FeedbackLinkIssued, $"{link.ServiceCode} {link.Channel} {link.LinkId}", ct);
        return TypedResults.Ok(Describe(http, o.Value, token));
    }

    public static LinkInfo Describe(HttpContext http, FeedbackOptions o, string token)
    {
        var b = BaseUrl(http, o);
        return new LinkInfo(token, $"{b}/f/{token}", $"{b}/kiosk/{token}", $"{b}/feedback/qr/{token}.png", $"{b}/feedback/qr/{token}.svg");
    }

    public static string BaseUrl(HttpContext http, FeedbackOptions o) =>
        (o.PublicBaseUrl is { Length: > 0 } configured ? configured : $"{http.Request.Scheme}://{http.Request.Host}").TrimEnd('/');

    private static string FormUrl(HttpContext http, FeedbackOptions o, string token) => $"{BaseUrl(http, o)}/f/{token}";

    /// <summary>
    /// Monthly NPS with its interval. Months under the minimum are left out, and when one is, further months with it
    /// (the small-cell rule's complementary suppression), so that no month can be worked out from the public total.
    /// Without a sign-in only whole finished months (by default the last 12) of one service point or one service:
    /// no arbitrary dates to slide, no crossed filters to subtract (docs/security.md).
    /// </summary>
    private static async Task<IResult> TrendSvg(string? servicePoint, string? service, Channel? channel, DateOnly? from, DateOnly? to,
        HttpContext http, FeedbackResults results, TimeProvider clock, CancellationToken ct)
    {
        DateOnly f, t;
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var (defFrom, defTo) = Last12Months(clock);
            (f, t) = (from ?? defFrom, to ?? defTo);
        }
        else
        {
            if (channel is not null || string.IsNullOrEmpty(servicePoint) == string.IsNullOrEmpty(service))
                return Results.Text(Texts.Get("Security.PublicTrendFilters"), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            (f, t) = PublicPeriods.Last12FinishedMonths(clock);
            if (from is not null || to is not null)
            {
                (f, t) = (from ?? f, to ?? t);
                if (!PublicPeriods.IsWholeFinishedMonths(f, t, clock))
                    return Results.Text(Texts.Get("Security.PublicWholeMonths"), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }
        }
        var rows = FeedbackResults.SuppressComplement(await results.ByAsync(new ResultFilter(f, t, servicePoint, service, channel), Breakdown.Month, ct), results.MinimumResponses);
        return Results.Text(FeedbackCharts.NpsTrendSvg(rows, CultureInfo.CurrentUICulture), "image/svg+xml");
    }

    public static (DateOnly From, DateOnly To) Last12Months(TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return (new DateOnly(today.Year, today.Month, 1).AddMonths(-11), today);
    }

    public static ResultInfo Info(ResultRow r) => new(r.Key,
        new NpsInfo(r.Suppressed ? null : r.Nps.N, r.Suppressed, r.Nps.Nps, r.Nps.Interval95?.Low, r.Nps.Interval95?.High, r.Nps.Promoters, r.Nps.Passives, r.Nps.Detractors),
        r.Statements.Select(s => new StatementInfo(s.Code, s.Answered, s.CannotSay, s.Mean, s.Counts)).ToList());
}

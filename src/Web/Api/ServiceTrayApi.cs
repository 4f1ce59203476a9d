using Microsoft.AspNetCore.Http.HttpResults;
using Tilannekuva.ServiceTray.Search;

namespace Tilannekuva.Web.Api;

/// <summary>Service tray API (v1), public like the pages: search and one service. No sign-in, no cookies set.</summary>
public static class ServiceTrayApi
{
    public static IEndpointRouteBuilder MapServiceTrayApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/v1/tray").AllowAnonymous().WithTags("ServiceTray");
        api.MapGet("search", Search);
        api.MapGet("services/{id:long}", Service);
        api.MapGet("collections", Collections);
        api.MapGet("collections/{slug}", Collection);
        api.MapGet("referrals/{code}", Referral);
        var staff = app.MapGroup("api/v1/tray").WithTags("ServiceTray");
        staff.MapGet("referrals", ReferralCounts).RequireAuthorization(p => p.AddAuthenticationSchemes(Tilannekuva.Web.Auth.ApiTokenAuthentication.SchemeName).RequireRole(Tilannekuva.Access.Roles.Admin, Tilannekuva.Access.Roles.Director, Tilannekuva.Access.Roles.Analyst, Tilannekuva.Access.Roles.ServiceEditor, Tilannekuva.Access.Roles.Professional));
        staff.MapGet("usage", Usage).RequireAuthorization(p => p.AddAuthenticationSchemes(Tilannekuva.Web.Auth.ApiTokenAuthentication.SchemeName).RequireRole(Tilannekuva.Access.Roles.Admin, Tilannekuva.Access.Roles.Director, Tilannekuva.Access.Roles.Analyst, Tilannekuva.Access.Roles.ServiceEditor));
        return app;
    }

    public sealed record Hit(long Id, string Name, string? Summary, string? Provider, bool Free, bool Accessible, bool OpenNow, double? Kilometres, IReadOnlyList<string> ChannelTypes);

    public sealed record SearchAnswer(int Total, bool Loosened, IReadOnlyList<Hit> Hits);

    private static async Task<Ok<SearchAnswer>> Search(TraySearch search, Tilannekuva.ServiceTray.Usage.UsageCounter usage, string? q, string? lang, string? municipality, string? postalCode, string? targetGroup,
        string? serviceClass, string? channelType, bool? free, bool? accessible, bool? openNow, int? skip, int? take, CancellationToken ct)
    {
        var language = lang is "sv" or "en" ? lang : "fi";
        var result = await search.SearchAsync(new TrayQuery
        {
            Text = q, Language = language, Municipality = Blank(municipality), PostalCode = Blank(postalCode), TargetGroup = Blank(targetGroup),
            ServiceClass = Blank(serviceClass), ChannelType = Blank(channelType), FreeOnly = free == true, AccessibleOnly = accessible == true, OpenNow = openNow == true,
            Skip = Math.Max(0, skip ?? 0), Take = Math.Clamp(take ?? 20, 1, 100),
        }, ct);
        if ((skip ?? 0) == 0) usage.Searched(q, result.Total);
        return TypedResults.Ok(new SearchAnswer(result.Total, result.Loosened, result.Hits.Select(h => new Hit(h.Item.Id, h.Item.Service.Name.Get(language),
            h.Item.Service.Summary.Exact(language) ?? h.Item.Service.Summary.Get(language), h.Item.Provider.Get(language), h.Item.Service.IsFree, h.Item.Accessible,
            h.OpenNow, h.Kilometres is { } km ? Math.Round(km, 1) : null, h.Item.Channels.Select(c => c.Type).Distinct().ToList())).ToList()));
    }

    private static async Task<Results<Ok<TrayItem>, NotFound>> Service(TraySearch search, long id, CancellationToken ct) =>
        (await search.IndexAsync(ct)).Catalog.Find(id) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();

    public sealed record CollectionAnswer(string Slug, IReadOnlyDictionary<string, string> Name, IReadOnlyDictionary<string, string> Description, IReadOnlyList<long> ServiceIds);

    private static CollectionAnswer Answer(Tilannekuva.ServiceTray.Collections.TrayCollection c) => new(c.Slug,
        new Dictionary<string, string> { ["fi"] = c.NameFi, ["sv"] = c.NameSv, ["en"] = c.NameEn },
        new Dictionary<string, string> { ["fi"] = c.DescriptionFi, ["sv"] = c.DescriptionSv, ["en"] = c.DescriptionEn }, c.ServiceIds);

    private static async Task<Ok<List<CollectionAnswer>>> Collections(Tilannekuva.ServiceTray.Collections.Collections collections, CancellationToken ct) =>
        TypedResults.Ok((await collections.AllAsync(ct)).Select(Answer).ToList());

    private static async Task<Results<Ok<CollectionAnswer>, NotFound>> Collection(Tilannekuva.ServiceTray.Collections.Collections collections, string slug, CancellationToken ct) =>
        await collections.FindAsync(slug, ct) is { } c ? TypedResults.Ok(Answer(c)) : TypedResults.NotFound();

    public sealed record ReferralAnswer(string Code, DateOnly Date, string Language, IReadOnlyList<long> ServiceIds);

    /// <summary>The resident's referral by its code (what the page shows; no unit, no arrival state).</summary>
    private static async Task<Results<Ok<ReferralAnswer>, NotFound>> Referral(Tilannekuva.ServiceTray.Referrals.Referrals referrals, string code, CancellationToken ct) =>
        await referrals.FindAsync(code, ct) is { } r
            ? TypedResults.Ok(new ReferralAnswer(r.Code, DateOnly.FromDateTime(r.CreatedAt.UtcDateTime), r.Language, r.Services.Select(s => s.ServiceId).ToList()))
            : TypedResults.NotFound();

    /// <summary>Referrals made and arrived per service, unit and target group (default: the last 365 days).</summary>
    private static async Task<Ok<IReadOnlyList<Tilannekuva.ServiceTray.Referrals.ReferralCount>>> ReferralCounts(Tilannekuva.ServiceTray.Referrals.Referrals referrals, Tilannekuva.ServiceTray.Usage.UsageCounter usage, DateOnly? from, DateOnly? to, CancellationToken ct) =>
        TypedResults.Ok(await referrals.CountsAsync(from ?? usage.Today.AddDays(-364), to ?? usage.Today, ct));

    /// <summary>The tray's indicator values: code (tray.searches, tray.searches.noresult, tray.views, tray.referrals, tray.referrals.arrived), period, breakdown.</summary>
    private static async Task<Results<Ok<IReadOnlyList<Tilannekuva.ServiceTray.Usage.TrayIndicatorValue>>, BadRequest<string>>> Usage(Tilannekuva.ServiceTray.Usage.ITrayIndicators indicators,
        Tilannekuva.ServiceTray.Usage.UsageCounter usage, string? code, DateOnly? from, DateOnly? to, string? by, CancellationToken ct)
    {
        if (code is null || indicators.Definitions.All(d => d.Code != code)) return TypedResults.BadRequest("code: one of " + string.Join(", ", indicators.Definitions.Select(d => d.Code)));
        return TypedResults.Ok(await indicators.ComputeAsync(code, from ?? usage.Today.AddDays(-29), to ?? usage.Today, by ?? "", ct));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

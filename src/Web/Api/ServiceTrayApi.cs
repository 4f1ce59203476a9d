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
        return app;
    }

    public sealed record Hit(long Id, string Name, string? Summary, string? Provider, bool Free, bool Accessible, bool OpenNow, double? Kilometres, IReadOnlyList<string> ChannelTypes);

    public sealed record SearchAnswer(int Total, bool Loosened, IReadOnlyList<Hit> Hits);

    private static async Task<Ok<SearchAnswer>> Search(TraySearch search, string? q, string? lang, string? municipality, string? postalCode, string? targetGroup,
        string? serviceClass, string? channelType, bool? free, bool? accessible, bool? openNow, int? skip, int? take, CancellationToken ct)
    {
        var language = lang is "sv" or "en" ? lang : "fi";
        var result = await search.SearchAsync(new TrayQuery
        {
            Text = q, Language = language, Municipality = Blank(municipality), PostalCode = Blank(postalCode), TargetGroup = Blank(targetGroup),
            ServiceClass = Blank(serviceClass), ChannelType = Blank(channelType), FreeOnly = free == true, AccessibleOnly = accessible == true, OpenNow = openNow == true,
            Skip = Math.Max(0, skip ?? 0), Take = Math.Clamp(take ?? 20, 1, 100),
        }, ct);
        return TypedResults.Ok(new SearchAnswer(result.Total, result.Loosened, result.Hits.Select(h => new Hit(h.Item.Id, h.Item.Service.Name.Get(language),
            h.Item.Service.Summary.Exact(language) ?? h.Item.Service.Summary.Get(language), h.Item.Provider.Get(language), h.Item.Service.IsFree, h.Item.Accessible,
            h.OpenNow, h.Kilometres is { } km ? Math.Round(km, 1) : null, h.Item.Channels.Select(c => c.Type).Distinct().ToList())).ToList()));
    }

    private static async Task<Results<Ok<TrayItem>, NotFound>> Service(TraySearch search, long id, CancellationToken ct) =>
        (await search.IndexAsync(ct)).Catalog.Find(id) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

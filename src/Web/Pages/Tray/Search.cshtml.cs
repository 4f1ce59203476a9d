using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Localisation;
using Tilannekuva.ServiceTray.Domain;
using Tilannekuva.ServiceTray.Search;

namespace Tilannekuva.Web.Pages.Tray;

/// <summary>The residents' search (/palvelut): words and filters in the address, so a result list can be bookmarked and shared. No sign-in, no cookies.</summary>
[AllowAnonymous]
public sealed class SearchModel(TraySearch search, Tilannekuva.ServiceTray.Usage.UsageCounter usage) : PageModel
{
    public TrayQuery Query { get; private set; } = new();
    public TrayResult? Result { get; private set; }
    public TrayCatalog Catalog { get; private set; } = null!;
    public string Lang => Texts.Language(CultureInfo.CurrentUICulture);
    public int PageNumber { get; private set; }
    public const int PageSize = 20;

    public async Task OnGetAsync(string? q, string? municipality, string? postalCode, string? targetGroup, string? serviceClass, string? channelType,
        bool free, bool accessible, bool openNow, int page, CancellationToken ct)
    {
        PageNumber = Math.Max(1, page);
        var index = await search.IndexAsync(ct);
        Catalog = index.Catalog;
        Query = new TrayQuery
        {
            Text = Clip(q, 200), Language = Lang, Municipality = Clip(municipality, 3), PostalCode = Clip(postalCode, 5), TargetGroup = Clip(targetGroup, 20),
            ServiceClass = Clip(serviceClass, 20), ChannelType = Clip(channelType, 20), FreeOnly = free, AccessibleOnly = accessible, OpenNow = openNow,
            Skip = (PageNumber - 1) * PageSize, Take = PageSize,
        };
        var asked = Query.Text is not null || Query.Municipality is not null || Query.PostalCode is not null || Query.TargetGroup is not null
            || Query.ServiceClass is not null || Query.ChannelType is not null || free || accessible || openNow;
        if (asked) Result = index.Search(Query, search.LocalNow);
        if (Result is not null && PageNumber == 1) usage.Searched(Query.Text, Result.Total);
    }

    private static string? Clip(string? s, int max) => string.IsNullOrWhiteSpace(s) ? null : s.Trim() is var t && t.Length > max ? t[..max] : s.Trim();

    public string Name(LocalisedText t) => t.Get(Lang);

    public IEnumerable<(string Code, string Name)> Options(IReadOnlyDictionary<string, LocalisedText> codes) =>
        codes.Select(kv => (kv.Key, kv.Value.IsEmpty ? kv.Key : kv.Value.Get(Lang))).OrderBy(x => x.Item2, StringComparer.Create(CultureInfo.CurrentUICulture, false));

    public string PageUrl(int page)
    {
        var q = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Request.QueryString.Value).ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        q["page"] = page.ToString(CultureInfo.InvariantCulture);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/palvelut", q);
    }
}

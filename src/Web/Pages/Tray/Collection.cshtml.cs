using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Localisation;
using Tilannekuva.ServiceTray.Collections;
using Tilannekuva.ServiceTray.Search;

namespace Tilannekuva.Web.Pages.Tray;

/// <summary>A curated collection for residents (/palvelut/kokoelmat/{slug}). No sign-in, no cookies.</summary>
[AllowAnonymous]
public sealed class CollectionModel(Collections collections, TraySearch search) : PageModel
{
    public string Lang => Texts.Language(CultureInfo.CurrentUICulture);
    public TrayCollection Collection { get; private set; } = null!;
    public IReadOnlyList<TrayItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await collections.FindAsync(slug, ct) is not { } c) return NotFound();
        Collection = c;
        var catalog = (await search.IndexAsync(ct)).Catalog;
        Items = c.ServiceIds.Select(catalog.Find).OfType<TrayItem>().ToList(); // a retired service drops out
        return Page();
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Localisation;
using Tilannekuva.ServiceTray.Domain;
using Tilannekuva.ServiceTray.Search;

namespace Tilannekuva.Web.Pages.Tray;

/// <summary>One service in plain words (/palvelut/{id}): what, for whom, where, when, how to get there, how to contact; print and share.</summary>
[AllowAnonymous]
public sealed class ServiceModel(TraySearch search, Tilannekuva.ServiceTray.Usage.UsageCounter usage) : PageModel
{
    public TrayItem Item { get; private set; } = null!;
    public string Lang => Texts.Language(CultureInfo.CurrentUICulture);
    public bool OpenNow { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var index = await search.IndexAsync(ct);
        if (index.Catalog.Find(id) is not { } item) return NotFound();
        Item = item;
        OpenNow = item.Channels.Any(c => OpeningRule.IsOpen(c.Hours, search.LocalNow));
        usage.Viewed(item.Service.TargetGroups.Select(t => t.Code));
        return Page();
    }

    public string T(LocalisedText t) => t.Get(Lang);

    /// <summary>The page's own address in this language, for sharing.</summary>
    public string ShareUrl => $"{Request.Scheme}://{Request.Host}/palvelut/{Item.Id}?culture={Lang}";

    /// <summary>"ma–pe 8.00–16.00" in the reader's language.</summary>
    public string Period(OpeningPeriod p)
    {
        var culture = CultureInfo.CurrentUICulture;
        string Day(DayOfWeek d) => culture.DateTimeFormat.GetAbbreviatedDayName(d);
        var days = p.DayTo is { } to && to != p.DayFrom ? $"{Day(p.DayFrom)}–{Day(to)}" : Day(p.DayFrom);
        if (p.WholeDay) return $"{days} {Texts.Get("Tray.Service.AllDay")}";
        var format = Lang == "en" ? "HH:mm" : "H.mm";
        return $"{days} {p.From.ToString(format, CultureInfo.InvariantCulture)}–{p.To.ToString(format, CultureInfo.InvariantCulture)}";
    }

    /// <summary>A route-planner link from the address (the resident's own map app or the web map opens it).</summary>
    public static string MapUrl(Address a, string lang) =>
        a.Latitude is { } lat && a.Longitude is { } lon
            ? $"https://www.openstreetmap.org/?mlat={lat.ToString("0.00000", CultureInfo.InvariantCulture)}&mlon={lon.ToString("0.00000", CultureInfo.InvariantCulture)}#map=16/{lat.ToString("0.00000", CultureInfo.InvariantCulture)}/{lon.ToString("0.00000", CultureInfo.InvariantCulture)}"
            : $"https://www.openstreetmap.org/search?query={Uri.EscapeDataString($"{a.StreetLine(lang)}, {a.PostalCode} {a.PostOffice.Get(lang)}")}";
}

using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Access;
using Tilannekuva.Localisation;
using Tilannekuva.ServiceTray.Collections;
using Tilannekuva.ServiceTray.Search;
using Tilannekuva.ServiceTray.Storage;
using Tilannekuva.ServiceTray.Usage;

namespace Tilannekuva.Web.Pages.Tray;

/// <summary>
/// The service editor's page (/palvelut/toimitus): the curated collections (create, change, delete) and the tray's
/// use over the last 30 days (searches, searches that found nothing with their words, views by target group, referrals).
/// </summary>
[Authorize(Roles = Roles.TrayEditors)]
public sealed class EditorModel(Collections collections, TraySearch search, ServiceTrayDbContext db, UsageCounter usage, ITrayIndicators indicators) : PageModel
{
    public string Lang => Texts.Language(CultureInfo.CurrentUICulture);
    public List<TrayCollection> All { get; private set; } = [];
    public TrayCatalog Catalog { get; private set; } = null!;
    public List<string> Errors { get; } = [];
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public int Searches { get; private set; }
    public List<(string Words, int Count)> Gaps { get; private set; } = [];
    public List<TrayIndicatorValue> ViewsByGroup { get; private set; } = [];
    public List<TrayIndicatorValue> Referrals { get; private set; } = [];
    public List<TrayIndicatorValue> Arrived { get; private set; } = [];

    [BindProperty] public TrayCollection Edit { get; set; } = new();
    [BindProperty] public string? ServiceList { get; set; }

    public async Task OnGetAsync(long? edit, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (edit is { } id && All.FirstOrDefault(c => c.Id == id) is { } c)
        {
            Edit = c;
            ServiceList = string.Join(", ", c.ServiceIds);
        }
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        Edit.Slug = (Edit.Slug ?? "").Trim().ToLowerInvariant();
        Edit.NameSv ??= ""; Edit.NameEn ??= ""; Edit.DescriptionFi ??= ""; Edit.DescriptionSv ??= ""; Edit.DescriptionEn ??= "";
        var catalog = (await search.IndexAsync(ct)).Catalog;
        var ids = new List<long>();
        foreach (var part in (ServiceList ?? "").Split([',', ' ', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (long.TryParse(part.Trim().TrimEnd('/').Split('/')[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && catalog.Find(id) is not null) ids.Add(id);
            else Errors.Add(Texts.Format("TrayWork.Collection.Error.Service", CultureInfo.CurrentUICulture, part));
        }
        Edit.ServiceIds = ids;
        Errors.AddRange((await collections.ValidateAsync(Edit, ct)).Select(k => Texts.Get(k)));
        if (Errors.Count > 0)
        {
            await LoadAsync(ct);
            return Page();
        }
        var saved = await collections.SaveAsync(Edit, User.Identity?.Name ?? "", ct);
        return Redirect($"/palvelut/toimitus?edit={saved.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        await collections.DeleteAsync(id, User.Identity?.Name ?? "", ct);
        return Redirect("/palvelut/toimitus");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        All = await collections.AllAsync(ct);
        Catalog = (await search.IndexAsync(ct)).Catalog;
        To = usage.Today;
        From = To.AddDays(-29);
        await usage.FlushAsync(db, ct);
        Searches = (int)((await indicators.ComputeAsync(TrayIndicators.Searches, From, To, "", ct)).FirstOrDefault()?.Value ?? 0);
        var rows = await db.UsageDays.AsNoTracking().Where(u => u.Kind == UsageKind.NoResult && u.Day >= From && u.Day <= To).ToListAsync(ct);
        Gaps = rows.GroupBy(r => r.Key).Select(g => (g.Key, g.Sum(r => r.Count))).OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).Take(30).ToList();
        ViewsByGroup = (await indicators.ComputeAsync(TrayIndicators.Views, From, To, "targetGroup", ct)).ToList();
        Referrals = (await indicators.ComputeAsync(TrayIndicators.ReferralsMade, From, To, "service", ct)).ToList();
        Arrived = (await indicators.ComputeAsync(TrayIndicators.ShareArrived, From, To, "service", ct)).ToList();
    }

    public string GroupName(string code) => Catalog.TargetGroups.TryGetValue(code, out var n) && !n.IsEmpty ? n.Get(Lang) : code;

    public string ServiceName(string id) => long.TryParse(id, CultureInfo.InvariantCulture, out var n) && Catalog.Find(n) is { } item ? item.Service.Name.Get(Lang) : id;
}

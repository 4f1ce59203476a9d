using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.Localisation;
using Tilannekuva.ServiceTray.Referrals;
using Tilannekuva.ServiceTray.Search;

namespace Tilannekuva.Web.Pages.Tray;

/// <summary>
/// A professional gives a wellbeing referral (/palvelut/lahete/uusi): finds services, ticks them, picks the client's
/// target group and how to give it (paper, SMS, e-mail). The phone number or address is sent to and forgotten.
/// </summary>
[Authorize(Roles = Roles.ReferralGivers)]
public sealed class ReferralNewModel(TraySearch search, Referrals referrals, Accounts accounts) : PageModel
{
    public string Lang => Texts.Language(CultureInfo.CurrentUICulture);
    public string? Words { get; private set; }
    public IReadOnlyList<TrayItem> Found { get; private set; } = [];
    public TrayCatalog Catalog { get; private set; } = null!;
    public List<string> Errors { get; } = [];

    [BindProperty] public List<long> Services { get; set; } = [];
    [BindProperty] public string? TargetGroup { get; set; }
    [BindProperty] public ReferralChannel Channel { get; set; } = ReferralChannel.Paper;
    [BindProperty] public string? Contact { get; set; }
    [BindProperty] public string? Language { get; set; }

    public async Task OnGetAsync(string? q, CancellationToken ct) => await LoadAsync(q, ct);

    public async Task<IActionResult> OnPostAsync(string? q, CancellationToken ct)
    {
        var index = await search.IndexAsync(ct);
        var known = Services.Where(id => index.Catalog.Find(id) is not null).ToList();
        var unit = (await accounts.FindAsync(User.Identity?.Name ?? "", ct))?.UnitIds.FirstOrDefault() ?? "";
        if (TargetGroup is not null && !index.Catalog.TargetGroups.ContainsKey(TargetGroup)) TargetGroup = null;
        try
        {
            var referral = await referrals.CreateAsync(new ReferralRequest(known, TargetGroup ?? "", unit, Channel, Contact, Language ?? Lang),
                $"{Request.Scheme}://{Request.Host}", ct);
            Contact = null;
            return Redirect($"/palvelut/lahete/{referral.Code}?culture={referral.Language}&given={referral.Channel}");
        }
        catch (ReferralException e)
        {
            Errors.AddRange(e.Errors);
            Contact = null; // not echoed back either: typed again
            await LoadAsync(q, ct);
            return Page();
        }
    }

    private async Task LoadAsync(string? q, CancellationToken ct)
    {
        var index = await search.IndexAsync(ct);
        Catalog = index.Catalog;
        Words = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(200, q.Trim().Length)];
        var chosen = Services.Select(index.Catalog.Find).OfType<TrayItem>();
        var hits = Words is null ? [] : index.Search(new TrayQuery { Text = Words, Language = Lang, Take = 20 }, search.LocalNow).Hits.Select(h => h.Item);
        Found = chosen.Concat(hits).DistinctBy(i => i.Id).ToList();
    }

    public IEnumerable<(string Code, string Name)> TargetGroups =>
        Catalog.TargetGroups.Select(kv => (kv.Key, kv.Value.IsEmpty ? kv.Key : kv.Value.Get(Lang))).OrderBy(x => x.Item2, StringComparer.Create(CultureInfo.CurrentUICulture, false));
}

using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Localisation;
using Tilannekuva.ServiceTray.Referrals;
using Tilannekuva.ServiceTray.Search;

namespace Tilannekuva.Web.Pages.Tray;

/// <summary>The resident's referral (/palvelut/lahete/{code}): the code and the services with their details; printable. No sign-in.</summary>
[AllowAnonymous]
public sealed class ReferralShowModel(Referrals referrals, TraySearch search) : PageModel
{
    public string Lang => Texts.Language(CultureInfo.CurrentUICulture);
    public TrayReferral Referral { get; private set; } = null!;
    public IReadOnlyList<TrayItem> Items { get; private set; } = [];
    public string? Given { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string? given, CancellationToken ct)
    {
        if (await referrals.FindAsync(code, ct) is not { } referral) return NotFound();
        Referral = referral;
        var catalog = (await search.IndexAsync(ct)).Catalog;
        Items = referral.Services.Select(s => catalog.Find(s.ServiceId)).OfType<TrayItem>().ToList();
        Given = given is "Paper" or "Sms" or "Email" ? given : null;
        return Page();
    }

    /// <summary>"ABCD-EFGH": easier to read aloud and copy.</summary>
    public string Spaced => $"{Referral.Code[..4]}-{Referral.Code[4..]}";
}

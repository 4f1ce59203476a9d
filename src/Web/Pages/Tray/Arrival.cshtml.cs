using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.Localisation;
using Tilannekuva.ServiceTray.Referrals;
using Tilannekuva.ServiceTray.Search;

namespace Tilannekuva.Web.Pages.Tray;

/// <summary>The receiving service enters the client's code and marks the referral arrived (/palvelut/vastaanotto).</summary>
[Authorize(Roles = Roles.ReferralGivers)]
public sealed class ArrivalModel(Referrals referrals, TraySearch search) : PageModel
{
    public string Lang => Texts.Language(CultureInfo.CurrentUICulture);
    public string? Code { get; private set; }
    public TrayReferral? Referral { get; private set; }
    public TrayCatalog Catalog { get; private set; } = null!;
    public bool NotFoundCode { get; private set; }
    public bool Marked { get; private set; }

    public async Task OnGetAsync(string? code, bool marked, CancellationToken ct)
    {
        Catalog = (await search.IndexAsync(ct)).Catalog;
        Code = Referrals.NormaliseCode(code);
        Marked = marked;
        if (Code.Length == 0) return;
        Referral = await referrals.FindAsync(Code, ct);
        NotFoundCode = Referral is null;
    }

    public async Task<IActionResult> OnPostAsync(string code, long serviceId, CancellationToken ct)
    {
        var ok = await referrals.MarkArrivedAsync(code, serviceId, ct);
        return Redirect($"/palvelut/vastaanotto?code={Uri.EscapeDataString(Referrals.NormaliseCode(code))}&marked={ok.ToString().ToLowerInvariant()}");
    }
}

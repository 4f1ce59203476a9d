using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;

namespace Tilannekuva.Web.Pages.Account;

public sealed class LogoutModel(Accounts accounts, Tilannekuva.Web.Auth.Oidc.OidcSettings oidc) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Account/Login");

    /// <summary>Ends this session and, through the security stamp, every other session and the API token of the account.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.Name is { } name) await accounts.SignOutEverywhereAsync(name, ct);
        // A session from the county's identity provider also ends there (its end-session endpoint), then comes back here.
        if (oidc is { Enabled: true, SignOutAtProvider: true } && User.HasClaim(Tilannekuva.Web.Auth.Oidc.CountySignIn.ExternalClaim, "1"))
            return SignOut(new AuthenticationProperties { RedirectUri = "/account/login" },
                CookieAuthenticationDefaults.AuthenticationScheme, Tilannekuva.Web.Auth.Oidc.OidcSettings.Scheme);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage("/Account/Login");
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Web.Auth.Oidc;

namespace Tilannekuva.Web.Pages.Account;

/// <summary>"Sign in with the county's provider": sends the browser to the identity provider (code flow with PKCE).</summary>
public sealed class ExternalModel(OidcSettings oidc) : PageModel
{
    public IActionResult OnGet(string? returnUrl) => oidc.Enabled
        ? Challenge(new AuthenticationProperties { RedirectUri = returnUrl is { } r && CountySignIn.IsLocal(r) ? r : "/" }, OidcSettings.Scheme)
        : NotFound();
}

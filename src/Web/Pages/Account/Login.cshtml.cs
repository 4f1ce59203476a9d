using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.Web.Auth;
using Tilannekuva.Web.Auth.Oidc;

namespace Tilannekuva.Web.Pages.Account;

public sealed class LoginModel(Accounts accounts, SignInThrottle throttle, OidcSettings oidc, LocalSignIn local) : PageModel
{
    /// <summary>The county identity provider's name for the button, when one is configured.</summary>
    public string? CountyProvider => oidc.Enabled ? (oidc.ProviderName is { Length: > 0 } n ? n : oidc.Authority) : null;
    public bool LocalEnabled => local.Enabled;

    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }
    /// <summary>Seconds (or, when locked, minutes) to wait, for the throttling texts.</summary>
    public long Wait { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        UserName = (UserName ?? "").Trim();
        if (!local.Enabled)
        {
            // Password sign-in is off (Security:LocalSignIn=false): refused before any account is looked at.
            Error = "Oidc.LocalOffRefused";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        var (wait, locked) = throttle.Check(UserName, address);
        if (wait > TimeSpan.Zero)
        {
            // Too early: refused without looking at the password, so parallel guessing gains nothing.
            (Error, Wait) = locked ? ("Security.SignInLocked", (long)Math.Ceiling(wait.TotalMinutes)) : ("Security.SignInWait", (long)Math.Ceiling(wait.TotalSeconds));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var (outcome, user) = await accounts.CheckPasswordAsync(UserName, Password ?? "", ct);
        if (outcome == SignInOutcome.Failed || user is null)
        {
            if (throttle.Failed(UserName, address)) await accounts.RecordLockAsync(UserName, address, ct);
            Error = "Account.SignInFailed";
            return Page();
        }
        throttle.Succeeded(UserName);
        var principal = SignedInUser.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme);
        if (outcome == SignInOutcome.MustChangePassword)
        {
            // Signed in only to choose a password: the default policy refuses every other page.
            ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new(SignedInUser.PasswordChangeClaim, "1"));
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
            return RedirectToPage("/Account/ChangePassword", new { ReturnUrl });
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}

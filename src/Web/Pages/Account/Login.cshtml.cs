using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Pages.Account;

public sealed class LoginModel(Accounts accounts) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (outcome, user) = await accounts.CheckPasswordAsync(UserName, Password, ct);
        if (outcome == SignInOutcome.Failed || user is null)
        {
            Error = "Account.SignInFailed";
            return Page();
        }
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

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Pages.Account;

public sealed class ChangePasswordModel(Accounts accounts) : PageModel
{
    [BindProperty] public string CurrentPassword { get; set; } = "";
    [BindProperty] public string NewPassword { get; set; } = "";
    [BindProperty] public string Repeat { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }
    public bool MustChange => User.HasClaim(SignedInUser.PasswordChangeClaim, "1");

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : RedirectToPage("/Account/Login");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return RedirectToPage("/Account/Login");
        // An identity-provider account has no password here; its password lives at the provider.
        if (User.HasClaim(Tilannekuva.Web.Auth.Oidc.CountySignIn.ExternalClaim, "1")) { Error = "Oidc.NoPasswordForExternal"; return Page(); }
        if (NewPassword != Repeat) { Error = "Account.PasswordsDiffer"; return Page(); }
        Error = await accounts.ChangePasswordAsync(User.Identity.Name!, CurrentPassword ?? "", NewPassword ?? "", ct);
        if (Error is not null) return Page();
        // The change renewed the security stamp (every other session ended); this one continues with a new cookie.
        var user = (await accounts.FindAsync(User.Identity.Name!, ct))!;
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SignedInUser.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}

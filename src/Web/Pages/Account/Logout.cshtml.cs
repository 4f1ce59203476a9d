using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;

namespace Tilannekuva.Web.Pages.Account;

public sealed class LogoutModel(Accounts accounts) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Account/Login");

    /// <summary>Ends this session and, through the security stamp, every other session and the API token of the account.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.Name is { } name) await accounts.SignOutEverywhereAsync(name, ct);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage("/Account/Login");
    }
}

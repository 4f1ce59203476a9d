using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Tilannekuva.Access;

namespace Tilannekuva.Web.Auth;

/// <summary>
/// Checks every request's session cookie against the account as it is now: a cookie whose security stamp differs
/// (role or units changed, password changed or reset, account disabled, signed out elsewhere) is refused and
/// removed, so the browser is sent to the sign-in page on its very next request.
/// </summary>
public static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var stamp = context.Principal?.FindFirst(SignedInUser.StampClaim)?.Value;
        var accounts = context.HttpContext.RequestServices.GetRequiredService<Accounts>();
        if (name is null || await accounts.CurrentSessionAsync(name, stamp, context.HttpContext.RequestAborted) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}

using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Tilannekuva.Access;

namespace Tilannekuva.Web.Auth;

/// <summary>
/// "Authorization: Bearer tk_…" with a personal API token. The API takes only this scheme, so a
/// browser's cookie can never be replayed against it (no cross-site request forgery on the API).
/// </summary>
public sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Accounts accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var user = await accounts.FindByApiTokenAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        return user is null
            ? AuthenticateResult.Fail("Unknown API token")
            : AuthenticateResult.Success(new AuthenticationTicket(SignedInUser.Principal(user, SchemeName), SchemeName));
    }
}

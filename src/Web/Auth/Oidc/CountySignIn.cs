using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Tilannekuva.Access;

namespace Tilannekuva.Web.Auth.Oidc;

/// <summary>
/// Sign-in through the county's identity provider: the authorization code flow with PKCE and a client secret, the id
/// token validated against the provider's published keys and issuer (ASP.NET Core's OpenID Connect handler). What the
/// token says is turned at once into the local account (<see cref="Accounts.SignInExternalAsync"/>): the session cookie
/// carries the same claims and security stamp as a password sign-in, so SessionValidation ends it the same way.
/// </summary>
public static class CountySignIn
{
    /// <summary>Marks a session that came from the identity provider (signing out then also signs out there).</summary>
    public const string ExternalClaim = "tilannekuva:external";

    public const string RefusedPath = "/account/refused";

    public static AuthenticationBuilder AddCountySignIn(this AuthenticationBuilder auth, OidcSettings settings)
    {
        if (!settings.Enabled) return auth;
        return auth.AddOpenIdConnect(OidcSettings.Scheme, settings.ProviderName, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.SignOutScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.Scope.Clear();
            foreach (var scope in ("openid " + settings.Scopes).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal))
                o.Scope.Add(scope);
            // Claims as the provider names them ("sub", "groups", "oid"), not re-mapped to long URIs.
            o.MapInboundClaims = false;
            // Everything needed is in the id token; no tokens are kept in the cookie.
            o.GetClaimsFromUserInfoEndpoint = false;
            o.SaveTokens = false;
            o.TokenValidationParameters.ValidateIssuer = true;
            o.TokenValidationParameters.ValidateAudience = true;
            o.TokenValidationParameters.ValidateIssuerSigningKey = true;
            o.TokenValidationParameters.RequireSignedTokens = true;
            o.TokenValidationParameters.NameClaimType = settings.UserNameClaim is { Length: > 0 } n ? n : settings.SubjectClaim;
            if (settings.AllowHttpOnLoopback)
            {
                // Test and development only (OidcSettings.Check allows it for loopback authorities only).
                o.RequireHttpsMetadata = false;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
            }
            o.Events.OnTokenResponseReceived = RequireSignedIdTokenAsync;
            o.Events.OnTokenValidated = context => TokenValidatedAsync(context, settings);
            o.Events.OnRemoteFailure = RemoteFailureAsync;
        });
    }

    /// <summary>The person as the provider vouched for them: subject, user name, and role and units from their groups.</summary>
    public static ExternalIdentity? IdentityOf(ClaimsPrincipal principal, OidcSettings settings)
    {
        if (principal.FindFirst(settings.SubjectClaim)?.Value is not { Length: > 0 } subject) return null;
        var groups = principal.FindAll(settings.GroupsClaim).Select(c => c.Value).ToList();
        var userName = settings.UserNameClaim is { Length: > 0 } claim ? principal.FindFirst(claim)?.Value : null;
        return new ExternalIdentity(subject, userName, settings.RoleOf(groups), settings.UnitsOf(groups));
    }

    /// <summary>
    /// ASP.NET Core accepts an unsigned id token from the token endpoint (the OpenID Connect spec lets a client trust the
    /// TLS connection instead). We do not: the id token must carry a valid signature by one of the provider's published
    /// keys, name the provider as its issuer and this client as its audience, whatever the connection.
    /// </summary>
    private static async Task RequireSignedIdTokenAsync(TokenResponseReceivedContext context)
    {
        var options = context.Options;
        var idToken = context.TokenEndpointResponse.IdToken;
        if (string.IsNullOrEmpty(idToken) || options.ConfigurationManager is null)
        {
            context.Fail("The token endpoint answered without an id token.");
            return;
        }
        var configuration = await options.ConfigurationManager.GetConfigurationAsync(context.HttpContext.RequestAborted);
        var parameters = options.TokenValidationParameters.Clone();
        parameters.RequireSignedTokens = true;
        parameters.ValidateIssuerSigningKey = true;
        parameters.ValidIssuer = configuration.Issuer;
        parameters.IssuerSigningKeys = configuration.SigningKeys;
        parameters.ValidAudience = options.ClientId;
        var result = await options.TokenHandler.ValidateTokenAsync(idToken, parameters);
        if (!result.IsValid) context.Fail(result.Exception ?? new Microsoft.IdentityModel.Tokens.SecurityTokenValidationException("The id token is not valid."));
    }

    private static async Task TokenValidatedAsync(TokenValidatedContext context, OidcSettings settings)
    {
        var log = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CountySignIn));
        if (context.Principal is null || IdentityOf(context.Principal, settings) is not { } identity)
        {
            log.LogWarning("Identity-provider sign-in refused: the id token has no {Claim} claim", settings.SubjectClaim);
            Refuse(context, "NoSubject");
            return;
        }
        var accounts = context.HttpContext.RequestServices.GetRequiredService<Accounts>();
        var (outcome, account) = await accounts.SignInExternalAsync(identity, context.HttpContext.RequestAborted);
        if (outcome != ExternalSignInOutcome.Ok || account is null)
        {
            // The subject is the provider's opaque id; no name or group list goes to the log.
            log.LogWarning("Identity-provider sign-in refused ({Outcome}) for subject {Subject}", outcome, identity.Subject);
            Refuse(context, outcome.ToString());
            return;
        }
        var principal = SignedInUser.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(ExternalClaim, "1"));
        context.Principal = principal;
        // Only a local path, as for the password sign-in.
        if (context.Properties is { RedirectUri: { } target } && !IsLocal(target)) context.Properties.RedirectUri = "/";
    }

    /// <summary>A token that fails validation (signature, issuer, audience, nonce, expiry), a denied consent or an error answer.</summary>
    private static Task RemoteFailureAsync(RemoteFailureContext context)
    {
        var log = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CountySignIn));
        log.LogWarning("Identity-provider sign-in failed: {Reason}", context.Failure?.GetType().Name + ": " + FirstLine(context.Failure?.Message));
        context.Response.Redirect(RefusedPath + "?reason=Failed");
        context.HandleResponse();
        return Task.CompletedTask;
    }

    private static void Refuse(TokenValidatedContext context, string reason)
    {
        context.Response.Redirect(RefusedPath + "?reason=" + Uri.EscapeDataString(reason));
        context.HandleResponse();
    }

    private static string FirstLine(string? message)
    {
        var line = (message ?? "").Split('\n')[0].Trim();
        return line.Length > 300 ? line[..300] : line;
    }

    public static bool IsLocal(string url) =>
        url.Length > 0 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);
}

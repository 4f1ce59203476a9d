using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Tilannekuva.TestSupport;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tilannekuva.Web.Tests.Oidc;

/// <summary>A synthetic person in the test provider's directory: the provider's subject id, user name and group ids.</summary>
public sealed record DirectoryPerson(string Subject, string UserName, IReadOnlyList<string> Groups);

/// <summary>
/// A real OpenID Connect provider for the tests, built with OpenIddict (server + EF Core store on a SQLite file) and
/// hosted on Kestrel at http://127.0.0.1:&lt;free port&gt;: discovery, JWKS, the authorization endpoint (code flow with
/// PKCE, answered by form_post), the token endpoint and the end-session endpoint. People sign in on its own /login form
/// with a user name from <see cref="People"/>; their groups are read at every authorization, so a change here shows at
/// their next sign-in. <see cref="TamperIdToken"/> lets a test change the id token on its way out of the token
/// endpoint, as a man in the middle or a broken provider would.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "tilannekuva";
    public const string ClientSecret = "test-client-secret-9f3a";
    private const string SessionScheme = "provider-session";

    private readonly SqliteFile _store = new("provider.db");
    private WebApplication? _app;

    /// <summary>The RSA key the provider signs id tokens with (published in its JWKS under <see cref="KeyId"/>).</summary>
    public RSA SigningKey { get; } = RSA.Create(2048);
    public string KeyId { get; } = "test-provider-key";

    public string Issuer { get; private set; } = "";

    /// <summary>The directory: user name → person. Tests add people and change their groups.</summary>
    public ConcurrentDictionary<string, DirectoryPerson> People { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, rewrites the id token the token endpoint answers with.</summary>
    public Func<string, string>? TamperIdToken { get; set; }

    private int _endSessions;
    /// <summary>How many times the end-session endpoint was reached.</summary>
    public int EndSessions => _endSessions;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "TestIdentityProvider", EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDbContext<ProviderDb>(o =>
        {
            o.UseSqlite(_store.ConnectionString);
            o.UseOpenIddict();
        });
        // Its own session cookie, named apart from the app's: cookies are shared between ports of one host.
        builder.Services.AddAuthentication(SessionScheme).AddCookie(SessionScheme, o =>
        {
            o.Cookie.Name = "provider.session";
            o.LoginPath = "/login";
        });
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile);
                o.AddSigningKey(new RsaSecurityKey(SigningKey) { KeyId = KeyId });
                o.AddEphemeralEncryptionKey();
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // Plain http on loopback, for the test only.
                    .DisableTransportSecurityRequirement();
                o.AddEventHandler<OpenIddictServerEvents.ApplyTokenResponseContext>(b => b.UseInlineHandler(context =>
                {
                    if (TamperIdToken is { } tamper && context.Response.IdToken is { } token) context.Response.IdToken = tamper(token);
                    return default;
                }).SetOrder(int.MinValue));
            });
        _app = builder.Build();
        _app.UseAuthentication();
        MapEndpoints(_app);
        using (var scope = _app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
        await _app.StartAsync();
        Issuer = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + "/";
    }

    /// <summary>Registers Tilannekuva as a confidential client with its callback addresses.</summary>
    public async Task RegisterClientAsync(string appBaseUrl)
    {
        using var scope = _app!.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await manager.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            RedirectUris = { new Uri(appBaseUrl + "/signin-oidc") },
            PostLogoutRedirectUris = { new Uri(appBaseUrl + "/signout-callback-oidc") },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code, Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    private void MapEndpoints(WebApplication app)
    {
        app.MapGet("/login", (string? returnUrl) => Results.Content(
            $"""
            <!DOCTYPE html><html lang="fi"><head><title>Test provider</title></head><body>
            <h1>Test identity provider</h1>
            <form method="post" action="/login">
            <label for="user">User</label><input id="user" name="user" />
            <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl ?? "/")}" />
            <button type="submit" id="provider-sign-in">Sign in</button>
            </form></body></html>
            """, "text/html; charset=utf-8"));

        app.MapPost("/login", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            var user = form["user"].ToString();
            var returnUrl = form["returnUrl"].ToString();
            if (!People.ContainsKey(user)) return Results.Content("<p id='unknown'>Unknown user</p>", "text/html", statusCode: 401);
            await http.SignInAsync(SessionScheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], SessionScheme)));
            return Results.Redirect(returnUrl.StartsWith('/') ? returnUrl : "/");
        });

        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], async (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            var session = await http.AuthenticateAsync(SessionScheme);
            if (!session.Succeeded || session.Principal.Identity?.Name is not { } name || !People.TryGetValue(name, out var person))
                return Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.AddClaim(new Claim(Claims.Subject, person.Subject));
            identity.AddClaim(new Claim(Claims.PreferredUsername, person.UserName));
            foreach (var group in person.Groups) identity.AddClaim(new Claim("groups", group));
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });

        app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], async (HttpContext http) =>
        {
            Interlocked.Increment(ref _endSessions);
            await http.SignOutAsync(SessionScheme);
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        SigningKey.Dispose();
        _store.Dispose();
    }

    /// <summary>The provider's store: OpenIddict's applications, authorizations, scopes and tokens.</summary>
    private sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
}

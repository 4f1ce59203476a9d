using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Access;

namespace Tilannekuva.Web.Tests.Oidc;

/// <summary>
/// The real app (SQLite, no demo, the admin with the known password) configured to sign in through
/// <see cref="TestIdentityProvider"/>, started first on its own port. Synthetic group ids map to roles and units.
/// </summary>
public class OidcApp : SqliteApp, IAsyncLifetime
{
    public const string DirectorsGroup = "8c1f2d3e-0000-4000-8000-00000000d1a0";
    public const string ViewersGroup = "8c1f2d3e-0000-4000-8000-00000000a1e0";
    public const string ManagersGroup = "8c1f2d3e-0000-4000-8000-00000000a9a0";
    public const string UnitGroup = "8c1f2d3e-0000-4000-8000-0000000017a1";
    public const string AdminsGroup = "8c1f2d3e-0000-4000-8000-00000000ad00";
    /// <summary>A group the configuration does not map (e.g. everyone in the county).</summary>
    public const string UnmappedGroup = "8c1f2d3e-0000-4000-8000-0000000000ff";
    public const string CountyName = "Testin hyvinvointialue";

    public TestIdentityProvider Provider { get; } = new();

    protected override bool Demo => false;

    protected virtual bool LocalSignIn => true;

    protected override string[] ExtraArgs =>
    [
        $"--Security:Oidc:Authority={Provider.Issuer}",
        $"--Security:Oidc:ClientId={TestIdentityProvider.ClientId}",
        $"--Security:Oidc:ClientSecret={TestIdentityProvider.ClientSecret}",
        $"--Security:Oidc:ProviderName={CountyName}",
        // Test only: the provider runs on plain http at 127.0.0.1.
        "--Security:Oidc:AllowHttpOnLoopback=true",
        $"--Security:Oidc:Roles:{DirectorsGroup}=Director",
        $"--Security:Oidc:Roles:{ViewersGroup}=Viewer",
        $"--Security:Oidc:Roles:{ManagersGroup}=Manager",
        $"--Security:Oidc:Roles:{AdminsGroup}=Admin",
        $"--Security:Oidc:Units:{UnitGroup}=U-EAST U-WEST",
        $"--Security:LocalSignIn={LocalSignIn}",
    ];

    public new async Task InitializeAsync()
    {
        await Provider.StartAsync();
        await base.InitializeAsync();
        await Provider.RegisterClientAsync(BaseUrl);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }

    public async Task<T> WithAccountsAsync<T>(Func<Accounts, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<Accounts>());
    }

    public async Task CreateLocalAccountAsync(string user, Role role)
    {
        using var scope = Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
        await accounts.CreateAsync(user, role);
        Assert.Null(await accounts.SetPasswordAsync(user, Password));
    }
}

/// <summary>The same with the password sign-in turned off (Security:LocalSignIn=false).</summary>
public sealed class OidcOnlyApp : OidcApp
{
    protected override bool LocalSignIn => false;
}

/// <summary>
/// A browser made of an HttpClient: one cookie jar for the app and the provider, redirects followed across both ports,
/// and the provider's form_post page submitted as a browser's script would.
/// </summary>
public sealed partial class HttpBrowser(OidcApp app)
{
    public CookieContainer Cookies { get; } = new();
    public HttpClient Client { get; private set; } = null!;

    public static HttpBrowser New(OidcApp app)
    {
        var b = new HttpBrowser(app);
        b.Client = new HttpClient(new HttpClientHandler { CookieContainer = b.Cookies, UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        return b;
    }

    /// <summary>The last response after following redirects and auto-posting forms, and the address it came from.</summary>
    public sealed record Landing(Uri Url, HttpStatusCode Status, string Body);

    /// <summary>"Sign in with the county's provider" from the app's sign-in page, as <paramref name="user"/> at the provider.</summary>
    public async Task<Landing> SignInAsync(string user, string returnUrl = "/")
    {
        var loginPage = await Client.GetStringAsync("/account/login");
        var link = CountyLink().Match(loginPage);
        Assert.True(link.Success, "The sign-in page has no identity-provider button.");
        var landing = await FollowAsync(new HttpRequestMessage(HttpMethod.Get, WebUtility.HtmlDecode(link.Groups[1].Value).Replace("returnUrl=%2F", "returnUrl=" + Uri.EscapeDataString(returnUrl))));
        if (landing.Url.AbsolutePath == "/login" && landing.Url.Authority == new Uri(app.Provider.Issuer).Authority)
        {
            var returnField = ReturnField().Match(landing.Body);
            Assert.True(returnField.Success);
            landing = await FollowAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(landing.Url, "/login"))
            {
                Content = TestApp.Form(("user", user), ("returnUrl", WebUtility.HtmlDecode(returnField.Groups[1].Value))),
            });
        }
        return landing;
    }

    /// <summary>Follows redirects (any host on this machine) and submits a self-posting form, until a page stays.</summary>
    public async Task<Landing> FollowAsync(HttpRequestMessage request)
    {
        for (var hops = 0; hops < 20; hops++)
        {
            var url = request.RequestUri!.IsAbsoluteUri ? request.RequestUri : new Uri(Client.BaseAddress!, request.RequestUri);
            request.RequestUri = url;
            using var response = await Client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                request = new HttpRequestMessage(HttpMethod.Get, location.IsAbsoluteUri ? location : new Uri(url, location));
                continue;
            }
            if (body.Contains("document.form.submit()", StringComparison.Ordinal) && AutoForm().Match(body) is { Success: true } form)
            {
                var fields = HiddenField().Matches(form.Groups[2].Value).Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value))).ToArray();
                request = new HttpRequestMessage(HttpMethod.Post, new Uri(WebUtility.HtmlDecode(form.Groups[1].Value))) { Content = TestApp.Form(fields) };
                continue;
            }
            return new Landing(url, response.StatusCode, body);
        }
        throw new InvalidOperationException("More than 20 redirects.");
    }

    /// <summary>The app's session cookie as a header, to replay it from another client later.</summary>
    public string AppCookieHeader() => Cookies.GetCookieHeader(new Uri(app.BaseUrl));

    [GeneratedRegex("id=\"county-sign-in\"[^>]*href=\"([^\"]+)\"")] private static partial Regex CountyLink();
    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")] private static partial Regex ReturnField();
    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"[^>]*>(.*?)</form>", RegexOptions.Singleline)] private static partial Regex AutoForm();
    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")] private static partial Regex HiddenField();
}

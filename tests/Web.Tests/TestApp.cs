using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Access;
using Tilannekuva.Programme.Storage;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Web.Tests;

/// <summary>
/// The real web app on Kestrel at http://127.0.0.1:&lt;free port&gt; over a fresh database: migrated,
/// accounts created as on a first run, the demo programme loaded, and (unless <see cref="KeepOneTimePasswords"/>)
/// every account given the known password <see cref="Password"/> so tests can sign in.
/// </summary>
public abstract partial class TestApp : IAsyncLifetime
{
    /// <summary>The password every account has after start-up (unless one-time passwords are kept).</summary>
    public const string Password = "testisalasana-123";

    private WebApplication? _app;

    /// <summary>The demo's "today"; the pages use the real date too, so this is the real date.</summary>
    public DateOnly Today { get; } = DateOnly.FromDateTime(DateTime.Today);

    public string BaseUrl { get; private set; } = "";

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>The one-time sign-ins the first run issued (user, role, password).</summary>
    public IReadOnlyList<(string User, Role Role, string Password)> OneTimeSignIns { get; private set; } = [];

    protected virtual bool Demo => true;

    /// <summary>Registrations after the app's own (a fixture replaces the clock here).</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    protected virtual bool KeepOneTimePasswords => false;

    /// <summary>Extra configuration arguments ("--Section:Key=value") for apps that need other settings.</summary>
    protected virtual string[] ExtraArgs => [];

    public abstract string ProviderName { get; }

    protected abstract Task<DatabaseOptions> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    public async Task InitializeAsync()
    {
        var db = await CreateDatabaseAsync();
        // Port 0: Kestrel picks a free port and reports it through the server addresses.
        _app = TilannekuvaWeb.Build(["--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.AspNetCore=Warning", .. ExtraArgs], db, "http://127.0.0.1:0", ConfigureServices);
        await Startup.MigrateAsync(_app.Services);
        OneTimeSignIns = await Startup.EnsureAccountsAsync(_app.Services, Demo);
        if (Demo) await Startup.LoadDemoAsync(_app.Services, Today);
        if (!KeepOneTimePasswords)
        {
            using var scope = _app.Services.CreateScope();
            var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
            foreach (var (user, _, _) in OneTimeSignIns)
                Assert.Null(await accounts.SetPasswordAsync(user, Password));
        }
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseUrl = address.TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await DropDatabaseAsync();
    }

    /// <summary>A client with its own cookie jar that does not follow redirects, so tests see them.</summary>
    public HttpClient NewClient(bool followRedirects = false) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = followRedirects })
        {
            BaseAddress = new Uri(BaseUrl),
        };

    /// <summary>Signs in through /account/login with the known password; the returned client carries the cookie.</summary>
    public async Task<HttpClient> SignInAsync(string user, string password = Password)
    {
        var client = NewClient();
        var response = await PostLoginAsync(client, user, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("/account/", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string user, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/account/login");
        return await client.PostAsync("/account/login", Form(("UserName", user), ("Password", password), ("__RequestVerificationToken", token)));
    }

    /// <summary>GETs a page with a form and returns the value of its __RequestVerificationToken field.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return AntiforgeryToken(await response.Content.ReadAsStringAsync());
    }

    public static string AntiforgeryToken(string html)
    {
        var m = TokenField().Match(html);
        Assert.True(m.Success, "The page has no __RequestVerificationToken field.");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>A client for /api/v1 with a freshly issued personal API token of the user.</summary>
    public async Task<HttpClient> ApiClientAsync(string user)
    {
        var client = NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiTokenAsync(user));
        return client;
    }

    public async Task<string> ApiTokenAsync(string user)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Accounts>().IssueApiTokenAsync(user);
    }

    /// <summary>Runs a query on a fresh programme context (not the app's request scope).</summary>
    public async Task<T> QueryAsync<T>(Func<ProgrammeDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProgrammeDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await query(db);
    }

    public override string ToString() => ProviderName;

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

/// <summary>The app over a fresh SQLite file.</summary>
public class SqliteApp : TestApp
{
    private SqliteFile? _file;

    public override string ProviderName => "SQLite";

    protected override Task<DatabaseOptions> CreateDatabaseAsync()
    {
        _file = new SqliteFile();
        return Task.FromResult(_file.Options);
    }

    protected override Task DropDatabaseAsync()
    {
        _file?.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The app over a fresh PostgreSQL database on the test server (TILANNEKUVA_TEST_PG).</summary>
public sealed class PostgresApp : TestApp
{
    private PostgresServer? _db;

    public override string ProviderName => "PostgreSQL";

    protected override async Task<DatabaseOptions> CreateDatabaseAsync()
    {
        _db = await PostgresServer.CreateDatabaseAsync("tk_web");
        return _db.Options;
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_db is not null) await _db.DisposeAsync();
    }
}

/// <summary>A first run with no demo: only the admin exists, with the one-time password the console would print.</summary>
public sealed class FirstRunApp : SqliteApp
{
    protected override bool Demo => false;

    protected override bool KeepOneTimePasswords => true;
}

/// <summary>An empty store with only the admin (known password): for tests that add programmes of their own.</summary>
public sealed class EmptyApp : SqliteApp
{
    protected override bool Demo => false;
}

[CollectionDefinition(Name)]
public sealed class SqliteAppCollection : ICollectionFixture<SqliteApp>
{
    public const string Name = "web app on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresAppCollection : ICollectionFixture<PostgresApp>
{
    public const string Name = "web app on PostgreSQL";
}

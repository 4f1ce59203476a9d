using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Feedback.Demo;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Links;
using Tilannekuva.Feedback.Questionnaires;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Operations.Tests;

/// <summary>A store of either kind, fresh, dropped on dispose.</summary>
public sealed class Store : IAsyncDisposable
{
    private readonly SqliteFile? _file;
    private readonly PostgresServer? _pg;

    private Store(SqliteFile? file, PostgresServer? pg) => (_file, _pg) = (file, pg);

    public static async Task<Store> CreateAsync(string provider) =>
        provider == "sqlite" ? new Store(new SqliteFile(), null) : new Store(null, await PostgresServer.CreateDatabaseAsync("tk_ops"));

    public DatabaseOptions Options => _file?.Options ?? _pg!.Options;

    public string ConnectionString => _file?.ConnectionString ?? _pg!.ConnectionString;

    /// <summary>A folder beside the store for backups and files (deleted with a SQLite store; a temp folder otherwise).</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory("tk-ops-").FullName;

    public async ValueTask DisposeAsync()
    {
        _file?.Dispose();
        if (_pg is not null) await _pg.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The real app (the same build as `serve`) on a free loopback port over <paramref name="db"/>.</summary>
public sealed class OpsApp : IAsyncDisposable
{
    private OpsApp(WebApplication app, string baseUrl) => (App, BaseUrl) = (app, baseUrl);

    public WebApplication App { get; }
    public string BaseUrl { get; }
    public IServiceProvider Services => App.Services;

    public static Task<OpsApp> StartAsync(DatabaseOptions db, bool migrate = true, bool feedbackDemo = false, params string[] config) =>
        StartAsync(db, null, migrate, feedbackDemo, config);

    /// <summary>As above, with services added (test jobs on the scheduler).</summary>
    public static async Task<OpsApp> StartAsync(DatabaseOptions db, Action<IServiceCollection>? configure, bool migrate = true, bool feedbackDemo = false, params string[] config)
    {
        var app = TilannekuvaWeb.Build(["--Logging:LogLevel:Default=Warning", .. config], db, "http://127.0.0.1:0", configure);
        if (migrate) await Startup.MigrateAsync(app.Services);
        if (feedbackDemo)
            using (var scope = app.Services.CreateScope())
                await FeedbackDemo.LoadAsync(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>(), scope.ServiceProvider.GetRequiredService<QuestionnaireComposer>(),
                    DateOnly.FromDateTime(DateTime.Today), 20);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new OpsApp(app, address.TrimEnd('/'));
    }

    public HttpClient Client() => new() { BaseAddress = new Uri(BaseUrl) };

    /// <summary>A signed feedback link of the demo's service point.</summary>
    public string FeedbackToken() =>
        Services.GetRequiredService<LinkSigner>().Sign(new FeedbackLink(FeedbackDemo.Provider, "KAJ-TK", "VO", Channel.Qr, null, Audience.Adult, FeedbackLink.NewLinkId()));

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}

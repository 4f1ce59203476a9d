using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Access;
using Tilannekuva.Feedback.Demo;
using Tilannekuva.Feedback.Questionnaires;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Guidance.Demo;
using Tilannekuva.Guidance.Storage;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Guidance.Tests;

/// <summary>
/// The real application (TilannekuvaWeb.Build, as `serve`) on a free loopback port with a SQLite file: accounts as on a demo first run
/// (all with <see cref="Password"/>), the feedback catalogue (service points) and the guidance demo (the advisor "neuvoja" in every team).
/// </summary>
public class GuidanceApp : IAsyncLifetime
{
    public const string Password = "testisalasana-123";
    private readonly SqliteFile _file = new();
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";
    public IServiceProvider Services => _app!.Services;
    public DatabaseOptions Database => _file.Options;
    /// <summary>Loads the service tray's demo catalogue too (the bot's second source).</summary>
    protected virtual bool WithTray => false;

    public async Task InitializeAsync()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _app = TilannekuvaWeb.Build(["--Logging:LogLevel:Default=Warning", $"--Feedback:DataFolder={_file.Folder}"], _file.Options, BaseUrl);
        await Startup.MigrateAsync(_app.Services, backupBeforeMigrate: false);
        var signIns = await Startup.EnsureAccountsAsync(_app.Services, demo: true);
        using (var scope = _app.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
            foreach (var (user, _, _) in signIns) Assert.Null(await accounts.SetPasswordAsync(user, Password));
            await FeedbackDemo.LoadAsync(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>(), scope.ServiceProvider.GetRequiredService<QuestionnaireComposer>(),
                DateOnly.FromDateTime(DateTime.Today), 0);
            await GuidanceDemo.LoadIfEmptyAsync(scope.ServiceProvider.GetRequiredService<GuidanceDbContext>(), [Startup.DemoAdvisor]);
            if (WithTray)
                await scope.ServiceProvider.GetRequiredService<Tilannekuva.ServiceTray.Import.TrayImporter>().StoreAsync(Tilannekuva.ServiceTray.Demo.TrayDemo.Snapshot(), default);
        }
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _file.Dispose();
    }

    public static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}

/// <summary>The application with the service tray's demo catalogue as well.</summary>
public sealed class GuidanceTrayApp : GuidanceApp
{
    protected override bool WithTray => true;
}

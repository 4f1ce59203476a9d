using Tilannekuva.Localisation;
using Tilannekuva.Storage;

namespace Tilannekuva.Web.Hosting;

public static class WebRunner
{
    /// <summary>Migrates, creates first sign-ins (printing them once), loads the demo when asked, and serves.</summary>
    public static async Task RunAsync(string[] args, bool demo, DatabaseOptions? database = null, string? url = null)
    {
        // The demo configures the synthetic region's pseudonym key (unless one is set), so that its upload page works.
        if (demo && Environment.GetEnvironmentVariable(Tilannekuva.Indicators.Ingest.Pseudonymiser.EnvironmentVariable) is null
            && !args.Any(a => a.Contains(Tilannekuva.Indicators.Ingest.Pseudonymiser.ConfigurationKey, StringComparison.Ordinal)))
            args = [.. args, $"--{Tilannekuva.Indicators.Ingest.Pseudonymiser.ConfigurationKey}={Tilannekuva.Indicators.Synthetic.DemoRegionLoader.DemoPseudonymKey}"];
        var app = TilannekuvaWeb.Build(args, database, url);
        await Startup.MigrateAsync(app.Services);
        var signIns = await Startup.EnsureAccountsAsync(app.Services, demo);
        if (demo) await Startup.LoadDemoAsync(app.Services, DateOnly.FromDateTime(DateTime.Today));
        // Three synthetic counties side by side on /comparison (on a store without compared counties).
        if (demo) await Startup.LoadComparisonDemoAsync(app.Services, DateOnly.FromDateTime(DateTime.Today));
        var board = demo ? await Startup.EnsureDemoBoardAsync(app.Services) : null;
        await app.StartAsync();
        // What an import left pending before a crash is recomputed now, in the background: pages say
        // "figures being updated" until it is done.
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<Tilannekuva.Indicators.IndicatorsService>().CompletePendingAsync(app.Lifetime.ApplicationStopping);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                app.Logger.LogError(e, "Recomputing the pending indicator windows failed; they stay pending");
            }
        });
        var db = app.Services.GetRequiredService<DatabaseOptions>();
        Console.WriteLine($"Tilannekuva: {string.Join(", ", app.Urls)}  ({db.Provider})");
        if (signIns.Count > 0)
        {
            Console.WriteLine(Texts.Get("Startup.OneTimeSignIns"));
            foreach (var (user, role, password) in signIns)
                Console.WriteLine($"  {user,-16} {role,-9} {password}");
        }
        if (board is { } b)
            Console.WriteLine(Texts.Format("Startup.DemoBoard", null, $"{app.Urls.First()}/boards/{b.Id}/screen?token={b.Token}"));
        await app.WaitForShutdownAsync();
    }
}

using System.CommandLine;
using System.Diagnostics;
using Tilannekuva.ServiceTray.Demo;
using Tilannekuva.ServiceTray.Import;
using Tilannekuva.ServiceTray.Search;
using Tilannekuva.Storage;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Cli;

/// <summary>
/// bench tray: generates N services (the demo tray copied under new ids), imports them into a fresh store
/// (SQLite in a temporary folder, or --db), builds the search index and runs a fixed mix of resident queries
/// (words, inflected words and compounds, typos, filters, postal code, open now, words-free browsing) through
/// the web app's search service. Prints import and index time, search p50/p95/max and the machine's load.
/// </summary>
public static class TrayBench
{
    /// <summary>The fixed mix: every query is run in turn.</summary>
    internal static readonly TrayQuery[] Mix =
    [
        new() { Text = "omaishoitajille" },
        new() { Text = "ikääntyneiden liikuntaryhmät", PostalCode = "87100" },
        new() { Text = "omaishiotajille" },                                   // typo
        new() { Text = "vesijumppa", Municipality = "765" },
        new() { Text = "perhekerho", TargetGroup = "KR1.1" },
        new() { Text = "mielenterveys", FreeOnly = true },
        new() { Text = "tasapaino", PostalCode = "88600", OpenNow = true },
        new() { Text = "nuorten liikunta", AccessibleOnly = true },
        new() { Text = "kuntosli" },                                          // typo
        new() { Text = "balance", Language = "en" },
        new() { Text = "närståendevård", Language = "sv" },
        new() { ServiceClass = "P27.1", PostalCode = "87100" },               // browsing without words
        new() { TargetGroup = "KR1.2", OpenNow = true },
        new() { Text = "liikunta", ChannelType = "ServiceLocation", Municipality = "205" },
        new() { Text = "luontoliikunta hyvinvointilähete" },
        new() { Text = "muisti", Skip = 20 },
    ];

    public static Command Build()
    {
        var services = new Option<int>("--services") { Description = "Services to generate", DefaultValueFactory = _ => 20_000 };
        var searches = new Option<int>("--searches") { Description = "Searches to time", DefaultValueFactory = _ => 800 };
        var cmd = new Command("tray", "Service tray: import time, index time and search latency on generated services") { services, searches };
        cmd.SetAction(async (r, ct) => await RunAsync(r.GetValue(services), r.GetValue(searches), r.GetValue(CliApp.Db), ct));
        return cmd;
    }

    private static async Task<int> RunAsync(int count, int searches, string? db, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("tilannekuva-traybench-");
        try
        {
            var options = db is null ? DatabaseOptions.SqliteFile(Path.Combine(folder.FullName, "bench.db")) : DatabaseOptions.Resolve(null, db);
            await using var app = TilannekuvaWeb.Build(["--Logging:LogLevel:Default=Warning"], options, "http://127.0.0.1:0");
            await Startup.MigrateAsync(app.Services, ct);
            var snapshot = TrayScale.Snapshot(count, "bench");
            Console.WriteLine($"{options.Provider}, {snapshot.Services.Count} services, {snapshot.Channels.Count} channels, load before: {Load()}");
            var clock = Stopwatch.StartNew();
            TrayImportResult imported;
            using (var scope = app.Services.CreateScope())
                imported = await scope.ServiceProvider.GetRequiredService<TrayImporter>().StoreAsync(snapshot, ct);
            var import = clock.Elapsed;
            clock.Restart();
            var again = default(TrayImportResult);
            using (var scope = app.Services.CreateScope())
                again = await scope.ServiceProvider.GetRequiredService<TrayImporter>().StoreAsync(snapshot, ct);
            var reimport = clock.Elapsed;
            var search = app.Services.GetRequiredService<TraySearch>();
            clock.Restart();
            await search.IndexAsync(ct);
            var index = clock.Elapsed;
            Console.WriteLine($"import {import.TotalSeconds:0.0} s ({imported.Added} added), same snapshot again {reimport.TotalSeconds:0.0} s ({again.Unchanged} unchanged), load + index {index.TotalSeconds:0.0} s");

            for (var i = 0; i < Mix.Length * 3; i++) await search.SearchAsync(Mix[i % Mix.Length], ct); // warm-up
            var times = new List<double>(searches);
            var perQuery = Mix.Select(_ => new List<double>()).ToArray();
            var total = 0L;
            for (var i = 0; i < searches; i++)
            {
                clock.Restart();
                var result = await search.SearchAsync(Mix[i % Mix.Length], ct);
                var ms = clock.Elapsed.TotalMilliseconds;
                times.Add(ms);
                perQuery[i % Mix.Length].Add(ms);
                total += result.Total;
            }
            times.Sort();
            Console.WriteLine($"search ({searches} in a fixed mix of {Mix.Length}): p50 {BenchCommands.Pct(times, 0.50):0.0} ms, p95 {BenchCommands.Pct(times, 0.95):0.0} ms, max {times[^1]:0.0} ms, {total / searches} hits on average");
            for (var q = 0; q < Mix.Length; q++)
            {
                perQuery[q].Sort();
                Console.WriteLine($"  {Describe(Mix[q]),-60} p50 {BenchCommands.Pct(perQuery[q], 0.5),6:0.0} ms");
            }
            Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB, load after: {Load()}");
            return 0;
        }
        finally { folder.Delete(recursive: true); }
    }

    private static string Describe(TrayQuery q) => string.Join(' ', new[]
    {
        q.Text is null ? "(no words)" : $"\"{q.Text}\"", q.Language == "fi" ? null : q.Language, q.Municipality is null ? null : "muni=" + q.Municipality,
        q.PostalCode is null ? null : "postal=" + q.PostalCode, q.TargetGroup is null ? null : "tg=" + q.TargetGroup, q.ServiceClass is null ? null : "class=" + q.ServiceClass,
        q.ChannelType is null ? null : "chan", q.FreeOnly ? "free" : null, q.AccessibleOnly ? "accessible" : null, q.OpenNow ? "open-now" : null, q.Skip > 0 ? "page 2" : null,
    }.OfType<string>());

    /// <summary>The system load averages (Linux /proc/loadavg), as `uptime` shows them.</summary>
    internal static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

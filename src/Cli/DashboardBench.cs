using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Access;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Indicators.Synthetic;
using Tilannekuva.Storage;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Cli;

/// <summary>
/// bench dashboard: loads a synthetic region (300,000 residents × 1 year by default, as `bench indicators`) with
/// the demo programme and feedback into SQLite in a temporary folder or the database given with --db, starts the
/// app on loopback, signs a director in and lets K parallel clients request the strategic dashboard page (and,
/// once each, the tactical and operational pages). Reports the first (uncached) load, then p50/p95/max and requests/s.
/// --no-cache builds every request from the stored values.
/// </summary>
public static partial class DashboardBench
{
    public static Command Build()
    {
        var population = new Option<int>("--population") { Description = "Residents", DefaultValueFactory = _ => 300_000 };
        var years = new Option<int>("--years") { Description = "Years of history ending last month", DefaultValueFactory = _ => 1 };
        var requests = new Option<int>("--requests") { Description = "Requests of the strategic page", DefaultValueFactory = _ => 500 };
        var concurrency = new Option<int>("--concurrency") { Description = "Parallel clients", DefaultValueFactory = _ => 8 };
        var noCache = new Option<bool>("--no-cache") { Description = "Turn the dashboard cache off (Dashboards:CacheSeconds=0)" };
        var cmd = new Command("dashboard", "Strategic dashboard page latency and requests/s on a synthetic region-year") { population, years, requests, concurrency, noCache };
        cmd.SetAction(async (r, ct) => await RunAsync(r.GetValue(population), r.GetValue(years), r.GetValue(requests), r.GetValue(concurrency), r.GetValue(noCache), r.GetValue(CliApp.Db), ct));
        return cmd;
    }

    private static async Task<int> RunAsync(int population, int years, int requests, int concurrency, bool noCache, string? db, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("tilannekuva-dashbench-");
        var options = db is null ? DatabaseOptions.SqliteFile(Path.Combine(folder.FullName, "bench.db")) : DatabaseOptions.Resolve(null, db);
        var port = BenchCommands.FreePort();
        string[] args = ["--Logging:LogLevel:Default=Warning", $"--Feedback:DataFolder={folder.FullName}", .. noCache ? new[] { "--Dashboards:CacheSeconds=0" } : []];
        await using var app = TilannekuvaWeb.Build(args, options, $"http://127.0.0.1:{port}");
        await Startup.MigrateAsync(app.Services, ct);
        var today = DateOnly.FromDateTime(DateTime.Today);
        var clock = Stopwatch.StartNew();
        using (var scope = app.Services.CreateScope())
        {
            var idb = scope.ServiceProvider.GetRequiredService<IndicatorsDbContext>();
            if (await idb.OrgUnits.AnyAsync(ct)) Console.WriteLine("the store has org units already: using them as they are");
            // The region first, so that the demo below finds org units and loads only the programme and feedback.
            await DemoRegionLoader.LoadIfEmptyAsync(idb, population, years, seed: 1, new DateOnly(today.Year, today.Month, 1).AddDays(-1), Path.Combine(folder.FullName, "files"), ct);
            Console.WriteLine($"{options.Provider}: {await idb.Visits.CountAsync(ct):N0} visits, {await idb.Contacts.CountAsync(ct):N0} contacts, {await idb.IndicatorValues.CountAsync(ct):N0} indicator values; loaded and computed in {clock.Elapsed.TotalSeconds:0} s");
        }
        await Startup.EnsureAccountsAsync(app.Services, demo: true, ct);
        await Startup.LoadDemoAsync(app.Services, today, ct);
        const string password = "bench-password-1";
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<Accounts>().SetPasswordAsync("johtaja", password, ct);
        await app.StartAsync(ct);

        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = concurrency })
            { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var login = await client.GetStringAsync("/account/login", ct);
        var token = AntiforgeryField().Match(login).Groups[1].Value;
        (await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["UserName"] = "johtaja", ["Password"] = password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }), ct)).EnsureSuccessStatusCode();

        async Task<double> GetAsync(string url, CancellationToken c)
        {
            var sw = Stopwatch.StartNew();
            using var response = await client.GetAsync(url, c);
            var body = await response.Content.ReadAsStringAsync(c);
            response.EnsureSuccessStatusCode();
            if (!body.Contains("id=\"t-summary\"", StringComparison.Ordinal) && url == "/dashboards") throw new InvalidOperationException("the strategic page has no summary table");
            return sw.Elapsed.TotalMilliseconds;
        }

        Console.WriteLine($"cache {(noCache ? "off" : "on")}, {requests} requests, {concurrency} parallel clients, {Environment.ProcessorCount} cores (load client in the same process)");
        Console.WriteLine($"  first load    /dashboards {await GetAsync("/dashboards", ct),8:0} ms (builds the dashboard and its charts), {(await client.GetByteArrayAsync("/dashboards", ct)).Length / 1024:N0} KiB");
        foreach (var url in new[] { "/dashboards/tactical?unit=KESKIKAINUU", "/dashboards/operational?unit=K205-TA1" })
            Console.WriteLine($"  first load    {url} {await GetAsync(url, ct):0} ms");
        for (var i = 0; i < 5; i++) await GetAsync("/dashboards", ct);

        var times = new double[requests];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        await Parallel.ForAsync(0, requests, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (i, c) => times[i] = await GetAsync("/dashboards", c));
        var elapsed = clock.Elapsed;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Array.Sort(times);
        Console.WriteLine($"  /dashboards   p50 {BenchCommands.Pct(times, 0.50):0.0} ms  p95 {BenchCommands.Pct(times, 0.95):0.0} ms  max {times[^1]:0.0} ms  {requests / elapsed.TotalSeconds:0.0} requests/s");
        Console.WriteLine($"  process CPU   {cpuUsed.TotalSeconds / elapsed.TotalSeconds * 100:0}% of one core (server + client); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB");
        await app.StopAsync(ct);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { folder.Delete(recursive: true); } catch (IOException) { }
        return 0;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")] private static partial Regex AntiforgeryField();
}

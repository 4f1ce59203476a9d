using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Tilannekuva.Access;
using Tilannekuva.Storage;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Cli;

/// <summary>
/// bench pages: serves a fresh demo store on loopback and times the pages a director and a
/// planner use most, as a browser would request them (signed in, cookie, one at a time and in parallel).
/// </summary>
public static partial class BenchCommands
{
    public static Command Build()
    {
        var requests = new Option<int>("--requests") { Description = "Requests per page", DefaultValueFactory = _ => 200 };
        var concurrency = new Option<int>("--concurrency") { Description = "Parallel clients", DefaultValueFactory = _ => 4 };
        var pages = new Command("pages", "Time the programme, work package, review and download pages on a demo store") { requests, concurrency };
        pages.SetAction(async (r, ct) =>
        {
            await PagesAsync(r.GetValue(requests), r.GetValue(concurrency), r.GetValue(CliApp.Db), ct);
            return 0;
        });
        return new Command("bench", "Benchmarks (figures go to docs/benchmarks.md)") { pages, IndicatorsCommands.Bench(), IndicatorsCommands.Differential(), FeedbackBench.Build(), BoardCommands.Bench(), DashboardBench.Build(), UploadBench.Build(), BackupBench.Build(), TrayBench.Build(), ChatBench.Build() };
    }

    private static async Task PagesAsync(int requests, int concurrency, string? db, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("tilannekuva-bench-");
        var options = db is null ? DatabaseOptions.SqliteFile(Path.Combine(folder.FullName, "bench.db")) : DatabaseOptions.Resolve(null, db);
        var port = FreePort();
        await using var app = TilannekuvaWeb.Build(["--Logging:LogLevel:Default=Warning"], options, $"http://127.0.0.1:{port}");
        await Startup.MigrateAsync(app.Services, ct);
        await Startup.EnsureAccountsAsync(app.Services, demo: true, ct);
        await Startup.LoadDemoAsync(app.Services, DateOnly.FromDateTime(DateTime.Today), ct);
        const string password = "bench-password-1";
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<Accounts>().SetPasswordAsync("johtaja", password, ct);
        await app.StartAsync(ct);
        var baseUrl = $"http://127.0.0.1:{port}";
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = new Uri(baseUrl) };
        var login = await client.GetStringAsync("/account/login", ct);
        var token = AntiforgeryField().Match(login).Groups[1].Value;
        (await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["UserName"] = "johtaja", ["Password"] = password, ["__RequestVerificationToken"] = token }), ct)).EnsureSuccessStatusCode();
        var programme = await client.GetStringAsync("/programmes/1", ct);
        var workPackages = WorkPackageLink().Matches(programme).Select(m => m.Value).Distinct().ToList();
        Console.WriteLine($"{options.Provider}, {workPackages.Count} work packages, {requests} requests per page, {concurrency} parallel clients");
        Console.WriteLine($"{"page",-28} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"req/s",8}");
        string[] urls = ["/programmes/1", workPackages[0], "/programmes/1/review", "/programmes/1/review.pptx", "/programmes/1/review.docx", "/programmes/1/monthly.xlsx", "/api/v1/entities"];
        foreach (var url in urls.Where(u => !u.StartsWith("/api", StringComparison.Ordinal)))
        {
            for (var i = 0; i < 3; i++) (await client.GetAsync(url, ct)).EnsureSuccessStatusCode(); // warm-up
            var times = new List<double>();
            var clock = Stopwatch.StartNew();
            await Parallel.ForAsync(0, requests, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (_, c) =>
            {
                var sw = Stopwatch.StartNew();
                using var response = await client.GetAsync(url, c);
                await response.Content.ReadAsByteArrayAsync(c);
                response.EnsureSuccessStatusCode();
                lock (times) times.Add(sw.Elapsed.TotalMilliseconds);
            });
            times.Sort();
            Console.WriteLine($"{Name(url),-28} {Pct(times, 0.50),8:0.0} {Pct(times, 0.95),8:0.0} {times[^1],8:0.0} {requests / clock.Elapsed.TotalSeconds,8:0}");
        }
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB");
        await app.StopAsync(ct);
        folder.Delete(recursive: true);
    }

    private static string Name(string url) => url.StartsWith("/workpackages/", StringComparison.Ordinal) ? "/workpackages/{id}" : url;

    /// <summary>The p-quantile of sorted latencies (nearest rank).</summary>
    internal static double Pct(IReadOnlyList<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1))];

    internal static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")] private static partial Regex AntiforgeryField();
    [GeneratedRegex("/workpackages/[0-9]+")] private static partial Regex WorkPackageLink();
}

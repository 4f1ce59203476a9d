using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Feedback.Demo;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Links;
using Tilannekuva.Feedback.Questionnaires;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Storage;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Cli;

/// <summary>
/// bench feedback: starts the app on loopback (SQLite in a temporary folder, or the database given
/// with --db), then K parallel clients post N signed submissions to POST /api/v1/feedback/responses,
/// each with the recommendation, six statements and, for one in five, an open text that needs scrubbing.
/// Reports submissions per second and latency percentiles, then counts the stored responses back.
/// The per-link rate limit is raised for the run, since every client shares 127.0.0.1.
/// </summary>
public static class FeedbackBench
{
    public static Command Build()
    {
        var requests = new Option<int>("--requests") { Description = "Submissions to post", DefaultValueFactory = _ => 10000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Parallel clients (each with its own signed link)", DefaultValueFactory = _ => 32 };
        var cmd = new Command("feedback", "Feedback submissions per second and latency, with every response counted back") { requests, concurrency };
        cmd.SetAction(async (r, ct) => await RunAsync(r.GetValue(requests), r.GetValue(concurrency), r.GetValue(CliApp.Db), ct));
        return cmd;
    }

    private static async Task<int> RunAsync(int requests, int concurrency, string? db, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("tilannekuva-fbbench-");
        var options = db is null ? DatabaseOptions.SqliteFile(Path.Combine(folder.FullName, "bench.db")) : DatabaseOptions.Resolve(null, db);
        var port = BenchCommands.FreePort();
        await using var app = TilannekuvaWeb.Build(
            ["--Logging:LogLevel:Default=Warning", "--Feedback:PerLinkPerMinute=100000000", "--Feedback:PerKioskPerMinute=100000000", "--Feedback:PerServicePointPerMinute=100000000", $"--Feedback:DataFolder={folder.FullName}"],
            options, $"http://127.0.0.1:{port}");
        await Startup.MigrateAsync(app.Services, ct);
        using (var scope = app.Services.CreateScope())
        {
            var fdb = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            await FeedbackDemo.LoadAsync(fdb, scope.ServiceProvider.GetRequiredService<QuestionnaireComposer>(), DateOnly.FromDateTime(DateTime.Today), responses: 0, ct);
        }
        await app.StartAsync(ct);
        var signer = app.Services.GetRequiredService<LinkSigner>();
        var run = Convert.ToHexString(Guid.NewGuid().ToByteArray()[..4]).ToLowerInvariant();
        var tokens = Enumerable.Range(0, concurrency).Select(k => signer.Sign(new FeedbackLink(
            FeedbackDemo.Provider, FeedbackDemo.ServicePoints[k % 4].Code, FeedbackDemo.Services[k % 3].Code, k % 3 == 0 ? Channel.Kiosk : Channel.Qr, null, Audience.Adult, $"bench-{run}-{k}"))).ToArray();

        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        string[] codes = ["AV1", "EN1", "SA1", "IN1", "US1", "OMA1"];

        async Task<(HttpStatusCode Status, double Ms)> PostOne(int i, CancellationToken c)
        {
            var random = new Random(i);
            var body = new
            {
                token = tokens[(i % concurrency + concurrency) % concurrency],
                submissionId = Guid.NewGuid(),
                recommendation = random.Next(11),
                answers = codes.ToDictionary(x => x, _ => random.Next(6)),
                openText = i % 5 == 0 ? $"Soittakaa numeroon 040 {random.Next(100, 999)} {random.Next(1000, 9999)}, kiitos palvelusta." : null,
                ageGroup = "Age30To49",
                language = "fi",
            };
            var sw = Stopwatch.StartNew();
            using var response = await client.PostAsJsonAsync("/api/v1/feedback/responses", body, c);
            await response.Content.ReadAsByteArrayAsync(c);
            return (response.StatusCode, sw.Elapsed.TotalMilliseconds);
        }

        var warmup = Math.Min(500, Math.Max(50, requests / 20));
        var created = 0;
        await Parallel.ForAsync(0, warmup, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (i, c) =>
        {
            if ((await PostOne(-1 - i, c)).Status == HttpStatusCode.Created) Interlocked.Increment(ref created);
        });

        var times = new double[requests];
        var statuses = new HttpStatusCode[requests];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, requests, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (i, c) =>
        {
            try
            {
                (statuses[i], times[i]) = await PostOne(i, c);
            }
            catch (HttpRequestException)
            {
                statuses[i] = 0;
            }
        });
        var elapsed = clock.Elapsed;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var ok = statuses.Count(s => s == HttpStatusCode.Created);
        created += ok;
        Array.Sort(times);

        int stored;
        using (var scope = app.Services.CreateScope())
        {
            var prefix = $"bench-{run}-";
            stored = await scope.ServiceProvider.GetRequiredService<FeedbackDbContext>().Responses.CountAsync(x => x.LinkId.StartsWith(prefix), ct);
        }
        Console.WriteLine($"{options.Provider}: {requests} submissions, {concurrency} parallel clients, {Environment.ProcessorCount} cores (load client in the same process)");
        Console.WriteLine($"  throughput     {requests / elapsed.TotalSeconds,8:0} submissions/s  ({elapsed.TotalSeconds:0.0} s)");
        Console.WriteLine($"  latency ms     p50 {BenchCommands.Pct(times, 0.50):0.0}  p95 {BenchCommands.Pct(times, 0.95):0.0}  p99 {BenchCommands.Pct(times, 0.99):0.0}  max {times[^1]:0.0}");
        Console.WriteLine($"  status         201 Created {ok}, other {requests - ok} ({string.Join(", ", statuses.Where(s => s != HttpStatusCode.Created).GroupBy(s => (int)s).Select(g => $"{g.Key}×{g.Count()}"))})");
        Console.WriteLine($"  counted back   {stored} stored of {created} acknowledged (warm-up included): {(stored == created ? "none lost" : $"{created - stored} LOST")}");
        Console.WriteLine($"  process CPU    {cpuUsed.TotalSeconds / elapsed.TotalSeconds * 100:0}% of one core (server + client)");
        await app.StopAsync(ct);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
        return stored == created ? 0 : 2;
    }
}

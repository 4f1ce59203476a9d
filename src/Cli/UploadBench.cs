using System.CommandLine;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Tilannekuva.Access;
using Tilannekuva.Storage;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Cli;

/// <summary>
/// bench upload: the memory a large upload costs the server. Starts the app on loopback (SQLite in a temporary folder,
/// or --db), then posts a generated file of --megabytes through the real HTTP endpoint POST /api/v1/imports/org_units
/// (multipart, streamed from disk by the client) --runs times, sampling the process's working set and managed heap every
/// 10 ms. The file's header names no known column, so the importer refuses it as soon as it has read the header: what
/// is measured is the upload path (request limit, multipart reading buffered to a temporary file, the copy for the
/// importer), not an import of 100 MB of rows. Client and server share this process; the client streams, so its own
/// share is a few buffers.
/// </summary>
public static class UploadBench
{
    public static Command Build()
    {
        var megabytes = new Option<int>("--megabytes") { Description = "Size of the uploaded file (MB)", DefaultValueFactory = _ => 100 };
        var runs = new Option<int>("--runs") { Description = "Uploads, one after another", DefaultValueFactory = _ => 3 };
        var cmd = new Command("upload", "Server memory while uploading a large file through POST /api/v1/imports (docs/security.md)") { megabytes, runs };
        cmd.SetAction(async (r, ct) => await RunAsync(r.GetValue(megabytes), r.GetValue(runs), r.GetValue(CliApp.Db), ct));
        return cmd;
    }

    private static async Task<int> RunAsync(int megabytes, int runs, string? db, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("tilannekuva-uploadbench-");
        try
        {
            var options = db is null ? DatabaseOptions.SqliteFile(Path.Combine(folder.FullName, "bench.db")) : DatabaseOptions.Resolve(null, db);
            var port = BenchCommands.FreePort();
            await using var app = TilannekuvaWeb.Build(["--Logging:LogLevel:Default=Warning", $"--Security:Limits:UploadMegabytes={megabytes + 10}"],
                options, $"http://127.0.0.1:{port}");
            await Startup.MigrateAsync(app.Services, ct);
            await Startup.EnsureAccountsAsync(app.Services, demo: false, ct);
            string token;
            using (var scope = app.Services.CreateScope())
                token = await scope.ServiceProvider.GetRequiredService<Accounts>().IssueApiTokenAsync("admin", ct);
            await app.StartAsync(ct);

            var small = WriteFile(Path.Combine(folder.FullName, "small.csv"), 1);
            var large = WriteFile(Path.Combine(folder.FullName, "large.csv"), megabytes);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            // Warm-up: JIT, connection, the first form read.
            await UploadAsync(client, small, ct);
            var baseline = Settle();
            Console.WriteLine($"{options.Provider}, {megabytes} MB file, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, load average {LoadAverage()}");
            Console.WriteLine($"baseline after warm-up and a full GC: working set {Mib(baseline.WorkingSet)} MiB, managed heap {Mib(baseline.Managed)} MiB");
            Console.WriteLine($"{"run",4} {"status",7} {"seconds",8} {"peak WS MiB",12} {"+ over base",12} {"peak heap MiB",14} {"WS after GC",12}");
            for (var run = 1; run <= runs; run++)
            {
                using var sampler = new Sampler();
                var clock = Stopwatch.StartNew();
                var (status, answer) = await UploadAsync(client, large, ct);
                if (run == 1) Console.WriteLine($"answer: {answer}");
                var seconds = clock.Elapsed.TotalSeconds;
                var (peakWs, peakHeap) = await sampler.StopAsync();
                var after = Settle();
                Console.WriteLine($"{run,4} {status,7} {seconds,8:0.0} {Mib(peakWs),12} {Mib(peakWs - baseline.WorkingSet),12} {Mib(peakHeap),14} {Mib(after.WorkingSet),12}");
            }
            Console.WriteLine($"process peak working set {Mib(Process.GetCurrentProcess().PeakWorkingSet64)} MiB; load average {LoadAverage()}");
            await app.StopAsync(ct);
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(int Status, string Answer)> UploadAsync(HttpClient client, string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        using var content = new MultipartFormDataContent();
        var part = new StreamContent(file, 81920);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(part, "file", "suuri-vienti.csv");
        using var response = await client.PostAsync("/api/v1/imports/org_units", content, ct);
        var answer = await response.Content.ReadAsStringAsync(ct);
        return ((int)response.StatusCode, answer.Length > 160 ? answer[..160] : answer);
    }

    /// <summary>A CSV of the given size whose header the importer does not know (it refuses after the header).</summary>
    private static string WriteFile(string path, int megabytes)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("sarake_a;sarake_b;sarake_c\n");
        var line = "x;" + new string('y', 90) + ";" + new string('z', 5) + "\n";
        for (long written = 0; written < megabytes * 1024L * 1024L; written += line.Length) w.Write(line);
        return path;
    }

    private static (long WorkingSet, long Managed) Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var p = Process.GetCurrentProcess();
        return (p.WorkingSet64, GC.GetTotalMemory(false));
    }

    private static long Mib(long bytes) => bytes / (1024 * 1024);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>Samples the working set and managed heap every 10 ms until stopped; keeps the peaks.</summary>
    private sealed class Sampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<(long, long)> _task;

        public Sampler() => _task = Task.Run(async () =>
        {
            long ws = 0, heap = 0;
            using var p = Process.GetCurrentProcess();
            while (!_stop.IsCancellationRequested)
            {
                p.Refresh();
                ws = Math.Max(ws, p.WorkingSet64);
                heap = Math.Max(heap, GC.GetTotalMemory(false));
                try { await Task.Delay(10, _stop.Token); } catch (OperationCanceledException) { break; }
            }
            return (ws, heap);
        });

        public async Task<(long WorkingSet, long Heap)> StopAsync()
        {
            await _stop.CancelAsync();
            return await _task;
        }

        public void Dispose() => _stop.Dispose();
    }
}

using System.CommandLine;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Access;
using Tilannekuva.Guidance.Demo;
using Tilannekuva.Guidance.Storage;
using Tilannekuva.Storage;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Cli;

/// <summary>
/// bench chat: the real app on loopback, N residents as real SignalR .NET clients (WebSockets) handed off to K advisors (each its own
/// account, sign-in and connection; chat i goes to advisor i mod K, so each has several chats at once; K = 1 is the old single-advisor case);
/// each resident sends M messages, the advisor answers each. Delivery time is from the sender's invoke to the other side's "message" event
/// (one process, one clock); every message is counted back, and the store is checked at the end. The server's own split of a message's
/// time (meter Tilannekuva.Guidance: check, store, broadcast) and the thread pool's backlog are printed beside.
/// </summary>
public static partial class ChatBench
{
    public static Command Build()
    {
        var conversations = new Option<int>("--conversations") { Description = "Simultaneous conversations", DefaultValueFactory = _ => 100 };
        var messages = new Option<int>("--messages") { Description = "Messages per resident", DefaultValueFactory = _ => 5 };
        var advisors = new Option<int?>("--advisors") { Description = "Advisor connections (default: one per 8 conversations, as a staffed service; 1 = every chat on one advisor)" };
        var cmd = new Command("chat", "Guidance chat: N simultaneous conversations over SignalR, message delivery p50/p95") { conversations, messages, advisors };
        cmd.SetAction(async (r, ct) =>
        {
            var n = r.GetValue(conversations);
            return await RunAsync(n, r.GetValue(messages), Math.Clamp(r.GetValue(advisors) ?? (n + 7) / 8, 1, n), r.GetValue(CliApp.Db), ct);
        });
        return cmd;
    }

    private static async Task<int> RunAsync(int n, int m, int k, string? db, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("tilannekuva-bench-chat-");
        var options = db is null ? DatabaseOptions.SqliteFile(Path.Combine(folder.FullName, "bench.db")) : DatabaseOptions.Resolve(null, db);
        var port = BenchCommands.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        await using var app = TilannekuvaWeb.Build(["--Logging:LogLevel:Default=Warning"], options, baseUrl);
        await Startup.MigrateAsync(app.Services, ct, backupBeforeMigrate: false);
        await Startup.EnsureAccountsAsync(app.Services, demo: true, ct);
        const string password = "bench-password-1";
        var advisorNames = Enumerable.Range(0, k).Select(a => a == 0 ? Startup.DemoAdvisor : $"neuvoja-bench-{a}").ToList();
        using (var scope = app.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
            foreach (var name in advisorNames.Skip(1)) await accounts.CreateAsync(name, Role.Advisor, ct);
            foreach (var name in advisorNames) await accounts.SetPasswordAsync(name, password, ct);
            await GuidanceDemo.LoadIfEmptyAsync(scope.ServiceProvider.GetRequiredService<GuidanceDbContext>(), advisorNames, ct);
        }
        await app.StartAsync(ct);

        var sent = new ConcurrentDictionary<string, long>();
        var toAdvisor = new ConcurrentBag<double>();
        var toResident = new ConcurrentBag<double>();
        var replies = new ConcurrentQueue<Task>();
        var advisors = new HubConnection[k];
        await Parallel.ForAsync(0, k, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (a, c) =>
        {
            // Each advisor signs in with the form (cookie) and connects with that cookie.
            var cookies = new CookieContainer();
            using (var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(baseUrl) })
            {
                var login = await client.GetStringAsync("/account/login", c);
                var token = AntiforgeryField().Match(login).Groups[1].Value;
                (await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
                    { ["UserName"] = advisorNames[a], ["Password"] = password, ["__RequestVerificationToken"] = token }), c)).EnsureSuccessStatusCode();
            }
            var advisor = new HubConnectionBuilder().WithUrl(baseUrl + "/chat/hub", o => o.Cookies = cookies).Build();
            advisor.On<Guid, Tilannekuva.Guidance.MessageView>("message", (id, msg) =>
            {
                if (msg.Sender != "Resident" || !sent.TryRemove(msg.Text, out var at)) return;
                toAdvisor.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
                var reply = "r" + msg.Text;
                sent[reply] = Stopwatch.GetTimestamp();
                replies.Enqueue(advisor.InvokeAsync<Tilannekuva.Guidance.MessageView>("Reply", id, reply));
            });
            await advisor.StartAsync(c);
            await advisor.InvokeAsync<object>("Queues", c);
            advisors[a] = advisor;
        });
        using var server = new ServerSplit();

        Console.WriteLine($"{options.Provider}, {n} conversations, {k} advisor connection(s), {m} messages each way per conversation, {Environment.ProcessorCount} cores");
        var setup = Stopwatch.StartNew();
        var residents = new HubConnection[n];
        var ids = new Guid[n];
        await Parallel.ForAsync(0, n, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (i, c) =>
        {
            var r = new HubConnectionBuilder().WithUrl(baseUrl + "/chat/hub").Build();
            r.On<Guid, Tilannekuva.Guidance.MessageView>("message", (_, msg) =>
            {
                if (msg.Sender == "Advisor" && sent.TryRemove(msg.Text, out var at)) toResident.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
            });
            await r.StartAsync(c);
            var joined = await r.InvokeAsync<Tilannekuva.Web.Guidance.JoinResult>("Start", "fi", GuidanceDemo.GeneralTeam, c);
            await r.InvokeAsync<object>("AskPerson", joined.Id, c);
            residents[i] = r;
            ids[i] = joined.Id;
        });
        for (var i = 0; i < n; i++) await advisors[i % k].InvokeAsync<object>("Accept", ids[i], ct);
        Console.WriteLine($"{n} residents connected, queued and accepted in {setup.Elapsed.TotalSeconds:0.0} s");

        server.Clear();
        var run = Stopwatch.StartNew();
        await Parallel.ForAsync(0, n, new ParallelOptions { MaxDegreeOfParallelism = n, CancellationToken = ct }, async (i, c) =>
        {
            var random = new Random(i);
            for (var k = 0; k < m; k++)
            {
                await Task.Delay(random.Next(200, 1200), c); // people type: a message every 0.2–1.2 s per conversation
                var text = $"c{i}m{k}x";
                sent[text] = Stopwatch.GetTimestamp();
                await residents[i].InvokeAsync<object>("Send", ids[i], text, c);
            }
        });
        var deadline = Stopwatch.StartNew();
        while ((toAdvisor.Count < n * m || toResident.Count < n * m) && deadline.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50, ct);
        while (replies.TryDequeue(out var t)) await t;
        var elapsed = run.Elapsed.TotalSeconds;
        Report("resident → advisor", toAdvisor, n * m);
        Report("advisor → resident", toResident, n * m);
        server.Report();
        Console.WriteLine($"{2 * n * m / elapsed:0} messages/s over {elapsed:0.0} s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB");
        using (var scope = app.Services.CreateScope())
        {
            var stored = scope.ServiceProvider.GetRequiredService<GuidanceDbContext>().Messages.Count(x => x.Sender == Tilannekuva.Guidance.Domain.Sender.Resident || x.Sender == Tilannekuva.Guidance.Domain.Sender.Advisor);
            Console.WriteLine($"stored messages {stored} of {2 * n * m}");
        }
        foreach (var r in residents) await r.DisposeAsync();
        foreach (var a in advisors) await a.DisposeAsync();
        await app.StopAsync(ct);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
        return toAdvisor.Count == n * m && toResident.Count == n * m ? 0 : 1;
    }

    private static void Report(string what, ConcurrentBag<double> times, int expected)
    {
        var sorted = times.Order().ToList();
        if (sorted.Count == 0) { Console.WriteLine($"{what}: nothing delivered"); return; }
        Console.WriteLine($"{what,-20} delivered {sorted.Count}/{expected}  p50 {BenchCommands.Pct(sorted, 0.5):0.0} ms  p95 {BenchCommands.Pct(sorted, 0.95):0.0} ms  max {sorted[^1]:0.0} ms");
    }

    /// <summary>
    /// The server's split of a message's time, from the meter "Tilannekuva.Guidance" (absent in versions without it), and the thread
    /// pool's backlog sampled every 50 ms (a growing queue of work items with few threads is starvation, e.g. threads blocked in waits).
    /// </summary>
    private sealed class ServerSplit : IDisposable
    {
        private readonly System.Diagnostics.Metrics.MeterListener _listener = new();
        private readonly ConcurrentDictionary<(string Name, string? Unit), ConcurrentBag<double>> _values = new();
        private readonly Timer _sampler;
        private long _maxPending;
        private int _maxThreads;

        public ServerSplit()
        {
            _listener.InstrumentPublished = (i, l) => { if (i.Meter.Name == "Tilannekuva.Guidance") l.EnableMeasurementEvents(i); };
            _listener.SetMeasurementEventCallback<double>((i, v, _, _) => _values.GetOrAdd((i.Name, i.Unit), _ => []).Add(v));
            _listener.SetMeasurementEventCallback<int>((i, v, _, _) => _values.GetOrAdd((i.Name, i.Unit), _ => []).Add(v));
            _listener.Start();
            _sampler = new Timer(_ =>
            {
                _maxPending = Math.Max(_maxPending, ThreadPool.PendingWorkItemCount);
                _maxThreads = Math.Max(_maxThreads, ThreadPool.ThreadCount);
            }, null, 0, 50);
        }

        public void Clear()
        {
            _values.Clear();
            _maxPending = 0;
            _maxThreads = 0;
        }

        public void Report()
        {
            foreach (var ((name, unit), bag) in _values.OrderBy(x => x.Key.Name, StringComparer.Ordinal))
            {
                var sorted = bag.Order().ToList();
                var u = unit == "ms" ? "ms" : "";
                Console.WriteLine($"  server {name,-30} n {sorted.Count,6}  p50 {BenchCommands.Pct(sorted, 0.5),7:0.0}{u}  p95 {BenchCommands.Pct(sorted, 0.95),7:0.0}{u}  max {sorted[^1],7:0.0}{u}  sum {sorted.Sum(),9:0}{u}");
            }
            Console.WriteLine($"  thread pool: at most {_maxPending} queued work items, {_maxThreads} threads");
        }

        public void Dispose()
        {
            _sampler.Dispose();
            _listener.Dispose();
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")] private static partial Regex AntiforgeryField();
}

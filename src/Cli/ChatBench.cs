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
/// bench chat: the real app on loopback, N residents as real SignalR .NET clients (WebSockets) handed off to one advisor connection that
/// accepts every chat (several chats at once); each resident sends M messages, the advisor answers each. Delivery time is from the sender's
/// invoke to the other side's "message" event (one process, one clock); every message is counted back, and the store is checked at the end.
/// </summary>
public static partial class ChatBench
{
    public static Command Build()
    {
        var conversations = new Option<int>("--conversations") { Description = "Simultaneous conversations", DefaultValueFactory = _ => 100 };
        var messages = new Option<int>("--messages") { Description = "Messages per resident", DefaultValueFactory = _ => 5 };
        var cmd = new Command("chat", "Guidance chat: N simultaneous conversations over SignalR, message delivery p50/p95") { conversations, messages };
        cmd.SetAction(async (r, ct) => await RunAsync(r.GetValue(conversations), r.GetValue(messages), r.GetValue(CliApp.Db), ct));
        return cmd;
    }

    private static async Task<int> RunAsync(int n, int m, string? db, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("tilannekuva-bench-chat-");
        var options = db is null ? DatabaseOptions.SqliteFile(Path.Combine(folder.FullName, "bench.db")) : DatabaseOptions.Resolve(null, db);
        var port = BenchCommands.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        await using var app = TilannekuvaWeb.Build(["--Logging:LogLevel:Default=Warning"], options, baseUrl);
        await Startup.MigrateAsync(app.Services, ct, backupBeforeMigrate: false);
        await Startup.EnsureAccountsAsync(app.Services, demo: true, ct);
        const string password = "bench-password-1";
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Accounts>().SetPasswordAsync(Startup.DemoAdvisor, password, ct);
            await GuidanceDemo.LoadIfEmptyAsync(scope.ServiceProvider.GetRequiredService<GuidanceDbContext>(), [Startup.DemoAdvisor], ct);
        }
        await app.StartAsync(ct);

        // The advisor signs in with the form (cookie) and connects with that cookie.
        var cookies = new CookieContainer();
        using (var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(baseUrl) })
        {
            var login = await client.GetStringAsync("/account/login", ct);
            var token = AntiforgeryField().Match(login).Groups[1].Value;
            (await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
                { ["UserName"] = Startup.DemoAdvisor, ["Password"] = password, ["__RequestVerificationToken"] = token }), ct)).EnsureSuccessStatusCode();
        }
        var sent = new ConcurrentDictionary<string, long>();
        var toAdvisor = new ConcurrentBag<double>();
        var toResident = new ConcurrentBag<double>();
        var advisor = new HubConnectionBuilder().WithUrl(baseUrl + "/chat/hub", o => o.Cookies = cookies).Build();
        var replies = new ConcurrentQueue<Task>();
        advisor.On<Guid, Tilannekuva.Guidance.MessageView>("message", (id, msg) =>
        {
            if (msg.Sender != "Resident" || !sent.TryRemove(msg.Text, out var at)) return;
            toAdvisor.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
            var reply = "r" + msg.Text;
            sent[reply] = Stopwatch.GetTimestamp();
            replies.Enqueue(advisor.InvokeAsync<Tilannekuva.Guidance.MessageView>("Reply", id, reply));
        });
        await advisor.StartAsync(ct);
        await advisor.InvokeAsync<object>("Queues", ct);

        Console.WriteLine($"{options.Provider}, {n} conversations, {m} messages each way per conversation, {Environment.ProcessorCount} cores");
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
        foreach (var id in ids) await advisor.InvokeAsync<object>("Accept", id, ct);
        Console.WriteLine($"{n} residents connected, queued and accepted in {setup.Elapsed.TotalSeconds:0.0} s");

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
        Console.WriteLine($"{2 * n * m / elapsed:0} messages/s over {elapsed:0.0} s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB");
        using (var scope = app.Services.CreateScope())
        {
            var stored = scope.ServiceProvider.GetRequiredService<GuidanceDbContext>().Messages.Count(x => x.Sender == Tilannekuva.Guidance.Domain.Sender.Resident || x.Sender == Tilannekuva.Guidance.Domain.Sender.Advisor);
            Console.WriteLine($"stored messages {stored} of {2 * n * m}");
        }
        foreach (var r in residents) await r.DisposeAsync();
        await advisor.DisposeAsync();
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

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")] private static partial Regex AntiforgeryField();
}

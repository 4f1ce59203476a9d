using System.CommandLine;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Access;
using Tilannekuva.Guidance;
using Tilannekuva.Guidance.Demo;
using Tilannekuva.Guidance.Storage;
using Tilannekuva.Storage;
using Tilannekuva.Web.Guidance;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Cli;

/// <summary>What one `bench chat` run does (the command's options; the restart test uses the same).</summary>
public sealed record ChatBenchOptions
{
    public int Conversations { get; init; } = 100;
    public int Messages { get; init; } = 5;
    public int Advisors { get; init; } = 13;
    /// <summary>Seconds after the first message is due when the server is stopped and started again on the same port and file; null = no restart.</summary>
    public double? RestartAfterSeconds { get; init; }
    /// <summary>Seconds between a resident's messages, drawn evenly from [min, max): 0.2–1.2 is about ten times a person's pace, 2–12 a person's.</summary>
    public double PaceMinSeconds { get; init; } = 0.2;
    public double PaceMaxSeconds { get; init; } = 1.2;
    public string? Db { get; init; }
    /// <summary>Clients only, against a server started with `bench chat --server-only` (no restart, no store count).</summary>
    public string? Url { get; init; }
}

/// <summary>
/// What a run found. Lost = acknowledged messages (the hub call returned) missing from the history a resident got on joining
/// again (after the restart and once more at the end); every acknowledged message is checked against each join that started after
/// its acknowledgement.
/// </summary>
public sealed record ChatBenchResult(int Expected, int ToAdvisor, int ToResident, int Acknowledged, int Unsent, int Lost, int StoredTwice,
    int HistoriesChecked, int FinalJoinsFailed, int ResidentsRejoined, int AdvisorsRejoined, int AcknowledgedBeforeStop, int SentAfterRejoin, TimeSpan? Gap)
{
    public bool Ok => Lost == 0 && Unsent == 0 && FinalJoinsFailed == 0 && ToAdvisor == Expected && ToResident == Expected;
}

/// <summary>
/// bench chat: the real app on loopback, N residents as real SignalR .NET clients (WebSockets) handed off to K advisors (each its own
/// account, sign-in and connection; chat i goes to advisor i mod K, so each has several chats at once; K = 1 is the old single-advisor case);
/// each resident sends M messages, the advisor answers each. Delivery time is from the sender's first attempt to the other side seeing
/// the message (its "message" event, or the history it fetches on reconnecting), one process, one clock; every message is counted back,
/// and the store is checked at the end. The server's own split of a message's time (meter Tilannekuva.Guidance: check, store,
/// broadcast) and the thread pool's backlog are printed beside.
/// With --restart-after the server is stopped mid-run (graceful stop: the writer drains) and a new one started on the same port over the
/// same database; the clients behave as the product's pages do (chat.js, chat-console.js): automatic reconnect with the same delays, then
/// starting again every 1–2 s; a resident joins again (the whole history from the database), an advisor fetches the queues and every open
/// chat again; a send that failed is sent again once connected (the page keeps the text in the box).
/// </summary>
public static partial class ChatBench
{
    private const string Password = "bench-password-1";
    /// <summary>The pages' automatic-reconnect delays (chat.js `connection`).</summary>
    private static readonly int[] ReconnectDelaysMs = [0, 1000, 2000, 3000, 5000, 5000, 10000, 10000, 10000, 30000];

    public static Command Build()
    {
        var conversations = new Option<int>("--conversations") { Description = "Simultaneous conversations", DefaultValueFactory = _ => 100 };
        var messages = new Option<int>("--messages") { Description = "Messages per resident", DefaultValueFactory = _ => 5 };
        var advisors = new Option<int?>("--advisors") { Description = "Advisor connections (default: one per 8 conversations, as a staffed service; 1 = every chat on one advisor)" };
        var restart = new Option<double?>("--restart-after") { Description = "Stop the server this many seconds into the run (and after the first acknowledged message) and start it again on the same port and database; the clients reconnect and go on" };
        var pace = new Option<string>("--pace") { Description = "Seconds between a resident's messages, min-max (0.2-1.2 is about ten times a person's pace; 2-12 a person's)", DefaultValueFactory = _ => "0.2-1.2" };
        var serverOnly = new Option<bool>("--server-only") { Description = "Only set up and serve (accounts for --advisors); run the clients in another process with --url" };
        var url = new Option<string?>("--url") { Description = "Only the clients, against a `bench chat --server-only` server at this address" };
        var cmd = new Command("chat", "Guidance chat: N simultaneous conversations over SignalR, message delivery p50/p95, optionally across a server restart")
            { conversations, messages, advisors, restart, pace, serverOnly, url };
        cmd.SetAction(async (r, ct) =>
        {
            var n = r.GetValue(conversations);
            var paceText = r.GetValue(pace)!;
            var m = PaceFormat().Match(paceText);
            if (!m.Success || Parse(m.Groups[2].Value) < Parse(m.Groups[1].Value))
            {
                await Console.Error.WriteLineAsync($"--pace: expected min-max in seconds (e.g. 2-12), got '{paceText}'");
                return 2;
            }
            var options = new ChatBenchOptions
            {
                Conversations = n, Messages = r.GetValue(messages), Advisors = Math.Clamp(r.GetValue(advisors) ?? (n + 7) / 8, 1, Math.Max(1, n)),
                RestartAfterSeconds = r.GetValue(restart), PaceMinSeconds = Parse(m.Groups[1].Value), PaceMaxSeconds = Parse(m.Groups[2].Value),
                Db = r.GetValue(CliApp.Db), Url = r.GetValue(url),
            };
            if (options.Url is not null && options.RestartAfterSeconds is not null)
            {
                await Console.Error.WriteLineAsync("--restart-after needs the server in this process (not with --url)");
                return 2;
            }
            if (r.GetValue(serverOnly)) return await ServeAsync(options, ct);
            return (await RunAsync(options, Console.Out, ct)).Ok ? 0 : 1;
        });
        return cmd;
    }

    private static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>The server, set up for a run: a fresh store (or --db), demo teams, K advisor accounts with the bench password.</summary>
    private sealed class BenchServer(DatabaseOptions options, string baseUrl, DirectoryInfo folder) : IAsyncDisposable
    {
        public WebApplication App { get; private set; } = null!;
        public string BaseUrl => baseUrl;
        public DatabaseProvider Provider => options.Provider;

        public static async Task<BenchServer> StartAsync(ChatBenchOptions o, CancellationToken ct)
        {
            var folder = Directory.CreateTempSubdirectory("tilannekuva-bench-chat-");
            var options = o.Db is null ? DatabaseOptions.SqliteFile(Path.Combine(folder.FullName, "bench.db")) : DatabaseOptions.Resolve(null, o.Db);
            var server = new BenchServer(options, $"http://127.0.0.1:{BenchCommands.FreePort()}", folder);
            server.App = await server.BuildAsync(ct);
            await Startup.EnsureAccountsAsync(server.App.Services, demo: true, ct);
            using (var scope = server.App.Services.CreateScope())
            {
                var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
                var names = AdvisorNames(o.Advisors);
                foreach (var name in names.Skip(1)) await accounts.CreateAsync(name, Role.Advisor, ct);
                foreach (var name in names) await accounts.SetPasswordAsync(name, Password, ct);
                await GuidanceDemo.LoadIfEmptyAsync(scope.ServiceProvider.GetRequiredService<GuidanceDbContext>(), names, ct);
            }
            await server.App.StartAsync(ct);
            return server;
        }

        private async Task<WebApplication> BuildAsync(CancellationToken ct)
        {
            var app = TilannekuvaWeb.Build(["--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.AspNetCore.SignalR=None", "--Logging:LogLevel:Microsoft.AspNetCore.Http.Connections=None"], options, baseUrl);
            await Startup.MigrateAsync(app.Services, ct, backupBeforeMigrate: false);
            return app;
        }

        /// <summary>Graceful stop (the message writer drains), then a new host on the same address and database, as `serve` starts.</summary>
        public async Task<(TimeSpan Stop, TimeSpan Down)> RestartAsync(CancellationToken ct)
        {
            var clock = Stopwatch.StartNew();
            await App.StopAsync(ct);
            await App.DisposeAsync();
            var stop = clock.Elapsed;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            App = await BuildAsync(ct);
            await App.StartAsync(ct);
            return (stop, clock.Elapsed);
        }

        public int StoredMessages()
        {
            using var scope = App.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<GuidanceDbContext>().Messages
                .Count(x => x.Sender == Tilannekuva.Guidance.Domain.Sender.Resident || x.Sender == Tilannekuva.Guidance.Domain.Sender.Advisor);
        }

        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static List<string> AdvisorNames(int k) => Enumerable.Range(0, k).Select(a => a == 0 ? Startup.DemoAdvisor : $"neuvoja-bench-{a}").ToList();

    private static async Task<int> ServeAsync(ChatBenchOptions o, CancellationToken ct)
    {
        await using var server = await BenchServer.StartAsync(o, ct);
        Console.WriteLine($"serving {server.BaseUrl} with {o.Advisors} advisor account(s); run the clients with: bench chat --url {server.BaseUrl} --advisors {o.Advisors} …; Ctrl+C stops");
        // Ctrl+C cancels ct; SIGTERM goes to the host's console lifetime, which stops the app.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, server.App.Lifetime.ApplicationStopping);
        try { await Task.Delay(Timeout.Infinite, stop.Token); }
        catch (OperationCanceledException) { }
        return 0;
    }

    /// <summary>One client connection and whether it is usable: down from "reconnecting"/"closed" until it has joined or fetched again.</summary>
    private sealed class Peer(HubConnection connection)
    {
        private readonly Lock _lock = new();
        private TaskCompletionSource _ready = Completed();
        public HubConnection Connection => connection;
        public long RejoinedAt;
        public int Rejoining;

        private static TaskCompletionSource Completed()
        {
            var t = new TaskCompletionSource();
            t.SetResult();
            return t;
        }

        public Task Ready { get { lock (_lock) return _ready.Task; } }
        public void Down() { lock (_lock) if (_ready.Task.IsCompleted) _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously); }
        public void Up()
        {
            Volatile.Write(ref RejoinedAt, Stopwatch.GetTimestamp());
            lock (_lock) _ready.TrySetResult();
        }
    }

    private sealed class ProductRetry : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext context) =>
            context.PreviousRetryCount < ReconnectDelaysMs.Length ? TimeSpan.FromMilliseconds(ReconnectDelaysMs[context.PreviousRetryCount]) : null;
    }

    /// <summary>Everything counted during a run; timestamps are Stopwatch ticks of this process.</summary>
    private sealed class Ledger
    {
        private readonly ConcurrentDictionary<string, long> _sent = new();
        public readonly ConcurrentBag<(bool ToAdvisor, long Sent, long Seen)> Deliveries = [];
        private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<long, (string Text, long At)>> _acknowledged = new();
        public readonly ConcurrentDictionary<long, string> Missing = new();
        public int HistoriesChecked;
        public int Unsent;

        public void Sending(string text) => _sent.TryAdd(text, Stopwatch.GetTimestamp());

        /// <summary>The other side saw the message; false when it had already (an event and a refetch, or a resent duplicate).</summary>
        public bool Seen(bool toAdvisor, string text)
        {
            if (!_sent.TryRemove(text, out var at)) return false;
            Deliveries.Add((toAdvisor, at, Stopwatch.GetTimestamp()));
            return true;
        }

        public void Acknowledged(Guid chat, MessageView m) => _acknowledged.GetOrAdd(chat, _ => new())[m.Id] = (m.Text, Stopwatch.GetTimestamp());

        public IEnumerable<long> AcknowledgedTimes => _acknowledged.Values.SelectMany(c => c.Values.Select(v => v.At));

        public int AcknowledgedCount => _acknowledged.Values.Sum(c => c.Count);

        /// <summary>Every message of the chat acknowledged before the join started must be in what the join returned, with its text.</summary>
        public void Check(Guid chat, long joinStarted, List<MessageView> history)
        {
            Interlocked.Increment(ref HistoriesChecked);
            if (!_acknowledged.TryGetValue(chat, out var acks)) return;
            var seen = history.ToDictionary(m => m.Id, m => m.Text);
            foreach (var (id, (text, at)) in acks)
                if (at < joinStarted && !(seen.TryGetValue(id, out var stored) && stored == text)) Missing.TryAdd(id, text);
        }
    }

    public static async Task<ChatBenchResult> RunAsync(ChatBenchOptions o, TextWriter output, CancellationToken ct)
    {
        int n = o.Conversations, m = o.Messages, k = o.Advisors;
        await using var server = o.Url is null ? await BenchServer.StartAsync(o, ct) : null;
        var baseUrl = o.Url?.TrimEnd('/') ?? server!.BaseUrl;
        var advisorNames = AdvisorNames(k);
        var ledger = new Ledger();
        var replies = new ConcurrentQueue<Task>();
        var stopping = false;
        var chatsOf = Enumerable.Range(0, k).Select(_ => new ConcurrentBag<Guid>()).ToArray();
        var advisors = new Peer[k];
        var residents = new Peer[n];
        var ids = new Guid[n];

        // A page whose automatic reconnecting gave up starts again every `every` until the server answers, then does what it does after a reconnect.
        void OnClosed(Peer peer, TimeSpan every, Func<Task> rejoin) => peer.Connection.Closed += error =>
        {
            peer.Down();
            if (Volatile.Read(ref stopping)) return Task.CompletedTask;
            _ = Task.Run(async () =>
            {
                while (!Volatile.Read(ref stopping) && !ct.IsCancellationRequested)
                {
                    try { await peer.Connection.StartAsync(ct); break; }
                    catch (Exception) when (!ct.IsCancellationRequested) { await Task.Delay(every, ct); }
                }
                await rejoin();
            }, ct);
            return Task.CompletedTask;
        };

        // Sends (or replies) until acknowledged; a failed call waits for the connection to be back and tries again, as a person would.
        async Task<MessageView?> SendAsync(Peer peer, Func<Task<MessageView>> call)
        {
            var first = Stopwatch.GetTimestamp();
            while (true)
            {
                await peer.Ready.WaitAsync(ct);
                try { return await call(); }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    if (Stopwatch.GetElapsedTime(first) > TimeSpan.FromSeconds(120))
                    {
                        if (Interlocked.Increment(ref ledger.Unsent) <= 3) await output.WriteLineAsync($"  gave up sending after 120 s: {e.GetType().Name}: {e.Message}");
                        return null;
                    }
                    await Task.Delay(200, ct);
                }
            }
        }

        // Started in the event handler itself (no hop to the thread pool before the invoke), as before the restart option.
        void Reply(int a, Guid id, string text) => replies.Enqueue(ReplyAsync(a, id, "r" + text));
        async Task ReplyAsync(int a, Guid id, string reply)
        {
            ledger.Sending(reply);
            var said = await SendAsync(advisors[a], () => advisors[a].Connection.InvokeAsync<MessageView>("Reply", id, reply, ct));
            if (said is not null) ledger.Acknowledged(id, said);
        }

        // The console after a reconnect: queues, then every open chat's history (messages it had not seen yet are answered).
        async Task RefetchAsync(int a)
        {
            var peer = advisors[a];
            if (Interlocked.Exchange(ref peer.Rejoining, 1) == 1) return;
            try
            {
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        await peer.Connection.InvokeAsync<ConsoleQueues>("Queues", ct);
                        foreach (var id in chatsOf[a])
                        {
                            var chat = await peer.Connection.InvokeAsync<ConsoleChat>("Open", id, ct);
                            foreach (var msg in chat.Messages)
                                if (msg.Sender == "Resident" && ledger.Seen(true, msg.Text)) Reply(a, id, msg.Text);
                        }
                        peer.Up();
                        return;
                    }
                    catch (Exception) when (attempt < 20 && !ct.IsCancellationRequested) { await Task.Delay(500, ct); }
                }
            }
            finally { Volatile.Write(ref peer.Rejoining, 0); }
        }

        // The resident page after a reconnect: join again; the whole history comes from the database.
        async Task RejoinAsync(int i)
        {
            var peer = residents[i];
            if (Interlocked.Exchange(ref peer.Rejoining, 1) == 1) return;
            try
            {
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        var started = Stopwatch.GetTimestamp();
                        var joined = await peer.Connection.InvokeAsync<JoinResult>("Join", ids[i], ct);
                        ledger.Check(ids[i], started, joined.Messages);
                        foreach (var msg in joined.Messages) if (msg.Sender == "Advisor") ledger.Seen(false, msg.Text);
                        peer.Up();
                        return;
                    }
                    catch (Exception) when (attempt < 20 && !ct.IsCancellationRequested) { await Task.Delay(500, ct); }
                }
            }
            finally { Volatile.Write(ref peer.Rejoining, 0); }
        }

        await Parallel.ForAsync(0, k, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (a, c) =>
        {
            // Each advisor signs in with the form (cookie) and connects with that cookie.
            var cookies = new CookieContainer();
            using (var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(baseUrl) })
            {
                var login = await client.GetStringAsync("/account/login", c);
                var token = AntiforgeryField().Match(login).Groups[1].Value;
                (await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
                    { ["UserName"] = advisorNames[a], ["Password"] = Password, ["__RequestVerificationToken"] = token }), c)).EnsureSuccessStatusCode();
            }
            var connection = new HubConnectionBuilder().WithUrl(baseUrl + ChatHub.Path, x => x.Cookies = cookies).WithAutomaticReconnect(new ProductRetry()).Build();
            var peer = new Peer(connection);
            connection.On<Guid, MessageView>("message", (id, msg) =>
            {
                if (msg.Sender == "Resident" && ledger.Seen(true, msg.Text)) Reply(a, id, msg.Text);
            });
            connection.Reconnecting += _ => { peer.Down(); return Task.CompletedTask; };
            connection.Reconnected += newId => { _ = Task.Run(() => RefetchAsync(a), ct); return Task.CompletedTask; };
            OnClosed(peer, TimeSpan.FromSeconds(2), () => RefetchAsync(a));
            await connection.StartAsync(c);
            await connection.InvokeAsync<ConsoleQueues>("Queues", c);
            advisors[a] = peer;
        });
        using var split = new ServerSplit();

        await output.WriteLineAsync($"{(server is null ? "server at " + baseUrl : server.Provider.ToString())}, {n} conversations, " +
            $"{k} advisor connection(s), {m} messages each way per conversation, a resident's message every {o.PaceMinSeconds:0.0##}–{o.PaceMaxSeconds:0.0##} s, " +
            $"{(o.RestartAfterSeconds is { } s ? $"server restart after {s:0.#} s" : "no restart")}, {Environment.ProcessorCount} cores");
        var setup = Stopwatch.StartNew();
        await Parallel.ForAsync(0, n, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (i, c) =>
        {
            var connection = new HubConnectionBuilder().WithUrl(baseUrl + ChatHub.Path).WithAutomaticReconnect(new ProductRetry()).Build();
            var peer = new Peer(connection);
            connection.On<Guid, MessageView>("message", (_, msg) => { if (msg.Sender == "Advisor") ledger.Seen(false, msg.Text); });
            connection.Reconnecting += _ => { peer.Down(); return Task.CompletedTask; };
            connection.Reconnected += newId => { _ = Task.Run(() => RejoinAsync(i), ct); return Task.CompletedTask; };
            OnClosed(peer, TimeSpan.FromSeconds(1), () => RejoinAsync(i));
            await connection.StartAsync(c);
            var joined = await connection.InvokeAsync<JoinResult>("Start", "fi", GuidanceDemo.GeneralTeam, c);
            await connection.InvokeAsync<object>("AskPerson", joined.Id, c);
            residents[i] = peer;
            ids[i] = joined.Id;
        });
        for (var i = 0; i < n; i++)
        {
            await advisors[i % k].Connection.InvokeAsync<object>("Accept", ids[i], ct);
            chatsOf[i % k].Add(ids[i]);
        }
        await output.WriteLineAsync($"{n} residents connected, queued and accepted in {setup.Elapsed.TotalSeconds:0.0} s");

        split.Clear();
        var run = Stopwatch.StartNew();
        long stopAt = 0;
        (TimeSpan Stop, TimeSpan Down)? restarted = null;
        var restart = server is not null && o.RestartAfterSeconds is { } after
            ? Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(after), ct);
                // Mid-conversation means after an acknowledged message: on a busy machine the first can take longer than the delay.
                // Not for ever: a server that acknowledges nothing is restarted after a minute and the run reports it.
                var waiting = Stopwatch.StartNew();
                while (ledger.AcknowledgedCount == 0 && waiting.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(20, ct);
                stopAt = Stopwatch.GetTimestamp();
                restarted = await server.RestartAsync(ct);
            }, ct)
            : Task.CompletedTask;
        var (paceMin, paceMax) = ((int)(o.PaceMinSeconds * 1000), (int)(o.PaceMaxSeconds * 1000));
        await Parallel.ForAsync(0, n, new ParallelOptions { MaxDegreeOfParallelism = n, CancellationToken = ct }, async (i, c) =>
        {
            var random = new Random(i);
            for (var j = 0; j < m; j++)
            {
                await Task.Delay(random.Next(paceMin, Math.Max(paceMin + 1, paceMax)), c);
                var text = $"c{i}m{j}x";
                ledger.Sending(text);
                var said = await SendAsync(residents[i], async () => (await residents[i].Connection.InvokeAsync<ResidentTurn>("Send", ids[i], text, c)).Message);
                if (said is not null) ledger.Acknowledged(ids[i], said);
            }
        });
        await restart;
        var deadline = Stopwatch.StartNew();
        bool AllSeen() => ledger.Deliveries.Count(d => d.ToAdvisor) >= n * m && ledger.Deliveries.Count(d => !d.ToAdvisor) >= n * m;
        while (!AllSeen() && deadline.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(50, ct);
        while (replies.TryDequeue(out var t)) await t;
        var elapsed = run.Elapsed.TotalSeconds;

        // Every resident joins once more at the end: every acknowledged message must be in what the server sends on join.
        var storedTwice = 0;
        var finalJoinsFailed = 0;
        await Parallel.ForAsync(0, n, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (i, c) =>
        {
            try
            {
                await residents[i].Ready.WaitAsync(TimeSpan.FromSeconds(60), c);
                var started = Stopwatch.GetTimestamp();
                var joined = await residents[i].Connection.InvokeAsync<JoinResult>("Join", ids[i], c);
                ledger.Check(ids[i], started, joined.Messages);
                Interlocked.Add(ref storedTwice, joined.Messages.Where(x => x.Sender is "Resident" or "Advisor").GroupBy(x => x.Text).Sum(g => g.Count() - 1));
            }
            catch (Exception e) when (e is TimeoutException or Microsoft.AspNetCore.SignalR.HubException or InvalidOperationException or IOException)
            {
                Interlocked.Increment(ref finalJoinsFailed);
            }
        });

        var toAdvisor = ledger.Deliveries.Where(d => d.ToAdvisor).ToList();
        var toResident = ledger.Deliveries.Where(d => !d.ToAdvisor).ToList();
        long rejoinedAll = 0;
        int residentsRejoined = 0, advisorsRejoined = 0, acknowledgedBeforeStop = 0, sentAfterRejoin = 0;
        TimeSpan? gap = null;
        if (stopAt != 0)
        {
            residentsRejoined = residents.Count(p => p.RejoinedAt > stopAt);
            advisorsRejoined = advisors.Count(p => p.RejoinedAt > stopAt);
            rejoinedAll = residents.Concat(advisors).Max(p => p.RejoinedAt);
            if (residentsRejoined == n && advisorsRejoined == k) gap = Stopwatch.GetElapsedTime(stopAt, rejoinedAll);
            acknowledgedBeforeStop = ledger.AcknowledgedTimes.Count(t => t < stopAt);
            sentAfterRejoin = ledger.Deliveries.Count(d => d.Sent >= rejoinedAll);
        }
        var (stopAtCopy, rejoinedAllCopy) = (stopAt, rejoinedAll);
        void Report(string what, List<(bool ToAdvisor, long Sent, long Seen)> times)
        {
            Line(what, times, n * m);
            if (stopAtCopy == 0) return;
            Line("  sent and seen before the stop", times.Where(d => d.Seen < stopAtCopy).ToList(), null);
            Line("  across the restart", times.Where(d => d.Seen >= stopAtCopy && d.Sent < rejoinedAllCopy).ToList(), null);
            Line("  sent after all rejoined", times.Where(d => d.Sent >= rejoinedAllCopy).ToList(), null);
        }
        void Line(string what, List<(bool ToAdvisor, long Sent, long Seen)> times, int? expected)
        {
            var sorted = times.Select(d => Stopwatch.GetElapsedTime(d.Sent, d.Seen).TotalMilliseconds).Order().ToList();
            var count = expected is null ? $"n {sorted.Count}" : $"delivered {sorted.Count}/{expected}";
            output.WriteLine(sorted.Count == 0 ? $"{what,-32} {count}"
                : $"{what,-32} {count,-16} p50 {BenchCommands.Pct(sorted, 0.5),8:0.0} ms  p95 {BenchCommands.Pct(sorted, 0.95),8:0.0} ms  max {sorted[^1],8:0.0} ms");
        }
        Report("resident → advisor", toAdvisor);
        Report("advisor → resident", toResident);
        if (restarted is { } r)
        {
            await output.WriteLineAsync($"restart: stop took {r.Stop.TotalSeconds:0.00} s, server down {r.Down.TotalSeconds:0.00} s (stop → new server listening), " +
                $"gap {(gap is { } g ? $"{g.TotalSeconds:0.00} s" : "—")} (stop → all clients joined/fetched again: residents {residentsRejoined}/{n}, advisors {advisorsRejoined}/{k})");
            var back = residents.Concat(advisors).Where(p => p.RejoinedAt > stopAt).Select(p => Stopwatch.GetElapsedTime(stopAt, p.RejoinedAt).TotalSeconds).Order().ToList();
            if (back.Count > 0)
                await output.WriteLineAsync($"  back after the stop: p50 {BenchCommands.Pct(back, 0.5):0.00} s  p95 {BenchCommands.Pct(back, 0.95):0.00} s  max {back[^1]:0.00} s " +
                    $"(reconnect delays {string.Join(", ", ReconnectDelaysMs.Take(6).Select(d => d / 1000.0))}… s as the pages)");
        }
        split.Report(output);
        await output.WriteLineAsync($"{2 * n * m / elapsed:0} messages/s over {elapsed:0.0} s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB");
        if (server is not null) await output.WriteLineAsync($"stored messages {server.StoredMessages()} of {2 * n * m}");
        var result = new ChatBenchResult(n * m, toAdvisor.Count, toResident.Count, ledger.AcknowledgedCount, ledger.Unsent, ledger.Missing.Count, storedTwice,
            ledger.HistoriesChecked, finalJoinsFailed, residentsRejoined, advisorsRejoined, acknowledgedBeforeStop, sentAfterRejoin, gap);
        await output.WriteLineAsync($"lost {result.Lost} (acknowledged {result.Acknowledged} of {2 * n * m}, each checked against the history of every join after it: " +
            $"{result.HistoriesChecked} joins, {result.FinalJoinsFailed} final joins failed); unsent {result.Unsent}; stored twice {result.StoredTwice} (resent after a lost acknowledgement)");
        foreach (var (id, text) in ledger.Missing.Take(10)) await output.WriteLineAsync($"  missing: message {id} '{text}'");

        Volatile.Write(ref stopping, true);
        foreach (var p in residents) await p.Connection.DisposeAsync();
        foreach (var p in advisors) await p.Connection.DisposeAsync();
        return result;
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

        public void Report(TextWriter output)
        {
            foreach (var ((name, unit), bag) in _values.OrderBy(x => x.Key.Name, StringComparer.Ordinal))
            {
                var sorted = bag.Order().ToList();
                var u = unit == "ms" ? "ms" : "";
                output.WriteLine($"  server {name,-30} n {sorted.Count,6}  p50 {BenchCommands.Pct(sorted, 0.5),7:0.0}{u}  p95 {BenchCommands.Pct(sorted, 0.95),7:0.0}{u}  max {sorted[^1],7:0.0}{u}  sum {sorted.Sum(),9:0}{u}");
            }
            output.WriteLine($"  thread pool: at most {_maxPending} queued work items, {_maxThreads} threads");
        }

        public void Dispose()
        {
            _sampler.Dispose();
            _listener.Dispose();
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")] private static partial Regex AntiforgeryField();
    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*$")] private static partial Regex PaceFormat();
}

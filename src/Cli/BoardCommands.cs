using System.CommandLine;
using System.Diagnostics;
using Tilannekuva.Boards;
using Tilannekuva.Boards.Domain;
using Tilannekuva.Boards.Figures;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Indicators.Synthetic;
using Tilannekuva.Localisation;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Storage;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Cli;

/// <summary>board token &lt;id&gt;: a new screen token; bench board: the wall screen's refresh on a big region.</summary>
public static class BoardCommands
{
    public static Command Build()
    {
        var id = new Argument<int>("id") { Description = "Board id (see /boards)" };
        var token = new Command("token", "Issue a new screen token for a board (the previous one stops working) and print the screen URL") { id };
        var url = new Option<string>("--url") { Description = "The app's public address, for the printed screen URL (default: Feedback:PublicBaseUrl, else the configured urls)" };
        token.Options.Add(url);
        token.SetAction(async (r, ct) =>
        {
            await using var app = CliApp.Services(r);
            await Startup.MigrateAsync(app.Services, ct);
            using var scope = app.Services.CreateScope();
            var boards = scope.ServiceProvider.GetRequiredService<BoardsService>();
            var board = r.GetValue(id);
            if (await boards.IssueTokenAsync(board, ct) is not { } issued)
            {
                Console.Error.WriteLine(Texts.Format("Cli.Board.NotFound", null, board));
                return 1;
            }
            Console.WriteLine(Texts.Format("Cli.Board.Token", null, board, $"{(r.GetValue(url) ?? AppSettings.PublicUrl(app.Configuration)).TrimEnd('/')}/boards/{board}/screen?token={issued}"));
            return 0;
        });
        return new Command("board", "Steering boards (ohjaustaulu)") { token };
    }

    /// <summary>
    /// bench board: writes a synthetic region whose last day is today (a snapshot at this moment), imports it,
    /// computes the care-guarantee indicator, serves the app on loopback and times the screen's data refresh
    /// (GET /boards/{id}/screen/data?token=…) for one health station and for a whole area.
    /// </summary>
    public static Command Bench()
    {
        var population = new Option<int>("--population") { Description = "Residents", DefaultValueFactory = _ => 300_000 };
        var requests = new Option<int>("--requests") { Description = "Refreshes per board", DefaultValueFactory = _ => 300 };
        var concurrency = new Option<int>("--concurrency") { Description = "Parallel screens", DefaultValueFactory = _ => 1 };
        var cmd = new Command("board", "Time the steering board's screen refresh on a region-year") { population, requests, concurrency };
        cmd.SetAction(async (r, ct) =>
        {
            var folder = Directory.CreateTempSubdirectory("tilannekuva-boardbench-");
            var db = r.GetValue(CliApp.Db) is { } given ? DatabaseOptions.Resolve(r.GetValue(CliApp.Provider), given) : DatabaseOptions.SqliteFile(Path.Combine(folder.FullName, "bench.db"));
            try
            {
                await RunAsync(db, folder.FullName, r.GetValue(population), r.GetValue(requests), r.GetValue(concurrency), ct);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try { folder.Delete(recursive: true); } catch (IOException) { }
            }
            return 0;
        });
        return cmd;
    }

    private static async Task RunAsync(DatabaseOptions db, string folder, int population, int requests, int concurrency, CancellationToken ct)
    {
        var port = BenchCommands.FreePort();
        await using var app = TilannekuvaWeb.Build(["--Logging:LogLevel:Default=Warning", $"--Feedback:DataFolder={folder}"], db, $"http://127.0.0.1:{port}");
        await Startup.MigrateAsync(app.Services, ct);
        var now = BoardQuery.WallClock(TimeProvider.System, app.Services.GetRequiredService<BoardSettings>());
        var clock = Stopwatch.StartNew();
        using (var scope = app.Services.CreateScope())
            if (await scope.ServiceProvider.GetRequiredService<IndicatorsDbContext>().OrgUnits.AnyAsync(ct))
            {
                // A store given with --db that is already loaded (an earlier run's): time it as it is.
                Console.WriteLine($"{db.Provider}: using the region already in the store");
                await TimeRefreshesAsync(app, port, requests, concurrency, ct);
                return;
            }
        var files = new SyntheticRegion(population, 1, 1, DateOnly.FromDateTime(now), now).Write(Path.Combine(folder, "files"));
        Console.WriteLine($"{db.Provider}: generated {files.Rows:N0} rows for {population:N0} residents in {clock.Elapsed.TotalSeconds:0} s");
        using (var scope = app.Services.CreateScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<IndicatorsDbContext>();
            clock.Restart();
            await DemoRegionLoader.ImportAsync(context, files, ct);
            Console.WriteLine($"imported in {clock.Elapsed.TotalSeconds:0} s");
            clock.Restart();
            await new IndicatorComputer(context).RecomputeAsync([IndicatorCatalogue.Get(BoardQuery.CareGuaranteeIndicator)], ct: ct);
            Console.WriteLine($"computed {BoardQuery.CareGuaranteeIndicator} in {clock.Elapsed.TotalSeconds:0} s");
        }
        using (var scope = app.Services.CreateScope())
            await Tilannekuva.Feedback.Demo.FeedbackDemo.LoadAsync(scope.ServiceProvider.GetRequiredService<Tilannekuva.Feedback.Storage.FeedbackDbContext>(),
                scope.ServiceProvider.GetRequiredService<Tilannekuva.Feedback.Questionnaires.QuestionnaireComposer>(), DateOnly.FromDateTime(now), ct: ct);
        await TimeRefreshesAsync(app, port, requests, concurrency, ct);
    }

    private static async Task TimeRefreshesAsync(WebApplication app, int port, int requests, int concurrency, CancellationToken ct)
    {
        var targets = new List<(string Name, int Id, string Token)>();
        using (var scope = app.Services.CreateScope())
        {
            var boards = scope.ServiceProvider.GetRequiredService<BoardsService>();
            foreach (var (name, unit) in new[] { ("one station (K205-TA1)", Startup.DemoBoardUnit), ("area (KESKIKAINUU)", "KESKIKAINUU") })
            {
                var id = await boards.SaveAsync(null, new BoardDraft(name, [unit], Board.AllTiles, 60, 60, BoardTheme.HighContrast), ct);
                targets.Add((name, id, (await boards.IssueTokenAsync(id, ct))!));
            }
        }
        await app.StartAsync(ct);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(1, concurrency) }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Console.WriteLine($"{requests} refreshes per board, {concurrency} parallel screen(s)");
        Console.WriteLine($"{"board",-26} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"req/s",8}");
        foreach (var (name, id, token) in targets)
        {
            var url = $"/boards/{id}/screen/data?token={token}";
            for (var i = 0; i < 5; i++) (await client.GetAsync(url, ct)).EnsureSuccessStatusCode(); // warm-up
            var times = new List<double>();
            var wall = Stopwatch.StartNew();
            await Parallel.ForAsync(0, requests, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = ct }, async (_, c) =>
            {
                var sw = Stopwatch.StartNew();
                using var response = await client.GetAsync(url, c);
                var body = await response.Content.ReadAsStringAsync(c);
                response.EnsureSuccessStatusCode();
                if (!body.Contains("data-tile=\"Callbacks\"", StringComparison.Ordinal)) throw new InvalidOperationException("the refresh returned no tiles");
                lock (times) times.Add(sw.Elapsed.TotalMilliseconds);
            });
            times.Sort();
            Console.WriteLine($"{name,-26} {BenchCommands.Pct(times, 0.50),8:0.0} {BenchCommands.Pct(times, 0.95),8:0.0} {times[^1],8:0.0} {requests / wall.Elapsed.TotalSeconds,8:0}");
        }
        await app.StopAsync(ct);
    }
}

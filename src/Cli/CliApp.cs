using System.CommandLine;
using Tilannekuva.Storage;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Cli;

/// <summary>tilannekuva: serve, demo, migrate, report, user, import. Database from --db/--provider or TILANNEKUVA_DB(_PROVIDER).</summary>
public static class CliApp
{
    public static readonly Option<string?> Db = new("--db") { Description = "Connection string (default: SQLite file data/tilannekuva.db)", Recursive = true };
    public static readonly Option<string?> Provider = new("--provider") { Description = "sqlite, postgres or citus (default: inferred from --db; citus: see docs/citus.md)", Recursive = true };

    public static RootCommand Build()
    {
        var root = new RootCommand("Tilannekuva – development programme, indicators and feedback for wellbeing services counties");
        root.Options.Add(Db);
        root.Options.Add(Provider);
        root.Subcommands.Add(ServeCommand());
        root.Subcommands.Add(DemoCommand());
        foreach (var command in OperationsCommands.Build()) root.Subcommands.Add(command);
        root.Subcommands.Add(AuditCommands.Build());
        root.Subcommands.Add(ReportCommands.Build());
        root.Subcommands.Add(UserCommands.Build());
        root.Subcommands.Add(BenchCommands.Build());
        foreach (var command in IndicatorsCommands.Build()) root.Subcommands.Add(command);
        root.Subcommands.Add(FeedbackCommands.Build());
        root.Subcommands.Add(BoardCommands.Build());
        root.Subcommands.Add(ComparisonCommands.Build());
        root.Subcommands.Add(TrayCommands.Build());
        root.Subcommands.Add(ImportCommands.Revisions());
        return root;
    }

    public static DatabaseOptions Database(ParseResult r) => DatabaseOptions.Resolve(
        r.GetValue(Provider) ?? Environment.GetEnvironmentVariable("TILANNEKUVA_DB_PROVIDER"),
        r.GetValue(Db) ?? Environment.GetEnvironmentVariable("TILANNEKUVA_DB"));

    /// <summary>The app's services without starting the web server, for commands that only touch the store; only warnings are logged so the output is the result.</summary>
    public static WebApplication Services(ParseResult r) => TilannekuvaWeb.Build(["--Logging:LogLevel:Default=Warning"], Database(r));

    private static Command ServeCommand()
    {
        var demo = new Option<bool>("--demo") { Description = "Load the demo programme and demo sign-ins on an empty store" };
        var url = new Option<string>("--url") { Description = "Listen address (default: the configured urls, else " + AppSettings.DefaultUrl + ")" };
        var cmd = new Command("serve", "Run the web application") { demo, url };
        cmd.SetAction(async (r, ct) => await OperationsCommands.GuardAsync(async () =>
        {
            await WebRunner.RunAsync([], r.GetValue(demo), Database(r), r.GetValue(url));
            return 0;
        }));
        return cmd;
    }

    private static Command DemoCommand()
    {
        var today = new Option<DateOnly?>("--today") { Description = "Date the demo's history ends (default: today)" };
        var population = new Option<int>("--population") { Description = "Residents of the synthetic region", DefaultValueFactory = _ => Startup.DemoPopulation };
        var years = new Option<int>("--years") { Description = "Years of operational history", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same region)", DefaultValueFactory = _ => 1 };
        var cmd = new Command("demo", "Load the demo programme, a synthetic region (on a store without org units), feedback and, on an empty store, demo sign-ins") { today, population, years, seed };
        cmd.SetAction(async (r, ct) =>
        {
            await using var app = Services(r);
            await Startup.MigrateAsync(app.Services, ct);
            var signIns = await Startup.EnsureAccountsAsync(app.Services, demo: true, ct);
            var stored = await Startup.LoadDemoAsync(app.Services, r.GetValue(today) ?? DateOnly.FromDateTime(DateTime.Today), ct,
                (r.GetValue(population), r.GetValue(years), r.GetValue(seed)));
            Console.WriteLine(stored > 0
                ? Localisation.Texts.Format("Cli.DemoRegionLoaded", null, r.GetValue(population), r.GetValue(years), stored)
                : Localisation.Texts.Get("Cli.DemoRegionKept"));
            var board = await Startup.EnsureDemoBoardAsync(app.Services, ct);
            Console.WriteLine(Localisation.Texts.Get("Cli.DemoLoaded"));
            foreach (var (user, role, password) in signIns) Console.WriteLine($"  {user,-16} {role,-9} {password}");
            if (board is { } b)
                Console.WriteLine(Localisation.Texts.Format("Startup.DemoBoard", null, $"{AppSettings.PublicUrl(app.Configuration)}/boards/{b.Id}/screen?token={b.Token}"));
            return 0;
        });
        return cmd;
    }
}

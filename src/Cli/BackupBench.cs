using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Indicators.Synthetic;
using Tilannekuva.Operations.Backups;
using Tilannekuva.Storage;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Cli;

/// <summary>
/// bench backup: loads a synthetic region (300,000 residents × 1 year by default) with the demo programme and
/// feedback into SQLite in a temporary folder or the (empty or already loaded) PostgreSQL database given with --db,
/// then times a backup (3 times), a restore into a new store, and the recovery: restore, migrate, start the app and
/// wait for /health/ready (the RTO). Prints the load average before and after each step (docs/operations.md).
/// </summary>
public static class BackupBench
{
    public static Command Build()
    {
        var population = new Option<int>("--population") { Description = "Residents", DefaultValueFactory = _ => 300_000 };
        var runs = new Option<int>("--runs") { Description = "Backups timed", DefaultValueFactory = _ => 3 };
        var cmd = new Command("backup", "Backup time, size and recovery time (RTO) on a synthetic region-year") { population, runs };
        cmd.SetAction(async (r, ct) => await RunAsync(r.GetValue(population), r.GetValue(runs), r.GetValue(CliApp.Db), ct));
        return cmd;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static async Task<int> RunAsync(int population, int runs, string? db, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("tilannekuva-backupbench-");
        var options = db is null ? DatabaseOptions.SqliteFile(Path.Combine(folder.FullName, "bench.db")) : DatabaseOptions.Resolve(null, db);
        var settings = new BackupSettings();
        var backups = Path.Combine(folder.FullName, "backups");
        Console.WriteLine($"{options.Provider}, {Environment.ProcessorCount} cores, load {Load()}");
        await using (var app = TilannekuvaWeb.Build(["--Logging:LogLevel:Default=Warning", $"--Feedback:DataFolder={folder.FullName}"], options))
        {
            await Startup.MigrateAsync(app.Services, ct);
            var clock = Stopwatch.StartNew();
            var today = DateOnly.FromDateTime(DateTime.Today);
            using (var scope = app.Services.CreateScope())
            {
                var idb = scope.ServiceProvider.GetRequiredService<IndicatorsDbContext>();
                await DemoRegionLoader.LoadIfEmptyAsync(idb, population, 1, seed: 1, new DateOnly(today.Year, today.Month, 1).AddDays(-1), Path.Combine(folder.FullName, "files"), ct);
                Console.WriteLine($"store: {await idb.Visits.CountAsync(ct):N0} visits, {await idb.Contacts.CountAsync(ct):N0} contacts, {await idb.IndicatorValues.CountAsync(ct):N0} indicator values ({clock.Elapsed.TotalSeconds:0} s to load), load {Load()}");
            }
            await Startup.EnsureAccountsAsync(app.Services, demo: true, ct);
            await Startup.LoadDemoAsync(app.Services, today, ct);
        }
        Console.WriteLine($"store size: {await SizeAsync(options, ct) / 1024.0 / 1024.0:0} MiB");

        BackupResult? last = null;
        for (var i = 0; i < runs; i++)
        {
            last = await Backups.BackupAsync(options, backups, settings, ct);
            Console.WriteLine($"backup {i + 1}: {last.Duration.TotalSeconds:0.0} s, {last.Bytes / 1024.0 / 1024.0:0.0} MiB, load {Load()}");
        }

        // Recovery: a new store from the newest backup, migrated, the app started and ready.
        var target = options.Provider == DatabaseProvider.Sqlite
            ? DatabaseOptions.SqliteFile(Path.Combine(folder.FullName, "restored.db"))
            : DatabaseOptions.Postgres(new NpgsqlConnectionStringBuilder(options.ConnectionString) { Database = new NpgsqlConnectionStringBuilder(options.ConnectionString).Database + "_restored" }.ConnectionString);
        try
        {
            var total = Stopwatch.StartNew();
            var restore = await Backups.RestoreAsync(target, last!.File, replace: true, settings, ct);
            Console.WriteLine($"restore: {restore.TotalSeconds:0.0} s, load {Load()}");
            var port = BenchCommands.FreePort();
            await using var app = TilannekuvaWeb.Build(["--Logging:LogLevel:Default=Warning", $"--Feedback:DataFolder={folder.FullName}"], target, $"http://127.0.0.1:{port}");
            await Startup.MigrateAsync(app.Services, ct, backupBeforeMigrate: false);
            await app.StartAsync(ct);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            while ((await client.GetAsync("/health/ready", ct)).StatusCode != System.Net.HttpStatusCode.OK) await Task.Delay(50, ct);
            Console.WriteLine($"RTO (restore + migrate + start + /health/ready 200): {total.Elapsed.TotalSeconds:0.0} s, load {Load()}");
            using (var scope = app.Services.CreateScope())
                Console.WriteLine($"restored store: {await scope.ServiceProvider.GetRequiredService<IndicatorsDbContext>().Visits.CountAsync(ct):N0} visits");
            await app.StopAsync(ct);
        }
        finally
        {
            if (target.Provider == DatabaseProvider.Postgres) await DropAsync(target, ct);
            NpgsqlConnection.ClearAllPools();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { folder.Delete(recursive: true); } catch (IOException) { }
        }
        return 0;
    }

    private static async Task<long> SizeAsync(DatabaseOptions db, CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
            return new FileInfo(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.ConnectionString).DataSource).Length;
        await using var c = new NpgsqlConnection(db.ConnectionString);
        await c.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT pg_database_size(current_database())", c);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task DropAsync(DatabaseOptions db, CancellationToken ct)
    {
        NpgsqlConnection.ClearAllPools();
        var cs = new NpgsqlConnectionStringBuilder(db.ConnectionString);
        await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await c.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{cs.Database}\"", c);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

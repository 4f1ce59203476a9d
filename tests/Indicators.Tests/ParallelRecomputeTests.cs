using Microsoft.EntityFrameworkCore;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.TestSupport;
using static Tilannekuva.Indicators.Tests.Support;

namespace Tilannekuva.Indicators.Tests;

/// <summary>PostgreSQL computes the indicators' work tables and statements on two connections; the result must be that of one connection, and a failure must change nothing.</summary>
public sealed class ParallelRecomputeTests
{
    private static string K(IndicatorValue v) =>
        $"{v.IndicatorCode}|{v.PeriodType}|{v.PeriodCode}|{v.OrgUnitId}|{v.Dimension}|{v.Category}|{v.Numerator}|{v.Denominator}|{v.Value}|{v.N}";

    [Fact]
    public async Task Two_connections_give_the_values_of_one()
    {
        await using var server = await PostgresServer.CreateDatabaseAsync();
        await using var db = await IndicatorsStorage.OpenMigratedAsync(server.Options);
        using var folder = new SqliteFile(); // only for its temporary folder
        await LoadRegionAsync(db, Path.Combine(folder.Folder, "region"), population: 600, years: 2, seed: 11);

        var single = await new IndicatorComputer(db) { SingleConnection = true }.RecomputeAsync();
        var one = await db.IndicatorValues.AsNoTracking().ToListAsync();
        var parallel = await new IndicatorComputer(db).RecomputeAsync();
        var two = await db.IndicatorValues.AsNoTracking().ToListAsync();

        Assert.True(one.Count > 1000, $"only {one.Count} values");
        Assert.Equal(single.Values, parallel.Values);
        AssertSameValues(one, two);
        Assert.Equal(IndicatorCatalogue.All.Select(d => d.Code).Order(), parallel.ByIndicator.Keys.Order());
        Assert.Equal(0, await StagingTablesAsync(db));
    }

    [Fact]
    public async Task Each_indicator_alone_with_a_parallel_worker_gives_the_values_of_one_connection()
    {
        await using var server = await PostgresServer.CreateDatabaseAsync();
        await using var db = await IndicatorsStorage.OpenMigratedAsync(server.Options);
        using var folder = new SqliteFile();
        await LoadRegionAsync(db, Path.Combine(folder.Folder, "region"), population: 600, years: 2, seed: 17);
        await new IndicatorComputer(db) { SingleConnection = true }.RecomputeAsync();
        var one = await db.IndicatorValues.AsNoTracking().ToListAsync();

        // A lone indicator's statements may take a parallel worker. On tables this small the planner would never
        // start one; with these settings every scan gets one, so the workers really read the work tables.
        await using (var owner = new Npgsql.NpgsqlConnection(server.ConnectionString))
        {
            await owner.OpenAsync();
            await using var alter = owner.CreateCommand();
            alter.CommandText = $"ALTER DATABASE \"{server.DatabaseName}\" SET min_parallel_table_scan_size = 0; ALTER DATABASE \"{server.DatabaseName}\" SET parallel_setup_cost = 0";
            await alter.ExecuteNonQueryAsync();
            // VACUUM sets the visibility map now, as autovacuum may have done or not by the time of the probe below.
            alter.CommandText = "VACUUM visit";
            await alter.ExecuteNonQueryAsync();
        }
        Npgsql.NpgsqlConnection.ClearAllPools(); // the settings apply to connections opened from now on
        // The probe reads a column no index holds: once autovacuum has set the visibility map, an index-only scan of
        // the occurred_at index alone beat the parallel scan and the probe failed without the settings being at fault.
        await using (var probe = new Npgsql.NpgsqlConnection(server.ConnectionString))
        {
            await probe.OpenAsync();
            await using var cmd = probe.CreateCommand();
            cmd.CommandText = IndicatorComputer.ParallelQuerySettings(1, Dialect.Postgres) + "; EXPLAIN SELECT date_trunc('day', occurred_at), contact_mode, count(*) FROM visit GROUP BY 1, 2";
            var plan = new List<string>();
            await using (var reader = await cmd.ExecuteReaderAsync())
                do { while (await reader.ReadAsync()) plan.Add(reader.GetString(0)); } while (await reader.NextResultAsync());
            Assert.Contains(plan, line => line.Contains("Gather", StringComparison.Ordinal));
        }

        foreach (var d in IndicatorCatalogue.All)
        {
            var result = await new IndicatorComputer(db).RecomputeAsync([d]);
            Assert.True(result.Values > 0, d.Code);
        }
        AssertSameValues(one, await db.IndicatorValues.AsNoTracking().ToListAsync());
        Assert.Equal(0, await StagingTablesAsync(db));
    }

    [Fact]
    public async Task Visits_and_contacts_carry_statistics_of_their_day_groups_after_an_import()
    {
        await using var server = await PostgresServer.CreateDatabaseAsync();
        await using var db = await IndicatorsStorage.OpenMigratedAsync(server.Options);
        using var folder = new SqliteFile();
        await LoadRegionAsync(db, Path.Combine(folder.Folder, "region"), population: 300, years: 1, seed: 5);
        // Without them the planner expects about ten times the day groups there are and aggregates in one process.
        var filled = await db.Database.SqlQueryRaw<string>(
            "SELECT statistics_name AS \"Value\" FROM pg_stats_ext WHERE n_distinct IS NOT NULL ORDER BY 1").ToListAsync();
        Assert.Equal(["contact_day_groups", "visit_day_groups"], filled);
    }

    [Fact]
    public async Task The_staged_values_replace_the_stored_ones_by_hash_joins_without_statistics()
    {
        await using var server = await PostgresServer.CreateDatabaseAsync();
        await using var db = await IndicatorsStorage.OpenMigratedAsync(server.Options);
        using var folder = new SqliteFile();
        await LoadRegionAsync(db, Path.Combine(folder.Folder, "region"), population: 300, years: 1, seed: 7);
        var t3 = IndicatorCatalogue.All.Single(d => d.Code == "t3");
        await new IndicatorComputer(db).RecomputeAsync([t3]);
        // The staged table is not analysed (reltuples stays -1). Without statistics the planner once took it for a few
        // rows and compared every stored value with every staged one (a nested loop, 0.6–1.0 s for T3 against 5 ms
        // hashed); with them it chose merge joins that sort both sides by six text keys. The swap's settings leave it hash joins.
        var plans = new List<string>();
        double? reltuples = null;
        await new IndicatorComputer(db)
        {
            BeforeSwapForTest = async (connection, values) =>
            {
                reltuples = double.Parse((await ListAsync(connection, $"SELECT reltuples::text FROM pg_class WHERE relname = '{values}'")).Single(),
                    System.Globalization.CultureInfo.InvariantCulture);
                foreach (var statement in IndicatorComputer.ReplaceStatements(values, "v.indicator_code IN ('t3')"))
                    plans.Add(string.Join("\n", await ListAsync(connection, "EXPLAIN " + statement)));
            },
        }.RecomputeAsync([t3]);
        Assert.Equal(-1, reltuples);
        Assert.Equal(3, plans.Count);
        Assert.All(plans, plan =>
        {
            Assert.Contains("Hash", plan);
            Assert.DoesNotContain("Nested Loop", plan);
            Assert.DoesNotContain("Merge", plan);
        });
    }

    [Fact]
    public async Task A_failing_connection_leaves_the_stored_values_and_no_staging_table()
    {
        await using var server = await PostgresServer.CreateDatabaseAsync();
        await using var db = await IndicatorsStorage.OpenMigratedAsync(server.Options);
        using var folder = new SqliteFile();
        await LoadRegionAsync(db, Path.Combine(folder.Folder, "region"), population: 300, years: 1, seed: 3);
        await new IndicatorComputer(db).RecomputeAsync();
        var before = (await db.IndicatorValues.AsNoTracking().ToListAsync()).Select(K).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(before);
        // A later import would change the numbers, if the failed recompute let any through.
        await db.Database.ExecuteSqlRawAsync("DELETE FROM visit WHERE id % 3 = 0");

        foreach (var failing in new[] { 0, 1 })
        {
            var computer = new IndicatorComputer(db)
            {
                // Every value is staged when a connection finds no step left; the failure comes after that.
                AfterWorkerForTest = async worker => { if (worker == failing) { await Task.Yield(); throw new InvalidOperationException("connection " + worker + " failed"); } },
            };
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => computer.RecomputeAsync());
            Assert.Equal($"connection {failing} failed", error.Message);

            var after = (await db.IndicatorValues.AsNoTracking().ToListAsync()).Select(K).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(before, after);
            Assert.Equal(0, await StagingTablesAsync(db));
        }
        // And the next recompute works and sees the deletion: it writes only the values that changed
        // (updated, gone, new), so compare it with one connection's delete-and-insert of everything.
        await new IndicatorComputer(db).RecomputeAsync();
        var again = await db.IndicatorValues.AsNoTracking().ToListAsync();
        var kept = again.Select(K).ToHashSet();
        Assert.Contains(before, k => !kept.Contains(k));
        await new IndicatorComputer(db) { SingleConnection = true }.RecomputeAsync();
        AssertSameValues(await db.IndicatorValues.AsNoTracking().ToListAsync(), again);
    }

    [Fact]
    public void Each_step_waits_for_the_work_tables_it_reads_and_shared_tables_are_built_once()
    {
        var graph = RecomputeGraph.Build(IndicatorCatalogue.All, "ic_stage_t_", "ic_stage_t_values", window: null);
        var tables = graph.Steps.Where(s => s.Creates is not null).ToList();
        Assert.Equal(tables.Count, tables.Select(s => s.Creates).Distinct().Count());
        foreach (var step in graph.Steps)
        {
            // Every run table the SQL names is created by a step it needs, never by itself or a later one.
            var named = tables.Where(t => t != step && step.Sql.Contains(t.Creates!, StringComparison.Ordinal)).ToList();
            Assert.Equal(named.Select(t => t.Creates).Order(), step.Needs.Select(n => n.Creates).Order());
            Assert.All(step.Needs, n => Assert.True(graph.Steps.ToList().IndexOf(n) < graph.Steps.ToList().IndexOf(step)));
            Assert.DoesNotMatch(@"\bCREATE TEMP", step.Sql);
            Assert.DoesNotContain("INSERT INTO indicator_value", step.Sql);
        }
        // The care-guarantee indicators read one copy of the visit facts (a join); contacts are scanned, not copied.
        var facts = tables.Where(t => t.Creates!.Contains("facts_", StringComparison.Ordinal)).ToList();
        Assert.Equal("visit", Assert.Single(facts).Creates!.Split("facts_")[1].Split('_')[0]);
        var readers = graph.Steps.Where(s => s.Needs.Contains(facts[0])).Select(s => s.Indicator).Distinct();
        Assert.Equal(IndicatorCatalogue.All.Where(d => d.Source == "visit").Select(d => d.Code).Order(), readers.Order());
        // The first step taken is the one most others wait on.
        var first = graph.Next(CancellationToken.None)!;
        Assert.Equal(graph.Steps.Where(s => s.Needs.Count == 0).Max(s => s.Waiting), first.Waiting);
    }

    private static async Task<int> StagingTablesAsync(IndicatorsDbContext db) =>
        await db.Database.SqlQueryRaw<int>($"SELECT count(*)::int AS \"Value\" FROM pg_tables WHERE tablename LIKE '{IndicatorComputer.StagingPrefix}%'").SingleAsync();
}

using Microsoft.EntityFrameworkCore;
using Npgsql;
using System.Text.RegularExpressions;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Ingest;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Indicators.Synthetic;
using Tilannekuva.TestSupport;
using Xunit.Abstractions;
using static Tilannekuva.Indicators.Tests.Support;

namespace Tilannekuva.Indicators.Tests;

/// <summary>
/// The citus provider on a coordinator and two workers (<see cref="CitusServer"/>; ./scripts/test starts
/// them): the layout migrate makes, the same numbers as PostgreSQL and the reference evaluator, the work
/// on the workers (EXPLAIN), and imports that stay transactional and idempotent.
/// </summary>
public sealed class CitusTests(ITestOutputHelper output)
{
    /// <summary>Only when ./scripts/test found no Citus source to install (../shared/vendor/citus absent).</summary>
    private bool Skipped()
    {
        if (CitusServer.SkipReason is not { } reason) return false;
        output.WriteLine("SKIPPED (Citus): " + reason);
        return true;
    }

    [Fact]
    public async Task Migrate_distributes_the_person_tables_together_and_replicates_the_small_ones_and_is_rerunnable()
    {
        if (Skipped()) return;
        await using var server = await CitusServer.CreateDatabaseAsync();
        await using (var first = await IndicatorsStorage.OpenMigratedAsync(server.Options)) { }
        await using var db = await IndicatorsStorage.OpenMigratedAsync(server.Options); // the second run changes nothing
        var rows = await QueryAsync(server.ConnectionString, """
            SELECT logicalrelid::text, partmethod, colocationid, COALESCE(column_to_column_name(logicalrelid, partkey), '')
            FROM pg_dist_partition WHERE logicalrelid::text NOT LIKE 'ic\_%' ORDER BY 1
            """);
        var byTable = rows.ToDictionary(r => (string)r[0]!);
        string Column(string t) => (string)byTable[t][3]!;
        Assert.Equal("person_pseudonym", Column("visit"));
        Assert.Equal("person_pseudonym", Column("care_need_assessment"));
        Assert.Equal("person_pseudonym", Column("waiting_list_entry"));
        // Co-located: one co-location group, so a person's rows of all three are in the same shard.
        Assert.Single(new[] { "visit", "care_need_assessment", "waiting_list_entry" }.Select(t => byTable[t][2]).Distinct());
        Assert.Equal("source_id", Column("contact"));
        Assert.Equal("unit_id", Column("appointment_slot"));
        foreach (var reference in new[] { "org_unit", "org_unit_ancestor", "working_day", "staffing_roster_entry" })
            Assert.Equal('n', (char)byTable[reference][1]!); // 'n': a reference table, on every node
        Assert.False(byTable.ContainsKey("indicator_value")); // the results stay on the coordinator
        Assert.Equal(32L, (long)(await QueryAsync(server.ConnectionString, "SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = 'visit'::regclass"))[0][0]!);
        Assert.True(await CitusLayout.IsCitusAsync(db));
    }

    [Fact]
    public async Task Every_indicator_equals_postgres_and_the_reference_also_after_an_import_and_its_incremental_recompute()
    {
        if (Skipped()) return;
        await using var citusServer = await CitusServer.CreateDatabaseAsync();
        await using var pgServer = await PostgresServer.CreateDatabaseAsync();
        await using var citus = await IndicatorsStorage.OpenMigratedAsync(citusServer.Options);
        await using var pg = await IndicatorsStorage.OpenMigratedAsync(pgServer.Options);
        using var folder = new SqliteFile(); // only for its temporary folder
        foreach (var (db, name) in new[] { (citus, "citus"), (pg, "pg") })
            await LoadRegionAsync(db, Path.Combine(folder.Folder, name), population: 600, years: 2, seed: 7);
        Assert.Equal(Dialect.Citus, await new IndicatorComputer(citus).DialectAsync());

        // Full recompute: Citus against the reference evaluator and against PostgreSQL.
        await AssertSqlMatchesReferenceAsync(citus);
        await new IndicatorComputer(pg).RecomputeAsync();
        AssertSameValues(await ValuesAsync(pg), await ValuesAsync(citus));
        Assert.Equal(IndicatorCatalogue.All.Count, (await ValuesAsync(citus)).Select(v => v.IndicatorCode).Distinct().Count());

        // An import of visits in 2025 (one week across the year's end), then the recompute of its years only.
        var unit = await citus.OrgUnits.Where(u => u.Kind == OrgUnitKind.Unit).OrderBy(u => u.SourceId).Select(u => u.SourceId).FirstAsync();
        var random = new Random(5);
        var person = SyntheticRegion.SyntheticIdentityCode(random);
        var path = Path.Combine(folder.Folder, "later-visits.csv");
        File.WriteAllText(path,
            "source_id;person_id;unit_id;occurred_at;urgency;contact_mode;profession;service;assessment_date;practitioner;care_plan_visit;certificate_only\n" +
            $"LATE1;{person};{unit};10.6.2025 9:00;non_urgent;physical;nurse;outpatient_care;2.6.2025;P1;0;0\n" +
            $"LATE2;{person};{unit};29.12.2025 9:00;non_urgent;phone;nurse;outpatient_care;20.12.2025;P1;0;0\n" +
            $"LATE3;{SyntheticRegion.SyntheticIdentityCode(random)};{unit};30.12.2025 10:00;non_urgent;physical;doctor;outpatient_care;30.12.2025;P2;0;0\n" +
            $"LATE4;{person};{unit};31.12.2025 11:00;non_urgent;physical;nurse;outpatient_care;1.12.2025;P2;0;0\n");
        var before = await ValuesAsync(citus);
        foreach (var db in new[] { citus, pg })
        {
            db.ChangeTracker.Clear();
            var import = await new Importer(db).ImportAsync(SourceKind.Visits, path, null, new ImportOptions { Pseudonymiser = Support.Pseudonymiser });
            Assert.Equal(4, import.Stored);
            await new IndicatorComputer(db).RecomputeAsync(window: IndicatorsService.Window(import));
        }
        var incremental = await ValuesAsync(citus);
        Assert.Equal(Find(before, "care_guarantee_7d", "2025", "KAINUU")!.N + 4, Find(incremental, "care_guarantee_7d", "2025", "KAINUU")!.N);
        AssertSameValues(await ValuesAsync(pg), incremental);
        AssertSameValues(await ReferenceEvaluator.EvaluateAsync(citus, IndicatorCatalogue.All), incremental);
    }

    [Fact]
    public async Task Explain_shows_the_per_person_and_per_unit_work_on_the_workers()
    {
        if (Skipped()) return;
        await using var server = await CitusServer.CreateDatabaseAsync();
        await using var db = await IndicatorsStorage.OpenMigratedAsync(server.Options);
        using var folder = new SqliteFile();
        await LoadRegionAsync(db, Path.Combine(folder.Folder, "region"), population: 300, years: 1, seed: 3);
        await using var c = new NpgsqlConnection(server.ConnectionString);
        await c.OpenAsync();

        // The visit facts (visit ⋈ assessment in the person's shard), then continuity's per-person tables:
        // each created as the recompute does, its fill EXPLAINed first.
        var shared = new HashSet<string> { FactSource.Visit.Name };
        var plans = new[] { "care_guarantee_7d", "continuity_of_care" }.Select(code => SqlCompiler.Plan(IndicatorCatalogue.Get(code), Dialect.Citus, shared)).ToList();
        var distributed = 0;
        foreach (var table in plans.SelectMany(p => p.Tables).DistinctBy(t => t.Name))
        {
            var commands = CitusSql.Commands(CitusSql.Create(table.Name, table.Select, table.DistributeBy)).ToList();
            if (table.DistributeBy is not null)
            {
                foreach (var command in commands.Take(2)) await ExecuteAsync(c, command);
                var plan = await ExplainAsync(c, commands[2]);
                output.WriteLine($"-- {table.Name}\n{plan}");
                // Runs as 32 tasks over the shards on the workers; the rows are never pulled to the coordinator.
                Assert.Contains("Task Count: 32", plan);
                Assert.Contains(server.Workers, w => plan.Contains($"port={w.Port} ", StringComparison.Ordinal));
                Assert.DoesNotContain("pull to coordinator", plan);
                // The big tables are read shard by shard on the workers: not repartitioned (no MapMergeJob).
                Assert.DoesNotContain("MapMergeJob", plan);
                // The visit facts: each shard's visits joined with its assessments and inserted into the
                // co-located shard of the work table, on the worker (no INSERT/SELECT method: plain pushdown).
                // Continuity's aggregates move only their result rows between the workers (repartition).
                if (table.Name.StartsWith("ic_facts_visit", StringComparison.Ordinal))
                {
                    Assert.DoesNotContain("INSERT/SELECT method", plan);
                    Assert.Contains("Insert on ic_facts_visit", plan);
                }
                await ExecuteAsync(c, commands[2]);
                distributed++;
            }
            else
            {
                var plan = await ExplainAsync(c, table.Select);
                if (plan.Contains("Seq Scan on ic_facts_", StringComparison.Ordinal) || plan.Contains("Seq Scan on visit_", StringComparison.Ordinal))
                {
                    // A per-unit aggregate of distributed rows: partial aggregates on the workers, combined on the coordinator.
                    output.WriteLine($"-- {table.Name}\n{plan}");
                    Assert.Contains("Task Count: 32", plan);
                    Assert.DoesNotContain("MapMergeJob", plan);
                }
                await ExecuteAsync(c, commands[0]);
            }
            await ExecuteAsync(c, "ANALYZE " + table.Name);
        }
        Assert.True(distributed >= 3, $"{distributed} distributed work tables"); // facts, numbered, persons per period
        var statementPlan = await ExplainAsync(c, plans[1].Statements[0]);
        output.WriteLine(statementPlan);
        Assert.DoesNotContain("MapMergeJob", statementPlan);
    }

    [Fact]
    public async Task Explain_shows_the_visit_or_contact_sums_aggregated_per_table_on_the_workers()
    {
        if (Skipped()) return;
        await using var server = await CitusServer.CreateDatabaseAsync();
        await using var db = await IndicatorsStorage.OpenMigratedAsync(server.Options);
        using var folder = new SqliteFile();
        await LoadRegionAsync(db, Path.Combine(folder.Folder, "region"), population: 300, years: 1, seed: 3);
        await using var c = new NpgsqlConnection(server.ConnectionString);
        await c.OpenAsync();

        // remote_contact_share reads visits (distributed by person) and contacts (by source id), which are
        // not co-located: its sums per day are taken from each table by itself, also in a window's recompute.
        var definition = IndicatorCatalogue.Get("remote_contact_share");
        foreach (var window in new RecomputeWindow?[] { null, RecomputeWindow.ForYears(2025, 2026) })
        {
            var sums = SqlCompiler.Plan(definition, Dialect.Citus, window: window).Tables.Single(t => t.Name.StartsWith("ic_sums_day", StringComparison.Ordinal));
            Assert.Null(sums.DistributeBy);
            var plan = await ExplainAsync(c, sums.Select);
            output.WriteLine($"-- {sums.Name}\n{plan}");
            // Each table is scanned in 32 tasks on the workers, and each task aggregates its shard
            // (the aggregate right above the scan), so only per-unit-and-day sums reach the coordinator.
            var lines = plan.Split('\n');
            foreach (var table in new[] { "visit", "contact" })
            {
                var scans = lines.Select((line, i) => (line, i)).Where(x => x.line.Contains($"Seq Scan on {table}_", StringComparison.Ordinal)).ToList();
                Assert.NotEmpty(scans);
                Assert.All(scans, scan => Assert.Contains("Aggregate", Parent(lines, scan.i)));
            }
            Assert.Equal(2, Regex.Count(plan, "Task Count: 32"));
            Assert.Contains(server.Workers, w => plan.Contains($"port={w.Port} ", StringComparison.Ordinal));
            Assert.DoesNotContain("MapMergeJob", plan);
        }

        // One aggregate over the union instead would make Citus pull every row: the scans have no aggregate above them.
        var union = $"SELECT f.unit_id, date_trunc('day', f.at), count(*) FROM ({FactSource.VisitOrContact.From(Dialect.Citus)}) f GROUP BY 1, 2";
        var pulled = (await ExplainAsync(c, union)).Split('\n');
        Assert.Contains(pulled.Select((line, i) => (line, i)), x => x.line.Contains("Seq Scan on visit_", StringComparison.Ordinal) && !Parent(pulled, x.i).Contains("Aggregate", StringComparison.Ordinal));
    }

    /// <summary>The plan node above the one on line <paramref name="i"/> (the nearest earlier line with "->", past its Group Key or Filter lines).</summary>
    private static string Parent(string[] lines, int i) => lines.Take(i).LastOrDefault(l => l.Contains("->", StringComparison.Ordinal)) ?? "";

    [Fact]
    public async Task Imports_are_idempotent_a_failed_import_leaves_nothing_and_a_source_id_stays_unique_across_people()
    {
        if (Skipped()) return;
        await using var server = await CitusServer.CreateDatabaseAsync();
        await using var db = await IndicatorsStorage.OpenMigratedAsync(server.Options);
        using var folder = new SqliteFile();
        string Write(string name, string text) { var p = Path.Combine(folder.Folder, name); File.WriteAllText(p, text); return p; }
        var options = new ImportOptions { Pseudonymiser = Support.Pseudonymiser };
        await new Importer(db).ImportAsync(SourceKind.OrgUnits, Write("units.csv", "source_id;name;parent_id;kind;municipality_code\nR;Alue;;region;\nU1;Asema;R;unit;205\n"), null, options);
        var random = new Random(11);
        var (a, b) = (SyntheticRegion.SyntheticIdentityCode(random), SyntheticRegion.SyntheticIdentityCode(random));
        const string header = "source_id;person_id;unit_id;occurred_at;urgency;contact_mode;profession;service;assessment_date;practitioner;care_plan_visit;certificate_only\n";
        var visits = Write("visits.csv", header +
            $"V1;{a};U1;10.6.2025 9:00;non_urgent;physical;nurse;outpatient_care;2.6.2025;P1;0;0\n" +
            $"V2;{b};U1;11.6.2025 9:00;non_urgent;phone;doctor;outpatient_care;;P2;0;0\n" +
            $"V3;{a};U9;12.6.2025 9:00;non_urgent;phone;doctor;outpatient_care;;P2;0;0\n"); // unknown unit: rejected

        // A failure just before the commit: nothing on any node, no batch.
        db.ChangeTracker.Clear();
        await Assert.ThrowsAsync<IOException>(() => new Importer(db).ImportAsync(SourceKind.Visits, visits, null,
            new ImportOptions { Pseudonymiser = Support.Pseudonymiser, BeforeCommit = () => throw new IOException("simulated") }));
        db.ChangeTracker.Clear();
        Assert.Equal(0, await db.Visits.CountAsync());
        Assert.Equal(1, await db.ImportBatches.CountAsync());
        Assert.Equal(1, await db.PendingRecomputes.CountAsync()); // the org units' only

        var first = await new Importer(db).ImportAsync(SourceKind.Visits, visits, null, options);
        Assert.Equal((3, 2, 1), (first.Read, first.Stored, first.Rejected));
        Assert.Equal((4, "unit_id"), (first.Rejects.Single().Line, first.Rejects.Single().Field));
        db.ChangeTracker.Clear();
        var again = await new Importer(db).ImportAsync(SourceKind.Visits, visits, null, options);
        Assert.Equal((0, 2, 1), (again.Stored, again.SkippedDuplicate, again.Rejected));
        db.ChangeTracker.Clear();
        Assert.Equal(2, await db.Visits.CountAsync());

        // A newer export re-sends V2 under another person (the distribution column) and adds V4: V2 is
        // replaced, not stored twice, though (source_id, person) is new.
        var newer = Write("visits-2.csv", header +
            $"V2;{a};U1;11.6.2025 9:00;non_urgent;phone;doctor;outpatient_care;;P2;0;0\n" +
            $"V4;{b};U1;13.6.2025 9:00;non_urgent;phone;doctor;outpatient_care;;P2;0;0\n");
        File.SetLastWriteTime(newer, DateTime.Now.AddMinutes(5));
        db.ChangeTracker.Clear();
        var corrected = await new Importer(db).ImportAsync(SourceKind.Visits, newer, null, options);
        Assert.Equal((1, 1), (corrected.Stored, corrected.Updated));
        Assert.Equal(["V2"], corrected.UpdatedIds);
        db.ChangeTracker.Clear();
        var stored = await db.Visits.AsNoTracking().OrderBy(v => v.SourceId).Select(v => new { v.SourceId, v.PersonPseudonym }).ToListAsync();
        Assert.Equal(["V1", "V2", "V4"], stored.Select(v => v.SourceId));
        Assert.Equal(stored[0].PersonPseudonym, stored[1].PersonPseudonym); // V2 now belongs to person a, as V1

        // A clean COPY of a brand-new source id under the other person is the fast path; an old id under a
        // new person alone (no other duplicate in the file) is still caught after the COPY.
        var moved = Write("visits-3.csv", header + $"V4;{a};U1;13.6.2025 9:00;non_urgent;phone;doctor;outpatient_care;;P2;0;0\n");
        File.SetLastWriteTime(moved, DateTime.Now.AddMinutes(10));
        db.ChangeTracker.Clear();
        var movedResult = await new Importer(db).ImportAsync(SourceKind.Visits, moved, null, options);
        Assert.Equal((0, 1), (movedResult.Stored, movedResult.Updated));
        db.ChangeTracker.Clear();
        Assert.Equal(3, await db.Visits.CountAsync());
        Assert.Equal(1, await db.Visits.CountAsync(v => v.SourceId == "V4"));
    }

    private static async Task<List<IndicatorValue>> ValuesAsync(IndicatorsDbContext db)
    {
        db.ChangeTracker.Clear();
        return await db.IndicatorValues.AsNoTracking().ToListAsync();
    }

    private static async Task<string> ExplainAsync(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand("EXPLAIN (COSTS OFF) " + sql, c) { CommandTimeout = 300 };
        await using var r = await cmd.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await r.ReadAsync()) lines.Add(r.GetString(0));
        return string.Join("\n", lines);
    }

    private static async Task ExecuteAsync(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 300 };
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<List<object?[]>> QueryAsync(string connectionString, string sql)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await r.ReadAsync())
        {
            var row = new object[r.FieldCount];
            r.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }
}

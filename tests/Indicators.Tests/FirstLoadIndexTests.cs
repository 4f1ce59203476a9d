using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Indicators.Ingest;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Indicators.Tests;

/// <summary>
/// A first load into an empty table drops its secondary indexes and builds them after the rows (issue #20):
/// afterwards the table has exactly the indexes the migrations made, also after a failed first load (the
/// drop is rolled back with the rows), and a second load into the now filled table keeps them. On PostgreSQL the
/// first load is also written frozen and its statistics taken after the commit.
/// </summary>
public sealed class FirstLoadIndexTests
{
    [Fact]
    public async Task Sqlite_first_load_rebuilds_the_same_indexes_and_a_failed_one_keeps_them()
    {
        using var file = new SqliteFile();
        await CheckAsync(file.Options, file.Folder, "SELECT name || ' ' || sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contact' AND sql IS NOT NULL ORDER BY name");
    }

    [Fact]
    public async Task Postgres_first_load_rebuilds_the_same_indexes_and_a_failed_one_keeps_them()
    {
        await using var server = await PostgresServer.CreateDatabaseAsync();
        using var folder = new SqliteFile();
        await CheckAsync(server.Options, folder.Folder, "SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE tablename = 'contact' AND schemaname = current_schema() ORDER BY indexname",
            // The first load is copied frozen (every page all-visible) and analysed after its commit.
            firstLoad: async db => Assert.Equal(["1 of 1 pages all-visible, analysed"], await Support.ListAsync(db,
                "SELECT c.relallvisible || ' of ' || c.relpages || ' pages all-visible' || CASE WHEN s.last_analyze IS NOT NULL THEN ', analysed' ELSE '' END " +
                "FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.oid = 'contact'::regclass")));
    }

    [Fact]
    public async Task Postgres_first_load_with_an_id_twice_in_the_file_stores_it_once_and_keeps_the_indexes()
    {
        await using var server = await PostgresServer.CreateDatabaseAsync();
        using var folder = new SqliteFile();
        await using var db = await IndicatorsStorage.OpenMigratedAsync(server.Options);
        var units = Path.Combine(folder.Folder, "units.csv");
        File.WriteAllText(units, "source_id;name;parent_id;kind\nR;Alue;;region\nU1;Asema;R;unit\n");
        await new Importer(db).ImportAsync(SourceKind.OrgUnits, units, null, new ImportOptions());
        const string indexSql = "SELECT indexname FROM pg_indexes WHERE tablename = 'contact' AND schemaname = current_schema() ORDER BY indexname";
        var migrated = await Support.ListAsync(db, indexSql);

        // The import keeps the first row of a repeated id and counts the other as a duplicate before anything is
        // written, so the frozen copy into the emptied table gets two rows and no unique violation.
        var path = Path.Combine(folder.Folder, "contacts.csv");
        File.WriteAllText(path, "source_id;unit_id;received_at;channel;outcome\n" +
            "Y1;U1;5.2.2024 9:00;phone;resolved\nY2;U1;5.2.2024 10:00;chat;resolved\nY1;U1;5.2.2024 9:00;phone;resolved\n");
        db.ChangeTracker.Clear();
        var result = await new Importer(db).ImportAsync(SourceKind.Contacts, path, null, new ImportOptions());
        Assert.Equal((2, 1), (result.Stored, result.SkippedDuplicate));
        db.ChangeTracker.Clear();
        Assert.Equal(["Y1", "Y2"], await db.Contacts.OrderBy(c => c.SourceId).Select(c => c.SourceId).ToListAsync());
        Assert.Equal(migrated, await Support.ListAsync(db, indexSql));
    }

    [Fact]
    public async Task Postgres_two_first_loads_at_once_keep_both_files_rows()
    {
        await using var server = await PostgresServer.CreateDatabaseAsync();
        using var folder = new SqliteFile();
        await using (var setup = await IndicatorsStorage.OpenMigratedAsync(server.Options))
        {
            var units = Path.Combine(folder.Folder, "units.csv");
            File.WriteAllText(units, "source_id;name;parent_id;kind\nR;Alue;;region\nU1;Asema;R;unit\n");
            await new Importer(setup).ImportAsync(SourceKind.OrgUnits, units, null, new ImportOptions());
        }
        const string header = "source_id;unit_id;received_at;channel;outcome\n";
        var first = Path.Combine(folder.Folder, "contacts-a.csv");
        File.WriteAllText(first, header + "A1;U1;5.2.2024 9:00;phone;resolved\nA2;U1;5.2.2024 10:00;chat;resolved\n");
        var second = Path.Combine(folder.Folder, "contacts-b.csv");
        File.WriteAllText(second, header + "B1;U1;6.2.2024 9:00;phone;resolved\n");

        // The second load starts while the first has found the table empty and not yet committed.
        var aFound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var a = await IndicatorsStorage.OpenMigratedAsync(server.Options);
        await using var b = await IndicatorsStorage.OpenMigratedAsync(server.Options);
        var importA = new Importer(a).ImportAsync(SourceKind.Contacts, first, null, new ImportOptions
        {
            FoundEmptyForTest = async () => { aFound.TrySetResult(); await release.Task.WaitAsync(TimeSpan.FromSeconds(30)); },
        });
        await aFound.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var importB = new Importer(b).ImportAsync(SourceKind.Contacts, second, null, new ImportOptions());
        await using (var watch = await IndicatorsStorage.OpenMigratedAsync(server.Options))
            for (var waited = 0; (await Support.ListAsync(watch, "SELECT count(*)::text FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"))[0] == "0"; waited++)
            {
                Assert.True(waited < 200, "the second load never waited for the table");
                await Task.Delay(50);
            }
        release.SetResult();
        Assert.Equal(2, (await importA).Stored);
        Assert.Equal(1, (await importB).Stored);
        await using var check = await IndicatorsStorage.OpenMigratedAsync(server.Options);
        Assert.Equal(["A1", "A2", "B1"], await check.Contacts.OrderBy(c => c.SourceId).Select(c => c.SourceId).ToListAsync());
    }

    private static async Task CheckAsync(DatabaseOptions options, string folder, string indexSql, Func<IndicatorsDbContext, Task>? firstLoad = null)
    {
        await using var db = await IndicatorsStorage.OpenMigratedAsync(options);
        var units = Path.Combine(folder, "units.csv");
        File.WriteAllText(units, "source_id;name;parent_id;kind\nR;Alue;;region\nU1;Asema;R;unit\n");
        await new Importer(db).ImportAsync(SourceKind.OrgUnits, units, null, new ImportOptions());
        var migrated = await Support.ListAsync(db, indexSql);
        Assert.True(migrated.Count >= 4, string.Join("\n", migrated)); // the unique source id and the secondary ones

        var path = Path.Combine(folder, "contacts.csv");
        File.WriteAllText(path, "source_id;unit_id;received_at;channel;outcome;callback_requested_at;callback_done_at\n" +
            "Y1;U1;5.2.2024 9:00;phone;callback;5.2.2024 9:00;5.2.2024 11:00\nY2;U1;5.2.2024 10:00;chat;resolved;;\n");
        db.ChangeTracker.Clear();
        await Assert.ThrowsAsync<IOException>(() => new Importer(db).ImportAsync(SourceKind.Contacts, path, null,
            new ImportOptions { BeforeCommit = () => throw new IOException("simulated") }));
        db.ChangeTracker.Clear();
        Assert.Equal(migrated, await Support.ListAsync(db, indexSql));
        Assert.Equal(0, await db.Contacts.CountAsync());

        db.ChangeTracker.Clear();
        Assert.Equal(2, (await new Importer(db).ImportAsync(SourceKind.Contacts, path, null, new ImportOptions())).Stored);
        Assert.Equal(migrated, await Support.ListAsync(db, indexSql));
        if (firstLoad is not null) await firstLoad(db);

        var more = Path.Combine(folder, "contacts-2.csv");
        File.WriteAllText(more, "source_id;unit_id;received_at;channel;outcome\nY3;U1;6.2.2024 9:00;phone;resolved\n");
        db.ChangeTracker.Clear();
        Assert.Equal(1, (await new Importer(db).ImportAsync(SourceKind.Contacts, more, null, new ImportOptions())).Stored);
        Assert.Equal(migrated, await Support.ListAsync(db, indexSql));
        // The rebuilt indexes serve their queries: the callback index finds the one request.
        db.ChangeTracker.Clear();
        Assert.Equal(1, await db.Contacts.CountAsync(c => c.UnitId == "U1" && c.CallbackRequestedAt != null));
    }
}

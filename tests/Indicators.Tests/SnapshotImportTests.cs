using System.Text;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Ingest;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Indicators.Synthetic;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Indicators.Tests;

/// <summary>
/// Waiting lists and rosters are snapshots: the same file again changes nothing, a newer file with the
/// same ids updates the rows whose values changed (counted as updated), bad rows are rejected with file,
/// line and field, and a failure rolls everything back. On SQLite and PostgreSQL.
/// </summary>
public abstract class SnapshotImportTests(bool postgres)
{
    private readonly Random _random = new(99);

    private async Task<(IndicatorsDbContext Db, string Folder, IAsyncDisposable Store)> OpenAsync()
    {
        var file = new SqliteFile();
        IAsyncDisposable store;
        DatabaseOptions options;
        if (postgres)
        {
            var pg = await PostgresServer.CreateDatabaseAsync();
            (store, options) = (new Both(pg, file), pg.Options);
        }
        else (store, options) = (new Both(null, file), file.Options);
        var db = await IndicatorsStorage.OpenMigratedAsync(options);
        var units = Path.Combine(file.Folder, "units.csv");
        File.WriteAllText(units, "source_id;name;parent_id;kind\nR;Alue;;region\nU1;Asema;R;unit\nU2;Toinen;R;unit\n");
        await new Importer(db).ImportAsync(SourceKind.OrgUnits, units, null, new ImportOptions());
        return (db, file.Folder, store);
    }

    private sealed class Both(PostgresServer? pg, SqliteFile file) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (pg is not null) await pg.DisposeAsync();
            file.Dispose();
        }
    }

    private static string Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public async Task Waiting_list_snapshot_updates_changed_rows_and_only_those()
    {
        var (db, folder, store) = await OpenAsync();
        await using var _ = store;
        await using var __ = db;
        var options = new ImportOptions { Pseudonymiser = Support.Pseudonymiser, Culture = new("en") };
        var (a, b, c) = (SyntheticRegion.SyntheticIdentityCode(_random), SyntheticRegion.SyntheticIdentityCode(_random), SyntheticRegion.SyntheticIdentityCode(_random));
        const string header = "source_id;person_id;unit_id;added_date;assessment_date;removed_date;profession\n";
        var monday = Write(folder, "jono-ma.csv", header + $"J1;{a};U1;2.11.2026;2.11.2026;;doctor\nJ2;{b};U1;3.11.2026;;;nurse\n");
        var tuesday = Write(folder, "jono-ti.csv", header +
            $"J1;{a};U1;2.11.2026;2.11.2026;10.11.2026;doctor\nJ2;{b};U1;3.11.2026;;;nurse\nJ3;{c};U2;10.11.2026;10.11.2026;;nurse\nJ4;{c};U9;10.11.2026;;;nurse\nJ5;{c};U1;10.11.2026;;9.11.2026;nurse\n");

        var first = await new Importer(db).ImportAsync(SourceKind.WaitingList, monday, null, options);
        db.ChangeTracker.Clear();
        var again = await new Importer(db).ImportAsync(SourceKind.WaitingList, monday, null, options);
        db.ChangeTracker.Clear();
        var newer = await new Importer(db).ImportAsync(SourceKind.WaitingList, tuesday, null, options);
        db.ChangeTracker.Clear();

        Assert.Equal((2, 2, 0, 0), (first.Read, first.Stored, first.Updated, first.SkippedDuplicate));
        Assert.Equal((2, 0, 0, 2), (again.Read, again.Stored, again.Updated, again.SkippedDuplicate));
        // J1 removed (updated), J2 unchanged (skipped), J3 new, J4 unknown unit, J5 removed before added.
        Assert.Equal((5, 1, 1, 1, 2), (newer.Read, newer.Stored, newer.Updated, newer.SkippedDuplicate, newer.Rejected));
        Assert.Contains(newer.Rejects, r => r is { File: "jono-ti.csv", Line: 5, Field: "unit_id" });
        Assert.Contains(newer.Rejects, r => r is { File: "jono-ti.csv", Line: 6, Field: "removed_date" });
        var rows = await db.WaitingList.AsNoTracking().OrderBy(w => w.SourceId).ToListAsync();
        Assert.Equal(["J1", "J2", "J3"], rows.Select(r => r.SourceId));
        Assert.Equal(new DateOnly(2026, 11, 10), rows[0].RemovedDate);
        Assert.Equal(("jono-ti.csv", 2, newer.Batch.Id), (rows[0].SourceFile, rows[0].SourceLine, rows[0].ImportBatchId));
        Assert.Equal(("jono-ma.csv", first.Batch.Id), (rows[1].SourceFile, rows[1].ImportBatchId));
        // Identity codes never stored: only their keyed pseudonyms.
        Assert.Equal(Support.Pseudonymiser.Person(a), rows[0].PersonPseudonym);
        Assert.DoesNotContain(rows, r => r.PersonPseudonym.Contains(a[..6], StringComparison.Ordinal));
        Assert.Equal(1, (await db.ImportBatches.AsNoTracking().SingleAsync(x => x.Id == newer.Batch.Id)).RowsUpdated);
    }

    [Fact]
    public async Task Roster_rows_without_ids_are_keyed_by_unit_day_and_profession_and_updated_during_the_day()
    {
        var (db, folder, store) = await OpenAsync();
        await using var _ = store;
        await using var __ = db;
        const string header = "unit_id;day;profession;planned;present\n";
        var morning = Write(folder, "vuorot-0700.csv", header + "U1;18.11.2026;doctor;3;3\nU1;18.11.2026;nurse;5;5\nU2;18.11.2026;nurse;2;2\n");
        var noon = Write(folder, "vuorot-1200.csv", header + "U1;18.11.2026;doctor;3;2\nU1;18.11.2026;nurse;5;5\nU2;18.11.2026;nurse;2;x\nU2;18.11.2026;nurse;2;1\n");

        var first = await new Importer(db).ImportAsync(SourceKind.Roster, morning, null, new ImportOptions());
        db.ChangeTracker.Clear();
        var second = await new Importer(db).ImportAsync(SourceKind.Roster, noon, null, new ImportOptions { Culture = new("en") });
        db.ChangeTracker.Clear();
        Assert.Equal((3, 0), (first.Stored, first.Updated));
        // U1 doctor 3 → 2 present and U2 nurse 2 → 1 updated; U1 nurse unchanged; the "x" row rejected.
        Assert.Equal((0, 2, 1, 1), (second.Stored, second.Updated, second.SkippedDuplicate, second.Rejected));
        Assert.Contains(second.Rejects, r => r is { Line: 4, Field: "present" } && r.Reason.Contains("'x'"));
        var rows = await db.Roster.AsNoTracking().OrderBy(r => r.SourceId).ToListAsync();
        Assert.Equal(["U1|2026-11-18|doctor", "U1|2026-11-18|nurse", "U2|2026-11-18|nurse"], rows.Select(r => r.SourceId));
        Assert.Equal([2, 5, 1], rows.Select(r => r.Present));
    }

    [Fact]
    public async Task A_failed_snapshot_import_changes_nothing()
    {
        var (db, folder, store) = await OpenAsync();
        await using var _ = store;
        await using var __ = db;
        const string header = "unit_id;day;profession;planned;present\n";
        await new Importer(db).ImportAsync(SourceKind.Roster, Write(folder, "a.csv", header + "U1;18.11.2026;doctor;3;3\n"), null, new ImportOptions());
        db.ChangeTracker.Clear();
        await Assert.ThrowsAsync<IOException>(() => new Importer(db).ImportAsync(SourceKind.Roster,
            Write(folder, "b.csv", header + "U1;18.11.2026;doctor;3;1\nU2;18.11.2026;doctor;1;1\n"), null,
            new ImportOptions { BeforeCommit = () => throw new IOException("simulated") }));
        db.ChangeTracker.Clear();
        var row = await db.Roster.AsNoTracking().SingleAsync();
        Assert.Equal(3, row.Present);
        Assert.Equal(1, await db.ImportBatches.CountAsync(b => b.Kind == "roster"));
    }
}

public sealed class SqliteSnapshotImportTests() : SnapshotImportTests(postgres: false);

public sealed class PostgresSnapshotImportTests() : SnapshotImportTests(postgres: true);

using System.Text;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Ingest;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;
using static Tilannekuva.Indicators.Tests.Support;

namespace Tilannekuva.Indicators.Tests;

/// <summary>
/// Corrections: a row re-sent under a known source id with other values replaces the stored one when the
/// file is newer, is reported as updated with its id, and both its old and new periods are recomputed;
/// the same content, or an older file, changes nothing.
/// </summary>
public sealed class CorrectionTests
{
    private const string Header = "source_id;unit_id;received_at;channel;outcome\n";

    private static string Write(string folder, string name, string text, DateTime written)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, Header + text, new UTF8Encoding(false));
        File.SetLastWriteTime(path, written);
        return path;
    }

    private static async Task RunAsync(DatabaseOptions options, string folder)
    {
        await using var db = await IndicatorsStorage.OpenMigratedAsync(options);
        await SeedTreeAsync(db);
        var service = new IndicatorsService(db, new IngestSettings());
        var day = new DateTime(2026, 11, 1);
        await service.ImportAsync(SourceKind.Contacts, Write(folder, "a.csv", "C1;U1;5.3.2024 9:00;chat;resolved\nC2;U1;5.3.2024 9:00;phone;resolved\n", day), null);
        Assert.Equal(50.0, Find(await db.IndicatorValues.AsNoTracking().ToListAsync(), "remote_contact_share", "2024-03", "U1")!.Value);

        // C1 corrected: another channel and another year; C2 unchanged.
        var (corrected, _) = await service.ImportAsync(SourceKind.Contacts,
            Write(folder, "b.csv", "C1;U1;7.5.2025 10:00;phone;resolved\nC2;U1;5.3.2024 9:00;phone;resolved\n", day.AddDays(1)), null);

        Assert.Equal(["C1"], corrected.UpdatedIds);
        Assert.Equal((1, 0, 1), (corrected.Updated, corrected.Stored, corrected.SkippedDuplicate));
        db.ChangeTracker.Clear();
        var c1 = await db.Contacts.AsNoTracking().SingleAsync(c => c.SourceId == "C1");
        Assert.Equal((new DateTime(2025, 5, 7, 10, 0, 0), "b.csv"), (c1.ReceivedAt, c1.SourceFile));
        var values = await db.IndicatorValues.AsNoTracking().ToListAsync();
        Assert.Equal(0.0, Find(values, "remote_contact_share", "2024-03", "U1")!.Value);     // the old period recomputed
        Assert.Equal(1L, Find(values, "remote_contact_share", "2024-03", "U1")!.N);
        Assert.Equal(0.0, Find(values, "remote_contact_share", "2025-05", "U1")!.Value);     // the new one too
        Assert.Empty(await db.PendingRecomputes.ToListAsync());

        // The same content again: nothing changes. An older file with other values: not applied.
        var again = await service.ImportAsync(SourceKind.Contacts, Write(folder, "b2.csv", "C1;U1;7.5.2025 10:00;phone;resolved\n", day.AddDays(2)), null);
        Assert.Equal((0, 0, 1), (again.Import.Updated, again.Import.Stored, again.Import.SkippedDuplicate));
        var older = await service.ImportAsync(SourceKind.Contacts, Write(folder, "old.csv", "C1;U1;5.3.2024 9:00;chat;resolved\n", day.AddDays(-5)), null);
        Assert.Equal(0, older.Import.Updated);
        db.ChangeTracker.Clear();
        Assert.Equal(new DateTime(2025, 5, 7, 10, 0, 0), (await db.Contacts.AsNoTracking().SingleAsync(c => c.SourceId == "C1")).ReceivedAt);
    }

    [Fact]
    public async Task Sqlite_applies_corrections_from_a_newer_file()
    {
        using var file = new SqliteFile();
        await RunAsync(file.Options, file.Folder);
    }

    [Fact]
    public async Task Postgres_applies_corrections_from_a_newer_file()
    {
        await using var server = await PostgresServer.CreateDatabaseAsync();
        using var folder = new SqliteFile();
        await RunAsync(server.Options, folder.Folder);
    }
}

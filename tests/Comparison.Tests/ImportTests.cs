using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Comparison.Export;
using Tilannekuva.Comparison.Import;
using Tilannekuva.Comparison.Signing;
using Tilannekuva.Comparison.Storage;
using Tilannekuva.Disclosure;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Comparison.Tests;

/// <summary>
/// The comparison instance's import on SQLite and PostgreSQL: the same file twice changes nothing, a newer export of the
/// county replaces its cells (audited), an older one and one with a small shown cell are refused with the store unchanged.
/// </summary>
[Collection(CountyCollection.Name)]
public sealed class ImportTests(CountyFixture county)
{
    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    private static async Task<(DatabaseOptions Db, IAsyncDisposable Drop)> StoreAsync(string provider, string folder)
    {
        if (provider == "sqlite")
        {
            var file = new SqliteFile("comparison.db");
            return (file.Options, new Disposer(() => file.Dispose()));
        }
        var pg = await PostgresServer.CreateDatabaseAsync("tk_cmp");
        return (pg.Options, pg);
    }

    private sealed class Disposer(Action dispose) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() { dispose(); return ValueTask.CompletedTask; }
    }

    private async Task<string> WriteAsync(ExportContent content, ECDsa key, string name)
    {
        var path = Path.Combine(county.Folder, name);
        await File.WriteAllTextAsync(path, ExportSigner.ToFileText(ExportSigner.Sign(content, key)));
        return path;
    }

    private static async Task<(int Counties, int Cells, int Audit, string? Hash)> StateAsync(DatabaseOptions db)
    {
        await using var c = ComparisonStorage.Open(db);
        return (await c.Counties.CountAsync(), await c.Cells.CountAsync(), await c.AuditEntries.CountAsync(), (await c.Counties.FirstOrDefaultAsync())?.ContentSha256);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_is_idempotent_a_newer_export_replaces_and_is_audited_an_older_or_unsafe_one_is_refused(string provider)
    {
        var (db, drop) = await StoreAsync(provider, county.Folder);
        await using var _ = drop;
        await using (var m = ComparisonStorage.Open(db)) await ModuleMigrator.MigrateAsync(m);
        var (privatePem, publicPem) = CountyKeys.Generate();
        using var key = ECDsa.Create();
        key.ImportFromPem(privatePem);
        var trusted = new TrustedKeys(new Dictionary<string, string> { [county.Shape.Id] = publicPem }, "test");

        var first = await county.ExportAsync(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var firstFile = await WriteAsync(first, key, $"first-{provider}.json");
        await using (var c = ComparisonStorage.Open(db, new FixedUserName("testi")))
        {
            var result = await new ComparisonImporter(c, trusted, SmallCellRule.Default).ImportFileAsync(firstFile);
            Assert.Equal(ImportOutcome.Added, result.Outcome);
            Assert.Equal(first.Cells.Count, result.Cells);
        }
        var afterFirst = await StateAsync(db);
        Assert.Equal((1, first.Cells.Count, 1), (afterFirst.Counties, afterFirst.Cells, afterFirst.Audit));

        // The same file again, in a new context: nothing changes, not even the audit log.
        await using (var c = ComparisonStorage.Open(db))
            Assert.Equal(ImportOutcome.Unchanged, (await new ComparisonImporter(c, trusted, SmallCellRule.Default).ImportFileAsync(firstFile)).Outcome);
        Assert.Equal(afterFirst, await StateAsync(db));

        // Stored values are the file's: hidden cells without value or n.
        await using (var c = ComparisonStorage.Open(db))
        {
            var stored = await c.Cells.AsNoTracking().ToListAsync();
            foreach (var cell in first.Cells)
            {
                var s = stored.Single(x => x.IndicatorCode == cell.Indicator && x.PeriodType == cell.PeriodType && x.PeriodCode == cell.Period && x.UnitId == cell.Unit);
                Assert.Equal((cell.Value, cell.N, cell.Suppressed), (s.Value, s.N, s.Suppressed));
            }
        }

        // A newer export with one value changed (the county corrected its data): replaces the county's cells, audited with before and after.
        var changedCells = first.Cells.ToList();
        var i = changedCells.FindIndex(c => !c.Suppressed && c.Level == ExportLevel.County && c.Indicator == "care_guarantee_7d" && c.PeriodType == "year");
        changedCells[i] = changedCells[i] with { Value = 0.5, N = 400 };
        changedCells.RemoveAt(changedCells.Count - 1);
        var newer = first with { ExportedAt = first.ExportedAt.AddDays(7), Cells = changedCells };
        await using (var c = ComparisonStorage.Open(db, new FixedUserName("testi")))
            Assert.Equal(ImportOutcome.Replaced, (await new ComparisonImporter(c, trusted, SmallCellRule.Default).ImportFileAsync(await WriteAsync(newer, key, $"newer-{provider}.json"))).Outcome);
        var afterNewer = await StateAsync(db);
        Assert.Equal((1, first.Cells.Count - 1, 2), (afterNewer.Counties, afterNewer.Cells, afterNewer.Audit));
        await using (var c = ComparisonStorage.Open(db))
        {
            var audit = await c.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(["Added", "Modified"], audit.Select(a => a.Change));
            Assert.All(audit, a => Assert.Equal("testi", a.UserName));
            Assert.Contains($"first-{provider}.json", audit[1].Before);
            Assert.Contains($"newer-{provider}.json", audit[1].After);
            var year = changedCells[i];
            var s = await c.Cells.AsNoTracking().SingleAsync(x => x.IndicatorCode == year.Indicator && x.PeriodType == "year" && x.PeriodCode == year.Period && x.UnitId == year.Unit);
            Assert.Equal((0.5, 400L), (s.Value!.Value, s.N!.Value));
        }

        // The older export now: refused, nothing changes.
        await using (var c = ComparisonStorage.Open(db))
        {
            var e = await Assert.ThrowsAsync<ExportRejectedException>(() => new ComparisonImporter(c, trusted, SmallCellRule.Default).ImportFileAsync(firstFile));
            Assert.Equal("Comparison.Reject.Older", e.Reason);
            Assert.StartsWith(firstFile + ":", e.Message);
        }
        Assert.Equal(afterNewer, await StateAsync(db));

        // A validly signed file that shows a cell under 5 (a county's faulty software) is refused as a whole.
        var unsafeCells = changedCells.ToList();
        var hiddenIndex = unsafeCells.FindIndex(c => c.Suppressed);
        unsafeCells[hiddenIndex] = unsafeCells[hiddenIndex] with { Value = 1.0, N = 3, Suppressed = false };
        await using (var c = ComparisonStorage.Open(db))
        {
            var e = await Assert.ThrowsAsync<ExportRejectedException>(() => new ComparisonImporter(c, trusted, SmallCellRule.Default)
                .ImportFileAsync(WriteAsync(newer with { ExportedAt = newer.ExportedAt.AddDays(1), Cells = unsafeCells }, key, $"unsafe-{provider}.json").Result));
            Assert.Equal("Comparison.Reject.SmallCell", e.Reason);
        }
        // A file tampered with after signing: refused before anything is read into the store.
        var tampered = Path.Combine(county.Folder, $"tampered-{provider}.json");
        var text = ExportSigner.ToFileText(ExportSigner.Sign(newer with { ExportedAt = newer.ExportedAt.AddDays(2) }, key));
        await File.WriteAllTextAsync(tampered, text.Replace("\"value\": 0.5,", "\"value\": 0.55,"));
        await using (var c = ComparisonStorage.Open(db))
            Assert.Equal("Comparison.Reject.Tampered", (await Assert.ThrowsAsync<ExportRejectedException>(() => new ComparisonImporter(c, trusted, SmallCellRule.Default).ImportFileAsync(tampered))).Reason);
        Assert.Equal(afterNewer, await StateAsync(db));
    }
}

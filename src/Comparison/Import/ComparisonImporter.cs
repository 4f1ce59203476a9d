using Microsoft.EntityFrameworkCore;
using Tilannekuva.Comparison.Export;
using Tilannekuva.Comparison.Signing;
using Tilannekuva.Comparison.Storage;
using Tilannekuva.Disclosure;

namespace Tilannekuva.Comparison.Import;

/// <summary>What an import did with one file.</summary>
public enum ImportOutcome
{
    /// <summary>The county's first export: stored.</summary>
    Added,
    /// <summary>A newer export of a county: its cells replaced (audited).</summary>
    Replaced,
    /// <summary>The same export again: nothing changed.</summary>
    Unchanged,
}

public sealed record ComparisonImportResult(ImportOutcome Outcome, string CountyId, string CountyName, int Cells, DateTimeOffset ExportedAt);

/// <summary>
/// Imports a county's signed export into the comparison instance: verified first (trusted key, unchanged content),
/// checked against the small-cell rule, then stored in one transaction. Re-importing the same export changes nothing;
/// a newer one replaces that county's cells and is audit-logged; an older one is refused.
/// </summary>
public sealed class ComparisonImporter(ComparisonDbContext db, TrustedKeys trusted, SmallCellRule rule)
{
    public async Task<ComparisonImportResult> ImportFileAsync(string path, CancellationToken ct = default)
    {
        if (!File.Exists(path)) throw new ExportRejectedException(path, "Comparison.Reject.NoFile");
        return await ImportTextAsync(await File.ReadAllTextAsync(path, ct), path, ct);
    }

    /// <param name="source">The file's name, for messages and the county row.</param>
    public async Task<ComparisonImportResult> ImportTextAsync(string text, string source, CancellationToken ct = default)
    {
        var export = ExportSigner.ReadVerified(text, source, trusted);
        var content = export.Content;
        Check(content, source);
        var hash = ExportJson.ContentHash(content);
        var exportedAt = content.ExportedAt.ToUniversalTime();

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var county = await db.Counties.FirstOrDefaultAsync(c => c.Id == content.County.Id, ct);
            if (county is not null && county.ContentSha256 == hash)
                return new ComparisonImportResult(ImportOutcome.Unchanged, county.Id, county.Name, county.Cells, county.ExportedAt);
            if (county is not null && exportedAt <= county.ExportedAt)
                throw new ExportRejectedException(source, "Comparison.Reject.Older", county.Id, county.ExportedAt.ToString("yyyy-MM-dd HH:mm:ss"), exportedAt.ToString("yyyy-MM-dd HH:mm:ss"));
            var outcome = county is null ? ImportOutcome.Added : ImportOutcome.Replaced;
            if (county is null)
            {
                county = new ComparedCounty { Id = content.County.Id, Name = content.County.Name, ContentSha256 = hash, KeyFingerprint = export.Signature.KeyFingerprint, FileName = "" };
                db.Counties.Add(county);
            }
            else
                await db.Cells.Where(c => c.CountyId == county.Id).ExecuteDeleteAsync(ct);
            county.Name = content.County.Name;
            county.ExportedAt = exportedAt;
            county.LatestEvent = content.DataTime.LatestEvent;
            county.LastImport = content.DataTime.LastImport?.ToUniversalTime();
            county.MinimumCellSize = content.MinimumCellSize;
            county.ContentSha256 = hash;
            county.KeyFingerprint = export.Signature.KeyFingerprint;
            county.FileName = Path.GetFileName(source);
            county.ImportedAt = DateTimeOffset.UtcNow;
            county.Cells = content.Cells.Count;
            db.Cells.AddRange(content.Cells.Select(c => new ComparisonCell
            {
                CountyId = county.Id, IndicatorCode = c.Indicator, PeriodType = c.PeriodType, PeriodCode = c.Period, Level = c.Level,
                UnitId = c.Unit, UnitName = c.UnitName, Value = c.Suppressed ? null : c.Value, N = c.Suppressed ? null : c.N, Suppressed = c.Suppressed,
            }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new ComparisonImportResult(outcome, county.Id, county.Name, county.Cells, county.ExportedAt);
        });
    }

    /// <summary>
    /// The comparison's own rule holds whatever the county applied: an export made with a smaller minimum, or with a
    /// shown cell under the minimum, is refused as a whole (a county's software should never write one).
    /// </summary>
    private void Check(ExportContent content, string source)
    {
        if (content.MinimumCellSize < rule.Minimum)
            throw new ExportRejectedException(source, "Comparison.Reject.Minimum", content.MinimumCellSize, rule.Minimum);
        var seen = new HashSet<(string, string, string, string)>();
        for (var i = 0; i < content.Cells.Count; i++)
        {
            var c = content.Cells[i];
            var where = $"#{i + 1} ({c.Indicator} {c.Period} {c.Unit})";
            if (!seen.Add((c.Indicator, c.PeriodType, c.Period, c.Unit)))
                throw new ExportRejectedException(source, "Comparison.Reject.Twice", where);
            if (c.Level is not (ExportLevel.County or ExportLevel.Area))
                throw new ExportRejectedException(source, "Comparison.Reject.Level", where, c.Level);
            if (!CountyExporter.PeriodTypes.Contains(c.PeriodType))
                throw new ExportRejectedException(source, "Comparison.Reject.PeriodType", where, c.PeriodType);
            if (c.Suppressed ? c.Value is not null || c.N is not null : c.Value is null || c.N is null)
                throw new ExportRejectedException(source, "Comparison.Reject.CellShape", where);
            if (!c.Suppressed && rule.Hides(c.N!.Value))
                throw new ExportRejectedException(source, "Comparison.Reject.SmallCell", where, c.N, rule.Minimum);
        }
    }
}

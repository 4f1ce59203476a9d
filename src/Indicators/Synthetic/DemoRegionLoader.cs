using Microsoft.EntityFrameworkCore;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Ingest;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.Indicators.Synthetic;

/// <summary>Generates a synthetic region's export files and loads them through the ordinary importer, then computes.</summary>
public static class DemoRegionLoader
{
    /// <summary>Synthetic data only: its identity codes are made up, so a fixed key is harmless.</summary>
    public const string DemoPseudonymKey = "synthetic-demo-region-key-not-for-real-data";

    /// <summary>Loads the region unless org units exist already; returns the number of rows stored.</summary>
    /// <param name="now">When given (on <paramref name="end"/>), the data is a snapshot at that moment: see <see cref="SyntheticRegion"/>.</param>
    public static async Task<int> LoadIfEmptyAsync(IndicatorsDbContext db, int population, int years, int seed, DateOnly end, string folder,
        CancellationToken ct = default, DateTime? now = null)
    {
        if (await db.OrgUnits.AnyAsync(ct)) return 0;
        var stored = await ImportAsync(db, new SyntheticRegion(population, years, seed, end, now).Write(folder), ct);
        await RecomputeState.RecomputeAllAsync(db, ct: ct);
        return stored;
    }

    /// <summary>Imports a synthetic region's files with the demo key (no recompute); the rows stored.</summary>
    public static async Task<int> ImportAsync(IndicatorsDbContext db, SyntheticFiles files, CancellationToken ct = default)
    {
        var stored = 0;
        foreach (var (kind, file, mapping) in files.Files)
        {
            db.ChangeTracker.Clear();
            var result = await new Importer(db).ImportAsync(kind, file, mapping is null ? null : ColumnMapping.Load(mapping),
                new ImportOptions { Pseudonymiser = new Pseudonymiser(DemoPseudonymKey) }, ct);
            stored += result.Stored;
        }
        return stored;
    }
}

using Microsoft.EntityFrameworkCore;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Ingest;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.Indicators;

/// <summary>Ingest settings (configuration section "Ingest"); environment variables fill what is not configured.</summary>
public sealed record IngestSettings(string? PseudonymKey = null, string? RawFolder = null, PlausibilityRules? Plausibility = null)
{
    public Pseudonymiser? Pseudonymiser =>
        (PseudonymKey ?? Environment.GetEnvironmentVariable(Pseudonymiser.EnvironmentVariable)) is { Length: > 0 } key ? new Pseudonymiser(key) : null;

    public string? RawFolderOrDefault => RawFolder ?? Environment.GetEnvironmentVariable("TILANNEKUVA_RAW_FOLDER");
}

/// <summary>
/// The module's small public surface for pages and the API: import a file and recompute, read the
/// catalogue and the recent imports. Computed values are read through <see cref="Results.IndicatorResults"/>.
/// </summary>
public sealed class IndicatorsService(IndicatorsDbContext db, IngestSettings settings)
{
    public IReadOnlyList<IndicatorDefinition> Catalogue => IndicatorCatalogue.All;

    /// <summary>
    /// Imports one file and, if it stored rows that indicators are computed from, recomputes the
    /// indicators: for visits, contacts and slots only the years the file's rows fall in; for org units
    /// and assessments (an assessment can change the wait of a visit of any later date) everything.
    /// </summary>
    public async Task<(ImportResult Import, ComputeResult? Compute)> ImportAsync(SourceKind kind, string path, ColumnMapping? mapping,
        Action<ImportProgress>? progress = null, System.Globalization.CultureInfo? culture = null, CancellationToken ct = default)
    {
        var result = await new Importer(db).ImportAsync(kind, path, mapping, new ImportOptions
        {
            Pseudonymiser = settings.Pseudonymiser,
            RawFolder = settings.RawFolderOrDefault,
            Plausibility = settings.Plausibility ?? PlausibilityRules.Default,
            Progress = progress,
            Culture = culture ?? System.Globalization.CultureInfo.CurrentUICulture,
        }, ct);
        ImportMetrics.Rows.Add(result.Batch.RowsStored + result.Batch.RowsUpdated, new KeyValuePair<string, object?>("kind", result.Batch.Kind));
        ImportMetrics.Rejects.Add(result.Batch.RowsRejected, new KeyValuePair<string, object?>("kind", result.Batch.Kind));
        db.ChangeTracker.Clear();
        // Every pending window: this import's and any an earlier import left unfinished.
        var computed = await RecomputeState.CompleteAsync(db, ct: ct);
        return (result, computed.LastOrDefault());
    }

    public Task<ComputeResult> RecomputeAsync(CancellationToken ct = default) => RecomputeState.RecomputeAllAsync(db, ct: ct);

    /// <summary>Recomputes what earlier imports left pending (run at start); none when nothing is.</summary>
    public Task<IReadOnlyList<ComputeResult>> CompletePendingAsync(CancellationToken ct = default) => RecomputeState.CompleteAsync(db, ct: ct);

    /// <summary>Since when the stored values have been out of date (an import's recompute not finished yet); null when they are current.</summary>
    public Task<DateTime?> PendingSinceAsync(CancellationToken ct = default) => RecomputeState.PendingSinceAsync(db, ct);

    /// <summary>The periods an import touched, or null when everything must be recomputed.</summary>
    public static RecomputeWindow? Window(ImportResult import) =>
        import.EventTimes is { } t ? RecomputeWindow.ForEvents(t.First, t.Last) : null;

    public Task<List<ImportBatch>> RecentImportsAsync(int count = 20, CancellationToken ct = default) =>
        db.ImportBatches.AsNoTracking().OrderByDescending(b => b.Id).Take(count).ToListAsync(ct);
}

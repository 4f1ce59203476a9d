using Microsoft.EntityFrameworkCore;
using Tilannekuva.Comparison.Export;
using Tilannekuva.Comparison.Storage;
using Tilannekuva.Disclosure;

namespace Tilannekuva.Comparison.Reading;

/// <summary>A county's value in one period: shown (value and n), hidden by the small-cell rule, or absent.</summary>
public sealed record CountyValue(string CountyId, string PeriodCode, double? Value, long? N, bool Suppressed);

/// <summary>
/// Reads the comparison store for the pages and the API. The comparison instance's own minimum cell size is applied
/// again on reading, so a figure under it is never shown even if it had been stored.
/// </summary>
public sealed class ComparisonReader(ComparisonDbContext db, SmallCellRule rule)
{
    public Task<List<ComparedCounty>> CountiesAsync(CancellationToken ct = default) =>
        db.Counties.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);

    /// <summary>The indicator codes that have any county-level cell.</summary>
    public Task<List<string>> IndicatorsAsync(CancellationToken ct = default) =>
        db.Cells.AsNoTracking().Where(c => c.Level == ExportLevel.County).Select(c => c.IndicatorCode).Distinct().ToListAsync(ct);

    /// <summary>Every period of a type with a county-level cell of the indicator, oldest first.</summary>
    public async Task<List<string>> PeriodsAsync(string indicator, string periodType, CancellationToken ct = default) =>
        (await db.Cells.AsNoTracking().Where(c => c.IndicatorCode == indicator && c.PeriodType == periodType && c.Level == ExportLevel.County)
            .Select(c => c.PeriodCode).Distinct().ToListAsync(ct)).OrderBy(p => p, StringComparer.Ordinal).ToList();

    /// <summary>Each county's values of the indicator over every period of the type (the series for the chart and the period table).</summary>
    public async Task<List<CountyValue>> SeriesAsync(string indicator, string periodType, CancellationToken ct = default) =>
        (await db.Cells.AsNoTracking().Where(c => c.IndicatorCode == indicator && c.PeriodType == periodType && c.Level == ExportLevel.County).ToListAsync(ct))
            .Select(Shown).OrderBy(v => v.PeriodCode, StringComparer.Ordinal).ToList();

    /// <summary>The areas of every county in one period, by county.</summary>
    public async Task<ILookup<string, (string Name, CountyValue Value)>> AreasAsync(string indicator, string periodType, string period, CancellationToken ct = default) =>
        (await db.Cells.AsNoTracking().Where(c => c.IndicatorCode == indicator && c.PeriodType == periodType && c.PeriodCode == period && c.Level == ExportLevel.Area).ToListAsync(ct))
            .OrderBy(c => c.UnitName, StringComparer.CurrentCulture).ToLookup(c => c.CountyId, c => (c.UnitName, Shown(c)));

    private CountyValue Shown(ComparisonCell c) =>
        c.Suppressed || c.N is not { } n || c.Value is null || rule.Hides(n)
            ? new CountyValue(c.CountyId, c.PeriodCode, null, null, true)
            : new CountyValue(c.CountyId, c.PeriodCode, c.Value, n, false);
}

using Microsoft.EntityFrameworkCore;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.Indicators.Results;

/// <summary>One computed value: an indicator for a period and org unit (and breakdown category).</summary>
public sealed record ResultPoint(string PeriodCode, string OrgUnitId, string Category, double? Value, double Numerator, double? Denominator, long N);

/// <summary>Reads computed indicator values for pages, exports and programme metrics. Values are computed by IndicatorComputer; nothing here computes.</summary>
public sealed class IndicatorResults(IndicatorsDbContext db)
{
    public const string Total = "total";

    /// <summary>Since when the stored values have been out of date (an import's recompute has not finished); null when current.</summary>
    public Task<DateTime?> OutOfDateSinceAsync(CancellationToken ct = default) => Computation.RecomputeState.PendingSinceAsync(db, ct);

    public Task<List<OrgUnit>> RootsAsync(CancellationToken ct = default) =>
        db.OrgUnits.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.Name).ToListAsync(ct);

    public Task<OrgUnit?> UnitAsync(string id, CancellationToken ct = default) =>
        db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.SourceId == id, ct);

    public Task<List<OrgUnit>> ChildrenAsync(string id, CancellationToken ct = default) =>
        db.OrgUnits.AsNoTracking().Where(u => u.ParentId == id).OrderBy(u => u.Name).ToListAsync(ct);

    /// <summary>The unit and its ancestors, root first (for breadcrumbs).</summary>
    public async Task<List<OrgUnit>> PathAsync(string id, CancellationToken ct = default)
    {
        var ancestors = await db.OrgUnitAncestors.AsNoTracking().Where(a => a.UnitId == id).ToListAsync(ct);
        var ids = ancestors.Select(a => a.AncestorId).ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.SourceId)).ToListAsync(ct);
        return units.OrderByDescending(u => ancestors.First(a => a.AncestorId == u.SourceId).Depth).ToList();
    }

    /// <summary>The value over every computed period of a type, oldest first.</summary>
    public async Task<List<ResultPoint>> SeriesAsync(string code, string periodType, string unitId, string dimension = Total, string category = "", CancellationToken ct = default) =>
        (await Values(code, periodType).Where(v => v.OrgUnitId == unitId && v.Dimension == dimension && v.Category == category).ToListAsync(ct))
            .OrderBy(v => v.PeriodCode, StringComparer.Ordinal).Select(Point).ToList();

    /// <summary>Each child unit's value for one period (the drill-down table).</summary>
    public async Task<List<(OrgUnit Unit, ResultPoint? Point)>> ChildrenValuesAsync(string code, string periodType, string periodCode, string parentId, CancellationToken ct = default)
    {
        var children = await ChildrenAsync(parentId, ct);
        var ids = children.Select(c => c.SourceId).ToList();
        var values = await Values(code, periodType)
            .Where(v => v.PeriodCode == periodCode && v.Dimension == Total && ids.Contains(v.OrgUnitId)).ToListAsync(ct);
        return children.Select(c => (c, values.FirstOrDefault(v => v.OrgUnitId == c.SourceId) is { } v ? Point(v) : null)).ToList();
    }

    /// <summary>A unit's values in one period by the categories of a breakdown (profession, contact mode, wait bins …).</summary>
    public async Task<List<ResultPoint>> BreakdownAsync(string code, string periodType, string periodCode, string unitId, string dimension, CancellationToken ct = default) =>
        (await Values(code, periodType).Where(v => v.PeriodCode == periodCode && v.OrgUnitId == unitId && v.Dimension == dimension).ToListAsync(ct))
            .OrderBy(v => v.Category, StringComparer.Ordinal).Select(Point).ToList();

    /// <summary>The newest period of a type in which the unit has any value of the indicator, in any breakdown (a distribution has no total).</summary>
    public async Task<string?> LatestPeriodAsync(string code, string periodType, string unitId, CancellationToken ct = default) =>
        (await Values(code, periodType).Where(v => v.OrgUnitId == unitId && v.Value != null).Select(v => v.PeriodCode).Distinct().ToListAsync(ct))
            .OrderBy(p => p, StringComparer.Ordinal).LastOrDefault();

    /// <summary>The breakdown dimensions that have values for an indicator.</summary>
    public Task<List<string>> DimensionsAsync(string code, CancellationToken ct = default) =>
        db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorCode == code && v.Dimension != Total)
            .Select(v => v.Dimension).Distinct().OrderBy(d => d).ToListAsync(ct);

    /// <summary>The units under a unit (not itself), optionally of one kind, by name.</summary>
    public async Task<List<OrgUnit>> DescendantsAsync(string id, OrgUnitKind? kind = null, CancellationToken ct = default)
    {
        var ids = db.OrgUnitAncestors.Where(a => a.AncestorId == id && a.Depth > 0).Select(a => a.UnitId);
        var q = db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.SourceId));
        if (kind is { } k) q = q.Where(u => u.Kind == k);
        return await q.OrderBy(u => u.Name).ToListAsync(ct);
    }

    /// <summary>
    /// Totals of several indicators for several units in one query (dashboards): every period of the type,
    /// or only the given period codes. Keyed by indicator code.
    /// </summary>
    public async Task<ILookup<string, ResultPoint>> TotalsAsync(IReadOnlyCollection<string> codes, string periodType, IReadOnlyCollection<string> unitIds,
        IReadOnlyCollection<string>? periodCodes = null, CancellationToken ct = default)
    {
        var q = db.IndicatorValues.AsNoTracking()
            .Where(v => codes.Contains(v.IndicatorCode) && v.PeriodType == periodType && v.Dimension == Total && unitIds.Contains(v.OrgUnitId));
        if (periodCodes is not null) q = q.Where(v => periodCodes.Contains(v.PeriodCode));
        var rows = await q.ToListAsync(ct);
        return rows.OrderBy(v => v.PeriodCode, StringComparer.Ordinal).ToLookup(v => v.IndicatorCode, Point);
    }

    /// <summary>Whether any value of a period type has been computed (e.g. "week").</summary>
    public Task<bool> HasPeriodTypeAsync(string periodType, CancellationToken ct = default) =>
        db.IndicatorValues.AsNoTracking().AnyAsync(v => v.PeriodType == periodType, ct);

    /// <summary>
    /// Changes whenever the values are recomputed (a recompute deletes and inserts; ids are never reused, so the
    /// highest id grows, and the count catches a recompute that only removed values): a cheap key for caching
    /// what is built from the values. Callers should still let such a cache expire, in case values are ever updated in place.
    /// </summary>
    public async Task<string> VersionAsync(CancellationToken ct = default)
    {
        var max = await db.IndicatorValues.AsNoTracking().MaxAsync(v => (long?)v.Id, ct) ?? 0;
        var count = await db.IndicatorValues.AsNoTracking().LongCountAsync(ct);
        return $"{max}:{count}";
    }

    private IQueryable<IndicatorValue> Values(string code, string periodType) =>
        db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorCode == code && v.PeriodType == periodType);

    private static ResultPoint Point(IndicatorValue v) => new(v.PeriodCode, v.OrgUnitId, v.Category, v.Value, v.Numerator, v.Denominator, v.N);
}

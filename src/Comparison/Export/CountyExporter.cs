using Microsoft.EntityFrameworkCore;
using Tilannekuva.Disclosure;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Results;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.Comparison.Export;

/// <summary>
/// Builds a county's export from its own computed indicator values (never from events): the totals of every catalogue
/// indicator by month, quarter and year for the county and each of its areas, with the small-cell rule applied
/// (<see cref="CellSuppression"/>), and the county's data time. Weeks are left out: they do not nest in months, and the
/// comparison follows months, quarters and years.
/// </summary>
public sealed class CountyExporter(IndicatorsDbContext db)
{
    public static readonly string[] PeriodTypes = ["month", "quarter", "year"];

    /// <param name="countyId">The id to sign under; null: the root org unit's code.</param>
    public async Task<ExportContent> BuildAsync(string? countyId, SmallCellRule rule, DateTimeOffset exportedAt, CancellationToken ct = default)
    {
        var roots = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == null).ToListAsync(ct);
        if (roots.Count != 1)
            throw new InvalidOperationException(roots.Count == 0
                ? "No org units: import the county's org units and events first."
                : $"The org-unit tree has {roots.Count} roots ({string.Join(", ", roots.Select(r => r.SourceId))}); a county export needs one.");
        var county = roots[0];
        var areas = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == county.SourceId).ToListAsync(ct);
        var levels = areas.ToDictionary(a => a.SourceId, a => (ExportLevel.Area, a.Name));
        levels[county.SourceId] = (ExportLevel.County, county.Name);
        var unitIds = levels.Keys.ToList();
        var codes = IndicatorCatalogue.All.Select(d => d.Code).ToList();

        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.Dimension == IndicatorResults.Total && PeriodTypes.Contains(v.PeriodType) && unitIds.Contains(v.OrgUnitId) && codes.Contains(v.IndicatorCode)
                && v.Value != null && v.N > 0)
            .ToListAsync(ct);
        var inputs = values.Where(v => double.IsFinite(v.Value!.Value))
            .Select(v => new CellSuppression.Input(v.IndicatorCode, v.PeriodType, v.PeriodCode, levels[v.OrgUnitId].Item1, v.OrgUnitId, levels[v.OrgUnitId].Name, v.Value!.Value, v.N))
            .OrderBy(c => c.Indicator, StringComparer.Ordinal).ThenBy(c => Array.IndexOf(PeriodTypes, c.PeriodType)).ThenBy(c => c.Period, StringComparer.Ordinal)
            .ThenBy(c => c.Level == ExportLevel.County ? 0 : 1).ThenBy(c => c.Unit, StringComparer.Ordinal)
            .ToList();
        var hidden = CellSuppression.Hidden(inputs, rule);
        var cells = inputs.Select((c, i) => hidden[i]
            ? new ExportCell(c.Indicator, c.PeriodType, c.Period, c.Level, c.Unit, c.UnitName, null, null, true)
            : new ExportCell(c.Indicator, c.PeriodType, c.Period, c.Level, c.Unit, c.UnitName, c.Value, c.N, false)).ToList();

        return new ExportContent
        {
            Format = ExportContent.FormatV1,
            County = new ExportCounty(countyId ?? county.SourceId, county.Name),
            ExportedAt = exportedAt.ToUniversalTime(),
            DataTime = await DataTimeAsync(ct),
            MinimumCellSize = rule.Minimum,
            Cells = cells,
        };
    }

    /// <summary>The newest event of any kind (Finnish wall-clock time) and the last finished import (UTC).</summary>
    private async Task<DataTime> DataTimeAsync(CancellationToken ct)
    {
        var latest = new[]
        {
            await db.Visits.MaxAsync(v => (DateTime?)v.OccurredAt, ct),
            await db.Contacts.MaxAsync(c => (DateTime?)c.ReceivedAt, ct),
            await db.Assessments.MaxAsync(a => (DateTime?)a.AssessedAt, ct),
        }.Max();
        var lastImport = await db.ImportBatches.MaxAsync(b => (DateTime?)b.FinishedAt, ct);
        // Import times are the server's local time (DateTime.Now).
        return new DataTime(latest, lastImport is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Local)).ToUniversalTime() : null);
    }
}

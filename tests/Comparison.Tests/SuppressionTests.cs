using Microsoft.EntityFrameworkCore;
using Tilannekuva.Comparison.Export;
using Tilannekuva.Comparison.Signing;
using Tilannekuva.Disclosure;
using Tilannekuva.Indicators.Results;

namespace Tilannekuva.Comparison.Tests;

/// <summary>
/// No cell under the minimum leaves the county: hand-computed tables, and on a real small county's export a differencing
/// attack that tries to recover each suppressed cell from what the file shows.
/// </summary>
[Collection(CountyCollection.Name)]
public sealed class SuppressionTests(CountyFixture county)
{
    private static CellSuppression.Input Cell(string type, string period, string level, string unit, long n) =>
        new("care_guarantee_7d", type, period, level, unit, unit, 0.5, n);

    [Fact]
    public void Hand_computed_areas_and_months()
    {
        // County 30 = areas 3 + 12 + 15: the area of 3 is hidden, and with it the smallest shown one (12), so 30 − 15 = 15 is all one learns.
        var cells = new[]
        {
            Cell("quarter", "2026Q3", ExportLevel.County, "C", 30), Cell("quarter", "2026Q3", ExportLevel.Area, "A1", 3),
            Cell("quarter", "2026Q3", ExportLevel.Area, "A2", 12), Cell("quarter", "2026Q3", ExportLevel.Area, "A3", 15),
        };
        Assert.Equal([false, true, true, false], CellSuppression.Hidden(cells, SmallCellRule.Default));

        // A unit's quarter 20 = months 2 + 9 + 9: July hidden, and one more month (the first of the equal smallest).
        var months = new[]
        {
            Cell("quarter", "2026Q3", ExportLevel.County, "C", 20), Cell("month", "2026-07", ExportLevel.County, "C", 2),
            Cell("month", "2026-08", ExportLevel.County, "C", 9), Cell("month", "2026-09", ExportLevel.County, "C", 9),
        };
        Assert.Equal([false, true, true, false], CellSuppression.Hidden(months, SmallCellRule.Default));

        // Both tables at once: area A1's July (n 2) is hidden beside the county's July and beside A1's quarter; the
        // complementary cells chosen in one table are protected in the other on the next pass.
        var both = new[]
        {
            Cell("month", "2026-07", ExportLevel.County, "C", 40), Cell("month", "2026-07", ExportLevel.Area, "A1", 2), Cell("month", "2026-07", ExportLevel.Area, "A2", 38),
            Cell("quarter", "2026Q3", ExportLevel.Area, "A1", 22), Cell("month", "2026-08", ExportLevel.Area, "A1", 10), Cell("month", "2026-09", ExportLevel.Area, "A1", 10),
        };
        var hidden = CellSuppression.Hidden(both, SmallCellRule.Default);
        Assert.True(hidden[1]);
        Assert.True(hidden[2]);  // the only other area of July
        Assert.True(hidden[4] || hidden[5]); // another month of A1's quarter
        Assert.False(hidden[0]);
    }

    [Fact]
    public async Task A_small_county_export_has_no_small_cell_and_none_can_be_recovered_by_subtraction()
    {
        var content = await county.ExportAsync();
        // The source has cells under 5 (or the test would prove nothing) …
        await using var db = county.Open();
        var small = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.Dimension == IndicatorResults.Total && v.N > 0 && v.N < 5 && v.Value != null && v.PeriodType != "week").ToListAsync();
        var exported = content.Cells.ToDictionary(c => (c.Indicator, c.PeriodType, c.Period, c.Unit));
        var smallExported = small.Where(v => exported.ContainsKey((v.IndicatorCode, v.PeriodType, v.PeriodCode, v.OrgUnitId))).ToList();
        Assert.True(smallExported.Count >= 10, $"only {smallExported.Count} small cells at county or area level");
        // … and every one of them is in the file as suppressed, with neither value nor n.
        foreach (var v in smallExported)
        {
            var cell = exported[(v.IndicatorCode, v.PeriodType, v.PeriodCode, v.OrgUnitId)];
            Assert.True(cell.Suppressed && cell.Value is null && cell.N is null, $"{v.IndicatorCode} {v.PeriodCode} {v.OrgUnitId} n={v.N} left the county");
        }
        Assert.DoesNotContain(content.Cells, c => !c.Suppressed && (c.N is null || c.N < 5));
        Assert.DoesNotContain(content.Cells, c => c.Suppressed && (c.Value is not null || c.N is not null));

        // The attack: every table the file lets one add up (areas beside the county; months beside a quarter or a
        // year; quarters beside a year). Where exactly one member is hidden its n is total − shown; where more are, only
        // their sum is, and that must rest on at least 5. Only the file is read here.
        var cells = content.Cells.Select(c => new CellSuppression.Input(c.Indicator, c.PeriodType, c.Period, c.Level, c.Unit, c.UnitName, c.Value ?? 0, c.N ?? 0)).ToList();
        var sourceN = small.Concat(await db.IndicatorValues.AsNoTracking().Where(v => v.Dimension == IndicatorResults.Total && v.N >= 5 && v.Value != null && v.PeriodType != "week").ToListAsync())
            .ToDictionary(v => (v.IndicatorCode, v.PeriodType, v.PeriodCode, v.OrgUnitId), v => v.N);
        var attacked = 0;
        foreach (var (total, members) in CellSuppression.Groups(cells))
        {
            var t = content.Cells[total];
            var hiddenMembers = members.Where(i => content.Cells[i].Suppressed).ToList();
            if (t.Suppressed || hiddenMembers.Count == 0) continue;
            attacked++;
            Assert.True(hiddenMembers.Count >= 2, $"{t.Indicator} {t.Period} {t.Unit}: a single hidden cell ({content.Cells[hiddenMembers[0]].Period} {content.Cells[hiddenMembers[0]].Unit}) beside its total");
            var recovered = t.N!.Value - members.Where(i => !content.Cells[i].Suppressed).Sum(i => content.Cells[i].N!.Value);
            // Where the table adds up in the source (counts of events by period or area), the hidden sum is what one learns.
            var additive = sourceN[(t.Indicator, t.PeriodType, t.Period, t.Unit)] == members.Sum(i => sourceN[(content.Cells[i].Indicator, content.Cells[i].PeriodType, content.Cells[i].Period, content.Cells[i].Unit)]);
            if (additive) Assert.True(recovered >= 5, $"{t.Indicator} {t.Period} {t.Unit}: the hidden cells together rest on {recovered}");
        }
        Assert.True(attacked > 0);
    }
}

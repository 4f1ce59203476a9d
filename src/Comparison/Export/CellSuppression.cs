using Tilannekuva.Disclosure;

namespace Tilannekuva.Comparison.Export;

/// <summary>
/// Applies the small-cell rule to an export's cells in every table a cell stands in, so that no cell under the minimum
/// can be read or worked out by subtraction from what is exported:
/// <list type="bullet">
/// <item>the areas of the county in one period, beside the county's value;</item>
/// <item>a unit's months in a quarter beside the quarter, its quarters and its months in a year beside the year.</item>
/// </list>
/// Complementary suppression (<see cref="SmallCellRule.Hidden(IReadOnlyList{long?}, IReadOnlyList{bool}?)"/>) runs over
/// these tables until nothing changes (a cell hidden in one table counts as hidden in the others); hiding only grows,
/// so it ends.
/// </summary>
public static class CellSuppression
{
    /// <summary>A cell before suppression; <see cref="N"/> is the number of events the value rests on.</summary>
    public sealed record Input(string Indicator, string PeriodType, string Period, string Level, string Unit, string UnitName, double Value, long N);

    /// <summary>Which of <paramref name="cells"/> to suppress, in the order given.</summary>
    public static bool[] Hidden(IReadOnlyList<Input> cells, SmallCellRule rule)
    {
        var hidden = cells.Select(c => rule.Hides(c.N)).ToArray();
        var groups = Groups(cells).Where(g => g.Members.Count > 0).ToList();
        bool changed;
        do
        {
            changed = false;
            foreach (var (total, members) in groups)
            {
                // A hidden total gives nothing to subtract from.
                if (hidden[total]) continue;
                var result = rule.Hidden(members.Select(i => (long?)cells[i].N).ToList(), members.Select(i => hidden[i]).ToList());
                for (var k = 0; k < members.Count; k++)
                    if (result[k] && !hidden[members[k]]) { hidden[members[k]] = true; changed = true; }
            }
        } while (changed);
        return hidden;
    }

    /// <summary>Each table: the index of its total and of its members.</summary>
    internal static IEnumerable<(int Total, List<int> Members)> Groups(IReadOnlyList<Input> cells)
    {
        // Areas beside the county.
        foreach (var county in cells.Select((c, i) => (c, i)).Where(x => x.c.Level == ExportLevel.County))
            yield return (county.i, cells.Select((c, i) => (c, i))
                .Where(x => x.c.Level == ExportLevel.Area && x.c.Indicator == county.c.Indicator && x.c.PeriodType == county.c.PeriodType && x.c.Period == county.c.Period)
                .Select(x => x.i).ToList());
        // Months in a quarter and in a year, quarters in a year, per unit.
        foreach (var (c, i) in cells.Select((c, i) => (c, i)))
        {
            if (c.PeriodType == "quarter")
                yield return (i, Members(c, "month", p => QuarterOfMonth(p) == c.Period));
            else if (c.PeriodType == "year")
            {
                yield return (i, Members(c, "quarter", p => p.StartsWith(c.Period + "Q", StringComparison.Ordinal)));
                yield return (i, Members(c, "month", p => p.StartsWith(c.Period + "-", StringComparison.Ordinal)));
            }
        }

        List<int> Members(Input total, string type, Func<string, bool> within) =>
            cells.Select((c, i) => (c, i)).Where(x => x.c.Indicator == total.Indicator && x.c.Unit == total.Unit && x.c.PeriodType == type && within(x.c.Period))
                .Select(x => x.i).ToList();
    }

    /// <summary>"2026-07" → "2026Q3".</summary>
    internal static string QuarterOfMonth(string month) =>
        month.Length == 7 && int.TryParse(month.AsSpan(5, 2), out var m) ? $"{month[..4]}Q{(m + 2) / 3}" : "";
}

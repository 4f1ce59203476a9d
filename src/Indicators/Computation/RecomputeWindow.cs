using System.Globalization;
using Tilannekuva.Indicators.Catalogue;

namespace Tilannekuva.Indicators.Computation;

/// <summary>
/// The periods an import touched, for recomputing only those: the whole years from the first to the
/// last event time, plus the weeks that cross their ends (a week's values need all of its days).
/// Facts are read from the Monday of the first week to the end of the last week; values are kept for
/// the weeks in that span and for the months, quarters and years inside the years.
/// </summary>
public sealed record RecomputeWindow(DateTime FactsFrom, DateTime FactsTo, int FirstYear, int EndYear)
{
    public static RecomputeWindow ForEvents(DateTime first, DateTime last)
    {
        var start = new DateTime(first.Year, 1, 1);
        var end = new DateTime(last.Year + 1, 1, 1);
        var lastMonday = Monday(end.AddDays(-1));
        return new(Monday(start), lastMonday.AddDays(7), first.Year, last.Year + 1);
    }

    /// <summary>The window of whole years <paramref name="firstYear"/> up to (not including) <paramref name="endYear"/>.</summary>
    public static RecomputeWindow ForYears(int firstYear, int endYear) =>
        ForEvents(new DateTime(firstYear, 1, 1), new DateTime(endYear - 1, 12, 31));

    private static DateTime Monday(DateTime day) => WeekPeriod.Monday(DateOnly.FromDateTime(day)).ToDateTime(TimeOnly.MinValue);

    /// <summary>SQL condition on indicator_value (or a table of its columns, qualified by <paramref name="alias"/>, e.g. "v."): the values this window recomputes.</summary>
    public string Covers(string alias = "") =>
        $"(({alias}period_type = 'week' AND {alias}period_code >= '{Day(FactsFrom)}' AND {alias}period_code < '{Day(FactsTo)}') OR " +
        $"({alias}period_type <> 'week' AND {alias}period_code >= '{FirstYear:D4}' AND {alias}period_code < '{EndYear:D4}'))";

    /// <summary>SQL condition on a fact row's time (alias <paramref name="alias"/>).</summary>
    public string FactCondition(string alias, Dialect dialect) =>
        $"{alias}.at >= {Timestamp(FactsFrom, dialect)} AND {alias}.at < {Timestamp(FactsTo, dialect)}";

    private static string Day(DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // SQLite stores times as text "yyyy-MM-dd HH:mm:ss…", which compares in time order.
    private static string Timestamp(DateTime d, Dialect dialect) =>
        (dialect != Dialect.Sqlite ? "TIMESTAMP " : "") + "'" + d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "'";
}

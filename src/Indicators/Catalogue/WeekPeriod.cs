using System.Globalization;

namespace Tilannekuva.Indicators.Catalogue;

/// <summary>
/// The engine's week: Monday to Sunday, coded by its Monday ("2026-11-23"), the same code the SQL
/// writes (SqlCompiler.PeriodExpression). Every reader of week values goes through here.
/// </summary>
public static class WeekPeriod
{
    private const string Format = "yyyy-MM-dd";

    /// <summary>The Monday of the week a day falls in.</summary>
    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The code of the week a day falls in.</summary>
    public static string CodeOf(DateOnly day) => Monday(day).ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The Monday a week code names; false for any other code (a month, quarter or year).</summary>
    public static bool TryParse(string code, out DateOnly monday) =>
        DateOnly.TryParseExact(code, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out monday);
}

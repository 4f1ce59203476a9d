using System.Collections.Concurrent;
using PublicHoliday;

namespace Tilannekuva.Indicators.Calendar;

/// <summary>
/// Finnish working days (arkipäivät): Monday to Friday except the public holidays (pyhäpäivät) and the
/// two eves that are days off in practice everywhere, health stations included: Midsummer Eve
/// (juhannusaatto) and Christmas Eve (jouluaatto). The public holidays, the moving ones included
/// (Good Friday, Easter Monday, Ascension Day, Midsummer Day, All Saints' Day), come from the
/// PublicHoliday package; the two eves are added here because the package lists only the statutory days.
/// One calendar for the callback indicator (its C# reference and, through <c>working_day</c>, its SQL)
/// and the steering boards' opening hours.
/// </summary>
public static class FinnishWorkingDays
{
    /// <summary>The years the stored <c>working_day</c> table covers; a day outside them has no due day.</summary>
    public const int FirstYear = 1990, LastYear = 2100;

    private static readonly FinlandPublicHoliday Statutory = new();
    private static readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, string>> ByYear = new();

    /// <summary>The holidays of a year with their Finnish names (statutory ones and the two eves).</summary>
    public static IReadOnlyDictionary<DateOnly, string> Holidays(int year) => ByYear.GetOrAdd(year, y =>
    {
        var days = Statutory.PublicHolidayNames(y).ToDictionary(h => DateOnly.FromDateTime(h.Key), h => h.Value.FirstOrDefault() ?? "");
        // Midsummer Eve is the Friday before Midsummer Day (a Saturday from 20 to 26 June).
        var midsummerEve = Enumerable.Range(19, 7).Select(d => new DateOnly(y, 6, d)).Single(d => d.DayOfWeek == DayOfWeek.Friday);
        days.TryAdd(midsummerEve, "Juhannusaatto");
        days.TryAdd(new DateOnly(y, 12, 24), "Jouluaatto");
        return days;
    });

    /// <summary>The holiday's Finnish name, or null on an ordinary day (weekends are not holidays by themselves).</summary>
    public static string? HolidayOn(DateOnly day) => Holidays(day.Year).GetValueOrDefault(day);

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && HolidayOn(day) is null;

    /// <summary>
    /// The working day a request made on <paramref name="day"/> falls due: the day itself when it is a
    /// working day, else the next working day. Null outside <see cref="FirstYear"/>–<see cref="LastYear"/>,
    /// as in the stored table, so the SQL and the reference agree there too.
    /// </summary>
    public static DateOnly? DueDay(DateOnly day)
    {
        if (day.Year is < FirstYear or > LastYear) return null;
        var d = day;
        while (!IsWorkingDay(d)) d = d.AddDays(1);
        return d.Year > LastYear ? null : d;
    }
}

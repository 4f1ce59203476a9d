using System.Globalization;
using Tilannekuva.Indicators.Catalogue;
using ProgrammePeriod = Tilannekuva.Programme.Domain.Period;

namespace Tilannekuva.Dashboards.Domain;

/// <summary>
/// The indicator engine's period codes: "2026-05" (month), "2026Q2" (quarter), "2026" (year) and
/// "2026-05-04" (week, its Monday). Start, end, a running index for trend lines, and how it reads.
/// </summary>
public readonly record struct PeriodCode(string Type, string Code, DateOnly Start, DateOnly End)
{
    public const string Week = "week", Month = "month", Quarter = "quarter", Year = "year";

    public static bool TryParse(string type, string code, out PeriodCode period)
    {
        period = default;
        if (type == Week)
        {
            if (!WeekPeriod.TryParse(code, out var monday)) return false;
            period = new(type, code, monday, monday.AddDays(6));
            return true;
        }
        if (!ProgrammePeriod.TryParse(code, out var p)) return false;
        period = new(type, code, p.Start, p.End);
        return true;
    }

    public static PeriodCode Parse(string type, string code) =>
        TryParse(type, code, out var p) ? p : throw new FormatException($"Not a {type} period: '{code}'");

    /// <summary>Consecutive periods have consecutive indexes (for the trend's x axis).</summary>
    public int Index => Type switch
    {
        Week => Start.DayNumber / 7,
        Month => Start.Year * 12 + Start.Month - 1,
        Quarter => Start.Year * 4 + (Start.Month - 1) / 3,
        _ => Start.Year,
    };

    /// <summary>The period after this one.</summary>
    public PeriodCode Next() => Of(Type, End.AddDays(1));

    /// <summary>The period of a type containing a date.</summary>
    public static PeriodCode Of(string type, DateOnly d) => type switch
    {
        Week => Parse(Week, WeekPeriod.CodeOf(d)),
        Month => Parse(Month, ProgrammePeriod.MonthOf(d).Code),
        Quarter => Parse(Quarter, ProgrammePeriod.QuarterOf(d).Code),
        _ => Parse(Year, d.Year.ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>Complete on the given day (its last day has passed or is today's end of data).</summary>
    public bool CompleteBy(DateOnly asOf) => End <= asOf;

    /// <summary>"Q2/2026", "5/2026", "2026", or for a week "vk 19/2026" style via the caller's label.</summary>
    public string Display(CultureInfo c) => Type == Week
        ? $"{ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue))}/{ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue))}"
        : ProgrammePeriod.Parse(Code).Display;
}

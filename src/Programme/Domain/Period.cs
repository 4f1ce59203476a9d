using System.Globalization;
using System.Text.RegularExpressions;

namespace Tilannekuva.Programme.Domain;

public enum PeriodType { Month, Quarter, Year }

/// <summary>
/// A calendar period with an ISO-like code: "2024" (year), "2024Q2" (quarter), "2024-06" (month).
/// Plans write quarters as "Q2/2024"; both spellings parse.
/// </summary>
public readonly partial record struct Period(PeriodType Type, int Year, int Number)
{
    public DateOnly Start => Type switch
    {
        PeriodType.Year => new DateOnly(Year, 1, 1),
        PeriodType.Quarter => new DateOnly(Year, (Number - 1) * 3 + 1, 1),
        _ => new DateOnly(Year, Number, 1),
    };

    /// <summary>Last day of the period (inclusive).</summary>
    public DateOnly End => Type switch
    {
        PeriodType.Year => new DateOnly(Year, 12, 31),
        PeriodType.Quarter => Start.AddMonths(3).AddDays(-1),
        _ => Start.AddMonths(1).AddDays(-1),
    };

    public string Code => Type switch
    {
        PeriodType.Year => Year.ToString(CultureInfo.InvariantCulture),
        PeriodType.Quarter => $"{Year}Q{Number}",
        _ => $"{Year}-{Number:00}",
    };

    /// <summary>How plans and reviews write it: "Q2/2024", "6/2024", "2024".</summary>
    public string Display => Type switch
    {
        PeriodType.Year => Year.ToString(CultureInfo.InvariantCulture),
        PeriodType.Quarter => $"Q{Number}/{Year}",
        _ => $"{Number}/{Year}",
    };

    public bool Contains(DateOnly d) => d >= Start && d <= End;

    public static Period QuarterOf(DateOnly d) => new(PeriodType.Quarter, d.Year, (d.Month - 1) / 3 + 1);

    public static Period MonthOf(DateOnly d) => new(PeriodType.Month, d.Year, d.Month);

    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        Match m;
        if ((m = QuarterCode().Match(s)).Success || (m = QuarterDisplay().Match(s)).Success)
        {
            var q = int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture);
            if (q is < 1 or > 4) return false;
            period = new(PeriodType.Quarter, int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), q);
            return true;
        }
        if ((m = MonthCode().Match(s)).Success || (m = MonthDisplay().Match(s)).Success)
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12) return false;
            period = new(PeriodType.Month, int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), month);
            return true;
        }
        if (YearOnly().IsMatch(s))
        {
            period = new(PeriodType.Year, int.Parse(s, CultureInfo.InvariantCulture), 1);
            return true;
        }
        return false;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"Not a period: '{text}'. Use 2024, 2024Q2, Q2/2024 or 2024-06.");

    public override string ToString() => Code;

    [GeneratedRegex(@"^(?<y>\d{4})\s*Q(?<q>\d)$", RegexOptions.IgnoreCase)] private static partial Regex QuarterCode();
    [GeneratedRegex(@"^Q(?<q>\d)\s*/\s*(?<y>\d{4})$", RegexOptions.IgnoreCase)] private static partial Regex QuarterDisplay();
    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})$")] private static partial Regex MonthCode();
    [GeneratedRegex(@"^(?<m>\d{1,2})\s*/\s*(?<y>\d{4})$")] private static partial Regex MonthDisplay();
    [GeneratedRegex(@"^\d{4}$")] private static partial Regex YearOnly();
}

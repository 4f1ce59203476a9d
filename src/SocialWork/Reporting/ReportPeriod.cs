using System.Globalization;
using System.Text.RegularExpressions;

namespace Tilannekuva.SocialWork;

/// <summary>A reporting period: a half-year ("2026H1", "2026H2") or a year ("2026"). The previous period is the one before of the same length.</summary>
public sealed partial record ReportPeriod(int Year, int? Half)
{
    public DateOnly From => Half switch { 2 => new(Year, 7, 1), _ => new(Year, 1, 1) };
    public DateOnly To => Half switch { 1 => new(Year, 6, 30), _ => new(Year, 12, 31) };

    [System.Text.Json.Serialization.JsonIgnore]
    public ReportPeriod Previous => Half switch { 1 => new(Year - 1, 2), 2 => new(Year, 1), _ => new(Year - 1, null) };

    public string Code => Half is { } h ? $"{Year}H{h}" : Year.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => Code;

    public static bool TryParse(string? text, out ReportPeriod period)
    {
        period = new(0, null);
        var m = Pattern().Match(text?.Trim() ?? "");
        if (!m.Success) return false;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        period = new(year, m.Groups["h"].Success ? int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture) : null);
        return true;
    }

    /// <summary>The half-year a day falls in.</summary>
    public static ReportPeriod HalfOf(DateOnly day) => new(day.Year, day.Month <= 6 ? 1 : 2);

    [GeneratedRegex(@"^(?<y>20\d\d)(?:[Hh](?<h>[12]))?$")] private static partial Regex Pattern();
}

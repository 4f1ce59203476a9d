using System.Globalization;
using System.Text.RegularExpressions;
using Tilannekuva.ServiceTray.Domain;

namespace Tilannekuva.ServiceTray.Import;

/// <summary>
/// Opening hours as listings write them: "ma-pe 9-15, la 10-12", "ti 17.30-19", "Mon-Fri 09:00-16:00",
/// "må–fr 8–16". Day abbreviations in Finnish, Swedish and English (fi "ti"/"to" and sv "ti"/"to" mean the same
/// days); times with ":" or "."; "-" or "–" between. Segments are separated by "," or ";".
/// </summary>
public static partial class HoursText
{
    private static readonly Dictionary<string, DayOfWeek> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ma"] = DayOfWeek.Monday, ["ti"] = DayOfWeek.Tuesday, ["ke"] = DayOfWeek.Wednesday, ["to"] = DayOfWeek.Thursday,
        ["pe"] = DayOfWeek.Friday, ["la"] = DayOfWeek.Saturday, ["su"] = DayOfWeek.Sunday,
        ["må"] = DayOfWeek.Monday, ["on"] = DayOfWeek.Wednesday, ["fr"] = DayOfWeek.Friday, ["lö"] = DayOfWeek.Saturday, ["sö"] = DayOfWeek.Sunday,
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday, ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
    };

    [GeneratedRegex(@"^\s*(?<d1>\p{L}+)\.?\s*(?:[-–]\s*(?<d2>\p{L}+)\.?)?\s+(?<t1>\d{1,2}(?:[:.]\d{2})?)\s*[-–]\s*(?<t2>\d{1,2}(?:[:.]\d{2})?)\s*$")]
    private static partial Regex Segment();

    /// <summary>The periods, or the reason the text cannot be read.</summary>
    public static (IReadOnlyList<OpeningPeriod> Periods, string? Error) Parse(string text)
    {
        var periods = new List<OpeningPeriod>();
        foreach (var part in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var m = Segment().Match(part);
            if (!m.Success) return ([], $"\"{part}\" is not days and hours like \"ma-pe 9-15\"");
            if (!Days.TryGetValue(m.Groups["d1"].Value, out var from)) return ([], $"\"{m.Groups["d1"].Value}\" is not a weekday");
            DayOfWeek? to = null;
            if (m.Groups["d2"].Success)
            {
                if (!Days.TryGetValue(m.Groups["d2"].Value, out var d2)) return ([], $"\"{m.Groups["d2"].Value}\" is not a weekday");
                to = d2;
            }
            if (Time(m.Groups["t1"].Value) is not { } start || Time(m.Groups["t2"].Value) is not { } end) return ([], $"\"{part}\" has a time that is not a time of day");
            periods.Add(new OpeningPeriod(from, to, start, end));
        }
        return (periods, null);
    }

    private static TimeOnly? Time(string s)
    {
        var parts = s.Split(':', '.');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)) return null;
        var min = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var mm) ? mm : 0;
        if (h == 24 && min == 0) return TimeOnly.MinValue;
        return h is >= 0 and < 24 && min is >= 0 and < 60 ? new TimeOnly(h, min) : null;
    }
}

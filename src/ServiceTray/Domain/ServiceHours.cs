namespace Tilannekuva.ServiceTray.Domain;

/// <summary>
/// One block of opening hours (PTV serviceHours item, serviceHourType). "Standard" (and "Special") blocks are the normal week, valid
/// between optional dates; "Exception" blocks (holidays, one-off closures) override the normal week on
/// the days they cover. A period whose end is not after its start runs over midnight; 00:00–00:00 is the
/// whole day.
/// </summary>
public sealed record ServiceHours
{
    public string Type { get; init; } = "Standard";
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public bool IsClosed { get; init; }
    public IReadOnlyList<OpeningPeriod> Periods { get; init; } = [];
    public LocalisedText Info { get; init; } = LocalisedText.Empty;

    public bool IsExceptional => Type == "Exception";

    /// <summary>An exception without an end date covers its start day only; a normal week without one runs on.</summary>
    public bool Covers(DateOnly day)
    {
        var to = IsExceptional ? ValidTo ?? ValidFrom : ValidTo;
        return (ValidFrom is null || day >= ValidFrom) && (to is null || day <= to);
    }
}

public sealed record OpeningPeriod(DayOfWeek DayFrom, DayOfWeek? DayTo, TimeOnly From, TimeOnly To)
{
    public bool WholeDay => From == TimeOnly.MinValue && To == TimeOnly.MinValue;

    public bool OverMidnight => !WholeDay && To <= From;

    /// <summary>Whether the period starts on this weekday (dayFrom..dayTo inclusive, wrapping past Sunday).</summary>
    public bool StartsOn(DayOfWeek day)
    {
        var to = DayTo ?? DayFrom;
        int f = Monday(DayFrom), t = Monday(to), d = Monday(day);
        return f <= t ? d >= f && d <= t : d >= f || d <= t;
    }

    private static int Monday(DayOfWeek d) => ((int)d + 6) % 7;
}

/// <summary>Whether a channel is open at a local time, from its service hours.</summary>
public static class OpeningRule
{
    /// <summary>
    /// Open at <paramref name="local"/> (the county's wall-clock time): an exceptional block covering the day
    /// decides it (closed, or its own periods); otherwise the normal-week blocks valid that day. Hours that are
    /// not given are not "open": the filter shows only places that say they are open.
    /// </summary>
    public static bool IsOpen(IReadOnlyList<ServiceHours> hours, DateTime local)
    {
        var today = DateOnly.FromDateTime(local);
        var yesterday = today.AddDays(-1);
        var time = TimeOnly.FromDateTime(local);
        return OpenOn(hours, today, p => p.WholeDay || (p.OverMidnight ? time >= p.From : time >= p.From && time < p.To))
            || OpenOn(hours, yesterday, p => p.OverMidnight && time < p.To);
    }

    private static bool OpenOn(IReadOnlyList<ServiceHours> hours, DateOnly day, Func<OpeningPeriod, bool> inside)
    {
        var exceptional = hours.Where(h => h.IsExceptional && h.Covers(day)).ToList();
        var blocks = exceptional.Count > 0 ? exceptional : hours.Where(h => !h.IsExceptional && h.Covers(day)).ToList();
        foreach (var block in blocks)
        {
            if (block.IsClosed) continue;
            // An exceptional day that is open but lists no periods is open all day (e.g. "open around the clock on Midsummer").
            if (block.IsExceptional && block.Periods.Count == 0) return true;
            if (block.Periods.Any(p => (block.IsExceptional || p.StartsOn(day.DayOfWeek)) && inside(p))) return true;
        }
        return false;
    }
}

namespace Tilannekuva.Feedback.Reporting;

/// <summary>
/// The periods anonymous outputs cover (julkiset jaksot). Only whole calendar months (a quarter is three of them)
/// and only finished ones: a running month grows day by day, so its figure of one day minus that of the day before
/// would give a single day's responses, and an arbitrary from/to would let anyone slide a window by a day and
/// subtract. Months are the smallest cells anyone without a sign-in can ask for.
/// </summary>
public static class PublicPeriods
{
    /// <summary>The longest window anonymous callers may ask for.</summary>
    public const int MaxMonths = 36;

    /// <summary>The last 12 finished months: the first day of the month a year before this one to the last day of the previous month.</summary>
    public static (DateOnly From, DateOnly To) Last12FinishedMonths(TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        return (thisMonth.AddMonths(-12), thisMonth.AddDays(-1));
    }

    /// <summary>
    /// Whether from..to is a window an anonymous caller may ask for: starting on a month's first day, ending on a
    /// month's last day, not in the running month or later, at most <see cref="MaxMonths"/> long.
    /// </summary>
    public static bool IsWholeFinishedMonths(DateOnly from, DateOnly to, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        return from.Day == 1 && to.AddDays(1).Day == 1 && from <= to && to < thisMonth
            && (to.Year - from.Year) * 12 + to.Month - from.Month < MaxMonths;
    }
}

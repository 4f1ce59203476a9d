namespace Tilannekuva.Indicators.Domain;

/// <summary>
/// One calendar day of the Finnish working-day calendar (<see cref="Calendar.FinnishWorkingDays"/>),
/// stored so the indicator SQL can join it: table <c>working_day</c>, filled by <see cref="Calendar.WorkingDayTable"/>.
/// </summary>
public sealed class WorkingDay
{
    public DateOnly Day { get; set; }
    public bool IsWorkingDay { get; set; }
    /// <summary>The working day a callback requested on this day falls due (the day itself on a working day).</summary>
    public DateOnly? DueDay { get; set; }
    /// <summary>The holiday's Finnish name (pyhäpäivä or aatto); null on ordinary days and plain weekends.</summary>
    public string? Holiday { get; set; }
}

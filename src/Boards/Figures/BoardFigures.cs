using Tilannekuva.Indicators.Domain;

namespace Tilannekuva.Boards.Figures;

/// <summary>Settings every board shares (configuration section "Boards").</summary>
public sealed class BoardSettings
{
    public const string Section = "Boards";

    /// <summary>Hoitotakuu: days from the care-need assessment after which a waiting person is past the limit (primary care: 14).</summary>
    public int CareGuaranteeDays { get; set; } = 14;

    /// <summary>How far back open callback requests count as overdue; older ones are lost records for the data-quality report, not the wall.</summary>
    public int CallbackLookbackDays { get; set; } = 14;

    /// <summary>The wall-clock time zone the source systems write their times in (events carry no offset).</summary>
    public string TimeZone { get; set; } = "Europe/Helsinki";
}

/// <summary>Today's callbacks (takaisinsoitot), over requests made today and in the look-back days before.</summary>
/// <param name="RequestedToday">Callback requests made today (up to now).</param>
/// <param name="DoneToday">Callbacks made today (up to now), whatever day they were requested in the look-back.</param>
/// <param name="OpenToday">Today's requests not yet called back: the same-working-day promise can still be kept.</param>
/// <param name="Overdue">Requests from before today still not called back: the promise is broken.</param>
public sealed record CallbackFigures(int RequestedToday, int DoneToday, int OpenToday, int Overdue);

/// <summary>Jonotilanne: people on the list today, and those waiting longer than the care-guarantee limit since their assessment.</summary>
public sealed record WaitingListFigures(int Open, int PastLimit, int LimitDays);

/// <summary>Care-guarantee (≤ 7 days) share over the given weeks: sums of the engine's weekly numerators and denominators.</summary>
public sealed record CareGuaranteeFigures(double Numerator, double Denominator, IReadOnlyList<string> Weeks)
{
    public double? Share => Denominator > 0 ? 100.0 * Numerator / Denominator : null;
}

/// <summary>T3 of one profession: the mean of each unit's latest slot-snapshot measurement (one unit: its value).</summary>
public sealed record T3Figure(Profession Profession, double? Days, DateTime? MeasuredAt, int Units);

/// <summary>Staff present versus planned today for one profession.</summary>
public sealed record StaffFigure(Profession Profession, int Planned, int Present);

/// <summary>NPS of the last 30 days; <see cref="Shown"/> is false under the minimum number of responses (then no figure exists).</summary>
public sealed record NpsFigure(int Responses, double? Nps, bool Shown, DateOnly From, DateOnly To);

/// <summary>Everything a board shows at one moment, for one set of units.</summary>
public sealed record BoardFigures(
    DateTime Now,
    IReadOnlyList<string> Units,
    CallbackFigures Callbacks,
    WaitingListFigures WaitingList,
    CareGuaranteeFigures CareGuarantee,
    IReadOnlyList<T3Figure> T3,
    IReadOnlyList<StaffFigure> Staff,
    NpsFigure Nps,
    DateTime? NewestDataAt,
    bool Stale)
{
    /// <summary>Outside the board's opening hours: the screen shows "closed — figures as of …" instead of the stale warning.</summary>
    public bool Closed { get; init; }

    /// <summary>Since when the indicator values (the care-guarantee tile) have been out of date: an import's recompute has not finished. Null: current.</summary>
    public DateTime? IndicatorsOutOfDateSince { get; init; }

    /// <summary>The red stale warning is shown only when the data is stale during opening hours.</summary>
    public bool StaleWarning => Stale && !Closed;
}

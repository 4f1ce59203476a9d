namespace Tilannekuva.Feedback;

/// <summary>Settings of the Feedback module, bound from configuration section "Feedback".</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    /// <summary>Results of fewer responses than this are never shown (public pages, breakdowns, API, indicators).</summary>
    public int MinimumResponses { get; set; } = 5;

    /// <summary>Submissions accepted per minute from one client address on one link (web, QR, SMS).</summary>
    public int PerLinkPerMinute { get; set; } = 10;

    /// <summary>
    /// Submissions accepted per minute for one service point over all its links and addresses, so that many links
    /// (or many addresses on one) cannot flood a unit's results. A busy health station gets a few hundred a day.
    /// </summary>
    public int PerServicePointPerMinute { get; set; } = 120;

    /// <summary>Submissions accepted per minute from one kiosk (a person needs well over 5 s to answer).</summary>
    public int PerKioskPerMinute { get; set; } = 12;

    /// <summary>A kiosk returns to an empty form after this many idle seconds.</summary>
    public int KioskIdleSeconds { get; set; } = 60;

    /// <summary>Seconds the kiosk shows its thank-you before returning to an empty form.</summary>
    public int KioskThanksSeconds { get; set; } = 6;

    /// <summary>Absolute address of the app as respondents reach it, for SMS links and QR codes (default: the request's own).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The time zone whose calendar date a response gets.</summary>
    public string TimeZone { get; set; } = "Europe/Helsinki";

    /// <summary>Longest open text kept (characters).</summary>
    public int MaxOpenTextLength { get; set; } = 2000;

    public TimeZoneInfo Zone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(TimeZone); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }
}

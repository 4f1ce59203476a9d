namespace Tilannekuva.Boards.Domain;

/// <summary>The tiles a board can show, in the words of docs/boards.md.</summary>
public enum TileKind
{
    Callbacks,        // takaisinsoitot tänään
    WaitingList,      // jonotilanne
    CareGuarantee,    // hoitotakuu 7 vrk, 4 viikkoa
    T3,               // kolmas vapaa aika
    Staffing,         // henkilöstövahvuus tänään
    Nps,              // asiakaspalaute 30 päivää
    Pulse,            // henkilöstön pulssi: uusin viikko, jolla vähintään 5 vastausta (Feedback/Pulse)
    GuidanceQueue,    // neuvontachatin jono nyt: jonossa, käynnissä, pisin odotus (Guidance)
}

public enum BoardTheme { HighContrast, Light }

/// <summary>
/// Ohjaustaulu: a wall-screen board for one reception or a set of units. The unit manager chooses
/// its tiles and their order. A board token lets a screen read this board, and only it, without a sign-in.
/// </summary>
public sealed class Board
{
    public const int DefaultRefreshSeconds = 60;
    public const int DefaultStaleMinutes = 60;
    public static readonly TimeOnly DefaultOpensAt = new(8, 0);
    public static readonly TimeOnly DefaultClosesAt = new(16, 0);
    public static IReadOnlyList<DayOfWeek> DefaultOpenDays { get; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Org-unit ids (Indicators' org_unit); an area or municipality stands for all its units.</summary>
    public List<string> UnitIds { get; set; } = [];
    /// <summary>Tile codes in display order (<see cref="TileKind"/> names).</summary>
    public List<string> Tiles { get; set; } = [];
    public int RefreshSeconds { get; set; } = DefaultRefreshSeconds;
    /// <summary>Data older than this is flagged as stale on the screen.</summary>
    public int StaleMinutes { get; set; } = DefaultStaleMinutes;
    public BoardTheme Theme { get; set; } = BoardTheme.HighContrast;
    /// <summary>Aukioloajat: the days the reception is open; outside opening hours the screen shows a calm "closed" note instead of the stale warning.</summary>
    public List<DayOfWeek> OpenDays { get; set; } = [.. DefaultOpenDays];
    /// <summary>Opening time on an open day (the board's wall-clock time, Boards:TimeZone).</summary>
    public TimeOnly OpensAt { get; set; } = DefaultOpensAt;
    /// <summary>Closing time on an open day, exclusive; 00:00 means midnight (open until the day ends).</summary>
    public TimeOnly ClosesAt { get; set; } = DefaultClosesAt;
    /// <summary>SHA-256 of the board token, hex; the token is shown once and never stored.</summary>
    public string? TokenHash { get; set; }
    public DateTimeOffset? TokenIssuedAt { get; set; }

    /// <summary>Whether the reception is open at a wall-clock moment (<see cref="OpensAt"/> inclusive, <see cref="ClosesAt"/> exclusive); never on a holiday.</summary>
    public bool IsOpenAt(DateTime wallClock) => IsOpenAt(OpenDays, OpensAt, ClosesAt, wallClock);

    public static bool IsOpenAt(IReadOnlyCollection<DayOfWeek> days, TimeOnly opens, TimeOnly closes, DateTime wallClock)
    {
        if (!days.Contains(wallClock.DayOfWeek)) return false;
        // Receptions are closed on Finnish public holidays and on Midsummer and Christmas Eve, whatever the weekday.
        if (Indicators.Calendar.FinnishWorkingDays.HolidayOn(DateOnly.FromDateTime(wallClock)) is not null) return false;
        var t = TimeOnly.FromDateTime(wallClock);
        return t >= opens && (closes == TimeOnly.MinValue || t < closes);
    }

    public IReadOnlyList<TileKind> TileKinds =>
        Tiles.Select(t => Enum.TryParse<TileKind>(t, out var k) ? (TileKind?)k : null).OfType<TileKind>().Distinct().ToList();

    /// <summary>The six standard tiles: a new board's default, sized to fit a wall screen together.</summary>
    public static IReadOnlyList<TileKind> AllTiles { get; } = Enum.GetValues<TileKind>().Where(t => t is not (TileKind.Pulse or TileKind.GuidanceQueue)).ToList();

    /// <summary>Every tile a manager may choose, the staff pulse and the guidance chat's queue included (extras the board's manager adds).</summary>
    public static IReadOnlyList<TileKind> ChoosableTiles { get; } = Enum.GetValues<TileKind>();
}

/// <summary>A change to a board: who, when, before and after (JSON), written with the change.</summary>
public sealed class BoardAuditEntry : Tilannekuva.Storage.IChainedAuditRow
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserName { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string Change { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    /// <summary>SHA-256 chaining this row to the one before it (tamper evidence; docs/operations.md).</summary>
    public string? Hash { get; set; }

    public string ChainText() => Tilannekuva.Storage.AuditChain.Text(At, UserName, EntityType, EntityId, Change, Before, After);
}

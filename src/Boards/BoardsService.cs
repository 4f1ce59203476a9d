using Microsoft.EntityFrameworkCore;
using Tilannekuva.Boards.Domain;
using Tilannekuva.Boards.Figures;
using Tilannekuva.Boards.Storage;

namespace Tilannekuva.Boards;

/// <summary>A board as edited on the page or through the CLI.</summary>
/// <param name="OpenDays">Opening days; null keeps the defaults (Monday–Friday).</param>
/// <param name="OpensAt">Opening time; null keeps the default 08:00.</param>
/// <param name="ClosesAt">Closing time (exclusive, 00:00 = midnight); null keeps the default 16:00.</param>
public sealed record BoardDraft(string Name, IReadOnlyList<string> UnitIds, IReadOnlyList<TileKind> Tiles, int RefreshSeconds, int StaleMinutes, BoardTheme Theme,
    IReadOnlyList<DayOfWeek>? OpenDays = null, TimeOnly? OpensAt = null, TimeOnly? ClosesAt = null)
{
    public IReadOnlyList<DayOfWeek> Days => OpenDays ?? Board.DefaultOpenDays;
    public TimeOnly Opens => OpensAt ?? Board.DefaultOpensAt;
    public TimeOnly Closes => ClosesAt ?? Board.DefaultClosesAt;
}

/// <summary>The module's surface: boards (list, save, token) and their figures for the screen.</summary>
public sealed class BoardsService(BoardsDbContext db, BoardQuery query, BoardSettings settings, TimeProvider clock)
{
    public const int MinRefreshSeconds = 1;
    public const int MaxRefreshSeconds = 3600;

    public Task<List<Board>> ListAsync(CancellationToken ct = default) => db.Boards.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);

    public Task<Board?> FindAsync(int id, CancellationToken ct = default) => db.Boards.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);

    /// <summary>Problems with a draft as text keys (empty when it can be saved).</summary>
    public static IReadOnlyList<string> Validate(BoardDraft d)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(d.Name) || d.Name.Length > 200) problems.Add("Boards.Error.Name");
        if (d.UnitIds.Count == 0) problems.Add("Boards.Error.Units");
        if (d.Tiles.Count == 0) problems.Add("Boards.Error.Tiles");
        if (d.RefreshSeconds is < MinRefreshSeconds or > MaxRefreshSeconds) problems.Add("Boards.Error.Refresh");
        if (d.StaleMinutes is < 1 or > 7 * 24 * 60) problems.Add("Boards.Error.Stale");
        if (d.Days.Count == 0) problems.Add("Boards.Error.OpenDays");
        if (d.Closes != TimeOnly.MinValue && d.Closes <= d.Opens) problems.Add("Boards.Error.OpeningHours");
        return problems;
    }

    /// <summary>Creates (id null) or updates a board; returns its id. Audited with the signed-in user.</summary>
    public async Task<int> SaveAsync(int? id, BoardDraft d, CancellationToken ct = default)
    {
        if (Validate(d) is { Count: > 0 } problems) throw new ArgumentException(string.Join(", ", problems));
        var board = id is { } i ? await db.Boards.FirstOrDefaultAsync(b => b.Id == i, ct) ?? throw new KeyNotFoundException($"No board {i}") : null;
        if (board is null)
        {
            board = new Board { Name = d.Name.Trim() };
            db.Boards.Add(board);
        }
        board.Name = d.Name.Trim();
        board.UnitIds = d.UnitIds.Distinct().ToList();
        board.Tiles = d.Tiles.Distinct().Select(t => t.ToString()).ToList();
        board.RefreshSeconds = d.RefreshSeconds;
        board.StaleMinutes = d.StaleMinutes;
        board.Theme = d.Theme;
        // Monday first, whatever order the form sent (Sunday is 0 in DayOfWeek).
        board.OpenDays = d.Days.Distinct().OrderBy(x => ((int)x + 6) % 7).ToList();
        board.OpensAt = d.Opens;
        board.ClosesAt = d.Closes;
        await db.SaveChangesAsync(ct);
        return board.Id;
    }

    /// <summary>Issues a new token for the board (the previous one stops working); returns it once.</summary>
    public async Task<string?> IssueTokenAsync(int id, CancellationToken ct = default)
    {
        if (await db.Boards.FirstOrDefaultAsync(b => b.Id == id, ct) is not { } board) return null;
        var token = BoardTokens.New();
        board.TokenHash = BoardTokens.Hash(token);
        board.TokenIssuedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>The board the token opens, only when it is this board's current token.</summary>
    public async Task<Board?> FindByTokenAsync(int id, string? token, CancellationToken ct = default) =>
        await FindAsync(id, ct) is { } board && BoardTokens.Matches(token, board.TokenHash) ? board : null;

    /// <summary>Board figure builds (a screen's or page's refresh; metric tilannekuva.board.refreshes).</summary>
    private static readonly System.Diagnostics.Metrics.Counter<long> Refreshes =
        new System.Diagnostics.Metrics.Meter("Tilannekuva.Boards").CreateCounter<long>("tilannekuva.board.refreshes", description: "Steering board figure refreshes");

    public DateTime Now => BoardQuery.WallClock(clock, settings);

    /// <summary>The board's figures now; outside its opening hours they are marked closed (no stale warning on the screen).</summary>
    public async Task<BoardFigures> FiguresAsync(Board board, CancellationToken ct = default)
    {
        Refreshes.Add(1);
        var figures = await query.FiguresAsync(board.UnitIds, Now, board.StaleMinutes, ct);
        return figures with { Closed = !board.IsOpenAt(figures.Now) };
    }

    /// <summary>Every stored change of the board (board_audit), newest first.</summary>
    public Task<List<BoardAuditEntry>> HistoryAsync(int id, CancellationToken ct = default)
    {
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Board) && a.EntityId == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToListAsync(ct);
    }
}

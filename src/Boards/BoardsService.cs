using Microsoft.EntityFrameworkCore;
using Tilannekuva.Boards.Domain;
using Tilannekuva.Boards.Figures;
using Tilannekuva.Boards.Storage;

namespace Tilannekuva.Boards;

/// <summary>A board as edited on the page or through the CLI.</summary>
public sealed record BoardDraft(string Name, IReadOnlyList<string> UnitIds, IReadOnlyList<TileKind> Tiles, int RefreshSeconds, int StaleMinutes, BoardTheme Theme);

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

    public DateTime Now => BoardQuery.WallClock(clock, settings);

    public Task<BoardFigures> FiguresAsync(Board board, CancellationToken ct = default) =>
        query.FiguresAsync(board.UnitIds, Now, board.StaleMinutes, ct);
}

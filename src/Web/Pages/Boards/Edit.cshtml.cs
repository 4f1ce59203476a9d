using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.Boards;
using Tilannekuva.Boards.Domain;
using Tilannekuva.Boards.Figures;
using Tilannekuva.Indicators.Domain;

namespace Tilannekuva.Web.Pages.Boards;

/// <summary>
/// Create or edit a board: its units, which tiles in which order (a position number per ticked tile, so
/// it works without JavaScript), refresh interval, stale threshold and theme.
/// </summary>
[Authorize(Roles = Roles.BoardEditors)]
public sealed class BoardEditModel(BoardsService boards, BoardQuery query) : PageModel
{
    public int? Id { get; private set; }
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public List<string> Units { get; set; } = [];
    [BindProperty] public List<string> Tile { get; set; } = [];
    [BindProperty] public Dictionary<string, int?> Order { get; set; } = [];
    [BindProperty] public int RefreshSeconds { get; set; } = Board.DefaultRefreshSeconds;
    [BindProperty] public int StaleMinutes { get; set; } = Board.DefaultStaleMinutes;
    [BindProperty] public BoardTheme Theme { get; set; } = BoardTheme.HighContrast;
    [BindProperty] public List<DayOfWeek> OpenDays { get; set; } = [.. Board.DefaultOpenDays];
    [BindProperty] public TimeOnly OpensAt { get; set; } = Board.DefaultOpensAt;
    [BindProperty] public TimeOnly ClosesAt { get; set; } = Board.DefaultClosesAt;
    /// <summary>The week as the form lists it, Monday first.</summary>
    public static IReadOnlyList<DayOfWeek> Week { get; } = [.. Enum.GetValues<DayOfWeek>().OrderBy(d => ((int)d + 6) % 7)];
    public IReadOnlyList<(OrgUnit Unit, int Depth)> Choices { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The tiles in the order the form lists them: the board's order first, then the rest.</summary>
    public IReadOnlyList<TileKind> TileList => Tile.Select(t => Enum.TryParse<TileKind>(t, out var k) ? (TileKind?)k : null).OfType<TileKind>()
        .Concat(Board.AllTiles).Distinct().ToList();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } i)
        {
            if (await boards.FindAsync(i, ct) is not { } board) return NotFound();
            Id = i;
            (Name, Units, Tile, RefreshSeconds, StaleMinutes, Theme) = (board.Name, board.UnitIds, board.Tiles, board.RefreshSeconds, board.StaleMinutes, board.Theme);
            (OpenDays, OpensAt, ClosesAt) = (board.OpenDays, board.OpensAt, board.ClosesAt);
            Order = board.TileKinds.Select((t, n) => (t, n)).ToDictionary(x => x.t.ToString(), x => (int?)(x.n + 1));
        }
        else Tile = Board.AllTiles.Select(t => t.ToString()).ToList();
        Choices = await query.UnitChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } i && await boards.FindAsync(i, ct) is null) return NotFound();
        var tiles = Tile.Select(t => Enum.TryParse<TileKind>(t, out var k) ? (TileKind?)k : null).OfType<TileKind>().Distinct()
            .Select((t, n) => (t, n)).OrderBy(x => Order.GetValueOrDefault(x.t.ToString()) ?? int.MaxValue).ThenBy(x => x.n).Select(x => x.t).ToList();
        var draft = new BoardDraft(Name ?? "", Units, tiles, RefreshSeconds, StaleMinutes, Theme, OpenDays, OpensAt, ClosesAt);
        Problems = BoardsService.Validate(draft);
        if (Problems.Count > 0)
        {
            Choices = await query.UnitChoicesAsync(ct);
            return Page();
        }
        var saved = await boards.SaveAsync(id, draft, ct);
        return Redirect($"/boards/{saved}");
    }
}

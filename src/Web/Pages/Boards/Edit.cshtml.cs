using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.Boards;
using Tilannekuva.Boards.Domain;
using Tilannekuva.Boards.Figures;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Pages.Boards;

/// <summary>
/// Create or edit a board: its units, which tiles in which order (a position number per ticked tile, so
/// it works without JavaScript), refresh interval, stale threshold and theme. A unit manager may only create
/// and edit boards within the units they lead, and is offered only those units; anything else answers 403 with
/// the reason on the page.
/// </summary>
[Authorize(Roles = Roles.BoardEditors)]
public sealed class BoardEditModel(BoardsService boards, BoardQuery query, BoardScope scope, AccountUnits accountUnits) : PageModel
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
    /// <summary>Why this manager may not edit here at all (a text key), shown instead of the form with 403.</summary>
    public string? Refusal { get; private set; }
    /// <summary>Chosen units that lie outside the manager's units (the form is shown again with 403).</summary>
    public IReadOnlyList<string> OutsideUnits { get; private set; } = [];
    private BoardEditor _editor = BoardEditor.Nowhere;

    /// <summary>The tiles in the order the form lists them: the board's order first, then the rest.</summary>
    public IReadOnlyList<TileKind> TileList => Tile.Select(t => Enum.TryParse<TileKind>(t, out var k) ? (TileKind?)k : null).OfType<TileKind>()
        .Concat(Board.ChoosableTiles).Distinct().ToList();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } i)
        {
            if (await boards.FindAsync(i, ct) is not { } board) return NotFound();
            Id = i;
            if (await RefuseAsync(board, ct) is { } refused) return refused;
            (Name, Units, Tile, RefreshSeconds, StaleMinutes, Theme) = (board.Name, board.UnitIds, board.Tiles, board.RefreshSeconds, board.StaleMinutes, board.Theme);
            (OpenDays, OpensAt, ClosesAt) = (board.OpenDays, board.OpensAt, board.ClosesAt);
            Order = board.TileKinds.Select((t, n) => (t, n)).ToDictionary(x => x.t.ToString(), x => (int?)(x.n + 1));
        }
        else
        {
            if (await RefuseAsync(null, ct) is { } refused) return refused;
            Tile = Board.AllTiles.Select(t => t.ToString()).ToList();
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var existing = id is { } i ? await boards.FindAsync(i, ct) : null;
        if (id is not null && existing is null) return NotFound();
        if (await RefuseAsync(existing, ct) is { } refused) return refused;
        var tiles = Tile.Select(t => Enum.TryParse<TileKind>(t, out var k) ? (TileKind?)k : null).OfType<TileKind>().Distinct()
            .Select((t, n) => (t, n)).OrderBy(x => Order.GetValueOrDefault(x.t.ToString()) ?? int.MaxValue).ThenBy(x => x.n).Select(x => x.t).ToList();
        var draft = new BoardDraft(Name ?? "", Units, tiles, RefreshSeconds, StaleMinutes, Theme, OpenDays, OpensAt, ClosesAt);
        Problems = BoardsService.Validate(draft);
        OutsideUnits = await scope.OutsideAsync(_editor, draft.UnitIds, ct);
        if (Problems.Count > 0 || OutsideUnits.Count > 0)
        {
            await LoadChoicesAsync(ct);
            if (OutsideUnits.Count > 0) Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        var saved = await boards.SaveAsync(id, draft, ct);
        return Redirect($"/boards/{saved}");
    }

    /// <summary>
    /// 403 with the reason when the signed-in person may not edit here: a manager without units (any board, a new
    /// one included) or a board outside their units. Null when they may go on.
    /// </summary>
    private async Task<IActionResult?> RefuseAsync(Board? board, CancellationToken ct)
    {
        _editor = await accountUnits.BoardEditorAsync(User, ct);
        if (!_editor.CanEditSome) Refusal = "Boards.Manager.NoUnits";
        else if (board is not null && !await scope.MayEditAsync(_editor, board, ct)) Refusal = "Boards.Manager.NotYours";
        if (Refusal is null) return null;
        if (board is not null) Name = board.Name;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    /// <summary>The org-unit tree; for a manager only the units they lead and those under them (plus any already chosen).</summary>
    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var all = await query.UnitChoicesAsync(ct);
        if (await scope.UnitsWithinAsync(_editor, ct) is not { } within) { Choices = all; return; }
        var shown = all.Where(c => within.Contains(c.Unit.SourceId) || Units.Contains(c.Unit.SourceId)).ToList();
        var top = shown.Count == 0 ? 0 : shown.Min(c => c.Depth);
        Choices = shown.Select(c => (c.Unit, c.Depth - top)).ToList();
    }
}

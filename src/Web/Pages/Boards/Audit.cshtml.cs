using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.Boards;
using Tilannekuva.Boards.Domain;
using Tilannekuva.Boards.Figures;
using Tilannekuva.Web.Boards;

namespace Tilannekuva.Web.Pages.Boards;

/// <summary>
/// Muutoshistoria: every stored change of one board (board_audit), newest first, in readable form.
/// For those who may edit boards (managers, directors, admins).
/// </summary>
[Authorize(Roles = Roles.BoardEditors)]
public sealed class BoardAuditModel(BoardsService boards, BoardQuery query, BoardSettings settings) : PageModel
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public IReadOnlyList<BoardAuditItem> Items { get; private set; } = [];

    /// <summary>A stored time (UTC) as the board's wall-clock time (Boards:TimeZone), as the screen shows times.</summary>
    public DateTime LocalTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, BoardQuery.FinnishTime(settings)).DateTime;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var history = await boards.HistoryAsync(id, ct);
        var board = await boards.FindAsync(id, ct);
        if (board is null && history.Count == 0) return NotFound();
        (Id, Name) = (id, board?.Name ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var names = await query.UnitNamesAsync(BoardAuditView.UnitIds(history), ct);
        Items = history.Select(e => BoardAuditView.Describe(e, names)).ToList();
        return Page();
    }
}

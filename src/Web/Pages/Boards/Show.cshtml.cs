using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Boards;
using Tilannekuva.Boards.Figures;
using Tilannekuva.Web.Auth;
using Tilannekuva.Web.Boards;

namespace Tilannekuva.Web.Pages.Boards;

/// <summary>A board inside the signed-in pages: its tiles now, settings, and (for editors) issuing the screen token.</summary>
public sealed class BoardShowModel(Tilannekuva.Feedback.Pulse.PulseService pulse, Tilannekuva.Guidance.GuidanceService guidance, BoardsService boards, BoardQuery query, BoardScope scope, AccountUnits accountUnits) : PageModel
{
    public BoardView? View { get; private set; }
    /// <summary>May change this board: an admin, a director, or a manager whose units it lies within.</summary>
    public bool CanEdit { get; private set; }
    /// <summary>Set once, right after issuing: the token is never shown again.</summary>
    public string? IssuedToken { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await boards.FindAsync(id, ct) is not { } board) return NotFound();
        CanEdit = await MayEditAsync(board, ct);
        var figures = await boards.FiguresAsync(board, ct);
        View = new BoardView(board, figures, await query.UnitNamesAsync(board.UnitIds, ct))
        {
            Pulse = board.TileKinds.Contains(Tilannekuva.Boards.Domain.TileKind.Pulse)
                ? await pulse.LatestShownAsync(board.UnitIds, DateOnly.FromDateTime(figures.Now), ct) : null,
            GuidanceQueues = board.TileKinds.Contains(Tilannekuva.Boards.Domain.TileKind.GuidanceQueue)
                ? await guidance.QueuesNowAsync(board.UnitIds, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct) : [],
        };
        return Page();
    }

    /// <summary>Issues a new screen token; the previous one stops working at once.</summary>
    public async Task<IActionResult> OnPostTokenAsync(int id, CancellationToken ct)
    {
        if (await boards.FindAsync(id, ct) is not { } board) return NotFound();
        if (!await MayEditAsync(board, ct)) return Forbid();
        if (await boards.IssueTokenAsync(id, ct) is not { } token) return NotFound();
        IssuedToken = token;
        return await OnGetAsync(id, ct);
    }

    private async Task<bool> MayEditAsync(Tilannekuva.Boards.Domain.Board board, CancellationToken ct) =>
        await scope.MayEditAsync(await accountUnits.BoardEditorAsync(User, ct), board, ct);
}

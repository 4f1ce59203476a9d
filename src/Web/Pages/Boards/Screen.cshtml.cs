using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Boards;
using Tilannekuva.Boards.Figures;
using Tilannekuva.Web.Boards;

namespace Tilannekuva.Web.Pages.Boards;

/// <summary>
/// The wall screen: readable with the board's token alone (no sign-in, no redirect to one). A wrong or
/// revoked token gets 404, the same as a board that does not exist, so a token reveals nothing of other
/// boards. The page fetches its tiles from the "data" handler every refresh interval.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class BoardScreenModel(Tilannekuva.Feedback.Pulse.PulseService pulse, Tilannekuva.Guidance.GuidanceService guidance, BoardsService boards, BoardQuery query) : PageModel
{
    public BoardView? View { get; private set; }
    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, string? token, CancellationToken ct)
    {
        if (await LoadAsync(id, token, ct) is { } problem) return problem;
        return Page();
    }

    /// <summary>/boards/{id}/screen/data?token=…: the tiles as an HTML fragment, for the screen's refresh.</summary>
    public async Task<IActionResult> OnGetDataAsync(int id, string? token, CancellationToken ct)
    {
        if (await LoadAsync(id, token, ct) is { } problem) return problem;
        return Partial("_BoardTiles", View);
    }

    private async Task<IActionResult?> LoadAsync(int id, string? token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        Response.Headers["Referrer-Policy"] = "no-referrer"; // the token is in the URL
        if (await boards.FindByTokenAsync(id, token, ct) is not { } board) return NotFound();
        Token = token!;
        var figures = await boards.FiguresAsync(board, ct);
        View = new BoardView(board, figures, await query.UnitNamesAsync(board.UnitIds, ct))
        {
            Pulse = board.TileKinds.Contains(Tilannekuva.Boards.Domain.TileKind.Pulse)
                ? await pulse.LatestShownAsync(board.UnitIds, DateOnly.FromDateTime(figures.Now), ct) : null,
            GuidanceQueues = board.TileKinds.Contains(Tilannekuva.Boards.Domain.TileKind.GuidanceQueue)
                ? await guidance.QueuesNowAsync(board.UnitIds, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct) : [],
        };
        return null;
    }
}

using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Boards;
using Tilannekuva.Boards.Domain;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Pages.Boards;

/// <summary>The steering boards; unit managers, directors and admins create and edit them.</summary>
public sealed class BoardsIndexModel(BoardsService boards) : PageModel
{
    public IReadOnlyList<Board> Boards { get; private set; } = [];
    public bool CanEdit => BoardRights.CanEdit(User);

    public async Task OnGetAsync(CancellationToken ct) => Boards = await boards.ListAsync(ct);
}

public static class BoardRights
{
    public static bool CanEdit(System.Security.Claims.ClaimsPrincipal user) =>
        SignedInUser.RoleOf(user) is Tilannekuva.Access.Role.Admin or Tilannekuva.Access.Role.Director or Tilannekuva.Access.Role.Manager;
}

using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.Boards;
using Tilannekuva.Boards.Domain;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Pages.Boards;

/// <summary>
/// The steering boards; directors and admins create and edit them all, a unit manager those within the units
/// they lead (listed first).
/// </summary>
public sealed class BoardsIndexModel(BoardsService boards, BoardScope scope, AccountUnits accountUnits) : PageModel
{
    public IReadOnlyList<Board> Boards { get; private set; } = [];
    /// <summary>May create boards: an admin, a director, or a manager who leads some unit.</summary>
    public bool CanEdit { get; private set; }
    public IReadOnlySet<int> Editable { get; private set; } = new HashSet<int>();
    /// <summary>A unit manager's own units (code, name), to say on the page which boards are theirs; null for others.</summary>
    public IReadOnlyList<(string Code, string Name)>? ManagerUnits { get; private set; }
    /// <summary>Org-unit names of the boards' units: people read names, not codes.</summary>
    public IReadOnlyDictionary<string, string> UnitNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var editor = await accountUnits.BoardEditorAsync(User, ct);
        var all = await boards.ListAsync(ct);
        Editable = await scope.EditableAsync(editor, all, ct);
        // The boards one may change first, each group by name as listed.
        Boards = all.OrderBy(b => Editable.Contains(b.Id) ? 0 : 1).ToList();
        CanEdit = editor.CanEditSome;
        UnitNames = (await accountUnits.NamesAsync(Boards.SelectMany(b => b.UnitIds).Distinct().ToList(), ct)).ToDictionary(x => x.Code, x => x.Name);
        if (SignedInUser.RoleOf(User) == Role.Manager) ManagerUnits = await accountUnits.NamesAsync(editor.UnitIds, ct);
    }
}

/// <summary>Whether the role may edit boards at all; which boards a manager may change is <see cref="BoardScope"/>'s rule.</summary>
public static class BoardRights
{
    public static bool CanEdit(System.Security.Claims.ClaimsPrincipal user) =>
        SignedInUser.RoleOf(user) is Tilannekuva.Access.Role.Admin or Tilannekuva.Access.Role.Director or Tilannekuva.Access.Role.Manager;
}

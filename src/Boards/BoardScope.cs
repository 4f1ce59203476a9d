using Microsoft.EntityFrameworkCore;
using Tilannekuva.Boards.Domain;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.Boards;

/// <summary>
/// Who may change boards, and where: directors and admins anywhere (<see cref="Anywhere"/>); a unit manager
/// (esihenkilö) within the org units they lead; everyone else nowhere. The web layer builds it from the account.
/// </summary>
public sealed record BoardEditor(bool Anywhere, IReadOnlyList<string> UnitIds)
{
    public static BoardEditor Everywhere { get; } = new(true, []);
    public static BoardEditor Nowhere { get; } = new(false, []);

    public static BoardEditor Within(IReadOnlyList<string> unitIds) => new(false, unitIds);

    /// <summary>Whether the editor may create a board at all (a manager without units may not).</summary>
    public bool CanEditSome => Anywhere || UnitIds.Count > 0;
}

/// <summary>
/// The rule of docs/boards.md: a board lies within an editor's units when every one of its units is one of them
/// or under one of them in the org-unit tree (org_unit_ancestor, read through the Indicators context like the
/// board's figures). A board unit missing from the tree lies within nobody's units but the unrestricted editors'.
/// </summary>
public sealed class BoardScope(IndicatorsDbContext db)
{
    /// <summary>The board units that lie outside the editor's units, in the order given; empty when the editor may edit.</summary>
    public async Task<IReadOnlyList<string>> OutsideAsync(BoardEditor editor, IReadOnlyCollection<string> boardUnits, CancellationToken ct = default)
    {
        if (editor.Anywhere) return [];
        var inside = await InsideAsync(editor, boardUnits, ct);
        return boardUnits.Where(u => !inside.Contains(u)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether the editor may change (edit, issue a token for) the board.</summary>
    public async Task<bool> MayEditAsync(BoardEditor editor, Board board, CancellationToken ct = default) =>
        editor.Anywhere || (editor.CanEditSome && board.UnitIds.Count > 0 && (await OutsideAsync(editor, board.UnitIds, ct)).Count == 0);

    /// <summary>The ids of the boards the editor may change, with one query for all of them.</summary>
    public async Task<IReadOnlySet<int>> EditableAsync(BoardEditor editor, IEnumerable<Board> boards, CancellationToken ct = default)
    {
        var list = boards.ToList();
        if (editor.Anywhere) return list.Select(b => b.Id).ToHashSet();
        if (!editor.CanEditSome) return new HashSet<int>();
        var inside = await InsideAsync(editor, list.SelectMany(b => b.UnitIds).Distinct().ToList(), ct);
        return list.Where(b => b.UnitIds.Count > 0 && b.UnitIds.All(inside.Contains)).Select(b => b.Id).ToHashSet();
    }

    /// <summary>Every org unit within the editor's units (their own and all under them); null for an unrestricted editor.</summary>
    public async Task<IReadOnlySet<string>?> UnitsWithinAsync(BoardEditor editor, CancellationToken ct = default)
    {
        if (editor.Anywhere) return null;
        var ids = editor.UnitIds.ToList();
        return (await db.OrgUnitAncestors.AsNoTracking().Where(a => ids.Contains(a.AncestorId)).Select(a => a.UnitId).Distinct().ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Of the given units, those that are one of the editor's units or lie under one.</summary>
    private async Task<HashSet<string>> InsideAsync(BoardEditor editor, IReadOnlyCollection<string> units, CancellationToken ct)
    {
        if (editor.UnitIds.Count == 0 || units.Count == 0) return [];
        var ids = units.Distinct().ToList();
        var leads = editor.UnitIds.ToList();
        return (await db.OrgUnitAncestors.AsNoTracking().Where(a => ids.Contains(a.UnitId) && leads.Contains(a.AncestorId))
            .Select(a => a.UnitId).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
    }
}

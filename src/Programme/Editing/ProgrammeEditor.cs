using Microsoft.EntityFrameworkCore;
using Tilannekuva.Programme.Storage;

namespace Tilannekuva.Programme.Editing;

/// <summary>How far a person may edit programme data; the web layer maps sign-in roles to this.</summary>
public enum EditRight
{
    None,
    /// <summary>Suunnittelija: the work packages assigned to them.</summary>
    AssignedWorkPackages,
    /// <summary>Projektijohtaja and admin: everything.</summary>
    Everything,
}

public sealed record ProgrammeEditor(string UserName, EditRight Right)
{
    public async Task<bool> MayEditAsync(ProgrammeDbContext db, EditableType type, ParentLink link, CancellationToken ct = default)
    {
        if (Right == EditRight.Everything) return true;
        if (Right == EditRight.None || type.Scope != EditScope.WorkPackage || link.WorkPackageId is not { } wp) return false;
        return await db.Assignments.AnyAsync(a => a.WorkPackageId == wp && a.UserName == UserName, ct);
    }

    public Task<bool> MayEditWorkPackageAsync(ProgrammeDbContext db, int workPackageId, CancellationToken ct = default) =>
        MayEditAsync(db, EditableTypes.Find("goal")!, new ParentLink(0, workPackageId), ct);
}

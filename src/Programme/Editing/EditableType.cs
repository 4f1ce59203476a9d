using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Storage;

namespace Tilannekuva.Programme.Editing;

/// <summary>Who may create, change or delete an entity of a type.</summary>
public enum EditScope
{
    /// <summary>Programme structure and programme-level data: director and admin only.</summary>
    Programme,
    /// <summary>Data that belongs to a work package: also its assigned planners.</summary>
    WorkPackage,
    /// <summary>Who owns a work package (assignments): director and admin only, even inside a work package.</summary>
    Ownership,
}

/// <summary>
/// Describes an editable programme entity once, so that the edit pages, the JSON API and the
/// permission check all use the same field list and the same rule for which work package owns it.
/// </summary>
public sealed record EditableType(
    string Name,
    Type ClrType,
    string ParentProperty,
    EditScope Scope,
    IReadOnlyList<EditableField> Fields,
    Func<ProgrammeDbContext, int, CancellationToken, Task<ParentLink?>> ResolveParent)
{
    public string Label => "Entity." + Name;
}

/// <summary>Where an entity sits: its programme and, when inside one, its work package.</summary>
public sealed record ParentLink(int ProgrammeId, int? WorkPackageId);

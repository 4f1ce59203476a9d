namespace Tilannekuva.Indicators.Domain;

/// <summary>
/// A node of the organisation tree (region → area → municipality → unit → team). Its id is the
/// code the source systems use, so event rows refer to it directly.
/// </summary>
public sealed class OrgUnit : ImportedRow
{
    public required string Name { get; set; }
    public string? ParentId { get; set; }
    public OrgUnitKind Kind { get; set; }
    /// <summary>Statistics Finland municipality code (kuntanumero), e.g. "205" for Kajaani.</summary>
    public string? MunicipalityCode { get; set; }
}

/// <summary>Closure of the org-unit tree: every unit with each of its ancestors and itself (depth 0).</summary>
public sealed class OrgUnitAncestor
{
    public required string AncestorId { get; set; }
    public required string UnitId { get; set; }
    public int Depth { get; set; }
}

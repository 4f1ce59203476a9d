namespace Tilannekuva.Indicators.Domain;

/// <summary>What every canonical row keeps about where it came from.</summary>
public abstract class ImportedRow
{
    /// <summary>The row's id in the source system; unique per kind, so re-importing skips it.</summary>
    public required string SourceId { get; set; }
    public required string SourceFile { get; set; }
    public int SourceLine { get; set; }
    public long ImportBatchId { get; set; }
}

/// <summary>An event row with a surrogate key.</summary>
public abstract class ImportedEvent : ImportedRow
{
    public long Id { get; set; }
    /// <summary>Org unit id (<see cref="OrgUnit.SourceId"/>).</summary>
    public required string UnitId { get; set; }
}

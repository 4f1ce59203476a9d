namespace Tilannekuva.Programme.Domain;

/// <summary>
/// Versio: the state of a programme's whole tree (pillars down to measurements, metrics, risks, plan changes,
/// review meetings) kept as JSON before a plan import or a restore changed it, so that it can be restored.
/// </summary>
public sealed class ProgrammeRevision
{
    public int Id { get; set; }
    /// <summary>The programme the snapshot is of (no foreign key: the revision outlives changes to the tree).</summary>
    public int ProgrammeId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserName { get; set; }
    /// <summary>Why it was taken: <c>PlanImport</c> (before a confirmed import changed the programme) or <c>Restore</c> (before a restore).</summary>
    public required string Reason { get; set; }
    /// <summary>The plan file whose import replaced this state, when the reason is an import.</summary>
    public string Source { get; set; } = "";
    public int WorkPackages { get; set; }
    public int Metrics { get; set; }
    public int Risks { get; set; }
    public int Measurements { get; set; }
    /// <summary>The programme tree as JSON (System.Text.Json with reference preservation).</summary>
    public required string Snapshot { get; set; }
}

namespace Tilannekuva.Programme.Domain;

/// <summary>One change to programme data: who, when, what, and the values before and after (JSON).</summary>
public sealed class AuditEntry : Tilannekuva.Storage.IChainedAuditRow
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserName { get; set; }
    /// <summary>The programme the changed row belongs to (null only if it could not be traced).</summary>
    public int? ProgrammeId { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string Change { get; set; } // Added, Modified, Deleted
    public string? Before { get; set; }
    public string? After { get; set; }
    /// <summary>SHA-256 chaining this row to the one before it (tamper evidence; docs/operations.md).</summary>
    public string? Hash { get; set; }

    public string ChainText() => Tilannekuva.Storage.AuditChain.Text(At, UserName, ProgrammeId, EntityType, EntityId, Change, Before, After);
}

namespace Tilannekuva.SocialWork.Domain;

/// <summary>
/// One phenomenon a social worker has observed in their client work (rakenteellisen sosiaalityön havainto):
/// what (category), where (area), whom it concerns (client group), how many clients, a description already
/// scrubbed of what identifies a person, and a proposed action whose follow-up the editor keeps up to date.
/// Codes are stored as codes; pages show their names from <see cref="CodeLists"/>.
/// </summary>
public sealed class Observation
{
    public int Id { get; set; }
    public DateOnly ObservedOn { get; set; }
    public string Category { get; set; } = "";
    public string Area { get; set; } = "";
    public string ClientGroup { get; set; } = "";
    public int ClientCount { get; set; }
    /// <summary>Scrubbed of identity codes, phone numbers, e-mail addresses and names before it was stored.</summary>
    public string Description { get; set; } = "";
    public string ProposedAction { get; set; } = "";
    public FollowUpState FollowUp { get; set; } = FollowUpState.Proposed;
    public string? FollowUpNote { get; set; }
    /// <summary>The editor chose the description as a quote for the reports.</summary>
    public bool Quoted { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>What happened to a proposed action.</summary>
public enum FollowUpState
{
    Proposed,
    InProgress,
    Done,
    Rejected,
}

/// <summary>A row of the module's audit log (tamper-evident chain like the programme's).</summary>
public sealed class SocialWorkAuditEntry : Tilannekuva.Storage.IChainedAuditRow
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserName { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string Change { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Hash { get; set; }

    public string ChainText() => Tilannekuva.Storage.AuditChain.Text(At, UserName, EntityType, EntityId, Change, Before, After);
}

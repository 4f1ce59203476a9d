using Tilannekuva.Storage;

namespace Tilannekuva.Operations.Audit;

/// <summary>
/// One audit row as forwarded to the county's log management: who, when, what and the row's chain hash — never the
/// before/after values (they stay in the store; the hash lets the receiver prove later that the stored row is unchanged).
/// </summary>
public sealed record AuditRecord(string Table, long Id, DateTimeOffset At, string Actor, string Action, string Target, string? Hash);

/// <summary>A module's audit table, read for forwarding and verified by `audit verify`; the web app lists the modules' tables.</summary>
public interface IAuditSource
{
    string Table { get; }

    /// <summary>Rows with an id above <paramref name="afterId"/>, in id order, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAfterAsync(IServiceProvider scope, long afterId, int take, CancellationToken ct);

    Task<AuditChainReport> VerifyAsync(IServiceProvider scope, CancellationToken ct);
}

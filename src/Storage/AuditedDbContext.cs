using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Tilannekuva.Storage;

/// <summary>The name recorded in audit logs for changes made in the current scope.</summary>
public interface ICurrentUserName
{
    string Name { get; }
}

public sealed record FixedUserName(string Name) : ICurrentUserName;

/// <summary>
/// A module context whose every saved change also writes audit rows (who, when, before, after)
/// in the same transaction, so the log cannot miss a change made through the context.
/// </summary>
public abstract class AuditedDbContext(DbContextOptions options, ICurrentUserName? user) : DbContext(options)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    protected string CurrentUser => user?.Name ?? "system";

    /// <summary>Adds the audit row for one change; the module decides which table holds it.</summary>
    protected abstract void AddAuditRow(AuditedChange change);

    /// <summary>Types whose changes are not audited (the audit rows themselves, for instance).</summary>
    protected abstract bool IsAudited(Type entityType);

    /// <summary>
    /// The id of the record a change belongs to (the Programme module: its programme), so that a
    /// log can be read per programme. Asked before saving for deletions (the parents still exist)
    /// and after saving for the rest (new rows have their ids).
    /// </summary>
    protected virtual ValueTask<int?> ScopeOfAsync(EntityEntry entry, CancellationToken ct) => ValueTask.FromResult<int?>(null);

    /// <summary>The module's audit table, when its rows are hash-chained (<see cref="AuditChain"/>); null: not chained.</summary>
    protected virtual string? AuditChainTable => null;

    /// <summary>Hashes the audit rows just saved onto the chain (<see cref="AuditChain.SealAsync{T}"/> of the module's audit type).</summary>
    protected virtual Task<bool> SealAuditChainAsync(IEnumerable<IChainedAuditRow> inserted, CancellationToken ct) => Task.FromResult(false);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e.Metadata.ClrType))
            .Select(e => new Pending(e, e.State, e.State == EntityState.Added ? null : Snapshot(e, original: true)))
            .ToList();
        var scopes = new Dictionary<Pending, int?>();
        var chained = AuditChainTable is not null;
        if (pending.Count == 0 && !(chained && AuditChain.HasNewRows(this)))
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // Audited writers take turns from here to the commit, so the audit rows' ids and their hash chain follow one order.
            if (chained) await AuditChain.LockAsync(this, AuditChainTable!, cancellationToken);
            foreach (var p in pending.Where(p => p.State == EntityState.Deleted)) scopes[p] = await ScopeOfAsync(p.Entry, cancellationToken);
            var inserted = chained ? AuditChain.NewRows(this) : new List<IChainedAuditRow>();
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var at = DateTimeOffset.UtcNow;
            foreach (var p in pending)
            {
                var after = p.State == EntityState.Deleted ? null : Snapshot(p.Entry, original: false);
                if (p.State == EntityState.Modified && after == p.Before) continue;
                var scope = scopes.TryGetValue(p, out var s) ? s : await ScopeOfAsync(p.Entry, cancellationToken);
                AddAuditRow(new AuditedChange(at, CurrentUser, p.Entry.Metadata.ClrType.Name, KeyOf(p.Entry), p.State.ToString(), p.Before, after, scope));
            }
            if (chained) inserted.AddRange(AuditChain.NewRows(this));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (chained && await SealAuditChainAsync(inserted, cancellationToken)) await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = entry.Properties.ToDictionary(
            p => p.Metadata.Name,
            p => original ? p.OriginalValue : p.CurrentValue);
        return JsonSerializer.Serialize(values, Json);
    }

    private sealed record Pending(EntityEntry Entry, EntityState State, string? Before);
}

public sealed record AuditedChange(DateTimeOffset At, string UserName, string EntityType, string EntityId, string Change, string? Before, string? After, int? Scope);

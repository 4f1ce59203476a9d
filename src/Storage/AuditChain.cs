using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Tilannekuva.Storage;

/// <summary>
/// An audit row that is chained to the row before it (tamper evidence): <see cref="Hash"/> is SHA-256 over the
/// previous row's hash, this row's id and <see cref="ChainText"/>, so changing, deleting or inserting a row breaks
/// every hash after it. Written in the same transaction as the row (<see cref="AuditChain"/>).
/// </summary>
public interface IChainedAuditRow
{
    long Id { get; }

    /// <summary>Hex SHA-256; null only on rows written before the chain began (the migration that added it).</summary>
    string? Hash { get; set; }

    /// <summary>The row's content as hashed: every field, in a fixed order, times to the millisecond (what both databases store alike).</summary>
    string ChainText();
}

/// <summary>What <see cref="AuditChain.VerifyAsync{T}"/> found in one audit table.</summary>
/// <param name="Reason">Why the row breaks the chain: <see cref="Mismatch"/> or <see cref="Unsealed"/> (codes; the CLI words them).</param>
public sealed record AuditChainReport(string Table, long Rows, long UnsealedRows, long? FirstBrokenId, string? Reason)
{
    /// <summary>The hash does not follow: the row was changed, or a row before it deleted or changed.</summary>
    public const string Mismatch = "Mismatch";

    /// <summary>A row without a hash after the chain began: inserted by hand, or its hash removed.</summary>
    public const string Unsealed = "Unsealed";

    public bool Intact => FirstBrokenId is null;
}

public static class AuditChain
{
    /// <summary>Joins the fields of a row for hashing (unit separator between them, so "ab"+"c" differs from "a"+"bc").</summary>
    public static string Text(params object?[] fields) => string.Join('\u001f', fields.Select(f => f switch
    {
        null => "\u2400",
        DateTimeOffset d => d.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        IFormattable x => x.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => f.ToString(),
    }));

    public static string HashOf(string? previous, long id, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{previous ?? ""}\n{id}\n{text}")));

    /// <summary>True when the context holds audit rows of a chained table that are not saved yet.</summary>
    public static bool HasNewRows(DbContext db) => db.ChangeTracker.Entries<IChainedAuditRow>().Any(e => e.State == EntityState.Added);

    /// <summary>The chained audit rows about to be inserted (taken before a save: afterwards they look like any loaded row).</summary>
    public static List<IChainedAuditRow> NewRows(DbContext db) =>
        db.ChangeTracker.Entries<IChainedAuditRow>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();

    /// <summary>
    /// Serialises chained writers before they insert (inside the caller's transaction): on PostgreSQL a transaction
    /// advisory lock per table, so ids are taken and hashes chained in one order; SQLite has one writer at a time anyway.
    /// </summary>
    public static async Task LockAsync(DbContext db, string table, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext({0}))", ["audit-chain:" + table], ct);
    }

    /// <summary>Hashes the saved rows of <typeparamref name="T"/> that have none yet, in id order, onto the last sealed row; the caller saves.</summary>
    public static async Task<bool> SealAsync<T>(DbContext db, IEnumerable<IChainedAuditRow> inserted, CancellationToken ct) where T : class, IChainedAuditRow
    {
        var fresh = inserted.OfType<T>().Where(e => e.Hash is null).OrderBy(e => e.Id).ToList();
        if (fresh.Count == 0) return false;
        var first = fresh[0].Id;
        var previous = await db.Set<T>().AsNoTracking().Where(x => x.Id < first && x.Hash != null).OrderByDescending(x => x.Id).Select(x => x.Hash).FirstOrDefaultAsync(ct);
        foreach (var row in fresh)
        {
            row.Hash = HashOf(previous, row.Id, row.ChainText());
            previous = row.Hash;
        }
        return true;
    }

    /// <summary>
    /// Recomputes the chain of one table in id order and reports the first row whose hash does not follow (changed,
    /// inserted, or after a deleted row), or a row without a hash after the chain began.
    /// </summary>
    public static async Task<AuditChainReport> VerifyAsync<T>(DbContext db, string table, CancellationToken ct = default) where T : class, IChainedAuditRow
    {
        string? previous = null;
        long rows = 0, unsealed = 0;
        var started = false;
        await foreach (var row in db.Set<T>().AsNoTracking().OrderBy(x => x.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            rows++;
            if (row.Hash is null)
            {
                if (started) return new AuditChainReport(table, rows, unsealed, row.Id, AuditChainReport.Unsealed);
                unsealed++;
                continue;
            }
            // The first sealed row chains onto nothing, or onto the unsealed rows before it (hashed as an empty previous).
            var expected = HashOf(previous, row.Id, row.ChainText());
            if (!string.Equals(expected, row.Hash, StringComparison.Ordinal))
                return new AuditChainReport(table, rows, unsealed, row.Id, AuditChainReport.Mismatch);
            previous = row.Hash;
            started = true;
        }
        return new AuditChainReport(table, rows, unsealed, null, null);
    }
}

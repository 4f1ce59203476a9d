using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Tilannekuva.Indicators.Storage;

/// <summary>
/// Where each of the Indicators module's tables lives on Citus (distributed PostgreSQL; docs/citus.md).
/// The EF migrations are the PostgreSQL ones; after them <see cref="ApplyAsync"/> distributes the
/// person-level event tables over the workers by the person pseudonym (co-located, so a person's
/// visits, assessments and queue entries sit in the same shard and per-person work runs on the
/// workers), the contacts and slot snapshots by the column measured best, and makes the org-unit
/// tree, its closure, the working-day calendar and the roster reference tables (a copy on every
/// node, so joins with them stay on the workers). Import batches, pending recomputes and the
/// computed values stay plain coordinator tables: small, and read or written by the coordinator.
/// </summary>
public static class CitusLayout
{
    /// <summary>How one table is placed.</summary>
    public sealed record Placement(string Table, string? DistributeBy, bool Reference = false)
    {
        /// <summary>Citus wants every unique index to hold the distribution column: (source_id) becomes (source_id, column).</summary>
        public bool KeepsSourceIdUnique => DistributeBy is null or "source_id";
    }

    /// <summary>Shards per distributed table: a few per worker core, so 2–8 workers stay busy.</summary>
    public const int ShardCount = 32;

    // The first co-location group is the visits': every person-level table joins it by person.
    public static readonly IReadOnlyList<Placement> Tables =
    [
        new("visit", "person_pseudonym"),
        new("care_need_assessment", "person_pseudonym"),
        new("waiting_list_entry", "person_pseudonym"),
        // No person: spread evenly by the row's own id (measured against unit_id, docs/citus.md).
        new("contact", "source_id"),
        // T3 numbers free slots per unit, profession and snapshot: by unit the window stays on one shard.
        new("appointment_slot", "unit_id"),
        new("org_unit", null, Reference: true),
        new("org_unit_ancestor", null, Reference: true),
        new("working_day", null, Reference: true),
        new("staffing_roster_entry", null, Reference: true),
    ];

    public static Placement? Of(string table) => Tables.FirstOrDefault(t => t.Table == table);

    /// <summary>
    /// Distributes and replicates the tables that are not yet (rerunnable: a table already in Citus's
    /// metadata is left alone). Fails with a clear message when the database has no Citus or no workers.
    /// </summary>
    public static async Task ApplyAsync(IndicatorsDbContext db, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            var database = connection.Database;
            if (await ScalarAsync(connection, "SELECT extversion FROM pg_extension WHERE extname = 'citus'", ct) is null)
                throw new InvalidOperationException($"provider citus: the database '{database}' has no Citus extension. " +
                    "Run CREATE EXTENSION citus in it on the coordinator and on every worker, and register the workers (citus_add_node); see docs/citus.md.");
            if (Convert.ToInt64(await ScalarAsync(connection, "SELECT count(*) FROM pg_dist_node WHERE noderole = 'primary' AND groupid <> 0 AND isactive", ct)) == 0)
                throw new InvalidOperationException($"provider citus: the database '{database}' has no active worker nodes (SELECT citus_add_node(host, port) on the coordinator; docs/citus.md).");
            foreach (var p in Tables)
            {
                if (await IsPlacedAsync(connection, p.Table, ct)) continue;
                if (p.Reference)
                {
                    await ExecuteAsync(connection, $"SELECT create_reference_table('{p.Table}')", ct);
                    continue;
                }
                var column = p.DistributeBy!;
                if (column != "id")
                {
                    // The surrogate key and the source-id index must hold the distribution column.
                    await ExecuteAsync(connection, $"ALTER TABLE {p.Table} DROP CONSTRAINT \"PK_{p.Table}\"; ALTER TABLE {p.Table} ADD CONSTRAINT \"PK_{p.Table}\" PRIMARY KEY (id, {column})", ct);
                    if (!p.KeepsSourceIdUnique)
                        await ExecuteAsync(connection, $"DROP INDEX \"IX_{p.Table}_source_id\"; CREATE UNIQUE INDEX \"IX_{p.Table}_source_id\" ON {p.Table} (source_id, {column})", ct);
                }
                var colocate = p.Table == "visit" || p.DistributeBy != "person_pseudonym" ? "none" : "visit";
                // A co-located table takes its group's shard count.
                await ExecuteAsync(connection, colocate == "none"
                    ? $"SELECT create_distributed_table('{p.Table}', '{column}', colocate_with => 'none', shard_count => {ShardCount})"
                    : $"SELECT create_distributed_table('{p.Table}', '{column}', colocate_with => '{colocate}')", ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        Forget(db);
    }

    private static readonly ConcurrentDictionary<string, bool> Known = new();

    /// <summary>
    /// Whether this database's event tables are distributed by Citus: then the importer writes and the
    /// indicator compiler emits for Citus, whatever provider name opened it. Asked once per database.
    /// </summary>
    public static async Task<bool> IsCitusAsync(DbConnection connection, DbTransaction? transaction = null, CancellationToken ct = default)
    {
        if (connection is not NpgsqlConnection) return false;
        var key = Key(connection);
        if (Known.TryGetValue(key, out var known)) return known;
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = "SELECT to_regclass('pg_dist_partition') IS NOT NULL AND EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus')";
        var citus = (bool)(await cmd.ExecuteScalarAsync(ct))!;
        if (citus)
        {
            cmd.CommandText = "SELECT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = to_regclass('visit'))";
            citus = (bool)(await cmd.ExecuteScalarAsync(ct))!;
        }
        return Known[key] = citus;
    }

    /// <summary><see cref="IsCitusAsync(DbConnection, DbTransaction?, CancellationToken)"/> on the context's connection.</summary>
    public static async Task<bool> IsCitusAsync(IndicatorsDbContext db, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql()) return false;
        await db.Database.OpenConnectionAsync(ct);
        try { return await IsCitusAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), ct); }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    private static void Forget(IndicatorsDbContext db) => Known.TryRemove(Key(db.Database.GetDbConnection()), out _);

    private static string Key(DbConnection c) => c is NpgsqlConnection n ? $"{n.Host}:{n.Port}/{n.Database}" : c.ConnectionString;

    private static async Task<bool> IsPlacedAsync(DbConnection connection, string table, CancellationToken ct) =>
        (bool)(await ScalarAsync(connection, $"SELECT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = to_regclass('{table}'))", ct))!;

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        var v = await cmd.ExecuteScalarAsync(ct);
        return v is DBNull ? null : v;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

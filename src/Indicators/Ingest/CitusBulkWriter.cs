using System.Data.Common;
using Npgsql;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.Indicators.Ingest;

/// <summary>
/// Citus (docs/citus.md): the rows stream by binary COPY through the coordinator, which routes each
/// row to its shard on a worker, inside the import's transaction (Citus commits the workers' parts
/// with the coordinator's, two-phase), so a failure leaves nothing anywhere.
/// <para>
/// The difference from <see cref="PostgresBulkWriter"/> is uniqueness: Citus can only enforce a unique
/// index that holds the distribution column, so on the person-level tables the index is
/// (source_id, person_pseudonym), and a COPY that breaks an index aborts the whole distributed
/// transaction (no savepoint to return to). So the file's source ids are copied first into a
/// coordinator temporary table and looked up in the shards (one semi-join, whatever person they were
/// stored under): none found, the rows are copied straight into the table; some found, the staged way. The staged way
/// copies the file into a coordinator temporary table, finds the stored rows with its source ids
/// (the ids are sent to the workers; each looks them up in its shards), replaces the changed ones
/// by DELETE and INSERT (the distribution column cannot be updated in place) and inserts the new ones.
/// </para>
/// </summary>
internal sealed class CitusBulkWriter : BulkWriter
{
    public override async Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, CanonicalTable table,
        IEnumerable<object?[]> rows, CancellationToken ct, Corrections? corrections = null)
    {
        var conn = (NpgsqlConnection)connection;
        var tx = (NpgsqlTransaction)transaction;
        int stored;
        // A failed COPY into a distributed table cannot be rolled back to a savepoint (Citus aborts the
        // whole transaction), so the file's source ids are looked up first: none stored, one straight
        // COPY; some stored (a re-import, an overlapping export, a correction), the staged way.
        if (await AnyStoredAsync(conn, tx, table, rows, ct))
            (stored, _) = await MergeAsync(conn, tx, table, rows, corrections, snapshot: false, ct);
        else
            stored = await PostgresBulkWriter.CopyAsync(conn, table, table.Table, rows, ct);
        await PostgresBulkWriter.ExecuteAsync(conn, tx, $"ANALYZE {table.Table}", ct);
        return stored;
    }

    /// <summary>Whether any of the rows' source ids is stored: the ids are copied to a coordinator temporary table and sent to the workers.</summary>
    private static async Task<bool> AnyStoredAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CanonicalTable table, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var ids = "ingest_ids_" + table.Table;
        await PostgresBulkWriter.ExecuteAsync(conn, tx, $"CREATE TEMP TABLE {ids} (source_id text) ON COMMIT DROP", ct);
        await using (var import = await conn.BeginBinaryImportAsync($"COPY {ids} (source_id) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in rows)
            {
                import.StartRow();
                import.Write((string)row[0]!, NpgsqlTypes.NpgsqlDbType.Text);
            }
            await import.CompleteAsync(ct);
        }
        var (inIds, idArray) = await InAsync(conn, tx, ids, CitusLayout.Of(table.Table) is { Reference: true }, ct);
        await using var cmd = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {table.Table} t WHERE t.source_id {inIds})", conn, tx) { CommandTimeout = 0 };
        if (idArray is not null) cmd.Parameters.AddWithValue("ids", idArray);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public override async Task<(int Inserted, int Updated)> UpsertAsync(DbConnection connection, DbTransaction transaction, CanonicalTable table,
        IReadOnlyList<object?[]> rows, CancellationToken ct) =>
        await MergeAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, table, rows, null, snapshot: true, ct);


    /// <summary>
    /// "IN (the source ids of a coordinator temporary table)". A reference table's statement is routed to
    /// its copy over a fresh connection, which does not see the session's temporary tables: its ids
    /// (few: org units, a roster) go as an array instead.
    /// </summary>
    private static async Task<(string Sql, string[]? Ids)> InAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string temp, bool reference, CancellationToken ct)
    {
        if (!reference) return ($"IN (SELECT source_id FROM {temp})", null);
        await using var cmd = new NpgsqlCommand($"SELECT COALESCE(array_agg(source_id), '{{}}') FROM {temp}", conn, tx);
        return ("= ANY(@ids)", (string[])(await cmd.ExecuteScalarAsync(ct))!);
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, string[]? ids, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        if (ids is not null) cmd.Parameters.AddWithValue("ids", ids);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The staged way: returns (new rows inserted, stored rows replaced). Event tables replace a stored row
    /// only from a newer file (<paramref name="corrections"/>); snapshot tables whenever the values differ.
    /// </summary>
    private static async Task<(int Inserted, int Updated)> MergeAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CanonicalTable table,
        IEnumerable<object?[]> rows, Corrections? corrections, bool snapshot, CancellationToken ct)
    {
        var stage = await PostgresBulkWriter.StageAsync(conn, tx, table, rows, ct);
        var compared = ComparedColumns(table);
        var known = "ingest_known_" + table.Table;
        var changed = "ingest_changed_" + table.Table;
        var period = corrections?.PeriodColumn is { } p ? "t." + p : "NULL::timestamp";
        // The stored rows with the file's source ids, brought to the coordinator (the ids go to the workers).
        var reference = CitusLayout.Of(table.Table) is { Reference: true };
        var (inStage, stageIds) = await InAsync(conn, tx, stage, reference, ct);
        await ExecuteAsync(conn, tx,
            $"CREATE TEMP TABLE {known} ON COMMIT DROP AS SELECT t.source_id, t.import_batch_id, {period} AS old_at, {string.Join(", ", compared.Select(c => "t." + c))} " +
            $"FROM {table.Table} t WHERE t.source_id {inStage}", stageIds, ct);
        var differs = $"({string.Join(", ", compared.Select(c => "k." + c))}) IS DISTINCT FROM ({string.Join(", ", compared.Select(c => "s." + c))})";
        var condition = snapshot ? differs
            : corrections is null ? "FALSE"
            : $"{differs} AND {corrections.Older("k", $"TIMESTAMP '{corrections.FileTime:yyyy-MM-dd HH:mm:ss.ffffff}'")}";
        await PostgresBulkWriter.ExecuteAsync(conn, tx,
            $"CREATE TEMP TABLE {changed} ON COMMIT DROP AS SELECT k.source_id, k.old_at FROM {known} k JOIN {stage} s ON s.source_id = k.source_id WHERE {condition}", ct);
        var updated = 0;
        await using (var select = new NpgsqlCommand($"SELECT source_id, old_at FROM {changed}", conn, tx))
        await using (var reader = await select.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                updated++;
                corrections?.Updated.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetDateTime(1)));
            }
        if (updated > 0)
        {
            var (inChanged, changedIds) = await InAsync(conn, tx, changed, reference, ct);
            await ExecuteAsync(conn, tx, $"DELETE FROM {table.Table} WHERE source_id {inChanged}", changedIds, ct);
        }
        var columns = ColumnList(table);
        var written = await PostgresBulkWriter.ExecuteAsync(conn, tx,
            $"INSERT INTO {table.Table} ({columns}) SELECT {columns} FROM {stage} s " +
            $"WHERE NOT EXISTS (SELECT 1 FROM {known} k WHERE k.source_id = s.source_id) OR EXISTS (SELECT 1 FROM {changed} c WHERE c.source_id = s.source_id)", ct);
        return (written - updated, updated);
    }
}

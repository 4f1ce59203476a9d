using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.Indicators.Ingest;

/// <summary>
/// Inserts validated rows into a canonical table, skipping source ids already stored; returns how
/// many were stored. The rows are streamed: each row array is written before the next one is
/// produced (the producer may reuse it), so a file is never held in memory.
/// </summary>
internal abstract class BulkWriter
{
    /// <summary>
    /// Corrections of an event table: a row whose source id is stored with other field values replaces the
    /// stored one when this file is newer (<see cref="FileTime"/> after the stored row's batch's file time).
    /// The writer adds each replaced row's source id and its stored period time (<see cref="PeriodColumn"/>) to <see cref="Updated"/>.
    /// </summary>
    public sealed class Corrections(DateTime fileTime, string? periodColumn)
    {
        public DateTime FileTime => fileTime;
        public string? PeriodColumn => periodColumn;
        public List<(string SourceId, DateTime? OldAt)> Updated { get; } = [];

        /// <summary>SQL: the stored row <paramref name="t"/>'s file is older than this one.</summary>
        internal string Older(string t, string fileTimeParameter) =>
            $"COALESCE((SELECT b.file_written_at FROM import_batch b WHERE b.id = {t}.import_batch_id), {fileTimeParameter}) < {fileTimeParameter}";
    }

    /// <param name="rows">Enumerated once, or once more from the start if the first attempt meets stored source ids.</param>
    public abstract Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, CanonicalTable table,
        IEnumerable<object?[]> rows, CancellationToken ct, Corrections? corrections = null);

    /// <summary>
    /// For snapshot tables: updates stored rows (same source id) whose fields differ, with the new
    /// file's trace, then inserts the new ones. Returns (inserted, updated); unchanged rows count in neither.
    /// </summary>
    public abstract Task<(int Inserted, int Updated)> UpsertAsync(DbConnection connection, DbTransaction transaction, CanonicalTable table,
        IReadOnlyList<object?[]> rows, CancellationToken ct);

    public static BulkWriter For(IndicatorsDbContext db) => db.Database.IsNpgsql() ? new PostgresBulkWriter() : new SqliteBulkWriter();

    /// <summary>The writer for the context's database: on a database whose event tables Citus distributes, <see cref="CitusBulkWriter"/>.</summary>
    public static async Task<BulkWriter> ForAsync(IndicatorsDbContext db, CancellationToken ct) =>
        await CitusLayout.IsCitusAsync(db, ct) ? new CitusBulkWriter() : For(db);

    protected static string ColumnList(CanonicalTable table) => string.Join(", ", table.Columns);

    /// <summary>The columns an update writes: everything but the source id.</summary>
    protected static string[] UpdatedColumns(CanonicalTable table) => table.Columns.Skip(1).ToArray();

    /// <summary>The field columns compared to decide whether a row changed (not the trace, which differs every import).</summary>
    protected static string[] ComparedColumns(CanonicalTable table) => table.Fields.Skip(1).Select(f => f.Column).ToArray();
}

/// <summary>SQLite: one prepared INSERT … ON CONFLICT DO NOTHING, executed per row inside the import's transaction.</summary>
internal sealed class SqliteBulkWriter : BulkWriter
{
    public override async Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, CanonicalTable table,
        IEnumerable<object?[]> rows, CancellationToken ct, Corrections? corrections = null)
    {
        var columns = table.Columns.ToArray();
        var index = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        // A stored source id with other values, from an older file: read its period time, then replace it.
        await using var old = connection.CreateCommand();
        old.Transaction = transaction;
        old.CommandText = $"SELECT {corrections?.PeriodColumn ?? "NULL"} FROM {table.Table} t WHERE source_id = $id AND " +
            $"NOT ({string.Join(" AND ", ComparedColumns(table).Select(c => $"{c} IS $p{index[c]}"))}) AND {corrections?.Older("t", "$ft") ?? "0 = 1"}";
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = $"UPDATE {table.Table} SET {string.Join(", ", UpdatedColumns(table).Select(c => $"{c} = $p{index[c]}"))} WHERE source_id = $id";
        var oldParameters = new List<DbParameter>();
        var updateParameters = new List<DbParameter>();
        foreach (var (cmdX, list) in new[] { (old, oldParameters), (update, updateParameters) })
        {
            foreach (var name in columns.Select((_, i) => "$p" + i).Append("$id").Append("$ft"))
            {
                var p = cmdX.CreateParameter();
                p.ParameterName = name;
                cmdX.Parameters.Add(p);
                list.Add(p);
            }
        }
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = $"INSERT INTO {table.Table} ({ColumnList(table)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))}) ON CONFLICT (source_id) DO NOTHING";
        var parameters = columns.Select((_, i) =>
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "$p" + i;
            cmd.Parameters.Add(p);
            return p;
        }).ToArray();
        cmd.Prepare();
        // A first load: the secondary indexes are built once at the end (SecondaryIndexes), and the
        // connection's page cache holds the unique index being filled (the default 2 MB does not).
        await using (var cache = connection.CreateCommand())
        {
            cache.Transaction = transaction;
            cache.CommandText = "PRAGMA cache_size = -65536";
            await cache.ExecuteNonQueryAsync(ct);
        }
        var indexes = await SecondaryIndexes.DropIfEmptyAsync(connection, transaction, table.Table, postgres: false, ct);
        var stored = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
            var inserted = cmd.ExecuteNonQuery();
            stored += inserted;
            if (inserted > 0 || corrections is null) continue;
            foreach (var set in new[] { oldParameters, updateParameters })
            {
                for (var i = 0; i < columns.Length; i++) set[i].Value = row[i] ?? DBNull.Value;
                set[columns.Length].Value = row[0]!;
                set[columns.Length + 1].Value = corrections.FileTime;
            }
            await using var reader = await old.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) continue;
            DateTime? oldAt = reader.IsDBNull(0) ? null : reader.GetDateTime(0);
            await reader.DisposeAsync();
            await update.ExecuteNonQueryAsync(ct);
            corrections.Updated.Add(((string)row[0]!, oldAt));
        }
        await SecondaryIndexes.RecreateAsync(connection, transaction, indexes, ct);
        return stored;
    }

    public override async Task<(int Inserted, int Updated)> UpsertAsync(DbConnection connection, DbTransaction transaction, CanonicalTable table,
        IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        var columns = table.Columns.ToArray();
        var index = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = $"UPDATE {table.Table} SET {string.Join(", ", UpdatedColumns(table).Select(c => $"{c} = $p{index[c]}"))} " +
            $"WHERE source_id = $p0 AND NOT ({string.Join(" AND ", ComparedColumns(table).Select(c => $"{c} IS $p{index[c]}"))})";
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {table.Table} ({ColumnList(table)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))}) ON CONFLICT (source_id) DO NOTHING";
        var parameters = new[] { update, insert }.Select(cmd => columns.Select((_, i) =>
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "$p" + i;
            cmd.Parameters.Add(p);
            return p;
        }).ToArray()).ToArray();
        update.Prepare();
        insert.Prepare();
        var (inserted, updated) = (0, 0);
        foreach (var row in rows)
        {
            foreach (var set in parameters)
                for (var i = 0; i < set.Length; i++) set[i].Value = row[i] ?? DBNull.Value;
            var changed = await update.ExecuteNonQueryAsync(ct);
            updated += changed;
            if (changed == 0) inserted += await insert.ExecuteNonQueryAsync(ct);
        }
        return (inserted, updated);
    }
}

/// <summary>
/// PostgreSQL: binary COPY straight into the table while the file is still being parsed (the server
/// inserts and indexes on the other core meanwhile). COPY cannot skip rows, so a file whose source
/// ids are partly stored already (a re-import, an overlapping export) fails that attempt with a
/// unique violation: it is rolled back to a savepoint and the rows are copied again into a temporary
/// staging table, from which INSERT … ON CONFLICT DO NOTHING takes only the new ones.
/// </summary>
/// <remarks>
/// A first load into an empty table truncates it inside the savepoint and copies with <c>FREEZE</c>: the rows are
/// written already visible to all and frozen, so the first recompute's scans do not rewrite every page to set hint
/// bits and autovacuum's pass over the new table finds nothing to do; that pass and the statistics it would take
/// again ran during the first recompute and slowed its first indicators (issue #20, docs/benchmarks.md "Ninth
/// round"). Like every frozen load, the rows become visible at commit even to transactions that started before it;
/// the table was empty. The statistics are taken after the commit (<see cref="AfterCommitAsync"/>): an
/// <c>ANALYZE</c> inside the transaction is counted before the transaction's own inserts, so autovacuum analysed
/// the table a second time.
/// </remarks>
internal sealed class PostgresBulkWriter : BulkWriter
{
    internal Func<Task>? FoundEmptyForTest { get; set; }

    /// <summary>Whether the last write was a first load, copied frozen: its pages are all-visible already.</summary>
    private bool _copiedFrozen;

    public override async Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, CanonicalTable table,
        IEnumerable<object?[]> rows, CancellationToken ct, Corrections? corrections = null)
    {
        var conn = (NpgsqlConnection)connection;
        var tx = (NpgsqlTransaction)transaction;
        var columns = ColumnList(table);
        int stored;
        // Imports into one table go one at a time (readers and autovacuum are not held up), so that "empty" below stays
        // true until this load commits: two first loads at once would otherwise each truncate, or deadlock.
        await ExecuteAsync(conn, tx, $"LOCK TABLE {table.Table} IN SHARE UPDATE EXCLUSIVE MODE", ct);
        var empty = await SecondaryIndexes.IsEmptyAsync(conn, tx, table.Table, ct);
        if (empty && FoundEmptyForTest is not null) await FoundEmptyForTest();
        // A first load builds the secondary indexes once after the rows are in (SecondaryIndexes).
        var indexes = empty ? await SecondaryIndexes.DropAsync(conn, tx, table.Table, postgres: true, ct) : [];
        await tx.SaveAsync("ingest_copy", ct);
        try
        {
            // FREEZE needs the table emptied in this subtransaction; it holds no rows, so nothing is lost.
            if (empty) await ExecuteAsync(conn, tx, $"TRUNCATE {table.Table}", ct);
            stored = await CopyAsync(conn, table, table.Table, rows, ct, freeze: empty);
            await tx.ReleaseAsync("ingest_copy", ct);
            _copiedFrozen = empty;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await tx.RollbackAsync("ingest_copy", ct);
            var stage = await StageAsync(conn, tx, table, rows, ct);
            if (corrections is not null) await CorrectAsync(conn, tx, table, stage, corrections, ct);
            stored = await ExecuteAsync(conn, tx, $"INSERT INTO {table.Table} ({columns}) SELECT {columns} FROM {stage} ON CONFLICT (source_id) DO NOTHING", ct);
        }
        if (indexes.Count > 0)
        {
            await ExecuteAsync(conn, tx, "SET LOCAL maintenance_work_mem = '256MB'", ct);
            await SecondaryIndexes.RecreateAsync(conn, tx, indexes, ct);
        }
        return stored;
    }

    /// <summary>
    /// After the import's commit, outside its transaction: fresh statistics, so the indicator queries right after the
    /// import get good plans. After rows were added to a filled table (or updated), also VACUUM, which marks the new
    /// pages all-visible, so the indicators' scan indexes are still read without the rows
    /// (IndicatorsDbContext.IndicatorScanIndexes; a page not yet marked is fetched row by row, and the planner, seeing
    /// fewer pages marked, reads the whole table instead). It passes over the pages already marked, so it reads only
    /// what the import added. A frozen first load needs none: VACUUM still took 0.18 s for the visits.
    /// </summary>
    public Task AfterCommitAsync(DbConnection connection, CanonicalTable table, CancellationToken ct) =>
        ExecuteAsync((NpgsqlConnection)connection, null, (_copiedFrozen ? "ANALYZE " : "VACUUM (ANALYZE) ") + table.Table, ct);

    public override async Task<(int Inserted, int Updated)> UpsertAsync(DbConnection connection, DbTransaction transaction, CanonicalTable table,
        IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)connection;
        var tx = (NpgsqlTransaction)transaction;
        var columns = ColumnList(table);
        var stage = await StageAsync(conn, tx, table, rows, ct);
        var compared = ComparedColumns(table);
        var updated = await ExecuteAsync(conn, tx,
            $"UPDATE {table.Table} t SET {string.Join(", ", UpdatedColumns(table).Select(c => $"{c} = s.{c}"))} FROM {stage} s " +
            $"WHERE t.source_id = s.source_id AND ({string.Join(", ", compared.Select(c => "t." + c))}) IS DISTINCT FROM ({string.Join(", ", compared.Select(c => "s." + c))})", ct);
        return (await ExecuteAsync(conn, tx, $"INSERT INTO {table.Table} ({columns}) SELECT {columns} FROM {stage} ON CONFLICT (source_id) DO NOTHING", ct), updated);
    }

    /// <summary>Stored rows the staged file changes, from an older file: their period times are kept for the recompute, then they are replaced.</summary>
    private static async Task CorrectAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CanonicalTable table, string stage, Corrections corrections, CancellationToken ct)
    {
        var compared = ComparedColumns(table);
        var ft = $"TIMESTAMP '{corrections.FileTime:yyyy-MM-dd HH:mm:ss.ffffff}'";
        var changed = $"t.source_id = s.source_id AND ({string.Join(", ", compared.Select(c => "t." + c))}) IS DISTINCT FROM ({string.Join(", ", compared.Select(c => "s." + c))}) AND {corrections.Older("t", ft)}";
        await using (var select = new NpgsqlCommand($"SELECT t.source_id, {(corrections.PeriodColumn is { } p ? "t." + p : "NULL::timestamp")} FROM {table.Table} t JOIN {stage} s ON {changed}", conn, tx))
        await using (var reader = await select.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                corrections.Updated.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetDateTime(1)));
        if (corrections.Updated.Count > 0)
            await ExecuteAsync(conn, tx, $"UPDATE {table.Table} t SET {string.Join(", ", UpdatedColumns(table).Select(c => $"{c} = s.{c}"))} FROM {stage} s WHERE {changed}", ct);
    }

    /// <summary>Copies the rows into a temporary table shaped like the target (dropped at commit); returns its name.</summary>
    internal static async Task<string> StageAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CanonicalTable table, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var stage = "ingest_stage_" + table.Table;
        await ExecuteAsync(conn, tx, $"CREATE TEMP TABLE {stage} ON COMMIT DROP AS SELECT {ColumnList(table)} FROM {table.Table} WITH NO DATA", ct);
        await CopyAsync(conn, table, stage, rows, ct);
        return stage;
    }

    internal static async Task<int> CopyAsync(NpgsqlConnection conn, CanonicalTable table, string target, IEnumerable<object?[]> rows, CancellationToken ct,
        bool freeze = false)
    {
        var types = table.Fields.Select(f => f.Type).ToArray();
        var copied = 0;
        await using var import = await conn.BeginBinaryImportAsync($"COPY {target} ({ColumnList(table)}) FROM STDIN (FORMAT BINARY{(freeze ? ", FREEZE" : "")})", ct);
        foreach (var row in rows)
        {
            // Typed writes: no per-value type resolution. The writes fill Npgsql's buffer and send it
            // when full, so the server works on one chunk while the next is being parsed.
            import.StartRow();
            for (var i = 0; i < types.Length; i++)
            {
                var v = row[i];
                if (v is null) { import.WriteNull(); continue; }
                switch (types[i])
                {
                    case FieldType.Date: import.Write((DateOnly)v, NpgsqlDbType.Date); break;
                    case FieldType.DateTime: import.Write((DateTime)v, NpgsqlDbType.Timestamp); break;
                    case FieldType.Bool: import.Write((bool)v, NpgsqlDbType.Boolean); break;
                    case FieldType.Number: import.Write((double)v, NpgsqlDbType.Double); break;
                    case FieldType.Count: import.Write((int)v, NpgsqlDbType.Integer); break;
                    default: import.Write((string)v, NpgsqlDbType.Text); break;
                }
            }
            import.Write((string)row[types.Length]!, NpgsqlDbType.Text);
            import.Write((int)row[types.Length + 1]!, NpgsqlDbType.Integer);
            import.Write((long)row[types.Length + 2]!, NpgsqlDbType.Bigint);
            copied++;
            ct.ThrowIfCancellationRequested();
        }
        await import.CompleteAsync(ct);
        return copied;
    }

    internal static async Task<int> ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}

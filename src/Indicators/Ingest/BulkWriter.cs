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
    /// <param name="rows">Enumerated once, or once more from the start if the first attempt meets stored source ids.</param>
    public abstract Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, CanonicalTable table,
        IEnumerable<object?[]> rows, CancellationToken ct);

    /// <summary>
    /// For snapshot tables: updates stored rows (same source id) whose fields differ, with the new
    /// file's trace, then inserts the new ones. Returns (inserted, updated); unchanged rows count in neither.
    /// </summary>
    public abstract Task<(int Inserted, int Updated)> UpsertAsync(DbConnection connection, DbTransaction transaction, CanonicalTable table,
        IReadOnlyList<object?[]> rows, CancellationToken ct);

    public static BulkWriter For(IndicatorsDbContext db) => db.Database.IsNpgsql() ? new PostgresBulkWriter() : new SqliteBulkWriter();

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
        IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var columns = table.Columns.ToArray();
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
        var stored = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
            stored += cmd.ExecuteNonQuery();
        }
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
internal sealed class PostgresBulkWriter : BulkWriter
{
    public override async Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, CanonicalTable table,
        IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)connection;
        var tx = (NpgsqlTransaction)transaction;
        var columns = ColumnList(table);
        int stored;
        await tx.SaveAsync("ingest_copy", ct);
        try
        {
            stored = await CopyAsync(conn, table, table.Table, rows, ct);
            await tx.ReleaseAsync("ingest_copy", ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await tx.RollbackAsync("ingest_copy", ct);
            var stage = await StageAsync(conn, tx, table, rows, ct);
            stored = await ExecuteAsync(conn, tx, $"INSERT INTO {table.Table} ({columns}) SELECT {columns} FROM {stage} ON CONFLICT (source_id) DO NOTHING", ct);
        }
        // Fresh statistics, so the indicator queries right after the import get good plans.
        await ExecuteAsync(conn, tx, $"ANALYZE {table.Table}", ct);
        return stored;
    }

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

    /// <summary>Copies the rows into a temporary table shaped like the target (dropped at commit); returns its name.</summary>
    private static async Task<string> StageAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CanonicalTable table, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var stage = "ingest_stage_" + table.Table;
        await ExecuteAsync(conn, tx, $"CREATE TEMP TABLE {stage} ON COMMIT DROP AS SELECT {ColumnList(table)} FROM {table.Table} WITH NO DATA", ct);
        await CopyAsync(conn, table, stage, rows, ct);
        return stage;
    }

    private static async Task<int> CopyAsync(NpgsqlConnection conn, CanonicalTable table, string target, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var types = table.Fields.Select(f => f.Type).ToArray();
        var copied = 0;
        await using var import = await conn.BeginBinaryImportAsync($"COPY {target} ({ColumnList(table)}) FROM STDIN (FORMAT BINARY)", ct);
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

    private static async Task<int> ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}

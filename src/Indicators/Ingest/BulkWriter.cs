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

    public static BulkWriter For(IndicatorsDbContext db) => db.Database.IsNpgsql() ? new PostgresBulkWriter() : new SqliteBulkWriter();

    protected static string ColumnList(CanonicalTable table) => string.Join(", ", table.Columns);
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
            var stage = "ingest_stage_" + table.Table;
            await ExecuteAsync(conn, tx, $"CREATE TEMP TABLE {stage} ON COMMIT DROP AS SELECT {columns} FROM {table.Table} WITH NO DATA", ct);
            await CopyAsync(conn, table, stage, rows, ct);
            stored = await ExecuteAsync(conn, tx, $"INSERT INTO {table.Table} ({columns}) SELECT {columns} FROM {stage} ON CONFLICT (source_id) DO NOTHING", ct);
        }
        // Fresh statistics, so the indicator queries right after the import get good plans.
        await ExecuteAsync(conn, tx, $"ANALYZE {table.Table}", ct);
        return stored;
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

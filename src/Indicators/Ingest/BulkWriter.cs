using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.Indicators.Ingest;

/// <summary>Inserts validated rows into a canonical table, skipping source ids already stored; returns how many were stored.</summary>
internal abstract class BulkWriter
{
    public abstract Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, CanonicalTable table,
        IReadOnlyList<object?[]> rows, Action<int> progress, CancellationToken ct);

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
        IReadOnlyList<object?[]> rows, Action<int> progress, CancellationToken ct)
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
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
            stored += await cmd.ExecuteNonQueryAsync(ct);
            if ((r + 1) % 50_000 == 0) progress(r + 1);
        }
        progress(rows.Count);
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

/// <summary>PostgreSQL: binary COPY into a temporary staging table, then INSERT … SELECT … ON CONFLICT DO NOTHING.</summary>
internal sealed class PostgresBulkWriter : BulkWriter
{
    public override async Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, CanonicalTable table,
        IReadOnlyList<object?[]> rows, Action<int> progress, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)connection;
        var columns = ColumnList(table);
        var stage = await StageAsync(conn, (NpgsqlTransaction)transaction, table, rows, progress, ct);
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {table.Table} ({columns}) SELECT {columns} FROM {stage} ON CONFLICT (source_id) DO NOTHING", conn, (NpgsqlTransaction)transaction);
        insert.CommandTimeout = 0;
        var stored = await insert.ExecuteNonQueryAsync(ct);
        // Fresh statistics, so the indicator queries right after the import get good plans.
        await using (var analyze = new NpgsqlCommand($"ANALYZE {table.Table}", conn, (NpgsqlTransaction)transaction))
            await analyze.ExecuteNonQueryAsync(ct);
        return stored;
    }

    public override async Task<(int Inserted, int Updated)> UpsertAsync(DbConnection connection, DbTransaction transaction, CanonicalTable table,
        IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)connection;
        var tx = (NpgsqlTransaction)transaction;
        var columns = ColumnList(table);
        var stage = await StageAsync(conn, tx, table, rows, _ => { }, ct);
        var compared = ComparedColumns(table);
        await using var update = new NpgsqlCommand(
            $"UPDATE {table.Table} t SET {string.Join(", ", UpdatedColumns(table).Select(c => $"{c} = s.{c}"))} FROM {stage} s " +
            $"WHERE t.source_id = s.source_id AND ({string.Join(", ", compared.Select(c => "t." + c))}) IS DISTINCT FROM ({string.Join(", ", compared.Select(c => "s." + c))})", conn, tx);
        update.CommandTimeout = 0;
        var updated = await update.ExecuteNonQueryAsync(ct);
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {table.Table} ({columns}) SELECT {columns} FROM {stage} ON CONFLICT (source_id) DO NOTHING", conn, tx);
        insert.CommandTimeout = 0;
        return (await insert.ExecuteNonQueryAsync(ct), updated);
    }

    /// <summary>Copies the rows into a temporary table shaped like the target (dropped at commit); returns its name.</summary>
    private static async Task<string> StageAsync(NpgsqlConnection conn, NpgsqlTransaction transaction, CanonicalTable table,
        IReadOnlyList<object?[]> rows, Action<int> progress, CancellationToken ct)
    {
        var columns = ColumnList(table);
        var stage = "ingest_stage_" + table.Table;
        await using (var create = new NpgsqlCommand($"CREATE TEMP TABLE {stage} ON COMMIT DROP AS SELECT {columns} FROM {table.Table} WITH NO DATA", conn, (NpgsqlTransaction)transaction))
            await create.ExecuteNonQueryAsync(ct);

        var types = table.Fields.Select(f => f.Type switch
        {
            FieldType.Date => NpgsqlDbType.Date,
            FieldType.DateTime => NpgsqlDbType.Timestamp,
            FieldType.Bool => NpgsqlDbType.Boolean,
            FieldType.Number => NpgsqlDbType.Double,
            FieldType.Count => NpgsqlDbType.Integer,
            _ => NpgsqlDbType.Text,
        }).Concat([NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Bigint]).ToArray();

        await using (var import = await conn.BeginBinaryImportAsync($"COPY {stage} ({columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var r = 0; r < rows.Count; r++)
            {
                var row = rows[r];
                await import.StartRowAsync(ct);
                for (var i = 0; i < types.Length; i++)
                {
                    if (row[i] is null) await import.WriteNullAsync(ct);
                    else await import.WriteAsync(row[i], types[i], ct);
                }
                if ((r + 1) % 50_000 == 0) progress(r + 1);
            }
            await import.CompleteAsync(ct);
        }
        progress(rows.Count);
        return stage;
    }
}

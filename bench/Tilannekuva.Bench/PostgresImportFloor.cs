using System.Diagnostics;
using Npgsql;

namespace Tilannekuva.Bench;

/// <summary>
/// PostgreSQL's floor for the import: the server's own part of a first load, without the product's client. The rows
/// the product stored are read back in COPY's binary form into memory, then written into an empty copy of the table
/// (the same columns, keys and indexes) the way the importer's first load writes them: one transaction, the secondary
/// indexes dropped, <c>COPY … FREEZE</c> with the unique ones kept, the secondary indexes built, commit, then
/// <c>ANALYZE</c>. Nothing is parsed, checked or pseudonymised, so whatever the importer does on top, a first load of
/// these rows on this server cannot take less (issue #20, docs/benchmarks.md "Thirteenth round").
/// </summary>
public static class PostgresImportFloor
{
    /// <summary>
    /// The time of the server's part of a first load of <paramref name="table"/>'s stored rows, how many rows it wrote and
    /// how many indexes the copy had when it was analysed (the table's own count, if nothing was left out).
    /// </summary>
    public static async Task<(TimeSpan Elapsed, long Rows, long Indexes)> MeasureAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        var copy = "import_floor_" + table;
        await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {copy}; CREATE TABLE {copy} (LIKE {table} INCLUDING ALL)", ct);
        try
        {
            // The importer's columns: all but the identity key, which the table numbers itself.
            var columns = (string)(await ScalarAsync(connection,
                "SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute " +
                $"WHERE attrelid = '{table}'::regclass AND attnum > 0 AND NOT attisdropped AND attidentity = ''", ct))!;
            var rows = new MemoryStream();
            await using (var export = await connection.BeginRawBinaryCopyAsync($"COPY {table} ({columns}) TO STDOUT (FORMAT BINARY)", ct))
                await export.CopyToAsync(rows, ct);
            rows.Position = 0;
            var secondary = new List<(string Name, string Create)>();
            await using (var cmd = new NpgsqlCommand(
                $"SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = '{copy}'::regclass AND NOT indisunique", connection))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) secondary.Add((reader.GetString(0), reader.GetString(1)));

            var clock = Stopwatch.StartNew();
            await using (var tx = await connection.BeginTransactionAsync(ct))
            {
                foreach (var (name, _) in secondary) await ExecuteAsync(connection, $"DROP INDEX {name}", ct);
                // FREEZE needs the table emptied in this transaction, as the importer's first load does.
                await ExecuteAsync(connection, $"TRUNCATE {copy}", ct);
                await using (var import = await connection.BeginRawBinaryCopyAsync($"COPY {copy} ({columns}) FROM STDIN (FORMAT BINARY, FREEZE)", ct))
                    await rows.CopyToAsync(import, ct);
                await ExecuteAsync(connection, "SET LOCAL maintenance_work_mem = '256MB'", ct);
                foreach (var (_, create) in secondary) await ExecuteAsync(connection, create, ct);
                await tx.CommitAsync(ct);
            }
            await ExecuteAsync(connection, $"ANALYZE {copy}", ct);
            var elapsed = clock.Elapsed;
            return (elapsed, await CountAsync(connection, $"SELECT count(*) FROM {copy}", ct),
                await CountAsync(connection, $"SELECT count(*) FROM pg_index WHERE indrelid = '{copy}'::regclass", ct));
        }
        finally
        {
            await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {copy}", ct);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql, CancellationToken ct) =>
        Convert.ToInt64(await ScalarAsync(connection, sql, ct), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        return await cmd.ExecuteScalarAsync(ct);
    }
}

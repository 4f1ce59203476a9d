using System.Data.Common;

namespace Tilannekuva.Indicators.Ingest;

/// <summary>
/// A first load into an empty canonical table builds its secondary (non-unique) indexes once after the
/// rows are in, inside the import's transaction, instead of updating each of them row by row: a sort per
/// index instead of hundreds of thousands of random B-tree inserts (issue #20). The unique source-id index
/// stays, because the writer relies on it to skip rows already stored. Both databases' DDL is
/// transactional, so a failed import rolls the dropped indexes back with its rows. On PostgreSQL the
/// dropped index holds the table's exclusive lock until commit: readers of that table wait for the first
/// import, which they would otherwise find empty.
/// </summary>
internal static class SecondaryIndexes
{
    /// <summary>Drops the table's non-unique indexes if it holds no rows; returns the statements that recreate them (none if nothing was dropped).</summary>
    public static async Task<IReadOnlyList<string>> DropIfEmptyAsync(DbConnection connection, DbTransaction transaction, string table, bool postgres, CancellationToken ct) =>
        await IsEmptyAsync(connection, transaction, table, ct) ? await DropAsync(connection, transaction, table, postgres, ct) : [];

    public static async Task<bool> IsEmptyAsync(DbConnection connection, DbTransaction transaction, string table, CancellationToken ct) =>
        await ScalarAsync(connection, transaction, $"SELECT 1 FROM {table} LIMIT 1", ct) is null;

    /// <summary>Drops the table's non-unique indexes; returns the statements that recreate them.</summary>
    public static async Task<IReadOnlyList<string>> DropAsync(DbConnection connection, DbTransaction transaction, string table, bool postgres, CancellationToken ct)
    {
        var list = new List<(string Name, string Create)>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = transaction;
            cmd.CommandText = postgres
                ? "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid " +
                  $"WHERE x.indrelid = '{table}'::regclass AND NOT x.indisunique AND NOT x.indisprimary"
                : $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) list.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in list) await ExecuteAsync(connection, transaction, $"DROP INDEX \"{name}\"", ct);
        return list.Select(x => x.Create).ToList();
    }

    public static async Task RecreateAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> creates, CancellationToken ct)
    {
        foreach (var sql in creates) await ExecuteAsync(connection, transaction, sql, ct);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync(ct);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

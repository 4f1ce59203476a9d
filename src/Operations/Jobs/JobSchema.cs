using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Tilannekuva.Storage;

namespace Tilannekuva.Operations.Jobs;

/// <summary>
/// Operations' own migration: the Quartz.NET job store tables (QRTZ_*), created by the official schema script Quartz
/// ships for the database (embedded in Quartz.dll, create-if-missing statements only), and the run history table
/// <c>job_run</c>. Idempotent; part of `migrate`.
/// </summary>
public static class JobSchema
{
    public const string TablePrefix = "QRTZ_";
    private const string Separator = "--;;";

    public static async Task MigrateAsync(DatabaseOptions db, CancellationToken ct = default)
    {
        await using var c = Open(db);
        await c.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        foreach (var statement in Statements(db))
        {
            await using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = statement;
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>True when the job store tables are there (a store `migrate` has brought up to date).</summary>
    public static async Task<bool> ExistsAsync(DatabaseOptions db, CancellationToken ct = default)
    {
        await using var c = Open(db);
        await c.OpenAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = db.IsNpgsql
            ? "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('qrtz_job_details', 'job_run') AND table_schema = current_schema()"
            : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('QRTZ_JOB_DETAILS', 'job_run')";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct)) == 2;
    }

    internal static DbConnection Open(DatabaseOptions db) => db.IsNpgsql
        ? new NpgsqlConnection(db.ConnectionString)
        : new SqliteConnection(db.ConnectionString);

    private static IEnumerable<string> Statements(DatabaseOptions db)
    {
        var name = db.IsNpgsql ? "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql" : "Quartz.Impl.AdoJobStore.Schema.create_sqlite.sql";
        using var stream = typeof(Quartz.IJob).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Quartz schema script {name} not found in {typeof(Quartz.IJob).Assembly.GetName()}");
        var script = new StreamReader(stream).ReadToEnd().Replace("{0}", TablePrefix).Replace("{1}", TablePrefix);
        foreach (var chunk in script.Split('\n').Aggregate(new List<List<string>> { new() }, (acc, line) =>
                 {
                     if (line.TrimEnd() == Separator) acc.Add([]);
                     else acc[^1].Add(line);
                     return acc;
                 }))
        {
            var sql = string.Join('\n', chunk);
            if (chunk.All(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(l))) continue;
            yield return sql;
        }
        if (db.IsNpgsql)
        {
            yield return """
                CREATE TABLE IF NOT EXISTS job_run (
                  id BIGSERIAL PRIMARY KEY, job TEXT NOT NULL, started BIGINT NOT NULL, finished BIGINT NOT NULL,
                  outcome TEXT NOT NULL, attempts INTEGER NOT NULL, trigger_kind TEXT NOT NULL, instance TEXT NOT NULL, error TEXT NULL)
                """;
        }
        else
        {
            yield return """
                CREATE TABLE IF NOT EXISTS job_run (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, job TEXT NOT NULL, started INTEGER NOT NULL, finished INTEGER NOT NULL,
                  outcome TEXT NOT NULL, attempts INTEGER NOT NULL, trigger_kind TEXT NOT NULL, instance TEXT NOT NULL, error TEXT NULL)
                """;
        }
        yield return "CREATE INDEX IF NOT EXISTS ix_job_run_job_started ON job_run (job, started)";
    }
}

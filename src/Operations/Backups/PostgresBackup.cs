using System.Diagnostics;
using Npgsql;
using Tilannekuva.Storage;

namespace Tilannekuva.Operations.Backups;

/// <summary>
/// PostgreSQL through pg_dump's custom format (-Fc: compressed, restorable table by table with pg_restore). pg_dump
/// reads one snapshot taken when it starts, so the dump holds everything committed before that moment and nothing
/// half-done, while the app goes on writing. Point-in-time recovery (base backups with WAL archiving) is the
/// database server's own set-up, described in docs/operations.md.
/// </summary>
internal static class PostgresBackup
{
    public static async Task DumpAsync(DatabaseOptions db, string target, BackupSettings settings, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(db.ConnectionString);
        // The recompute's work tables (ic_*) come and go while it runs: one dropped between pg_dump's catalogue
        // read and its lock fails the whole dump, and they hold nothing a restore needs (the values are in indicator_value).
        await RunAsync(PgTools.Find("pg_dump", settings), cs,
            ["-Fc", "--no-owner", "--no-privileges", "--exclude-table=public.ic_*", "-f", target, "-d", cs.Database!], ct);
    }

    public static async Task RestoreAsync(DatabaseOptions db, string file, bool replace, BackupSettings settings, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(db.ConnectionString);
        await EnsureDatabaseAsync(cs, ct);
        if (await HasTablesAsync(cs, ct))
        {
            if (!replace) throw new BackupException(Localisation.Texts.Format("Ops.RestoreTargetNotEmpty", null, cs.Database));
            await DropPublicSchemaAsync(cs, ct);
        }
        // One transaction: a restore that fails half-way leaves the database as it was.
        await RunAsync(PgTools.Find("pg_restore", settings), cs, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "-d", cs.Database!, file], ct);
    }

    /// <summary>Runs a PostgreSQL client program with the connection in PG* environment variables (the password never on the command line).</summary>
    private static async Task RunAsync(string program, NpgsqlConnectionStringBuilder cs, string[] args, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["PGHOST"] = cs.Host ?? "localhost";
        start.Environment["PGPORT"] = cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (cs.Username is { } user) start.Environment["PGUSER"] = user;
        if (cs.Password is { } password) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start) ?? throw new BackupException(program);
        var error = process.StandardError.ReadToEndAsync(ct);
        var output = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        await output;
        if (process.ExitCode != 0)
            throw new BackupException(Localisation.Texts.Format("Ops.PgToolFailed", null, Path.GetFileName(program), process.ExitCode, (await error).Trim()));
    }

    private static async Task EnsureDatabaseAsync(NpgsqlConnectionStringBuilder cs, CancellationToken ct)
    {
        var server = new NpgsqlConnectionStringBuilder(cs.ConnectionString) { Database = "postgres", Pooling = false };
        await using var c = new NpgsqlConnection(server.ConnectionString);
        await c.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", c);
        exists.Parameters.AddWithValue("n", cs.Database!);
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{cs.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", c);
        await create.ExecuteNonQueryAsync(ct);
    }

    private static async Task<bool> HasTablesAsync(NpgsqlConnectionStringBuilder cs, CancellationToken ct)
    {
        await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs.ConnectionString) { Pooling = false }.ConnectionString);
        await c.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", c);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task DropPublicSchemaAsync(NpgsqlConnectionStringBuilder cs, CancellationToken ct)
    {
        await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs.ConnectionString) { Pooling = false }.ConnectionString);
        await c.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", c);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>Finds the PostgreSQL client programs: the configured folder, else the PATH, else Debian's newest /usr/lib/postgresql/*/bin.</summary>
public static class PgTools
{
    public static string Find(string program, BackupSettings settings)
    {
        if (settings.PgBinFolder is { Length: > 0 } folder)
            return Path.Combine(folder, program);
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, program))) return Path.Combine(dir, program);
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
            foreach (var version in Directory.GetDirectories(debian).OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                if (File.Exists(Path.Combine(version, "bin", program))) return Path.Combine(version, "bin", program);
        throw new BackupException(Localisation.Texts.Format("Ops.PgToolMissing", null, program));
    }
}

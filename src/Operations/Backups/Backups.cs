using System.Diagnostics;
using System.Globalization;
using Tilannekuva.Storage;

namespace Tilannekuva.Operations.Backups;

/// <summary>
/// Backup and restore of the whole store (every module's tables live in one database). SQLite through its online
/// backup interface (<see cref="SqliteBackup"/>), PostgreSQL through pg_dump's custom format (<see cref="PostgresBackup"/>).
/// A backup is written under a temporary name and renamed when complete, so a file with the final name is always whole.
/// </summary>
public static class Backups
{
    public const string FilePrefix = "tilannekuva-";
    public const string SqliteExtension = ".sqlite";
    public const string PostgresExtension = ".pgdump";

    /// <summary>Backs the store up into <paramref name="folder"/> under a time-stamped name; returns the file.</summary>
    public static async Task<BackupResult> BackupAsync(DatabaseOptions db, string folder, BackupSettings settings, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var started = DateTimeOffset.UtcNow;
        var extension = db.Provider == DatabaseProvider.Sqlite ? SqliteExtension : PostgresExtension;
        var file = Path.Combine(Path.GetFullPath(folder), FilePrefix + started.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture) + "Z" + extension);
        var partial = file + ".partial";
        var clock = Stopwatch.StartNew();
        try
        {
            if (db.Provider == DatabaseProvider.Sqlite) await SqliteBackup.BackupAsync(db, partial, ct);
            else await PostgresBackup.DumpAsync(db, partial, settings, ct);
            File.Move(partial, file);
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
        return new BackupResult(file, started, clock.Elapsed, new FileInfo(file).Length);
    }

    /// <summary>
    /// Restores <paramref name="file"/> into the configured store. Refuses a store that holds tables unless
    /// <paramref name="replace"/> is set (then the store's content is replaced as a whole).
    /// </summary>
    public static async Task<TimeSpan> RestoreAsync(DatabaseOptions db, string file, bool replace, BackupSettings settings, CancellationToken ct = default)
    {
        if (!File.Exists(file)) throw new BackupException(Localisation.Texts.Format("Ops.BackupFileMissing", null, file));
        var kind = KindOf(file);
        var clock = Stopwatch.StartNew();
        switch (kind)
        {
            case DatabaseProvider.Sqlite when db.Provider == DatabaseProvider.Sqlite:
                await SqliteBackup.RestoreAsync(db, file, replace, ct);
                break;
            case DatabaseProvider.Postgres when db.Provider == DatabaseProvider.Postgres:
                await PostgresBackup.RestoreAsync(db, file, replace, settings, ct);
                break;
            default:
                throw new BackupException(Localisation.Texts.Format("Ops.BackupWrongKind", null, file, kind?.ToString() ?? "?", db.Provider));
        }
        return clock.Elapsed;
    }

    /// <summary>The database a backup file is for, from its first bytes (SQLite's header or pg_dump's "PGDMP"); null when neither.</summary>
    public static DatabaseProvider? KindOf(string file)
    {
        var head = new byte[16];
        using (var s = File.OpenRead(file)) s.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (System.Text.Encoding.ASCII.GetString(head).StartsWith("SQLite format 3", StringComparison.Ordinal)) return DatabaseProvider.Sqlite;
        if (System.Text.Encoding.ASCII.GetString(head, 0, 5) == "PGDMP") return DatabaseProvider.Postgres;
        return null;
    }

    /// <summary>The backups in <paramref name="folder"/>, newest first (their names sort by time).</summary>
    public static IReadOnlyList<FileInfo> List(string folder) =>
        !Directory.Exists(folder) ? [] :
        new DirectoryInfo(folder).GetFiles(FilePrefix + "*")
            .Where(f => f.Name.EndsWith(SqliteExtension, StringComparison.Ordinal) || f.Name.EndsWith(PostgresExtension, StringComparison.Ordinal))
            .OrderByDescending(f => f.Name, StringComparer.Ordinal).ToList();

    /// <summary>Deletes all but the <paramref name="keep"/> newest backups; returns the files deleted.</summary>
    public static IReadOnlyList<string> Prune(string folder, int keep)
    {
        var deleted = new List<string>();
        foreach (var old in List(folder).Skip(Math.Max(keep, 1)))
        {
            old.Delete();
            deleted.Add(old.FullName);
        }
        return deleted;
    }
}

using Microsoft.Data.Sqlite;
using Tilannekuva.Storage;

namespace Tilannekuva.Operations.Backups;

/// <summary>
/// SQLite's online backup interface (sqlite3_backup, through <see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>):
/// copies the pages of one read transaction, so the copy is the store as of one moment even while the app writes
/// (the store runs in WAL mode: writers go on meanwhile). Copying the file instead could catch a half-written page.
/// </summary>
internal static class SqliteBackup
{
    public static Task BackupAsync(DatabaseOptions db, string target, CancellationToken ct) => Task.Run(() =>
    {
        using var source = Open(db.ConnectionString);
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ConnectionString);
        destination.Open();
        source.BackupDatabase(destination);
    }, ct);

    public static Task RestoreAsync(DatabaseOptions db, string file, bool replace, CancellationToken ct) => Task.Run(() =>
    {
        using var target = Open(db.ConnectionString);
        if (!replace && HasTables(target))
            throw new BackupException(Localisation.Texts.Format("Ops.RestoreTargetNotEmpty", null, new SqliteConnectionStringBuilder(db.ConnectionString).DataSource));
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        source.Open();
        // The same interface in the other direction: the target's pages are replaced in one step, so a reader sees
        // the old store or the restored one, never a mix.
        source.BackupDatabase(target);
    }, ct);

    private static SqliteConnection Open(string connectionString)
    {
        var b = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        var folder = Path.GetDirectoryName(Path.GetFullPath(b.DataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        var c = new SqliteConnection(b.ConnectionString);
        c.Open();
        using var busy = c.CreateCommand();
        busy.CommandText = "PRAGMA busy_timeout = 30000";
        busy.ExecuteNonQuery();
        return c;
    }

    private static bool HasTables(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}

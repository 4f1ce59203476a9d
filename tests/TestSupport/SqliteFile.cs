using Microsoft.Data.Sqlite;
using Tilannekuva.Storage;

namespace Tilannekuva.TestSupport;

/// <summary>A fresh SQLite database file in its own temporary folder; the folder is deleted on dispose.</summary>
public sealed class SqliteFile : IDisposable
{
    public SqliteFile(string fileName = "tilannekuva.db")
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tilannekuva-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, fileName);
    }

    /// <summary>The temporary folder holding the file (and its -wal / -shm companions).</summary>
    public string Folder { get; }

    /// <summary>Full path of the database file (it does not exist until something opens it).</summary>
    public string Path { get; }

    public string ConnectionString => $"Data Source={Path}";

    /// <summary>The database as the application configures it.</summary>
    public DatabaseOptions Options => DatabaseOptions.SqliteFile(Path);

    public void Dispose()
    {
        // Pooled connections keep the file open; release them before deleting.
        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind must not fail a test.
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Tilannekuva.ServiceTray.Import;
using Tilannekuva.ServiceTray.Storage;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.ServiceTray.Tests;

/// <summary>A fresh, migrated ServiceTray store on a real SQLite file or a real PostgreSQL database.</summary>
public sealed class TrayStore : IAsyncDisposable
{
    private readonly PostgresServer? _pg;
    private readonly SqliteFile? _file;

    private TrayStore(DatabaseOptions options, PostgresServer? pg, SqliteFile? file)
    {
        (Options, _pg, _file) = (options, pg, file);
    }

    public DatabaseOptions Options { get; }

    /// <summary>The SQLite file's folder (the database and its journal files), or null on PostgreSQL.</summary>
    public string? Folder => _file?.Folder;

    public static async Task<TrayStore> CreateAsync(bool postgres)
    {
        var store = postgres ? await PgAsync() : Sqlite();
        await using var db = store.Open();
        await db.Database.MigrateAsync();
        return store;

        static async Task<TrayStore> PgAsync()
        {
            var pg = await PostgresServer.CreateDatabaseAsync("tk_tray");
            return new TrayStore(pg.Options, pg, null);
        }
        static TrayStore Sqlite()
        {
            var file = new SqliteFile();
            return new TrayStore(file.Options, null, file);
        }
    }

    public ServiceTrayDbContext Open() => ServiceTrayStorage.Open(Options);

    public async Task<TrayImportResult> StoreAsync(TraySnapshot snapshot, TimeProvider? clock = null)
    {
        await using var db = Open();
        return await new TrayImporter(db, clock ?? TimeProvider.System).StoreAsync(snapshot);
    }

    public async ValueTask DisposeAsync()
    {
        if (_pg is not null) await _pg.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _file?.Dispose();
    }
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}

public static class Fixtures
{
    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static TraySnapshot Ptv(string folder = "ptv") => PtvImport.Read(PtvImport.Files([Folder(folder)]), folder);

    /// <summary>A copy of a fixture folder to change in a test.</summary>
    public static string Copy(string name)
    {
        var target = Directory.CreateTempSubdirectory("tray-fixture-").FullName;
        foreach (var file in Directory.GetFiles(Folder(name))) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }
}

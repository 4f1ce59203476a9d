using Tilannekuva.SocialWork.Storage;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.SocialWork.Tests;

/// <summary>A fresh SQLite file or PostgreSQL database with the SocialWork module migrated.</summary>
public sealed class SocialWorkStore : IAsyncDisposable
{
    private readonly IAsyncDisposable? _pg;
    private readonly SqliteFile? _file;

    private SocialWorkStore(DatabaseOptions options, IAsyncDisposable? pg, SqliteFile? file)
    {
        (Options, _pg, _file) = (options, pg, file);
        Db = SocialWorkStorage.Open(options, new FixedUserName("tyontekija"));
    }

    public DatabaseOptions Options { get; }
    public SocialWorkDbContext Db { get; }

    public static async Task<SocialWorkStore> CreateAsync(bool postgres)
    {
        SocialWorkStore store;
        if (postgres)
        {
            var pg = await PostgresServer.CreateDatabaseAsync("tk_sw");
            store = new SocialWorkStore(pg.Options, pg, null);
        }
        else
        {
            var file = new SqliteFile();
            store = new SocialWorkStore(file.Options, null, file);
        }
        await ModuleMigrator.MigrateAsync([store.Db]);
        return store;
    }

    public SocialWorkService Service() => new(Db, TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        if (_pg is not null) await _pg.DisposeAsync();
        _file?.Dispose();
    }
}

using Microsoft.EntityFrameworkCore;

namespace Tilannekuva.Storage;

/// <summary>
/// Which database the modules talk to. SQLite is the embedded default so that a fresh clone
/// runs with no server; PostgreSQL is production. Bound from configuration section "Database"
/// or the environment variables TILANNEKUVA_DB_PROVIDER / TILANNEKUVA_DB.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteFile = "data/tilannekuva.db";

    public static DatabaseOptions SqliteFile(string path) => new(DatabaseProvider.Sqlite, $"Data Source={path}");

    public static DatabaseOptions Postgres(string connectionString) => new(DatabaseProvider.Postgres, connectionString);

    /// <summary>Reads provider and connection string; a connection string starting with "Host=" implies PostgreSQL.</summary>
    public static DatabaseOptions Resolve(string? provider, string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            return SqliteFile(DefaultSqliteFile);
        var isPostgres = provider is not null
            ? provider.Equals("postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase)
            : connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase);
        return new(isPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, connectionString);
    }

    /// <summary>Configures a module's context for the chosen provider. Each module keeps its own migrations history table.</summary>
    public void Apply(DbContextOptionsBuilder builder, string module)
    {
        var history = $"__migrations_{module.ToLowerInvariant()}";
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder();
                builder.UseSqlite(ConnectionString, o => o.MigrationsHistoryTable(history));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable(history));
                break;
        }
    }

    /// <summary>
    /// Configures a module's context on a connection another module's context already holds, so that both can write in
    /// one transaction (the connection stays the owner's: disposing this context does not close it).
    /// </summary>
    public void Apply(DbContextOptionsBuilder builder, string module, System.Data.Common.DbConnection connection)
    {
        var history = $"__migrations_{module.ToLowerInvariant()}";
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(connection, o => o.MigrationsHistoryTable(history));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(connection, o => o.MigrationsHistoryTable(history));
                break;
        }
    }

    private void EnsureSqliteFolder()
    {
        var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}

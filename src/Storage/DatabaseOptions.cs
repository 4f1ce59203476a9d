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

    public static DatabaseOptions Citus(string connectionString) => new(DatabaseProvider.Citus, connectionString);

    /// <summary>Npgsql underneath: PostgreSQL or Citus.</summary>
    public bool IsNpgsql => Provider is DatabaseProvider.Postgres or DatabaseProvider.Citus;

    /// <summary>
    /// Reads provider ("sqlite", "postgres"/"postgresql" or "citus") and connection string; without a
    /// provider a connection string containing "Host=" implies PostgreSQL.
    /// </summary>
    public static DatabaseOptions Resolve(string? provider, string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            return SqliteFile(DefaultSqliteFile);
        if (provider is not null && provider.Equals("citus", StringComparison.OrdinalIgnoreCase))
            return Citus(connectionString);
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
            case DatabaseProvider.Citus:
                builder.UseNpgsql(CitusConnectionString(ConnectionString), o => o.MigrationsHistoryTable(history));
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
            case DatabaseProvider.Citus:
                builder.UseNpgsql(connection, o => o.MigrationsHistoryTable(history));
                break;
        }
    }

    /// <summary>
    /// The coordinator holds a copy of the reference tables (the org-unit tree, the calendar): Citus would
    /// read it in-process and then refuse, in the same transaction, to write the copies on all nodes in
    /// parallel (an import reads org units, then rebuilds their closure). Every statement goes through
    /// Citus's executor instead.
    /// </summary>
    public static string CitusConnectionString(string connectionString)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (b.Options?.Contains("citus.enable_local_execution", StringComparison.Ordinal) != true)
            b.Options = ((b.Options ?? "") + " -c citus.enable_local_execution=off").Trim();
        return b.ConnectionString;
    }

    private void EnsureSqliteFolder()
    {
        var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}

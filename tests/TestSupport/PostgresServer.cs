using Npgsql;
using Tilannekuva.Storage;
using Xunit;

namespace Tilannekuva.TestSupport;

/// <summary>
/// A fresh, uniquely named PostgreSQL database on the test server, dropped on dispose.
/// The server comes from <c>TILANNEKUVA_TEST_PG</c>: a server-level connection string for a role
/// that may create databases (./scripts/test starts a server and sets it). Without it, tests
/// fail — they are never skipped silently.
/// <para>
/// Use as an xUnit fixture (<c>IClassFixture&lt;PostgresServer&gt;</c>: one database per test class)
/// or per test: <c>await using var db = await PostgresServer.CreateDatabaseAsync();</c>.
/// </para>
/// </summary>
public sealed class PostgresServer : IAsyncLifetime, IAsyncDisposable
{
    public const string EnvironmentVariable = "TILANNEKUVA_TEST_PG";

    private bool _created;

    public PostgresServer() : this("tk_test") { }

    private PostgresServer(string prefix)
    {
        var name = $"{prefix}_{DateTime.UtcNow:yyyyMMdd}_{Guid.NewGuid():N}".ToLowerInvariant();
        DatabaseName = name.Length <= 63 ? name : name[^63..]; // PostgreSQL identifiers are at most 63 bytes
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = DatabaseName, IncludeErrorDetail = true };
        ConnectionString = builder.ConnectionString;
    }

    /// <summary>Name of this fixture's database.</summary>
    public string DatabaseName { get; }

    /// <summary>Connection string for this fixture's database.</summary>
    public string ConnectionString { get; }

    /// <summary>The database as the application configures it.</summary>
    public DatabaseOptions Options => DatabaseOptions.Postgres(ConnectionString);

    /// <summary>The server-level connection string from <c>TILANNEKUVA_TEST_PG</c>; throws with instructions when it is not set.</summary>
    public static string ServerConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (string.IsNullOrWhiteSpace(value))
                throw new InvalidOperationException(
                    $"{EnvironmentVariable} is not set, so the PostgreSQL tests have no server. " +
                    "Run the test suite with ./scripts/test (see docs/testing.md): it installs and starts PostgreSQL, " +
                    $"creates a test role and sets {EnvironmentVariable}. To use your own server, set {EnvironmentVariable} " +
                    "to a connection string for a role with CREATEDB, e.g. \"Host=127.0.0.1;Port=5432;Username=me;Password=secret\".");
            return value;
        }
    }

    /// <summary>Creates a fresh database; dispose the result to drop it.</summary>
    public static async Task<PostgresServer> CreateDatabaseAsync(string prefix = "tk_test")
    {
        var db = new PostgresServer(prefix);
        await db.InitializeAsync();
        return db;
    }

    public async Task InitializeAsync()
    {
        if (_created) return;
        await using var admin = await OpenAdminAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", admin);
        await cmd.ExecuteNonQueryAsync();
        _created = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_created) return;
        _created = false;
        // The app under test may have opened pools with other settings (the recompute's extra connections).
        NpgsqlConnection.ClearAllPools();
        // FORCE terminates the remaining sessions but gives up if one does not end within its few seconds
        // (a loaded machine); the next attempt finds it gone.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var admin = await OpenAdminAsync();
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", admin);
                await cmd.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (attempt < 5)
            {
                Console.Error.WriteLine($"PostgresServer: dropping {DatabaseName} failed ({e.SqlState} {e.MessageText}); trying again");
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private static async Task<NpgsqlConnection> OpenAdminAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false };
        if (string.IsNullOrEmpty(builder.Database)) builder.Database = "postgres";
        var conn = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await conn.OpenAsync();
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException)
        {
            await conn.DisposeAsync();
            throw new InvalidOperationException(
                $"Cannot connect to the PostgreSQL test server given by {EnvironmentVariable} " +
                $"(host {builder.Host}, port {builder.Port}, user {builder.Username}): {e.Message}. " +
                "Run the suite with ./scripts/test, which starts a server.", e);
        }
        return conn;
    }
}

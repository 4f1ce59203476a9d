using Npgsql;
using Tilannekuva.Storage;
using Xunit;

namespace Tilannekuva.TestSupport;

/// <summary>
/// A fresh database on the Citus test cluster (a coordinator and its workers, started by
/// <c>./scripts/test</c> through <c>scripts/citus-cluster</c>): created on every node with
/// <c>CREATE EXTENSION citus</c>, the workers registered in it, dropped everywhere on dispose.
/// The coordinator comes from <c>TILANNEKUVA_TEST_CITUS</c> (a superuser on a test cluster); its
/// <c>postgres</c> database lists the workers. Without it the tests fail and say to run
/// <c>./scripts/test</c>, except when the script said Citus cannot be installed here
/// (<c>TILANNEKUVA_TEST_CITUS_SKIP</c>): then <see cref="SkipReason"/> is set and the tests skip.
/// </summary>
public sealed class CitusServer : IAsyncLifetime, IAsyncDisposable
{
    public const string EnvironmentVariable = "TILANNEKUVA_TEST_CITUS";
    public const string SkipVariable = "TILANNEKUVA_TEST_CITUS_SKIP";

    private readonly List<(string Host, int Port)> nodes = [];
    private bool created;

    public CitusServer()
    {
        var name = $"tk_citus_{DateTime.UtcNow:yyyyMMdd}_{Guid.NewGuid():N}".ToLowerInvariant();
        DatabaseName = name.Length <= 63 ? name : name[^63..];
        ConnectionString = Server is null ? "" : new NpgsqlConnectionStringBuilder(Server) { Database = DatabaseName, IncludeErrorDetail = true }.ConnectionString;
    }

    /// <summary>Why the Citus tests skip (only when Citus cannot be installed on this machine); null: they run.</summary>
    public static string? SkipReason =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EnvironmentVariable)) ? Environment.GetEnvironmentVariable(SkipVariable) : null;

    private static string? Server => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } s ? s : null;

    public string DatabaseName { get; }

    /// <summary>The coordinator's connection string for this database.</summary>
    public string ConnectionString { get; }

    /// <summary>The database as the application configures it (provider citus).</summary>
    public DatabaseOptions Options => DatabaseOptions.Citus(ConnectionString);

    /// <summary>Worker nodes (host, port).</summary>
    public IReadOnlyList<(string Host, int Port)> Workers => nodes;

    public static async Task<CitusServer> CreateDatabaseAsync()
    {
        var s = new CitusServer();
        await s.InitializeAsync();
        return s;
    }

    public async Task InitializeAsync()
    {
        if (SkipReason is not null) return;
        var server = Server ?? throw new InvalidOperationException(
            $"{EnvironmentVariable} is not set: run ./scripts/test (as root it starts a Citus coordinator and two workers), or set it to a Citus coordinator's connection string.");
        var coordinator = new NpgsqlConnectionStringBuilder(server) { Database = "postgres" };
        await using (var c = new NpgsqlConnection(coordinator.ConnectionString))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT nodename, nodeport FROM pg_dist_node WHERE groupid <> 0 AND noderole = 'primary' ORDER BY nodeport", c);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) nodes.Add((r.GetString(0), r.GetInt32(1)));
        }
        if (nodes.Count == 0) throw new InvalidOperationException($"the Citus coordinator of {EnvironmentVariable} has no workers (run ./scripts/test or scripts/citus-cluster)");
        foreach (var (host, port) in nodes.Prepend((coordinator.Host!, coordinator.Port)))
        {
            await ExecuteAsync(Node(host, port, "postgres"), $"CREATE DATABASE {DatabaseName}");
            await ExecuteAsync(Node(host, port, DatabaseName), "CREATE EXTENSION citus");
        }
        created = true;
        await ExecuteAsync(ConnectionString, $"SELECT citus_set_coordinator_host('{coordinator.Host}', {coordinator.Port})");
        foreach (var (host, port) in nodes) await ExecuteAsync(ConnectionString, $"SELECT citus_add_node('{host}', {port})");
    }

    private string Node(string host, int port, string database) =>
        new NpgsqlConnectionStringBuilder(Server) { Host = host, Port = port, Database = database, Pooling = false }.ConnectionString;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 300 };
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (!created) return;
        NpgsqlConnection.ClearAllPools();
        var coordinator = new NpgsqlConnectionStringBuilder(Server!);
        foreach (var (host, port) in nodes.Prepend((coordinator.Host!, coordinator.Port)))
        {
            try { await ExecuteAsync(Node(host, port, "postgres"), $"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)"); }
            catch (PostgresException) { /* a node's copy is gone already */ }
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Tilannekuva.Storage;

/// <summary>
/// Brings module databases up to date by applying each module context's own migrations
/// (generated with scripts/add-migration; each module keeps its own history table, see
/// <see cref="DatabaseOptions.Apply"/>). Used by the web app at start-up, the CLI's
/// <c>migrate</c> command and the tests.
/// </summary>
public static class ModuleMigrator
{
    /// <summary>Applies the pending migrations of one context; returns the names it applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        // The model's class says whether the compiled model (scripts/optimize-models) is in use: <Context>Model, not RuntimeModel.
        if (StartupTrace.Enabled) StartupTrace.Mark($"{context.GetType().Name}: opened (model {context.Model.GetType().Name})");
        // Most runs find nothing pending: asked directly, without EF's history repository (which builds a model of its
        // own for the history table: most of what a command paid for the check, issue #20). Anything else - a new
        // store, a missing history table, a migration not applied - takes EF's own path as before.
        if (await AllAppliedAsync(context, cancellationToken))
        {
            StartupTrace.Mark($"{context.GetType().Name}: nothing pending");
            return [];
        }
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        StartupTrace.Mark($"{context.GetType().Name}: pending migrations checked ({pending.Count})");
        if (pending.Count > 0)
            await context.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    /// <summary>
    /// True when the context's history table lists every migration compiled into its assembly; false when it does not,
    /// or the table cannot be read (then EF decides).
    /// </summary>
    internal static async Task<bool> AllAppliedAsync(DbContext context, CancellationToken cancellationToken)
    {
        var migrations = context.GetService<IMigrationsAssembly>().Migrations.Keys;
        var table = RelationalOptionsExtension.Extract(context.GetService<IDbContextOptions>()).MigrationsHistoryTableName;
        // Inside a transaction a failed query would abort it on PostgreSQL: EF's path then.
        if (table is null || !migrations.Any() || context.Database.CurrentTransaction is not null) return false;
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = context.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT \"MigrationId\" FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetString(0));
            return migrations.All(applied.Contains);
        }
        catch (System.Data.Common.DbException)
        {
            return false;
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Applies the pending migrations of each context in turn.</summary>
    public static async Task<IReadOnlyList<ModuleMigration>> MigrateAsync(IEnumerable<DbContext> contexts, CancellationToken cancellationToken = default)
    {
        var results = new List<ModuleMigration>();
        foreach (var context in contexts)
            results.Add(new(context.GetType().Name, await MigrateAsync(context, cancellationToken)));
        return results;
    }

    /// <summary>
    /// Opens one context per module with <paramref name="open"/> (e.g. <c>ProgrammeStorage.Open</c>),
    /// migrates it and disposes it.
    /// </summary>
    public static async Task<IReadOnlyList<ModuleMigration>> MigrateAsync(
        DatabaseOptions db, IEnumerable<Func<DatabaseOptions, DbContext>> open, CancellationToken cancellationToken = default)
    {
        var results = new List<ModuleMigration>();
        foreach (var factory in open)
        {
            await using var context = factory(db);
            results.Add(new(context.GetType().Name, await MigrateAsync(context, cancellationToken)));
        }
        return results;
    }

    /// <summary>
    /// Migrates the module contexts registered in dependency injection (by their registered
    /// service type, e.g. <c>typeof(ProgrammeDbContext)</c>), each in its own scope.
    /// </summary>
    public static async Task<IReadOnlyList<ModuleMigration>> MigrateAsync(
        IServiceProvider services, IEnumerable<Type> contextTypes, CancellationToken cancellationToken = default)
    {
        var results = new List<ModuleMigration>();
        foreach (var type in contextTypes)
        {
            await using var scope = services.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(type);
            results.Add(new(context.GetType().Name, await MigrateAsync(context, cancellationToken)));
        }
        return results;
    }
}

/// <summary>What <see cref="ModuleMigrator"/> did to one module context.</summary>
public sealed record ModuleMigration(string Context, IReadOnlyList<string> Applied);

using Microsoft.EntityFrameworkCore;
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
        StartupTrace.Mark($"{context.GetType().Name}: opened");
        _ = context.Model;
        StartupTrace.Mark($"{context.GetType().Name}: model");
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        StartupTrace.Mark($"{context.GetType().Name}: pending migrations checked ({pending.Count})");
        if (pending.Count > 0)
            await context.Database.MigrateAsync(cancellationToken);
        return pending;
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

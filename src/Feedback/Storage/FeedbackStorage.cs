using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Storage;

namespace Tilannekuva.Feedback.Storage;

public static class FeedbackStorage
{
    /// <summary>
    /// Registers <see cref="FeedbackDbContext"/> backed by the provider-specific subclass. Pooled:
    /// submissions arrive at hundreds per second and the context holds no per-user state.
    /// </summary>
    public static IServiceCollection AddFeedbackStorage(this IServiceCollection services, DatabaseOptions db)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContextPool<SqliteFeedbackDbContext>(o => db.Apply(o, FeedbackDbContext.Module));
            services.AddScoped<FeedbackDbContext>(sp => sp.GetRequiredService<SqliteFeedbackDbContext>());
        }
        else
        {
            services.AddDbContextPool<PostgresFeedbackDbContext>(o => db.Apply(o, FeedbackDbContext.Module));
            services.AddScoped<FeedbackDbContext>(sp => sp.GetRequiredService<PostgresFeedbackDbContext>());
        }
        return services;
    }

    /// <summary>
    /// Applies the module's migrations. On SQLite it also switches the file to write-ahead logging
    /// (persistent, once per file): readers then never wait for the writer, and submissions, which
    /// all write, queue far less. See docs/benchmarks-feedback.md.
    /// </summary>
    public static async Task MigrateAsync(FeedbackDbContext db, CancellationToken ct = default)
    {
        await ModuleMigrator.MigrateAsync(db, ct); // pending ones only (see ModuleMigrator)
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>A context outside dependency injection (CLI, tests).</summary>
    public static FeedbackDbContext Open(DatabaseOptions db) =>
        db.OpenModuleContext<FeedbackDbContext, SqliteFeedbackDbContext, PostgresFeedbackDbContext>(FeedbackDbContext.Module, o => new SqliteFeedbackDbContext(o), o => new PostgresFeedbackDbContext(o));
}

public sealed class SqliteFeedbackDesignFactory : IDesignTimeDbContextFactory<SqliteFeedbackDbContext>
{
    public SqliteFeedbackDbContext CreateDbContext(string[] args) => (SqliteFeedbackDbContext)FeedbackStorage.Open(DesignTime.Sqlite);
}

public sealed class PostgresFeedbackDesignFactory : IDesignTimeDbContextFactory<PostgresFeedbackDbContext>
{
    public PostgresFeedbackDesignFactory() { }

    public PostgresFeedbackDbContext CreateDbContext(string[] args) => (PostgresFeedbackDbContext)FeedbackStorage.Open(DesignTime.Postgres);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Tilannekuva.Storage;

/// <summary>
/// Every module has an abstract context with a SQLite and a PostgreSQL subclass (one set of migrations
/// each); these two helpers pick the subclass for the configured provider, so modules need not repeat it.
/// </summary>
public static class ModuleContexts
{
    /// <summary>Registers TContext, resolved as the provider's subclass.</summary>
    public static IServiceCollection AddModuleContext<TContext, TSqlite, TPostgres>(this IServiceCollection services, DatabaseOptions db, string module)
        where TContext : DbContext where TSqlite : TContext where TPostgres : TContext
    {
        if (db.Provider == DatabaseProvider.Sqlite)
            services.AddDbContext<TContext, TSqlite>(o => db.Apply(o, module));
        else
            services.AddDbContext<TContext, TPostgres>(o => db.Apply(o, module));
        return services;
    }

    /// <summary>A context outside dependency injection (CLI, tests, design time).</summary>
    public static TContext OpenModuleContext<TContext, TSqlite, TPostgres>(this DatabaseOptions db, string module,
        Func<DbContextOptions<TSqlite>, TSqlite> sqlite, Func<DbContextOptions<TPostgres>, TPostgres> postgres)
        where TContext : DbContext where TSqlite : TContext where TPostgres : TContext
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            var b = new DbContextOptionsBuilder<TSqlite>();
            db.Apply(b, module);
            return sqlite(b.Options);
        }
        var p = new DbContextOptionsBuilder<TPostgres>();
        db.Apply(p, module);
        return postgres(p.Options);
    }
}

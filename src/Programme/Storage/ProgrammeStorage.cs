using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Storage;

namespace Tilannekuva.Programme.Storage;

public static class ProgrammeStorage
{
    /// <summary>Registers <see cref="ProgrammeDbContext"/> backed by the provider-specific subclass.</summary>
    public static IServiceCollection AddProgrammeStorage(this IServiceCollection services, DatabaseOptions db)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
            services.AddDbContext<ProgrammeDbContext, SqliteProgrammeDbContext>(o => db.Apply(o, ProgrammeDbContext.Module));
        else
            services.AddDbContext<ProgrammeDbContext, PostgresProgrammeDbContext>(o => db.Apply(o, ProgrammeDbContext.Module));
        return services;
    }

    /// <summary>A context outside dependency injection (CLI, tests).</summary>
    public static ProgrammeDbContext Open(DatabaseOptions db, ICurrentUserName? user = null)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            var b = new DbContextOptionsBuilder<SqliteProgrammeDbContext>();
            db.Apply(b, ProgrammeDbContext.Module);
            return new SqliteProgrammeDbContext(b.Options, user);
        }
        var p = new DbContextOptionsBuilder<PostgresProgrammeDbContext>();
        db.Apply(p, ProgrammeDbContext.Module);
        return new PostgresProgrammeDbContext(p.Options, user);
    }
}

public sealed class SqliteProgrammeDesignFactory : IDesignTimeDbContextFactory<SqliteProgrammeDbContext>
{
    public SqliteProgrammeDbContext CreateDbContext(string[] args) => (SqliteProgrammeDbContext)ProgrammeStorage.Open(DesignTime.Sqlite);
}

public sealed class PostgresProgrammeDesignFactory : IDesignTimeDbContextFactory<PostgresProgrammeDbContext>
{
    public PostgresProgrammeDbContext CreateDbContext(string[] args) => (PostgresProgrammeDbContext)ProgrammeStorage.Open(DesignTime.Postgres);
}

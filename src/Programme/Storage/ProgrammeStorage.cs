using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Storage;

namespace Tilannekuva.Programme.Storage;

public static class ProgrammeStorage
{
    /// <summary>Registers <see cref="ProgrammeDbContext"/> backed by the provider-specific subclass.</summary>
    public static IServiceCollection AddProgrammeStorage(this IServiceCollection services, DatabaseOptions db) =>
        services.AddModuleContext<ProgrammeDbContext, SqliteProgrammeDbContext, PostgresProgrammeDbContext>(db, ProgrammeDbContext.Module);

    /// <summary>A context outside dependency injection (CLI, tests).</summary>
    public static ProgrammeDbContext Open(DatabaseOptions db, ICurrentUserName? user = null) =>
        db.OpenModuleContext<ProgrammeDbContext, SqliteProgrammeDbContext, PostgresProgrammeDbContext>(ProgrammeDbContext.Module, o => new SqliteProgrammeDbContext(o, user), o => new PostgresProgrammeDbContext(o, user));
}

public sealed class SqliteProgrammeDesignFactory : IDesignTimeDbContextFactory<SqliteProgrammeDbContext>
{
    public SqliteProgrammeDbContext CreateDbContext(string[] args) => (SqliteProgrammeDbContext)ProgrammeStorage.Open(DesignTime.Sqlite);
}

public sealed class PostgresProgrammeDesignFactory : IDesignTimeDbContextFactory<PostgresProgrammeDbContext>
{
    public PostgresProgrammeDbContext CreateDbContext(string[] args) => (PostgresProgrammeDbContext)ProgrammeStorage.Open(DesignTime.Postgres);
}

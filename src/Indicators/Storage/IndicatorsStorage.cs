using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Storage;

namespace Tilannekuva.Indicators.Storage;

public static class IndicatorsStorage
{
    /// <summary>Registers <see cref="IndicatorsDbContext"/> backed by the provider-specific subclass.</summary>
    public static IServiceCollection AddIndicatorsStorage(this IServiceCollection services, DatabaseOptions db) =>
        services.AddModuleContext<IndicatorsDbContext, SqliteIndicatorsDbContext, PostgresIndicatorsDbContext>(db, IndicatorsDbContext.Module);

    /// <summary>Storage plus <see cref="IndicatorsService"/> (scoped) and the ingest settings.</summary>
    public static IServiceCollection AddIndicators(this IServiceCollection services, DatabaseOptions db, IngestSettings? settings = null)
    {
        services.AddIndicatorsStorage(db);
        services.AddSingleton(settings ?? new IngestSettings());
        services.AddScoped<IndicatorsService>();
        services.AddScoped<Quality.QualityReport>();
        return services;
    }

    /// <summary>A context outside dependency injection (CLI, tests).</summary>
    public static IndicatorsDbContext Open(DatabaseOptions db) =>
        db.OpenModuleContext<IndicatorsDbContext, SqliteIndicatorsDbContext, PostgresIndicatorsDbContext>(IndicatorsDbContext.Module, o => new SqliteIndicatorsDbContext(o), o => new PostgresIndicatorsDbContext(o));

    /// <summary>Opens a context and applies the module's pending migrations.</summary>
    public static async Task<IndicatorsDbContext> OpenMigratedAsync(DatabaseOptions db, CancellationToken ct = default)
    {
        var context = Open(db);
        await MigrateAsync(context, db, ct);
        return context;
    }

    /// <summary>The module's migrations, then on Citus the tables' distribution (<see cref="CitusLayout"/>).</summary>
    public static async Task MigrateAsync(IndicatorsDbContext context, DatabaseOptions db, CancellationToken ct = default)
    {
        await ModuleMigrator.MigrateAsync(context, ct);
        if (db.Provider == DatabaseProvider.Citus) await CitusLayout.ApplyAsync(context, ct);
    }
}

public sealed class SqliteIndicatorsDesignFactory : IDesignTimeDbContextFactory<SqliteIndicatorsDbContext>
{
    public SqliteIndicatorsDbContext CreateDbContext(string[] args) => (SqliteIndicatorsDbContext)IndicatorsStorage.Open(DesignTime.Sqlite);
}

public sealed class PostgresIndicatorsDesignFactory : IDesignTimeDbContextFactory<PostgresIndicatorsDbContext>
{
    public PostgresIndicatorsDbContext CreateDbContext(string[] args) => (PostgresIndicatorsDbContext)IndicatorsStorage.Open(DesignTime.Postgres);
}

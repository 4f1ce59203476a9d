using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Storage;

namespace Tilannekuva.ServiceTray.Storage;

/// <summary>
/// The ServiceTray module's tables. Not an audited context: catalogue imports keep their own dated
/// change log (<see cref="TrayChange"/>), written in the import's transaction.
/// </summary>
public abstract class ServiceTrayDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "servicetray";

    public DbSet<TrayEntry> Entries => Set<TrayEntry>();
    public DbSet<TrayChange> Changes => Set<TrayChange>();
    public DbSet<TrayImport> Imports => Set<TrayImport>();
    public DbSet<Referrals.TrayReferral> Referrals => Set<Referrals.TrayReferral>();
    public DbSet<Referrals.TrayReferralService> ReferralServices => Set<Referrals.TrayReferralService>();
    public DbSet<Collections.TrayCollection> Collections => Set<Collections.TrayCollection>();
    public DbSet<Usage.TrayUsageDay> UsageDays => Set<Usage.TrayUsageDay>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<TrayEntry>(e =>
        {
            e.ToTable("tray_entry");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Source).HasMaxLength(40);
            e.Property(x => x.SourceId).HasMaxLength(100);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => new { x.Source, x.Kind, x.SourceId }).IsUnique();
            e.HasIndex(x => new { x.Kind, x.Status });
        });
        b.Entity<TrayChange>(e =>
        {
            e.ToTable("tray_change");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Change).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Source).HasMaxLength(40);
            e.Property(x => x.SourceId).HasMaxLength(100);
            e.HasIndex(x => x.ImportId);
            e.HasIndex(x => new { x.Source, x.Kind, x.SourceId });
        });
        b.Entity<TrayImport>(e =>
        {
            e.ToTable("tray_import");
            e.Property(x => x.Source).HasMaxLength(40);
            e.Property(x => x.Origin).HasMaxLength(1000);
        });
        b.Entity<Referrals.TrayReferral>(e =>
        {
            e.ToTable("tray_referral");
            e.Property(x => x.Code).HasMaxLength(8);
            e.Property(x => x.Unit).HasMaxLength(100);
            e.Property(x => x.TargetGroup).HasMaxLength(40);
            e.Property(x => x.Language).HasMaxLength(2);
            e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
            e.HasIndex(x => x.Code).IsUnique();
            e.HasIndex(x => x.CreatedAt);
            e.HasMany(x => x.Services).WithOne().HasForeignKey(x => x.ReferralId);
        });
        b.Entity<Referrals.TrayReferralService>(e =>
        {
            e.ToTable("tray_referral_service");
            e.HasIndex(x => new { x.ReferralId, x.ServiceId }).IsUnique();
            e.HasIndex(x => x.ServiceId);
        });
        b.Entity<Collections.TrayCollection>(e =>
        {
            e.ToTable("tray_collection");
            e.Property(x => x.Slug).HasMaxLength(80);
            foreach (var name in new[] { "NameFi", "NameSv", "NameEn" }) e.Property(name).HasMaxLength(200);
            foreach (var name in new[] { "DescriptionFi", "DescriptionSv", "DescriptionEn" }) e.Property(name).HasMaxLength(2000);
            e.Property(x => x.ChangedBy).HasMaxLength(100);
            e.Property(x => x.ServiceIds).HasConversion(
                v => string.Join(',', v),
                v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => long.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<long>>((a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToList()));
            e.HasIndex(x => x.Slug).IsUnique();
        });
        b.Entity<Usage.TrayUsageDay>(e =>
        {
            e.ToTable("tray_usage_day");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Key).HasMaxLength(200);
            e.HasIndex(x => new { x.Day, x.Kind, x.Key }).IsUnique();
        });
    }
}

public sealed class SqliteServiceTrayDbContext(DbContextOptions<SqliteServiceTrayDbContext> options) : ServiceTrayDbContext(options);

public sealed class PostgresServiceTrayDbContext(DbContextOptions<PostgresServiceTrayDbContext> options) : ServiceTrayDbContext(options);

public static class ServiceTrayStorage
{
    public static IServiceCollection AddServiceTrayStorage(this IServiceCollection services, DatabaseOptions db) =>
        services.AddModuleContext<ServiceTrayDbContext, SqliteServiceTrayDbContext, PostgresServiceTrayDbContext>(db, ServiceTrayDbContext.Module);

    /// <summary>A context outside dependency injection (CLI, tests).</summary>
    public static ServiceTrayDbContext Open(DatabaseOptions db) =>
        db.OpenModuleContext<ServiceTrayDbContext, SqliteServiceTrayDbContext, PostgresServiceTrayDbContext>(ServiceTrayDbContext.Module,
            o => new SqliteServiceTrayDbContext(o), o => new PostgresServiceTrayDbContext(o));
}

public sealed class SqliteServiceTrayDesignFactory : IDesignTimeDbContextFactory<SqliteServiceTrayDbContext>
{
    public SqliteServiceTrayDbContext CreateDbContext(string[] args) => (SqliteServiceTrayDbContext)ServiceTrayStorage.Open(DesignTime.Sqlite);
}

public sealed class PostgresServiceTrayDesignFactory : IDesignTimeDbContextFactory<PostgresServiceTrayDbContext>
{
    public PostgresServiceTrayDbContext CreateDbContext(string[] args) => (PostgresServiceTrayDbContext)ServiceTrayStorage.Open(DesignTime.Postgres);
}

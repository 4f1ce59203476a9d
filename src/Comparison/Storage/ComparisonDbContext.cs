using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Storage;

namespace Tilannekuva.Comparison.Storage;

/// <summary>A county whose signed export the comparison instance holds: what it said about itself and which file it came from.</summary>
public sealed class ComparedCounty
{
    /// <summary>The id the county signs under (its trusted key's file name).</summary>
    public required string Id { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset ExportedAt { get; set; }
    /// <summary>The county's newest event, Finnish wall-clock time.</summary>
    public DateTime? LatestEvent { get; set; }
    public DateTimeOffset? LastImport { get; set; }
    public int MinimumCellSize { get; set; }
    /// <summary>SHA-256 of the export's canonical content: the same export again changes nothing.</summary>
    public required string ContentSha256 { get; set; }
    public required string KeyFingerprint { get; set; }
    public required string FileName { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public int Cells { get; set; }
}

/// <summary>One aggregated value of a county (see <see cref="Export.ExportCell"/>); suppressed cells have no value and no n.</summary>
public sealed class ComparisonCell
{
    public long Id { get; set; }
    public required string CountyId { get; set; }
    public required string IndicatorCode { get; set; }
    public required string PeriodType { get; set; }
    public required string PeriodCode { get; set; }
    public required string Level { get; set; }
    public required string UnitId { get; set; }
    public required string UnitName { get; set; }
    public double? Value { get; set; }
    public long? N { get; set; }
    public bool Suppressed { get; set; }
}

/// <summary>The comparison's audit log: every new or replaced county export (who, when, before, after as JSON).</summary>
public sealed class ComparisonAuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserName { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string Change { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

/// <summary>
/// The Comparison module's tables on the national comparison instance: the counties, their cells and the audit log.
/// A county row's change (a newer export) is audited; the cells are replaced with it in the same transaction but not
/// audited one by one (the row names the file and content hash they came from).
/// </summary>
public abstract class ComparisonDbContext(DbContextOptions options, ICurrentUserName? user) : AuditedDbContext(options, user)
{
    public const string Module = "comparison";

    public DbSet<ComparedCounty> Counties => Set<ComparedCounty>();
    public DbSet<ComparisonCell> Cells => Set<ComparisonCell>();
    public DbSet<ComparisonAuditEntry> AuditEntries => Set<ComparisonAuditEntry>();

    protected override bool IsAudited(Type entityType) => entityType == typeof(ComparedCounty);

    protected override void AddAuditRow(AuditedChange c) => AuditEntries.Add(new ComparisonAuditEntry
    {
        At = c.At, UserName = c.UserName, EntityType = c.EntityType, EntityId = c.EntityId, Change = c.Change, Before = c.Before, After = c.After,
    });

    protected override void OnModelCreating(ModelBuilder b)
    {
        var sqlite = Database.IsSqlite();
        b.Entity<ComparedCounty>(e =>
        {
            e.ToTable("comparison_county");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(40);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.ContentSha256).HasMaxLength(64);
            e.Property(x => x.KeyFingerprint).HasMaxLength(80);
            e.Property(x => x.FileName).HasMaxLength(400);
            if (Database.IsNpgsql()) e.Property(x => x.LatestEvent).HasColumnType("timestamp without time zone");
            if (sqlite)
            {
                e.Property(x => x.ExportedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
                e.Property(x => x.ImportedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
                e.Property(x => x.LastImport).HasConversion(v => v.HasValue ? v.Value.UtcTicks : (long?)null, v => v.HasValue ? new DateTimeOffset(v.Value, TimeSpan.Zero) : null);
            }
        });
        b.Entity<ComparisonCell>(e =>
        {
            e.ToTable("comparison_cell");
            e.Property(x => x.CountyId).HasMaxLength(40);
            e.Property(x => x.IndicatorCode).HasMaxLength(100);
            e.Property(x => x.PeriodType).HasMaxLength(10);
            e.Property(x => x.PeriodCode).HasMaxLength(10);
            e.Property(x => x.Level).HasMaxLength(10);
            e.Property(x => x.UnitId).HasMaxLength(100);
            e.Property(x => x.UnitName).HasMaxLength(200);
            e.HasIndex(x => new { x.IndicatorCode, x.PeriodType, x.PeriodCode });
            e.HasIndex(x => x.CountyId);
        });
        b.Entity<ComparisonAuditEntry>(e =>
        {
            e.ToTable("comparison_audit");
            e.Property(x => x.UserName).HasMaxLength(100);
            e.Property(x => x.EntityType).HasMaxLength(100);
            e.Property(x => x.EntityId).HasMaxLength(100);
            e.Property(x => x.Change).HasMaxLength(20);
            if (sqlite) e.Property(x => x.At).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
    }
}

public sealed class SqliteComparisonDbContext(DbContextOptions<SqliteComparisonDbContext> options, ICurrentUserName? user = null) : ComparisonDbContext(options, user);

public sealed class PostgresComparisonDbContext(DbContextOptions<PostgresComparisonDbContext> options, ICurrentUserName? user = null) : ComparisonDbContext(options, user);

public static class ComparisonStorage
{
    public static IServiceCollection AddComparisonStorage(this IServiceCollection services, DatabaseOptions db) =>
        services.AddModuleContext<ComparisonDbContext, SqliteComparisonDbContext, PostgresComparisonDbContext>(db, ComparisonDbContext.Module);

    /// <summary>A context outside dependency injection (CLI, tests).</summary>
    public static ComparisonDbContext Open(DatabaseOptions db, ICurrentUserName? user = null) =>
        db.OpenModuleContext<ComparisonDbContext, SqliteComparisonDbContext, PostgresComparisonDbContext>(ComparisonDbContext.Module,
            o => new SqliteComparisonDbContext(o, user), o => new PostgresComparisonDbContext(o, user));
}

public sealed class SqliteComparisonDesignFactory : IDesignTimeDbContextFactory<SqliteComparisonDbContext>
{
    public SqliteComparisonDbContext CreateDbContext(string[] args) => (SqliteComparisonDbContext)ComparisonStorage.Open(DesignTime.Sqlite);
}

public sealed class PostgresComparisonDesignFactory : IDesignTimeDbContextFactory<PostgresComparisonDbContext>
{
    public PostgresComparisonDbContext CreateDbContext(string[] args) => (PostgresComparisonDbContext)ComparisonStorage.Open(DesignTime.Postgres);
}

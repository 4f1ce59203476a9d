using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.ContactSampling.Domain;
using Tilannekuva.Storage;

namespace Tilannekuva.ContactSampling.Storage;

/// <summary>The ContactSampling module's tables: periods, sampled contacts and their chained audit log (every change audited).</summary>
public abstract class ContactSamplingDbContext(DbContextOptions options, ICurrentUserName? user) : AuditedDbContext(options, user)
{
    public const string Module = "contactsampling";
    public const string AuditTable = "sampling_audit";

    public DbSet<SamplingPeriod> Periods => Set<SamplingPeriod>();
    public DbSet<SampledContact> Contacts => Set<SampledContact>();
    public DbSet<SamplingAuditEntry> AuditEntries => Set<SamplingAuditEntry>();

    protected override bool IsAudited(Type entityType) => entityType != typeof(SamplingAuditEntry);

    protected override string? AuditChainTable => AuditTable;

    protected override Task<bool> SealAuditChainAsync(IEnumerable<IChainedAuditRow> inserted, CancellationToken ct) => AuditChain.SealAsync<SamplingAuditEntry>(this, inserted, ct);

    protected override void AddAuditRow(AuditedChange c) => AuditEntries.Add(new SamplingAuditEntry
    {
        At = c.At, UserName = c.UserName, EntityType = c.EntityType, EntityId = c.EntityId, Change = c.Change, Before = c.Before, After = c.After,
    });

    protected override void OnModelCreating(ModelBuilder b)
    {
        var sqlite = Database.IsSqlite();
        b.Entity<SamplingPeriod>(e =>
        {
            e.ToTable("sampling_period");
            e.Property(x => x.UnitId).HasMaxLength(100);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(10);
            e.HasIndex(x => x.UnitId);
            if (sqlite)
            {
                e.Property(x => x.CreatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
                e.Property(x => x.ClosedAt).HasConversion(v => v.HasValue ? v.Value.UtcTicks : (long?)null, v => v.HasValue ? new DateTimeOffset(v.Value, TimeSpan.Zero) : null);
            }
        });
        b.Entity<SampledContact>(e =>
        {
            e.ToTable("sampled_contact");
            e.Property(x => x.Channel).HasConversion(new ValueConverter<SamplingChannel, string>(v => SamplingCodes.Of(v), s => ParseChannel(s))).HasMaxLength(20);
            e.Property(x => x.Demand).HasConversion(new ValueConverter<Demand, string>(v => SamplingCodes.Of(v), s => s == "failure" ? Demand.Failure : Demand.Value)).HasMaxLength(10);
            e.Property(x => x.FailureKind).HasConversion(new ValueConverter<FailureKind, string>(v => SamplingCodes.Of(v), s => ParseKind(s))).HasMaxLength(30);
            e.Property(x => x.Reason).HasMaxLength(40);
            // Finnish wall-clock time without offset, as the indicators' events: timestamp without time zone in PostgreSQL.
            if (Database.IsNpgsql()) e.Property(x => x.RecordedAt).HasColumnType("timestamp without time zone");
            e.HasIndex(x => x.ClientId).IsUnique();
            e.HasIndex(x => x.PeriodId);
            e.HasOne<SamplingPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SamplingAuditEntry>(e =>
        {
            e.ToTable(AuditTable);
            e.Property(x => x.UserName).HasMaxLength(100);
            e.Property(x => x.EntityType).HasMaxLength(100);
            e.Property(x => x.EntityId).HasMaxLength(100);
            e.Property(x => x.Change).HasMaxLength(20);
            if (sqlite) e.Property(x => x.At).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
    }

    private static SamplingChannel ParseChannel(string s) => SamplingCodes.TryChannel(s, out var c) ? c : SamplingChannel.Other;
    private static FailureKind ParseKind(string s) => SamplingCodes.TryFailureKind(s, out var k) ? k : FailureKind.Other;
}

public sealed class SqliteContactSamplingDbContext(DbContextOptions<SqliteContactSamplingDbContext> options, ICurrentUserName? user = null) : ContactSamplingDbContext(options, user);

public sealed class PostgresContactSamplingDbContext(DbContextOptions<PostgresContactSamplingDbContext> options, ICurrentUserName? user = null) : ContactSamplingDbContext(options, user);

public static class ContactSamplingStorage
{
    public static IServiceCollection AddContactSamplingStorage(this IServiceCollection services, DatabaseOptions db) =>
        services.AddModuleContext<ContactSamplingDbContext, SqliteContactSamplingDbContext, PostgresContactSamplingDbContext>(db, ContactSamplingDbContext.Module);

    /// <summary>A context outside dependency injection (CLI, tests).</summary>
    public static ContactSamplingDbContext Open(DatabaseOptions db, ICurrentUserName? user = null) =>
        db.OpenModuleContext<ContactSamplingDbContext, SqliteContactSamplingDbContext, PostgresContactSamplingDbContext>(ContactSamplingDbContext.Module,
            o => new SqliteContactSamplingDbContext(o, user), o => new PostgresContactSamplingDbContext(o, user));
}

public sealed class SqliteContactSamplingDesignFactory : IDesignTimeDbContextFactory<SqliteContactSamplingDbContext>
{
    public SqliteContactSamplingDbContext CreateDbContext(string[] args) => (SqliteContactSamplingDbContext)ContactSamplingStorage.Open(DesignTime.Sqlite);
}

public sealed class PostgresContactSamplingDesignFactory : IDesignTimeDbContextFactory<PostgresContactSamplingDbContext>
{
    public PostgresContactSamplingDbContext CreateDbContext(string[] args) => (PostgresContactSamplingDbContext)ContactSamplingStorage.Open(DesignTime.Postgres);
}

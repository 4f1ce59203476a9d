using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.SocialWork.Domain;
using Tilannekuva.Storage;

namespace Tilannekuva.SocialWork.Storage;

/// <summary>The SocialWork module's tables: observations and their audit log. Every change is audited with the user.</summary>
public abstract class SocialWorkDbContext(DbContextOptions options, ICurrentUserName? user) : AuditedDbContext(options, user)
{
    public const string Module = "socialwork";
    public const string AuditTable = "sw_audit";

    public DbSet<Observation> Observations => Set<Observation>();
    public DbSet<SocialWorkAuditEntry> AuditEntries => Set<SocialWorkAuditEntry>();

    protected override bool IsAudited(Type entityType) => entityType != typeof(SocialWorkAuditEntry);

    protected override string? AuditChainTable => AuditTable;

    protected override Task<bool> SealAuditChainAsync(IEnumerable<IChainedAuditRow> inserted, CancellationToken ct) =>
        AuditChain.SealAsync<SocialWorkAuditEntry>(this, inserted, ct);

    protected override void AddAuditRow(AuditedChange c) => AuditEntries.Add(new SocialWorkAuditEntry
    {
        At = c.At, UserName = c.UserName, EntityType = c.EntityType, EntityId = c.EntityId, Change = c.Change, Before = c.Before, After = c.After,
    });

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Observation>(e =>
        {
            e.ToTable("sw_observation");
            e.Property(x => x.Category).HasMaxLength(20);
            e.Property(x => x.Area).HasMaxLength(20);
            e.Property(x => x.ClientGroup).HasMaxLength(20);
            e.Property(x => x.Description).HasMaxLength(4000);
            e.Property(x => x.ProposedAction).HasMaxLength(2000);
            e.Property(x => x.FollowUp).HasConversion<string>().HasMaxLength(12);
            e.Property(x => x.FollowUpNote).HasMaxLength(2000);
            e.Property(x => x.RecordedBy).HasMaxLength(100);
            e.HasIndex(x => x.ObservedOn);
            if (Database.IsSqlite()) e.Property(x => x.RecordedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
        b.Entity<SocialWorkAuditEntry>(e =>
        {
            e.ToTable(AuditTable);
            e.Property(x => x.UserName).HasMaxLength(100);
            e.Property(x => x.EntityType).HasMaxLength(100);
            e.Property(x => x.EntityId).HasMaxLength(100);
            e.Property(x => x.Change).HasMaxLength(20);
            if (Database.IsSqlite()) e.Property(x => x.At).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
    }
}

public sealed class SqliteSocialWorkDbContext(DbContextOptions<SqliteSocialWorkDbContext> options, ICurrentUserName? user = null) : SocialWorkDbContext(options, user);

public sealed class PostgresSocialWorkDbContext(DbContextOptions<PostgresSocialWorkDbContext> options, ICurrentUserName? user = null) : SocialWorkDbContext(options, user);

public static class SocialWorkStorage
{
    public static IServiceCollection AddSocialWorkStorage(this IServiceCollection services, DatabaseOptions db) =>
        services.AddModuleContext<SocialWorkDbContext, SqliteSocialWorkDbContext, PostgresSocialWorkDbContext>(db, SocialWorkDbContext.Module);

    /// <summary>A context outside dependency injection (CLI, tests).</summary>
    public static SocialWorkDbContext Open(DatabaseOptions db, ICurrentUserName? user = null) =>
        db.OpenModuleContext<SocialWorkDbContext, SqliteSocialWorkDbContext, PostgresSocialWorkDbContext>(SocialWorkDbContext.Module,
            o => new SqliteSocialWorkDbContext(o, user), o => new PostgresSocialWorkDbContext(o, user));
}

public sealed class SqliteSocialWorkDesignFactory : IDesignTimeDbContextFactory<SqliteSocialWorkDbContext>
{
    public SqliteSocialWorkDbContext CreateDbContext(string[] args) => (SqliteSocialWorkDbContext)SocialWorkStorage.Open(DesignTime.Sqlite);
}

public sealed class PostgresSocialWorkDesignFactory : IDesignTimeDbContextFactory<PostgresSocialWorkDbContext>
{
    public PostgresSocialWorkDbContext CreateDbContext(string[] args) => (PostgresSocialWorkDbContext)SocialWorkStorage.Open(DesignTime.Postgres);
}

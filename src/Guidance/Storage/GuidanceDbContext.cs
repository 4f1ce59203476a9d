using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Guidance.Domain;
using Tilannekuva.Storage;

namespace Tilannekuva.Guidance.Storage;

/// <summary>The Guidance module's tables. Access to transcripts and changes are written to <see cref="GuidanceAudit"/> by the services.</summary>
public abstract class GuidanceDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "guidance";
    public const string AuditTable = "guidance_audit";

    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> Members => Set<TeamMember>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ChatMessage> Messages => Set<ChatMessage>();
    public DbSet<CallbackRequest> Callbacks => Set<CallbackRequest>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleVersion> ArticleVersions => Set<ArticleVersion>();
    public DbSet<GuidanceAudit> Audit => Set<GuidanceAudit>();
    public DbSet<DailyFigure> DailyFigures => Set<DailyFigure>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess) => SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves; when audit rows are among the changes they are chained (<see cref="AuditChain"/>: hashed onto the row before, in
    /// the same transaction) so `audit verify` and the forwarder see the guidance audit like the other modules' (messages alone
    /// take the plain path).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!AuditChain.HasNewRows(this)) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await AuditChain.LockAsync(this, AuditTable, cancellationToken);
            var inserted = AuditChain.NewRows(this);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (await AuditChain.SealAsync<GuidanceAudit>(this, inserted, cancellationToken)) await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Team>(e =>
        {
            e.ToTable("guidance_team");
            e.Property(x => x.Code).HasMaxLength(40);
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.NameFi).HasMaxLength(200);
            e.Property(x => x.NameSv).HasMaxLength(200);
            e.Property(x => x.NameEn).HasMaxLength(200);
            e.Property(x => x.OpenDays).HasMaxLength(7);
            e.Property(x => x.UnitId).HasMaxLength(100);
            e.Property(x => x.FeedbackServicePoint).HasMaxLength(40);
            e.Property(x => x.FeedbackService).HasMaxLength(40);
        });
        b.Entity<TeamMember>(e =>
        {
            e.ToTable("guidance_team_member");
            e.Property(x => x.UserName).HasMaxLength(100);
            e.HasIndex(x => new { x.TeamId, x.UserName }).IsUnique();
            e.HasIndex(x => x.UserName);
        });
        b.Entity<Conversation>(e =>
        {
            e.ToTable("guidance_conversation");
            e.Property(x => x.Language).HasMaxLength(2);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Resolution).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Advisor).HasMaxLength(100);
            e.Property(x => x.Consultant).HasMaxLength(100);
            e.HasMany(x => x.Messages).WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.TeamId, x.State });
            e.HasIndex(x => x.StartedAt);
        });
        b.Entity<ChatMessage>(e =>
        {
            e.ToTable("guidance_message");
            e.Property(x => x.Sender).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Author).HasMaxLength(100);
            e.Property(x => x.Text).HasMaxLength(4000);
            e.HasIndex(x => new { x.ConversationId, x.Id });
        });
        b.Entity<CallbackRequest>(e =>
        {
            e.ToTable("guidance_callback");
            e.Property(x => x.Phone).HasMaxLength(40);
            e.HasIndex(x => x.ConversationId);
        });
        b.Entity<Article>(e =>
        {
            e.ToTable("guidance_article");
            e.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ArticleVersion>(e =>
        {
            e.ToTable("guidance_article_version");
            e.Property(x => x.Language).HasMaxLength(2);
            e.Property(x => x.Question).HasMaxLength(1000);
            e.Property(x => x.Answer).HasMaxLength(4000);
            e.Property(x => x.SourceUrl).HasMaxLength(1000);
            e.Property(x => x.CreatedBy).HasMaxLength(100);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Keywords).HasMaxLength(1000);
            e.Property(x => x.EServiceUrl).HasMaxLength(1000);
            e.HasIndex(x => new { x.ArticleId, x.Language, x.Version }).IsUnique();
        });
        b.Entity<GuidanceAudit>(e =>
        {
            e.ToTable(AuditTable);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.UserName).HasMaxLength(100);
            e.Property(x => x.Action).HasMaxLength(40);
            e.Property(x => x.Detail).HasMaxLength(1000);
            e.HasIndex(x => x.ConversationId);
        });
        b.Entity<DailyFigure>(e =>
        {
            e.ToTable("guidance_daily_figure");
            e.HasIndex(x => new { x.Day, x.Hour, x.TeamId }).IsUnique();
        });
    }
}

/// <summary>SQLite cannot compare or order DateTimeOffset: times are stored as UTC Unix milliseconds there.</summary>
public sealed class SqliteGuidanceDbContext(DbContextOptions<SqliteGuidanceDbContext> options) : GuidanceDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder b) =>
        b.Properties<DateTimeOffset>().HaveConversion<UnixMillis>();

    private sealed class UnixMillis() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
        v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
}

public sealed class PostgresGuidanceDbContext(DbContextOptions<PostgresGuidanceDbContext> options) : GuidanceDbContext(options);

public static class GuidanceStorage
{
    public static IServiceCollection AddGuidanceStorage(this IServiceCollection services, DatabaseOptions db) =>
        services.AddModuleContext<GuidanceDbContext, SqliteGuidanceDbContext, PostgresGuidanceDbContext>(db, GuidanceDbContext.Module);

    /// <summary>A context outside dependency injection (CLI, tests).</summary>
    public static GuidanceDbContext Open(DatabaseOptions db) =>
        db.OpenModuleContext<GuidanceDbContext, SqliteGuidanceDbContext, PostgresGuidanceDbContext>(GuidanceDbContext.Module,
            o => new SqliteGuidanceDbContext(o), o => new PostgresGuidanceDbContext(o));
}

public sealed class SqliteGuidanceDesignFactory : IDesignTimeDbContextFactory<SqliteGuidanceDbContext>
{
    public SqliteGuidanceDbContext CreateDbContext(string[] args) => (SqliteGuidanceDbContext)GuidanceStorage.Open(DesignTime.Sqlite);
}

public sealed class PostgresGuidanceDesignFactory : IDesignTimeDbContextFactory<PostgresGuidanceDbContext>
{
    public PostgresGuidanceDbContext CreateDbContext(string[] args) => (PostgresGuidanceDbContext)GuidanceStorage.Open(DesignTime.Postgres);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Boards.Domain;
using Tilannekuva.Storage;

namespace Tilannekuva.Boards.Storage;

/// <summary>The Boards module's tables: boards and their audit log. Every change is audited like programme data.</summary>
public abstract class BoardsDbContext(DbContextOptions options, ICurrentUserName? user) : AuditedDbContext(options, user)
{
    public const string Module = "boards";

    public DbSet<Board> Boards => Set<Board>();
    public DbSet<BoardAuditEntry> AuditEntries => Set<BoardAuditEntry>();

    protected override bool IsAudited(Type entityType) => entityType != typeof(BoardAuditEntry);

    public const string AuditTable = "board_audit";

    protected override string? AuditChainTable => AuditTable;

    protected override Task<bool> SealAuditChainAsync(IEnumerable<IChainedAuditRow> inserted, CancellationToken ct) => AuditChain.SealAsync<BoardAuditEntry>(this, inserted, ct);

    protected override void AddAuditRow(AuditedChange c) => AuditEntries.Add(new BoardAuditEntry
    {
        At = c.At, UserName = c.UserName, EntityType = c.EntityType, EntityId = c.EntityId, Change = c.Change, Before = c.Before, After = c.After,
    });

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Board>(e =>
        {
            e.ToTable("board");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Theme).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.HasIndex(x => x.TokenHash);
            if (Database.IsSqlite()) e.Property(x => x.TokenIssuedAt).HasConversion(v => v.HasValue ? v.Value.UtcTicks : (long?)null, v => v.HasValue ? new DateTimeOffset(v.Value, TimeSpan.Zero) : null);
        });
        b.Entity<BoardAuditEntry>(e =>
        {
            e.ToTable("board_audit");
            e.Property(x => x.UserName).HasMaxLength(100);
            e.Property(x => x.EntityType).HasMaxLength(100);
            e.Property(x => x.EntityId).HasMaxLength(100);
            e.Property(x => x.Change).HasMaxLength(20);
            if (Database.IsSqlite()) e.Property(x => x.At).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
    }
}

public sealed class SqliteBoardsDbContext(DbContextOptions<SqliteBoardsDbContext> options, ICurrentUserName? user = null) : BoardsDbContext(options, user);

public sealed class PostgresBoardsDbContext(DbContextOptions<PostgresBoardsDbContext> options, ICurrentUserName? user = null) : BoardsDbContext(options, user);

public static class BoardsStorage
{
    public static IServiceCollection AddBoardsStorage(this IServiceCollection services, DatabaseOptions db) =>
        services.AddModuleContext<BoardsDbContext, SqliteBoardsDbContext, PostgresBoardsDbContext>(db, BoardsDbContext.Module);

    /// <summary>A context outside dependency injection (CLI, tests).</summary>
    public static BoardsDbContext Open(DatabaseOptions db, ICurrentUserName? user = null) =>
        db.OpenModuleContext<BoardsDbContext, SqliteBoardsDbContext, PostgresBoardsDbContext>(BoardsDbContext.Module,
            o => new SqliteBoardsDbContext(o, user), o => new PostgresBoardsDbContext(o, user));
}

public sealed class SqliteBoardsDesignFactory : IDesignTimeDbContextFactory<SqliteBoardsDbContext>
{
    public SqliteBoardsDbContext CreateDbContext(string[] args) => (SqliteBoardsDbContext)BoardsStorage.Open(DesignTime.Sqlite);
}

public sealed class PostgresBoardsDesignFactory : IDesignTimeDbContextFactory<PostgresBoardsDbContext>
{
    public PostgresBoardsDbContext CreateDbContext(string[] args) => (PostgresBoardsDbContext)BoardsStorage.Open(DesignTime.Postgres);
}

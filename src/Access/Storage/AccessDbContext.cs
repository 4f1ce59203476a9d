using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Storage;

namespace Tilannekuva.Access.Storage;

public abstract class AccessDbContext(DbContextOptions options) : DbContext(options)
{
    public const string AuditTable = "account_audit";

    /// <summary>Account audit rows are hash-chained in the transaction that writes them (<see cref="AuditChain"/>).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!AuditChain.HasNewRows(this)) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await AuditChain.LockAsync(this, AuditTable, cancellationToken);
            var inserted = AuditChain.NewRows(this);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (await AuditChain.SealAsync<AccountAuditEntry>(this, inserted, cancellationToken)) await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) => SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public const string Module = "access";

    public DbSet<UserAccount> Users => Set<UserAccount>();
    public DbSet<AccountAuditEntry> AuditEntries => Set<AccountAuditEntry>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<UserAccount>(e =>
        {
            e.ToTable("user_account");
            e.HasIndex(u => u.UserName).IsUnique();
            e.HasIndex(u => u.ApiTokenHash);
            e.Property(u => u.UserName).HasMaxLength(100);
            e.Property(u => u.Role).HasConversion<string>().HasMaxLength(20);
            e.Property(u => u.SecurityStamp).HasMaxLength(64);
            e.Property(u => u.ExternalSubject).HasMaxLength(200);
            // Unique where set (both providers allow many NULLs in a unique index).
            e.HasIndex(u => u.ExternalSubject).IsUnique();
            e.Ignore(u => u.IsExternal);
            if (Database.IsSqlite()) e.Property(u => u.CreatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
        b.Entity<AccountAuditEntry>(e =>
        {
            e.ToTable("account_audit");
            e.Property(x => x.Actor).HasMaxLength(100);
            e.Property(x => x.Account).HasMaxLength(100);
            e.Property(x => x.Action).HasMaxLength(40);
            e.Property(x => x.Detail).HasMaxLength(1000);
            e.HasIndex(x => x.At);
            if (Database.IsSqlite()) e.Property(x => x.At).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
    }
}

public sealed class SqliteAccessDbContext(DbContextOptions<SqliteAccessDbContext> options) : AccessDbContext(options);

public sealed class PostgresAccessDbContext(DbContextOptions<PostgresAccessDbContext> options) : AccessDbContext(options);

public static class AccessStorage
{
    public static IServiceCollection AddAccessStorage(this IServiceCollection services, DatabaseOptions db) =>
        services.AddModuleContext<AccessDbContext, SqliteAccessDbContext, PostgresAccessDbContext>(db, AccessDbContext.Module);

    public static AccessDbContext Open(DatabaseOptions db) =>
        db.OpenModuleContext<AccessDbContext, SqliteAccessDbContext, PostgresAccessDbContext>(AccessDbContext.Module, o => new SqliteAccessDbContext(o), o => new PostgresAccessDbContext(o));

    /// <summary>
    /// A context on another module's open connection and transaction, so an account-log row is written in the same
    /// transaction as that module's change (service points). The caller commits or rolls back; disposing leaves the
    /// connection open.
    /// </summary>
    public static async Task<AccessDbContext> EnlistAsync(DatabaseOptions db, System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, CancellationToken ct = default)
    {
        AccessDbContext context;
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            var b = new DbContextOptionsBuilder<SqliteAccessDbContext>();
            db.Apply(b, AccessDbContext.Module, connection);
            context = new SqliteAccessDbContext(b.Options);
        }
        else
        {
            var b = new DbContextOptionsBuilder<PostgresAccessDbContext>();
            db.Apply(b, AccessDbContext.Module, connection);
            context = new PostgresAccessDbContext(b.Options);
        }
        await context.Database.UseTransactionAsync(transaction, ct);
        return context;
    }
}

public sealed class SqliteAccessDesignFactory : IDesignTimeDbContextFactory<SqliteAccessDbContext>
{
    public SqliteAccessDbContext CreateDbContext(string[] args) => (SqliteAccessDbContext)AccessStorage.Open(DesignTime.Sqlite);
}

public sealed class PostgresAccessDesignFactory : IDesignTimeDbContextFactory<PostgresAccessDbContext>
{
    public PostgresAccessDbContext CreateDbContext(string[] args) => (PostgresAccessDbContext)AccessStorage.Open(DesignTime.Postgres);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Storage;

namespace Tilannekuva.Programme.Storage;

/// <summary>
/// The Programme module's tables. Provider-specific subclasses exist only so that SQLite and
/// PostgreSQL each get their own migrations; code depends on this type.
/// </summary>
public abstract class ProgrammeDbContext(DbContextOptions options, ICurrentUserName? user) : AuditedDbContext(options, user)
{
    public const string Module = "programme";

    public DbSet<DevelopmentProgramme> Programmes => Set<DevelopmentProgramme>();
    public DbSet<Pillar> Pillars => Set<Pillar>();
    public DbSet<Investment> Investments => Set<Investment>();
    public DbSet<WorkPackage> WorkPackages => Set<WorkPackage>();
    public DbSet<WorkPackageAssignment> Assignments => Set<WorkPackageAssignment>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<WorkAction> Actions => Set<WorkAction>();
    public DbSet<ActionStatusEntry> ActionStatuses => Set<ActionStatusEntry>();
    public DbSet<Output> Outputs => Set<Output>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<ProcurementLine> ProcurementLines => Set<ProcurementLine>();
    public DbSet<Metric> Metrics => Set<Metric>();
    public DbSet<MetricTarget> MetricTargets => Set<MetricTarget>();
    public DbSet<Measurement> Measurements => Set<Measurement>();
    public DbSet<Risk> Risks => Set<Risk>();
    public DbSet<PlanChange> PlanChanges => Set<PlanChange>();
    public DbSet<ReviewMeeting> ReviewMeetings => Set<ReviewMeeting>();
    public DbSet<WorkPackageReviewNote> ReviewNotes => Set<WorkPackageReviewNote>();
    public DbSet<InvestmentFinanceNote> FinanceNotes => Set<InvestmentFinanceNote>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ProgrammeRevision> Revisions => Set<ProgrammeRevision>();

    /// <summary>The name written in audit rows and revisions for changes made through this context.</summary>
    public string ActingUser => CurrentUser;

    // A revision's snapshot would double the audit log; taking and restoring one is logged by hand (PlanRevisions).
    protected override bool IsAudited(Type entityType) => entityType != typeof(AuditEntry) && entityType != typeof(ProgrammeRevision);

    public const string AuditTable = "audit_entry";

    protected override string? AuditChainTable => AuditTable;

    protected override Task<bool> SealAuditChainAsync(IEnumerable<IChainedAuditRow> inserted, CancellationToken ct) => AuditChain.SealAsync<AuditEntry>(this, inserted, ct);

    protected override void AddAuditRow(AuditedChange c) => AuditEntries.Add(new AuditEntry
    {
        At = c.At, UserName = c.UserName, EntityType = c.EntityType, EntityId = c.EntityId,
        Change = c.Change, Before = c.Before, After = c.After, ProgrammeId = c.Scope,
    });

    /// <summary>Traces a changed row up the tree (action → work package → investment → pillar) to its programme.</summary>
    protected override async ValueTask<int?> ScopeOfAsync(EntityEntry entry, CancellationToken ct)
    {
        int? Key(string name) => entry.Metadata.FindProperty(name) is null ? null : entry.Property(name).CurrentValue as int?;
        if (entry.Entity is DevelopmentProgramme p) return p.Id;
        if (Key(nameof(Pillar.ProgrammeId)) is { } programme) return programme;
        // One query per row, each walking the tree through the navigations (as EditableTypes resolves parents).
        if (Key(nameof(Investment.PillarId)) is { } pillar)
            return await Pillars.Where(x => x.Id == pillar).Select(x => (int?)x.ProgrammeId).FirstOrDefaultAsync(ct);
        if (Key(nameof(WorkPackage.InvestmentId)) is { } investment)
            return await Investments.Where(x => x.Id == investment).Select(x => (int?)x.Pillar!.ProgrammeId).FirstOrDefaultAsync(ct);
        if (Key(nameof(Goal.WorkPackageId)) is { } workPackage)
            return await WorkPackages.Where(x => x.Id == workPackage).Select(x => (int?)x.Investment!.Pillar!.ProgrammeId).FirstOrDefaultAsync(ct);
        if (Key(nameof(ActionStatusEntry.WorkActionId)) is { } action)
            return await Actions.Where(a => a.Id == action)
                .Join(WorkPackages, a => a.WorkPackageId, w => w.Id, (a, w) => (int?)w.Investment!.Pillar!.ProgrammeId).FirstOrDefaultAsync(ct);
        if (Key(nameof(Measurement.MetricId)) is { } metric)
            return await Metrics.Where(m => m.Id == metric).Select(m => (int?)m.ProgrammeId).FirstOrDefaultAsync(ct);
        return null;
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<DevelopmentProgramme>(e =>
        {
            e.ToTable("programme");
            e.HasMany(p => p.Pillars).WithOne().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Metrics).WithOne().HasForeignKey(m => m.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Risks).WithOne().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.PlanChanges).WithOne().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.ReviewMeetings).WithOne().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Pillar>(e =>
        {
            e.ToTable("pillar");
            e.HasMany(p => p.Investments).WithOne(i => i.Pillar).HasForeignKey(i => i.PillarId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Investment>(e =>
        {
            e.ToTable("investment");
            e.Property(i => i.CostEstimate).HasPrecision(14, 2);
            e.HasMany(i => i.WorkPackages).WithOne(w => w.Investment).HasForeignKey(w => w.InvestmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.FinanceNotes).WithOne().HasForeignKey(x => x.InvestmentId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<WorkPackage>(e =>
        {
            e.ToTable("work_package");
            e.Property(w => w.CostEstimate).HasPrecision(14, 2);
            e.HasMany(w => w.Assignments).WithOne().HasForeignKey(a => a.WorkPackageId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(w => w.Goals).WithOne().HasForeignKey(x => x.WorkPackageId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(w => w.Actions).WithOne().HasForeignKey(x => x.WorkPackageId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(w => w.Outputs).WithOne().HasForeignKey(x => x.WorkPackageId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(w => w.Milestones).WithOne().HasForeignKey(x => x.WorkPackageId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(w => w.BudgetLines).WithOne().HasForeignKey(x => x.WorkPackageId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(w => w.ProcurementLines).WithOne().HasForeignKey(x => x.WorkPackageId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(w => w.Metrics).WithOne().HasForeignKey(x => x.WorkPackageId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(w => w.Risks).WithOne().HasForeignKey(x => x.WorkPackageId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(w => w.ReviewNotes).WithOne().HasForeignKey(x => x.WorkPackageId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<WorkPackageAssignment>(e =>
        {
            e.ToTable("work_package_assignment");
            e.HasIndex(a => new { a.WorkPackageId, a.UserName }).IsUnique();
        });
        b.Entity<Goal>().ToTable("goal");
        b.Entity<Output>().ToTable("output");
        b.Entity<Milestone>().ToTable("milestone");
        b.Entity<WorkAction>(e =>
        {
            e.ToTable("work_action");
            e.Ignore(a => a.Current);
            e.HasMany(a => a.History).WithOne().HasForeignKey(h => h.WorkActionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ActionStatusEntry>(e =>
        {
            e.ToTable("action_status");
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        });
        b.Entity<BudgetLine>(e =>
        {
            e.ToTable("budget_line");
            e.Property(x => x.Planned).HasPrecision(14, 2);
            e.Property(x => x.Actual).HasPrecision(14, 2);
            e.Property(x => x.Forecast).HasPrecision(14, 2);
        });
        b.Entity<ProcurementLine>(e =>
        {
            e.ToTable("procurement_line");
            e.Property(x => x.Amount).HasPrecision(14, 2);
        });
        b.Entity<Metric>(e =>
        {
            e.ToTable("metric");
            e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.Baseline).HasPrecision(14, 4);
            e.Property(m => m.ScaleMin).HasPrecision(14, 4);
            e.Property(m => m.ScaleMax).HasPrecision(14, 4);
            e.HasMany(m => m.Targets).WithOne().HasForeignKey(t => t.MetricId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Measurements).WithOne().HasForeignKey(t => t.MetricId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<MetricTarget>(e =>
        {
            e.ToTable("metric_target");
            e.Property(t => t.Value).HasPrecision(14, 4);
        });
        b.Entity<Measurement>(e =>
        {
            e.ToTable("measurement");
            e.Property(t => t.Value).HasPrecision(14, 4);
            // SQLite cannot order or compare DateTimeOffset; store UTC ticks there and a timestamptz in PostgreSQL.
            if (Database.IsSqlite()) e.Property(t => t.RecordedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
        b.Entity<Risk>().ToTable("risk");
        b.Entity<PlanChange>(e =>
        {
            e.ToTable("plan_change");
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        });
        b.Entity<ReviewMeeting>().ToTable("review_meeting");
        b.Entity<WorkPackageReviewNote>().ToTable("work_package_review_note");
        b.Entity<InvestmentFinanceNote>().ToTable("investment_finance_note");
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entry");
            e.HasIndex(a => a.At);
            e.HasIndex(a => a.ProgrammeId);
            if (Database.IsSqlite()) e.Property(t => t.At).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
        b.Entity<ProgrammeRevision>(e =>
        {
            e.ToTable("programme_revision");
            e.HasIndex(r => r.ProgrammeId);
            e.Property(r => r.Reason).HasMaxLength(20);
            if (Database.IsSqlite()) e.Property(t => t.At).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
    }
}

public sealed class SqliteProgrammeDbContext(DbContextOptions<SqliteProgrammeDbContext> options, ICurrentUserName? user = null)
    : ProgrammeDbContext(options, user);

public sealed class PostgresProgrammeDbContext(DbContextOptions<PostgresProgrammeDbContext> options, ICurrentUserName? user = null)
    : ProgrammeDbContext(options, user);

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Tilannekuva.Indicators.Domain;

namespace Tilannekuva.Indicators.Storage;

/// <summary>
/// The Indicators module's tables: canonical event tables, the org-unit tree, import batches and
/// computed values. Provider-specific subclasses exist only so that SQLite and PostgreSQL each
/// get their own migrations; code depends on this type.
/// <para>
/// Not an audited context: the rows are imported operational data, traced by
/// <see cref="ImportBatch"/> and each row's source file and line instead of an audit log.
/// Tables and columns are snake_case because the indicator SQL is written against them.
/// </para>
/// </summary>
public abstract class IndicatorsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "indicators";

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<OrgUnitAncestor> OrgUnitAncestors => Set<OrgUnitAncestor>();
    public DbSet<CareNeedAssessment> Assessments => Set<CareNeedAssessment>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<AppointmentSlot> Slots => Set<AppointmentSlot>();
    public DbSet<WaitingListEntry> WaitingList => Set<WaitingListEntry>();
    public DbSet<StaffingRosterEntry> Roster => Set<StaffingRosterEntry>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<ImportRejectReason> ImportRejectReasons => Set<ImportRejectReason>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<WorkingDay> WorkingDays => Set<WorkingDay>();
    public DbSet<PendingRecompute> PendingRecomputes => Set<PendingRecompute>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<OrgUnit>(e =>
        {
            e.ToTable("org_unit");
            e.HasKey(u => u.SourceId);
            e.HasIndex(u => u.ParentId);
        });
        b.Entity<OrgUnitAncestor>(e =>
        {
            e.ToTable("org_unit_ancestor");
            e.HasKey(a => new { a.AncestorId, a.UnitId });
            e.HasIndex(a => a.UnitId);
        });
        Event<CareNeedAssessment>(b, "care_need_assessment", a => a.AssessedAt);
        Event<Visit>(b, "visit", v => v.OccurredAt);
        Event<Contact>(b, "contact", c => c.ReceivedAt);
        Event<AppointmentSlot>(b, "appointment_slot", s => s.ObservedAt);
        Event<WaitingListEntry>(b, "waiting_list_entry", w => w.AddedDate);
        Event<StaffingRosterEntry>(b, "staffing_roster_entry", r => r.Day);
        b.Entity<Visit>().HasIndex(v => v.AssessmentSourceId);
        // The steering board's callback tiles read a unit's recent requests; most contacts have none.
        var callbacks = b.Entity<Contact>().HasIndex(c => new { c.UnitId, c.CallbackRequestedAt }).HasFilter("callback_requested_at IS NOT NULL");
        if (Database.IsNpgsql()) IndicatorScanIndexes(b, callbacks);
        b.Entity<ImportBatch>().ToTable("import_batch");
        b.Entity<ImportRejectReason>(e =>
        {
            e.ToTable("import_reject_reason");
            e.HasIndex(r => r.ImportBatchId);
            e.Property(r => r.Field).HasMaxLength(ImportRejectReason.FieldLength);
            e.Property(r => r.Reason).HasMaxLength(64);
            e.HasOne<ImportBatch>().WithMany().HasForeignKey(r => r.ImportBatchId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<PendingRecompute>().ToTable("recompute_pending");
        b.Entity<WorkingDay>(e =>
        {
            e.ToTable("working_day");
            e.HasKey(w => w.Day);
            e.Property(w => w.Holiday).HasMaxLength(64);
        });
        b.Entity<IndicatorValue>(e =>
        {
            e.ToTable("indicator_value");
            e.HasIndex(v => new { v.IndicatorCode, v.PeriodCode, v.OrgUnitId, v.Dimension, v.Category }).IsUnique();
        });

        foreach (var entity in b.Model.GetEntityTypes())
        foreach (var property in entity.GetProperties())
        {
            property.SetColumnName(JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (type.IsEnum)
            {
                property.SetValueConverter((ValueConverter)Activator.CreateInstance(typeof(CodeConverter<>).MakeGenericType(type))!);
                property.SetMaxLength(20);
            }
            // Wall-clock times without offset: timestamp without time zone in PostgreSQL.
            if (type == typeof(DateTime) && Database.IsNpgsql()) property.SetColumnType("timestamp without time zone");
            if (property.Name is nameof(ImportedRow.SourceId) or nameof(ImportedEvent.UnitId) or nameof(OrgUnit.ParentId)
                or nameof(OrgUnitAncestor.AncestorId) or nameof(Visit.AssessmentSourceId) or nameof(IndicatorValue.OrgUnitId))
                property.SetMaxLength(64);
        }
    }

    /// <summary>
    /// PostgreSQL only: partial indexes that carry every column a group of contact indicators reads (the callback and
    /// failure-demand indicators), so their scans read a narrow index instead of the wide rows: PostgreSQL stores rows
    /// whole, and an index-only scan is its way of reading only the columns a statement needs, as DuckDB does. Each
    /// predicate is the indicators' own filter, which the planner must be able to prove from the compiled WHERE
    /// (<c>IndicatorScanIndexTests</c>). At 300,000 residents, in psql, warm: the same-day share's floor 0.26 → 0.12 s,
    /// the failure-demand share's 0.19 → 0.07 s, for 0.4–0.5 s of index builds on a first load of the contacts. One for the
    /// care-guarantee visits was tried and left out: 0.6–1.0 s more on a first load of the visits, and their lone
    /// recompute no faster, as its join to the assessments remains (docs/benchmarks.md, "Eleventh round").
    /// SQLite has no INCLUDE.
    /// </summary>
    private static void IndicatorScanIndexes(ModelBuilder b, IndexBuilder<Contact> callbacks)
    {
        callbacks.IncludeProperties(c => new { c.ReceivedAt, c.Channel, c.CallbackDoneAt });
        // Keyed by the class first: person-years read only the failure demand's entries (a quarter of them), the share
        // reads them all. Keyed by the time alone, person-years read every entry and dropped three in four (their scan
        // 85 → 36 ms in psql at 300,000 residents, for 0.12 s more of index build on a first load of the contacts:
        // docs/benchmarks.md, "Twelfth round").
        b.Entity<Contact>().HasIndex(c => new { c.DemandClass, c.ReceivedAt }, "IX_contact_demand_class_scan").HasFilter("demand_class IS NOT NULL")
            // callback_requested_at: the contact source's join to working_day is removed when nobody reads its due
            // day, but PostgreSQL 15 still counts the join's column as read, and without it the scan reads the rows.
            .IncludeProperties(c => new { c.UnitId, c.Channel, c.HandlingMinutes, c.CallbackRequestedAt });
    }

    private static void Event<T>(ModelBuilder b, string table, System.Linq.Expressions.Expression<Func<T, object?>> time) where T : ImportedEvent =>
        b.Entity<T>(e =>
        {
            e.ToTable(table);
            e.HasIndex(x => x.SourceId).IsUnique();
            e.HasIndex(x => x.UnitId);
            e.HasIndex(time);
        });

    private sealed class CodeConverter<T>() : ValueConverter<T, string>(v => Codes.Of(v), s => Codes.Parse<T>(s)) where T : struct, Enum;
}

public sealed class SqliteIndicatorsDbContext(DbContextOptions<SqliteIndicatorsDbContext> options) : IndicatorsDbContext(options);

public sealed class PostgresIndicatorsDbContext(DbContextOptions<PostgresIndicatorsDbContext> options) : IndicatorsDbContext(options);

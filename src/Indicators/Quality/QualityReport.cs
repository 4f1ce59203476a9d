using Microsoft.EntityFrameworkCore;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.Indicators.Quality;

/// <summary>
/// One table of the data-quality report (kirjaamisen laatu): a key, its column keys, its rows and the
/// indicators its problems touch. The page, the CSV/XLSX export and the JSON API all show these tables.
/// </summary>
public sealed record QualityTable(string Key, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, IReadOnlyList<string> Indicators);

/// <summary>
/// The data-quality report over the canonical tables, per source kind and unit: rows per month and the
/// months without rows between the first and the last (gaps), the share of missing optional fields,
/// each import's rejected share, corrections and commonest reject reasons, late-arriving rows (imported more than
/// <see cref="LateDays"/> days after the event), visits without an assessment and assessments without a
/// visit, each with the indicators it touches. Aggregated in the database; person-level rows never leave it.
/// </summary>
public sealed class QualityReport(IndicatorsDbContext db)
{
    public const int LateDays = 30;

    private static readonly string[] VisitIndicators = ["care_guarantee_7d", "care_guarantee_14d", "care_guarantee_3m", "care_guarantee_wait_distribution", "remote_contact_share", "continuity_of_care"];
    private static readonly string[] ContactIndicators = ["remote_contact_share", "callback_same_day_share", "callback_same_day_share_of_made", "callback_delay_median", "callback_delay_p90", "failure_demand_share", "failure_demand_htv"];
    private static readonly string[] CareGuarantee = ["care_guarantee_7d", "care_guarantee_14d", "care_guarantee_3m", "care_guarantee_wait_distribution"];

    public static readonly string[] TableKeys = ["rows_per_month", "gaps", "missing_fields", "imports", "reject_reasons", "late_rows", "assessment_links"];

    /// <summary>How many of an import's reasons the report lists, commonest first.</summary>
    public const int ReasonsPerImport = 5;

    public async Task<IReadOnlyList<QualityTable>> BuildAsync(CancellationToken ct = default)
    {
        var months = new List<(string Kind, string Unit, int Year, int Month, int Rows)>();
        months.AddRange((await db.Visits.GroupBy(v => new { v.UnitId, v.OccurredAt.Year, v.OccurredAt.Month }).Select(g => new { g.Key.UnitId, g.Key.Year, g.Key.Month, N = g.Count() }).ToListAsync(ct))
            .Select(x => ("visit", x.UnitId, x.Year, x.Month, x.N)));
        months.AddRange((await db.Contacts.GroupBy(v => new { v.UnitId, v.ReceivedAt.Year, v.ReceivedAt.Month }).Select(g => new { g.Key.UnitId, g.Key.Year, g.Key.Month, N = g.Count() }).ToListAsync(ct))
            .Select(x => ("contact", x.UnitId, x.Year, x.Month, x.N)));
        months.AddRange((await db.Assessments.GroupBy(v => new { v.UnitId, v.AssessedAt.Year, v.AssessedAt.Month }).Select(g => new { g.Key.UnitId, g.Key.Year, g.Key.Month, N = g.Count() }).ToListAsync(ct))
            .Select(x => ("assessment", x.UnitId, x.Year, x.Month, x.N)));
        months.AddRange((await db.Slots.GroupBy(v => new { v.UnitId, v.ObservedAt.Year, v.ObservedAt.Month }).Select(g => new { g.Key.UnitId, g.Key.Year, g.Key.Month, N = g.Count() }).ToListAsync(ct))
            .Select(x => ("slot", x.UnitId, x.Year, x.Month, x.N)));
        var ordered = months.OrderBy(m => m.Kind, StringComparer.Ordinal).ThenBy(m => m.Unit, StringComparer.Ordinal).ThenBy(m => m.Year).ThenBy(m => m.Month).ToList();
        var perMonth = new QualityTable("rows_per_month", ["kind", "unit", "month", "rows"],
            ordered.Select(m => new object?[] { m.Kind, m.Unit, $"{m.Year:D4}-{m.Month:D2}", m.Rows }).ToList(), [.. VisitIndicators, .. ContactIndicators, "t3"]);

        // A month without rows between a unit's first and last month of a kind: an export that did not arrive.
        var gaps = new List<object?[]>();
        foreach (var g in ordered.GroupBy(m => (m.Kind, m.Unit)))
        {
            var have = g.Select(m => m.Year * 12 + m.Month - 1).ToHashSet();
            for (var k = have.Min(); k <= have.Max(); k++)
                if (!have.Contains(k)) gaps.Add([g.Key.Kind, g.Key.Unit, $"{k / 12:D4}-{k % 12 + 1:D2}"]);
        }
        var gapTable = new QualityTable("gaps", ["kind", "unit", "month"], gaps, [.. VisitIndicators, .. ContactIndicators, "t3"]);

        var visitMissing = await db.Visits.GroupBy(v => v.UnitId).Select(g => new
        {
            Unit = g.Key, N = g.Count(),
            Practitioner = g.Count(v => v.Practitioner == null),
            Assessment = g.Count(v => v.AssessmentSourceId == null && v.AssessmentDate == null),
        }).ToListAsync(ct);
        var contactMissing = await db.Contacts.GroupBy(c => c.UnitId).Select(g => new
        {
            Unit = g.Key, N = g.Count(),
            Reason = g.Count(c => c.Reason == null),
            Demand = g.Count(c => c.DemandClass == null),
            Minutes = g.Count(c => c.HandlingMinutes == null),
        }).ToListAsync(ct);
        var missing = new List<object?[]>();
        foreach (var v in visitMissing.OrderBy(x => x.Unit, StringComparer.Ordinal))
        {
            missing.Add(["visit", v.Unit, "practitioner", v.N, v.Practitioner, Share(v.Practitioner, v.N), "continuity_of_care"]);
            missing.Add(["visit", v.Unit, "assessment", v.N, v.Assessment, Share(v.Assessment, v.N), string.Join(" ", CareGuarantee)]);
        }
        foreach (var c in contactMissing.OrderBy(x => x.Unit, StringComparer.Ordinal))
        {
            missing.Add(["contact", c.Unit, "reason", c.N, c.Reason, Share(c.Reason, c.N), ""]);
            missing.Add(["contact", c.Unit, "demand_class", c.N, c.Demand, Share(c.Demand, c.N), "failure_demand_share failure_demand_htv"]);
            missing.Add(["contact", c.Unit, "handling_minutes", c.N, c.Minutes, Share(c.Minutes, c.N), "failure_demand_htv"]);
        }
        var missingTable = new QualityTable("missing_fields", ["kind", "unit", "field", "rows", "missing", "share", "indicators"], missing,
            ["continuity_of_care", .. CareGuarantee, "failure_demand_share", "failure_demand_htv"]);

        var batches = await db.ImportBatches.AsNoTracking().OrderByDescending(b => b.Id).Take(200).ToListAsync(ct);
        var imports = new QualityTable("imports", ["import", "kind", "file", "started", "read", "rejected", "share", "updated"],
            batches.Select(b => new object?[] { b.Id, b.Kind, b.FileName, b.StartedAt, b.RowsRead, b.RowsRejected, Share(b.RowsRejected, b.RowsRead), b.RowsUpdated }).ToList(),
            [.. VisitIndicators, .. ContactIndicators, "t3"]);

        // The commonest reasons each import's rows were rejected for: what the source system should fix first.
        var batchIds = batches.Where(b => b.RowsRejected > 0).Select(b => b.Id).ToList();
        var reasons = await db.ImportRejectReasons.AsNoTracking().Where(r => batchIds.Contains(r.ImportBatchId)).ToListAsync(ct);
        var reasonRows = new List<object?[]>();
        foreach (var b in batches.Where(b => b.RowsRejected > 0))
            foreach (var r in reasons.Where(r => r.ImportBatchId == b.Id).OrderByDescending(r => r.Rows)
                         .ThenBy(r => r.Field, StringComparer.Ordinal).ThenBy(r => r.Reason, StringComparer.Ordinal).Take(ReasonsPerImport))
                reasonRows.Add([b.Id, b.Kind, b.FileName, r.Field, r.Reason, r.Rows, Share(r.Rows, b.RowsRejected)]);
        var reasonTable = new QualityTable("reject_reasons", ["import", "kind", "file", "column", "reason", "rows", "share"], reasonRows,
            [.. VisitIndicators, .. ContactIndicators, "t3"]);

        var late = new List<object?[]>();
        var lateVisits = await (from v in db.Visits join b in db.ImportBatches on v.ImportBatchId equals b.Id
                                group new { v, b } by v.UnitId into g
                                select new { Unit = g.Key, N = g.Count(), Late = g.Count(x => x.v.OccurredAt.AddDays(LateDays) < x.b.StartedAt) }).ToListAsync(ct);
        var lateContacts = await (from c in db.Contacts join b in db.ImportBatches on c.ImportBatchId equals b.Id
                                  group new { c, b } by c.UnitId into g
                                  select new { Unit = g.Key, N = g.Count(), Late = g.Count(x => x.c.ReceivedAt.AddDays(LateDays) < x.b.StartedAt) }).ToListAsync(ct);
        late.AddRange(lateVisits.OrderBy(x => x.Unit, StringComparer.Ordinal).Select(x => new object?[] { "visit", x.Unit, x.N, x.Late, Share(x.Late, x.N) }));
        late.AddRange(lateContacts.OrderBy(x => x.Unit, StringComparer.Ordinal).Select(x => new object?[] { "contact", x.Unit, x.N, x.Late, Share(x.Late, x.N) }));
        var lateTable = new QualityTable("late_rows", ["kind", "unit", "rows", "late", "share"], late, [.. VisitIndicators, .. ContactIndicators]);

        // Non-urgent outpatient visits whose assessment is neither dated nor found; assessments no visit points to.
        var unlinked = await db.Visits.Where(v => v.Urgency == Urgency.NonUrgent && v.Service == Service.OutpatientCare && v.AssessmentDate == null
                                                 && (v.AssessmentSourceId == null || !db.Assessments.Any(a => a.SourceId == v.AssessmentSourceId)))
            .GroupBy(v => v.UnitId).Select(g => new { Unit = g.Key, N = g.Count() }).ToListAsync(ct);
        var orphans = await db.Assessments.Where(a => !db.Visits.Any(v => v.AssessmentSourceId == a.SourceId))
            .GroupBy(a => a.UnitId).Select(g => new { Unit = g.Key, N = g.Count() }).ToListAsync(ct);
        var links = new List<object?[]>();
        links.AddRange(unlinked.OrderBy(x => x.Unit, StringComparer.Ordinal).Select(x => new object?[] { "visits_without_assessment", x.Unit, x.N }));
        links.AddRange(orphans.OrderBy(x => x.Unit, StringComparer.Ordinal).Select(x => new object?[] { "assessments_without_visit", x.Unit, x.N }));
        var linkTable = new QualityTable("assessment_links", ["problem", "unit", "rows"], links, CareGuarantee);

        return [perMonth, gapTable, missingTable, imports, reasonTable, lateTable, linkTable];
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);
}

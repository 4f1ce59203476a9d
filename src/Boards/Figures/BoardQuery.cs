using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Feedback.Reporting;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Results;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.Boards.Figures;

/// <summary>
/// Computes a board's figures for a set of units at a moment. Event tables are read through the
/// Indicators context, the care-guarantee share from the engine's cached weekly values (so it equals
/// the indicator pages), T3 through the shared t3_measurement fact source, NPS through
/// <see cref="FeedbackResults"/> (so its minimum holds). Definitions: docs/boards.md.
/// </summary>
public sealed class BoardQuery(IndicatorsDbContext db, FeedbackResults feedback, BoardSettings settings)
{
    public const string CareGuaranteeIndicator = "care_guarantee_7d";
    public const string WeekPeriodType = "week";
    public const int CareGuaranteeWeeks = 4;
    public const int NpsDays = 30;
    /// <summary>T3 takes a unit's latest slot snapshot of this many days; an older one is not shown.</summary>
    public const int T3SnapshotDays = 35;

    private static readonly Profession[] T3Professions = [Profession.Doctor, Profession.Nurse];

    /// <summary>The board's figures at <paramref name="now"/> (Finnish wall-clock time, like the event tables).</summary>
    public async Task<BoardFigures> FiguresAsync(IReadOnlyCollection<string> unitIds, DateTime now, int staleMinutes, CancellationToken ct = default)
    {
        var (units, cover) = await ResolveAsync(unitIds, ct);
        var today = now.Date;
        var day = DateOnly.FromDateTime(now);

        var callbacks = await CallbacksAsync(units, now, ct);
        var waiting = await WaitingListAsync(units, day, ct);
        var careGuarantee = await CareGuaranteeAsync(cover, day, ct);
        var t3 = await T3Async(units, now, ct);
        var staff = await StaffAsync(units, day, ct);
        var nps = await NpsAsync(units, day, ct);

        // Look at the last day first (a short range of the received_at index); only a board that is stale
        // anyway searches further back.
        var recent = now.AddDays(-1);
        var newestContact = await NewestContactAsync(units, recent, now, ct) ?? await NewestContactAsync(units, DateTime.MinValue, now, ct);
        // The live feed is the contacts: the waiting list and roster carry dates only, and import batches are
        // stamped with the server's clock, not the source's. See docs/boards.md.
        var newest = new[] { newestContact, callbacks.NewestDone }.Max();
        var stale = newest is null || now - newest.Value > TimeSpan.FromMinutes(staleMinutes);
        return new BoardFigures(now, units, callbacks.Figures, waiting, careGuarantee, t3, staff, nps, newest, stale)
        {
            IndicatorsOutOfDateSince = await Indicators.Computation.RecomputeState.PendingSinceAsync(db, ct),
        };
    }

    /// <summary>
    /// The board's units: every org unit under the chosen ids (the ids themselves included), for the
    /// event tables; and the chosen ids without those already under another chosen id, for summing
    /// the engine's per-unit values without counting a unit twice.
    /// </summary>
    public async Task<(IReadOnlyList<string> Units, IReadOnlyList<string> Cover)> ResolveAsync(IReadOnlyCollection<string> unitIds, CancellationToken ct = default)
    {
        var ids = unitIds.Distinct().ToList();
        var units = await db.OrgUnitAncestors.AsNoTracking().Where(a => ids.Contains(a.AncestorId)).Select(a => a.UnitId).Distinct().ToListAsync(ct);
        var nested = await db.OrgUnitAncestors.AsNoTracking().Where(a => a.Depth > 0 && ids.Contains(a.UnitId) && ids.Contains(a.AncestorId)).Select(a => a.UnitId).ToListAsync(ct);
        var cover = ids.Where(i => units.Contains(i) && !nested.Contains(i)).ToList();
        units.Sort(StringComparer.Ordinal);
        return (units, cover);
    }

    /// <summary>The org units a board can be set up for, in tree order with their depth (the region is depth 0).</summary>
    public async Task<IReadOnlyList<(OrgUnit Unit, int Depth)>> UnitChoicesAsync(CancellationToken ct = default)
    {
        var all = await db.OrgUnits.AsNoTracking().ToListAsync(ct);
        var children = all.Where(u => u.ParentId is not null).GroupBy(u => u.ParentId!).ToDictionary(g => g.Key, g => g.OrderBy(u => u.Name, StringComparer.CurrentCulture).ToList());
        var known = all.Select(u => u.SourceId).ToHashSet();
        var result = new List<(OrgUnit, int)>();
        void Visit(OrgUnit u, int depth)
        {
            result.Add((u, depth));
            foreach (var c in children.GetValueOrDefault(u.SourceId) ?? []) Visit(c, depth + 1);
        }
        foreach (var root in all.Where(u => u.ParentId is null || !known.Contains(u.ParentId)).OrderBy(u => u.Name, StringComparer.CurrentCulture)) Visit(root, 0);
        return result;
    }

    /// <summary>Names of the given org units (id → name).</summary>
    public Task<Dictionary<string, string>> UnitNamesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.SourceId)).ToDictionaryAsync(u => u.SourceId, u => u.Name, ct);

    private sealed class TimeRow
    {
        public DateTime? At { get; set; }
    }

    private async Task<DateTime?> NewestContactAsync(IReadOnlyList<string> units, DateTime from, DateTime now, CancellationToken ct)
    {
        if (units.Count == 0) return null;
        var p = new SqlParameters(db);
        // SQLite would otherwise pick the unit_id index and read every contact the units ever had; the unary +
        // makes it walk the short received_at range instead (PostgreSQL's planner needs no hint).
        var unit = db.Database.IsNpgsql() ? "unit_id" : "+unit_id";
        var sql = $"SELECT MAX(received_at) AS \"At\" FROM contact WHERE received_at >= {p.Add(from)} AND received_at <= {p.Add(now)} AND {unit} IN ({p.AddAll(units)})";
        return (await db.Database.SqlQueryRaw<TimeRow>(sql, p.Values).ToListAsync(ct)).FirstOrDefault()?.At;
    }

    private sealed record CallbackResult(CallbackFigures Figures, DateTime? NewestDone);

    private async Task<CallbackResult> CallbacksAsync(IReadOnlyList<string> units, DateTime now, CancellationToken ct)
    {
        var today = now.Date;
        var from = today.AddDays(-settings.CallbackLookbackDays);
        var rows = await db.Contacts.AsNoTracking()
            .Where(c => units.Contains(c.UnitId) && c.CallbackRequestedAt >= from && c.CallbackRequestedAt <= now)
            .GroupBy(c => 1)
            .Select(g => new
            {
                RequestedToday = g.Count(c => c.CallbackRequestedAt >= today),
                DoneToday = g.Count(c => c.CallbackDoneAt >= today && c.CallbackDoneAt <= now),
                OpenToday = g.Count(c => c.CallbackRequestedAt >= today && (c.CallbackDoneAt == null || c.CallbackDoneAt > now)),
                Overdue = g.Count(c => c.CallbackRequestedAt < today && (c.CallbackDoneAt == null || c.CallbackDoneAt > now)),
                NewestDone = g.Max(c => c.CallbackDoneAt <= now ? c.CallbackDoneAt : null),
            }).ToListAsync(ct);
        var row = rows.FirstOrDefault();
        return row is null
            ? new(new CallbackFigures(0, 0, 0, 0), null)
            : new(new CallbackFigures(row.RequestedToday, row.DoneToday, row.OpenToday, row.Overdue), row.NewestDone);
    }

    private async Task<WaitingListFigures> WaitingListAsync(IReadOnlyList<string> units, DateOnly today, CancellationToken ct)
    {
        var limit = today.AddDays(-settings.CareGuaranteeDays);
        var row = (await db.WaitingList.AsNoTracking()
            .Where(w => units.Contains(w.UnitId) && w.AddedDate <= today && (w.RemovedDate == null || w.RemovedDate > today))
            .GroupBy(w => 1)
            .Select(g => new { Open = g.Count(), PastLimit = g.Count(w => w.AssessmentDate != null && w.AssessmentDate < limit) })
            .ToListAsync(ct)).FirstOrDefault();
        return new WaitingListFigures(row?.Open ?? 0, row?.PastLimit ?? 0, settings.CareGuaranteeDays);
    }

    /// <summary>The last <see cref="CareGuaranteeWeeks"/> full ISO weeks before the week of <paramref name="today"/>, oldest first.</summary>
    public static IReadOnlyList<string> LastFullWeeks(DateOnly today, int count = CareGuaranteeWeeks)
    {
        var monday = WeekPeriod.Monday(today);
        return Enumerable.Range(1, count).Reverse().Select(i => WeekPeriod.CodeOf(monday.AddDays(-7 * i))).ToList();
    }

    private async Task<CareGuaranteeFigures> CareGuaranteeAsync(IReadOnlyList<string> cover, DateOnly today, CancellationToken ct)
    {
        var weeks = LastFullWeeks(today);
        var rows = (await new IndicatorResults(db).TotalsAsync([CareGuaranteeIndicator], WeekPeriodType, cover, weeks, ct))[CareGuaranteeIndicator].ToList();
        return new CareGuaranteeFigures(rows.Sum(r => r.Numerator), rows.Sum(r => r.Denominator ?? 0), weeks);
    }

    private sealed class T3Row
    {
        public string UnitId { get; set; } = "";
        public string Profession { get; set; } = "";
        public DateTime At { get; set; }
        public double Days { get; set; }
    }

    private async Task<IReadOnlyList<T3Figure>> T3Async(IReadOnlyList<string> units, DateTime now, CancellationToken ct)
    {
        if (units.Count == 0) return T3Professions.Select(p => new T3Figure(p, null, null, 0)).ToList();
        var dialect = db.Database.IsNpgsql() ? Dialect.Postgres : Dialect.Sqlite;
        // The measurement SQL is the indicator engine's own (FactSource.T3Measurement), so the board and t3 agree.
        var p = new SqlParameters(db);
        var unitList = p.AddAll(units);
        // Only the board's units' snapshots of the last T3SnapshotDays count; the measurement itself is the engine's.
        var slots = $"SELECT * FROM appointment_slot WHERE unit_id IN ({unitList}) AND observed_at <= {p.Add(now)} AND observed_at >= {p.Add(now.AddDays(-T3SnapshotDays))}";
        var sql = $"""
            SELECT f.unit_id AS "UnitId", f.profession AS "Profession", f.at AS "At", CAST(f.t3_days AS DOUBLE PRECISION) AS "Days"
            FROM ({FactSource.T3MeasurementOver(dialect, slots)}) f
            WHERE f.profession IN ('doctor', 'nurse')
            """;
        var rows = await db.Database.SqlQueryRaw<T3Row>(sql, p.Values).ToListAsync(ct);
        return T3Professions.Select(p =>
        {
            var latest = rows.Where(r => r.Profession == Codes.Of(p)).GroupBy(r => r.UnitId).Select(g => g.MaxBy(r => r.At)!).ToList();
            return latest.Count == 0
                ? new T3Figure(p, null, null, 0)
                : new T3Figure(p, latest.Average(r => r.Days), latest.Max(r => r.At), latest.Count);
        }).ToList();
    }

    private async Task<IReadOnlyList<StaffFigure>> StaffAsync(IReadOnlyList<string> units, DateOnly today, CancellationToken ct)
    {
        var rows = await db.Roster.AsNoTracking()
            .Where(r => units.Contains(r.UnitId) && r.Day == today)
            .GroupBy(r => r.Profession)
            .Select(g => new { Profession = g.Key, Planned = g.Sum(r => r.Planned), Present = g.Sum(r => r.Present) })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Profession).Select(r => new StaffFigure(r.Profession, r.Planned, r.Present)).ToList();
    }

    private async Task<NpsFigure> NpsAsync(IReadOnlyList<string> units, DateOnly today, CancellationToken ct)
    {
        var from = today.AddDays(-(NpsDays - 1));
        var nps = await feedback.NpsForOrgUnitsAsync(units, from, today, ct);
        return new NpsFigure(nps.N, nps.Nps, !nps.Hidden && nps.N > 0, from, today);
    }

    /// <summary>The time zone of the event tables' wall-clock times.</summary>
    public static TimeZoneInfo FinnishTime(BoardSettings settings) => TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);

    /// <summary>Now as the event tables write times: wall-clock in <see cref="BoardSettings.TimeZone"/>.</summary>
    public static DateTime WallClock(TimeProvider clock, BoardSettings settings) =>
        TimeZoneInfo.ConvertTime(clock.GetUtcNow(), FinnishTime(settings)).DateTime;
}

/// <summary>Named parameters for the board's raw SQL; wall-clock times go as timestamp without time zone.</summary>
internal sealed class SqlParameters(IndicatorsDbContext db)
{
    private readonly List<System.Data.Common.DbParameter> _list = [];

    public object[] Values => [.. _list];

    public string Add(object value)
    {
        var p = db.Database.GetDbConnection().CreateCommand().CreateParameter();
        p.ParameterName = "@b" + _list.Count;
        p.Value = value;
        if (value is DateTime) p.DbType = System.Data.DbType.DateTime2;
        _list.Add(p);
        return p.ParameterName;
    }

    public string AddAll(IEnumerable<string> values) => string.Join(", ", values.Select(v => Add(v)));
}

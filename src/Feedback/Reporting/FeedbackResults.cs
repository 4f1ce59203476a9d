using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tilannekuva.Disclosure;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Storage;

namespace Tilannekuva.Feedback.Reporting;

/// <summary>Which responses: submitted on From..To (inclusive, local dates) and optionally one service point, service or channel.</summary>
public sealed record ResultFilter(DateOnly From, DateOnly To, string? ServicePoint = null, string? Service = null, Channel? Channel = null);

/// <summary>What results are broken down by. <see cref="Total"/> is one row for everything.</summary>
public enum Breakdown
{
    Total,
    ServicePoint,
    Service,
    Channel,
    Week,
    Month,
    Quarter,
}

/// <summary>
/// One cell of results. <see cref="Suppressed"/> when it has fewer responses than the minimum: then
/// only that fact is shown, never the figures. A statement answered by fewer than the minimum within
/// a shown cell is suppressed on its own. <see cref="Complementary"/>: the cell has enough responses
/// but is hidden too, because otherwise the one small cell beside it could be worked out from the total.
/// </summary>
public sealed record ResultRow(string Key, NpsResult Nps, IReadOnlyList<StatementResult> Statements, bool Suppressed, bool Complementary = false);

/// <summary>
/// Real-time results, computed in the database as counts per (cell, score) and per (cell, statement,
/// value), then turned into NPS, intervals, means and distributions here. Every caller — staff pages,
/// public pages, API, indicators — goes through this class, so the minimum cell size holds everywhere.
/// </summary>
public sealed class FeedbackResults(FeedbackDbContext db, IOptions<FeedbackOptions> options)
{
    public int MinimumResponses { get; } = Math.Max(1, options.Value.MinimumResponses);

    private sealed class KeyScore<T> { public T Key { get; init; } = default!; public int Score { get; init; } }

    private sealed class KeyAnswer<T> { public T Key { get; init; } = default!; public string Code { get; init; } = ""; public int? Value { get; init; } }

    public async Task<IReadOnlyList<ResultRow>> ByAsync(ResultFilter f, Breakdown by, CancellationToken ct = default)
    {
        var q = Filtered(f);
        var answers = db.Answers.Join(q, a => a.ResponseId, r => r.Id, (a, r) => new { a, r });
        List<(string Key, int Score, int N)> scores;
        List<(string Key, string Code, int? Value, int N)> values;
        switch (by)
        {
            case Breakdown.ServicePoint:
                scores = await Scores(q.Select(r => new KeyScore<string> { Key = r.ServicePointCode, Score = r.Recommendation }), k => k, ct);
                values = await Values(answers.Select(x => new KeyAnswer<string> { Key = x.r.ServicePointCode, Code = x.a.Code, Value = x.a.Value }), k => k, ct);
                break;
            case Breakdown.Service:
                scores = await Scores(q.Select(r => new KeyScore<string> { Key = r.ServiceCode, Score = r.Recommendation }), k => k, ct);
                values = await Values(answers.Select(x => new KeyAnswer<string> { Key = x.r.ServiceCode, Code = x.a.Code, Value = x.a.Value }), k => k, ct);
                break;
            case Breakdown.Channel:
                scores = await Scores(q.Select(r => new KeyScore<Channel> { Key = r.Channel, Score = r.Recommendation }), k => k.ToString(), ct);
                values = await Values(answers.Select(x => new KeyAnswer<Channel> { Key = x.r.Channel, Code = x.a.Code, Value = x.a.Value }), k => k.ToString(), ct);
                break;
            default:
                // Periods (and the total) are rolled up from days, which every database groups the same way.
                var period = PeriodKey(by);
                scores = await Scores(q.Select(r => new KeyScore<DateOnly> { Key = r.Date, Score = r.Recommendation }), period, ct);
                values = await Values(answers.Select(x => new KeyAnswer<DateOnly> { Key = x.r.Date, Code = x.a.Code, Value = x.a.Value }), period, ct);
                break;
        }
        var rows = Assemble(scores, values, MinimumResponses);
        return by is Breakdown.ServicePoint or Breakdown.Service or Breakdown.Channel ? SuppressComplement(rows, MinimumResponses) : rows;
    }

    /// <summary>
    /// Complementary suppression for breakdowns shown beside their total, by the rule the dashboards
    /// follow too (<see cref="SmallCellRule.Hidden"/>): when a cell is suppressed, the smallest shown
    /// cells are hidden with it until the hidden ones are at least two and rest on the minimum
    /// together. <see cref="ByAsync"/> leaves trends over periods as they are (docs/feedback.md); the
    /// trend chart applies this to its months as well, over finished months only (docs/security.md).
    /// </summary>
    public static IReadOnlyList<ResultRow> SuppressComplement(IReadOnlyList<ResultRow> rows, int minimum)
    {
        var hidden = new SmallCellRule(minimum).Hidden(rows.Select(r => (long?)r.Nps.N).ToList());
        return rows.Select((r, i) => hidden[i] && !r.Suppressed
            ? new ResultRow(r.Key, NpsResult.Empty with { N = r.Nps.N, Hidden = true }, [], Suppressed: true, Complementary: true)
            : r).ToList();
    }

    /// <summary>
    /// One small-cell answer per figure: whether a service point's figures over a period are hidden, as the service-point
    /// breakdown of the same period (shown beside its total on the staff results page) hides them — complementary
    /// suppression included. Every page that shows the service point's own figures for that period asks this first, so a
    /// group is never hidden on one page and shown on another.
    /// </summary>
    public async Task<bool> ServicePointHiddenAsync(string servicePoint, DateOnly from, DateOnly to, CancellationToken ct = default) =>
        (await ByAsync(new ResultFilter(from, to), Breakdown.ServicePoint, ct)).FirstOrDefault(r => r.Key == servicePoint) is { Suppressed: true };

    /// <summary>All results of the filter in one row.</summary>
    public async Task<ResultRow> TotalAsync(ResultFilter f, CancellationToken ct = default) =>
        (await ByAsync(f, Breakdown.Total, ct)).FirstOrDefault() ?? new ResultRow("", NpsResult.Empty, [], true);

    /// <summary>
    /// The NPS of the responses given at the service points linked to these org units (<see cref="ServicePoint.OrgUnitId"/>)
    /// on From..To; hidden (no figures, only the count) under the minimum number of responses.
    /// </summary>
    public async Task<NpsResult> NpsForOrgUnitsAsync(IReadOnlyCollection<string> orgUnitIds, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var points = db.ServicePoints.Where(s => s.OrgUnitId != null && orgUnitIds.Contains(s.OrgUnitId)).Select(s => s.Code);
        var counts = await db.Responses.AsNoTracking()
            .Where(r => r.Date >= from && r.Date <= to && points.Contains(r.ServicePointCode))
            .GroupBy(r => r.Recommendation).Select(g => new { Score = g.Key, N = g.Count() }).ToListAsync(ct);
        var nps = NpsResult.FromScores(counts.Select(c => (c.Score, c.N)));
        return nps.N < MinimumResponses ? NpsResult.Empty with { N = nps.N, Hidden = true } : nps;
    }

    public async Task<int> CountAsync(ResultFilter f, CancellationToken ct = default) => await Filtered(f).CountAsync(ct);

    public IQueryable<Response> Filtered(ResultFilter f)
    {
        var q = db.Responses.AsNoTracking().Where(r => r.Date >= f.From && r.Date <= f.To);
        if (f.ServicePoint is { Length: > 0 } sp) q = q.Where(r => r.ServicePointCode == sp);
        if (f.Service is { Length: > 0 } s) q = q.Where(r => r.ServiceCode == s);
        if (f.Channel is { } c) q = q.Where(r => r.Channel == c);
        return q;
    }

    /// <summary>Cells from counts; also used by tests to check the arithmetic without a database.</summary>
    internal static IReadOnlyList<ResultRow> Assemble(
        IEnumerable<(string Key, int Score, int N)> scores, IEnumerable<(string Key, string Code, int? Value, int N)> values, int minimum)
    {
        var byKey = values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.ToList());
        return scores.GroupBy(s => s.Key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var nps = NpsResult.FromScores(g.GroupBy(x => x.Score).Select(x => (x.Key, x.Sum(y => y.N))));
            var suppressed = nps.N < minimum;
            var statements = suppressed ? [] : (byKey.GetValueOrDefault(g.Key) ?? []).GroupBy(v => v.Code).Select(c =>
            {
                var counts = new int[5];
                var cannotSay = 0;
                foreach (var v in c)
                {
                    if (v.Value is >= 1 and <= 5) counts[v.Value.Value - 1] += v.N;
                    else cannotSay += v.N;
                }
                return new StatementResult(c.Key, counts, cannotSay);
            }).Where(s => s.Answered + s.CannotSay >= minimum).OrderBy(s => StatementOrder(s.Code)).ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
            return new ResultRow(g.Key, suppressed ? NpsResult.Empty with { N = nps.N, Hidden = true } : nps, statements, suppressed);
        }).ToList();
    }

    private static int StatementOrder(string code) =>
        NationalStatements.All.Select((s, i) => (s, i)).FirstOrDefault(x => x.s.Code == code) is { s: not null } hit ? hit.i : 1000;

    /// <summary>Period identifiers: 2024-05 (month), 2024Q2 (quarter), 2024-W07 (ISO week); "" for the total.</summary>
    public static Func<DateOnly, string> PeriodKey(Breakdown by) => by switch
    {
        Breakdown.Month => d => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        Breakdown.Quarter => d => $"{d.Year}Q{(d.Month - 1) / 3 + 1}",
        Breakdown.Week => d =>
        {
            var dt = d.ToDateTime(TimeOnly.MinValue);
            return $"{ISOWeek.GetYear(dt)}-W{ISOWeek.GetWeekOfYear(dt):00}";
        },
        _ => _ => "",
    };

    private static async Task<List<(string, int, int)>> Scores<T>(IQueryable<KeyScore<T>> q, Func<T, string> key, CancellationToken ct) =>
        (await q.GroupBy(x => new { x.Key, x.Score }).Select(g => new { g.Key.Key, g.Key.Score, N = g.Count() }).ToListAsync(ct))
        .Select(x => (key(x.Key), x.Score, x.N)).ToList();

    private static async Task<List<(string, string, int?, int)>> Values<T>(IQueryable<KeyAnswer<T>> q, Func<T, string> key, CancellationToken ct) =>
        (await q.GroupBy(x => new { x.Key, x.Code, x.Value }).Select(g => new { g.Key.Key, g.Key.Code, g.Key.Value, N = g.Count() }).ToListAsync(ct))
        .Select(x => (key(x.Key), x.Code, x.Value, x.N)).ToList();
}

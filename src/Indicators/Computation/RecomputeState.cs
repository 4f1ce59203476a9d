using Microsoft.EntityFrameworkCore;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.Indicators.Computation;

/// <summary>
/// The recompute state stored with the data: an import records the window it made out of date in its own
/// transaction (<see cref="Record"/>); <see cref="CompleteAsync"/> recomputes every pending window and only
/// then forgets them. So an import whose recompute never finished (a crash, a kill, --no-compute) leaves
/// its window pending until the next start, import or compute, and readers can say the figures are
/// being updated (<see cref="PendingSinceAsync"/>).
/// </summary>
public static class RecomputeState
{
    /// <summary>Adds the import's pending window to the context (saved with the import's batch, in its transaction).</summary>
    public static void Record(IndicatorsDbContext db, long batchId, RecomputeWindow? window) =>
        db.PendingRecomputes.Add(new PendingRecompute
        {
            ImportBatchId = batchId, FirstYear = window?.FirstYear, EndYear = window?.EndYear, Since = DateTime.Now,
        });

    /// <summary>Since when the stored values have been out of date; null when nothing is pending.</summary>
    public static async Task<DateTime?> PendingSinceAsync(IndicatorsDbContext db, CancellationToken ct = default) =>
        await db.PendingRecomputes.AsNoTracking().OrderBy(p => p.Since).Select(p => (DateTime?)p.Since).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Recomputes every pending window (everything when one of them is everything; overlapping year
    /// ranges merged) and then deletes the pending rows it covered. Rows added meanwhile by another
    /// import stay. Returns the recomputes run (none when nothing was pending).
    /// </summary>
    public static async Task<IReadOnlyList<ComputeResult>> CompleteAsync(IndicatorsDbContext db, Action<string>? progress = null, CancellationToken ct = default)
    {
        var pending = await db.PendingRecomputes.AsNoTracking().ToListAsync(ct);
        if (pending.Count == 0) return [];
        var results = new List<ComputeResult>();
        var computer = new IndicatorComputer(db);
        if (pending.Any(p => p.FirstYear is null || p.EndYear is null))
            results.Add(await computer.RecomputeAsync(progress: progress, ct: ct));
        else
            foreach (var (first, end) in Merge(pending.Select(p => (p.FirstYear!.Value, p.EndYear!.Value))))
                results.Add(await computer.RecomputeAsync(progress: progress, ct: ct, window: RecomputeWindow.ForYears(first, end)));
        await ForgetAsync(db, pending.Max(p => p.Id), ct);
        return results;
    }

    /// <summary>A full recompute (compute): afterwards nothing that was pending when it started is pending.</summary>
    public static async Task<ComputeResult> RecomputeAllAsync(IndicatorsDbContext db, IEnumerable<IndicatorDefinition>? definitions = null,
        Action<string>? progress = null, CancellationToken ct = default)
    {
        var upTo = await db.PendingRecomputes.AsNoTracking().MaxAsync(p => (long?)p.Id, ct);
        var list = definitions?.ToList();
        var result = await new IndicatorComputer(db).RecomputeAsync(list, progress, ct);
        // Only the whole catalogue brings every value up to date.
        if (upTo is { } id && (list is null || IndicatorCatalogue.All.All(d => list.Any(x => x.Code == d.Code)))) await ForgetAsync(db, id, ct);
        return result;
    }

    private static Task<int> ForgetAsync(IndicatorsDbContext db, long upTo, CancellationToken ct) =>
        db.PendingRecomputes.Where(p => p.Id <= upTo).ExecuteDeleteAsync(ct);

    /// <summary>Year ranges [first, end) merged where they overlap or touch.</summary>
    internal static IEnumerable<(int First, int End)> Merge(IEnumerable<(int First, int End)> ranges)
    {
        (int First, int End)? current = null;
        foreach (var r in ranges.OrderBy(r => r.First))
        {
            if (current is { } c && r.First <= c.End) current = (c.First, Math.Max(c.End, r.End));
            else
            {
                if (current is { } done) yield return done;
                current = r;
            }
        }
        if (current is { } last) yield return last;
    }
}

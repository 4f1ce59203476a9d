using Microsoft.EntityFrameworkCore;
using Tilannekuva.ContactSampling.Domain;
using Tilannekuva.ContactSampling.Results;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.ContactSampling;

/// <summary>
/// A closed period's contacts become rows of the indicators' <c>contact</c> table, the facts of
/// failure_demand_share and failure_demand_htv (demand class, handling minutes from the channel's minutes),
/// stored as one import batch ("sampling") and recomputed for the years they fall in. Source ids are
/// "sampling:&lt;client id&gt;", so feeding a period twice stores nothing new. No change to the fact source was needed.
/// </summary>
public sealed class IndicatorFeed(IndicatorsDbContext db, SamplingSettings settings)
{
    public const string BatchKind = "sampling";

    public async Task<int> FeedAsync(SamplingPeriod period, IReadOnlyList<SampledContact> contacts, CancellationToken ct = default)
    {
        var ids = contacts.Select(SourceId).ToList();
        var known = (await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.SourceId)).Select(c => c.SourceId).ToListAsync(ct)).ToHashSet();
        var fresh = contacts.Where(c => !known.Contains(SourceId(c))).ToList();
        if (fresh.Count == 0) return 0;
        var file = $"sampling-period-{period.Id}";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = DateTime.Now;
        var batch = new ImportBatch
        {
            Kind = BatchKind, FileName = file, Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', fresh.Select(SourceId))))),
            StartedAt = now, FinishedAt = now, RowsRead = fresh.Count, RowsStored = fresh.Count,
        };
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        var line = 0;
        foreach (var c in fresh)
            db.Contacts.Add(new Contact
            {
                SourceId = SourceId(c), SourceFile = file, SourceLine = ++line, ImportBatchId = batch.Id, UnitId = period.UnitId,
                ReceivedAt = c.RecordedAt, Channel = SamplingCodes.ContactMode(c.Channel), Reason = c.Reason, Outcome = ContactOutcome.Resolved,
                DemandClass = c.Demand == Demand.Failure ? DemandClass.Failure : DemandClass.Value, HandlingMinutes = settings.MinutesOf(c.Channel),
            });
        RecomputeState.Record(db, batch.Id, RecomputeWindow.ForEvents(fresh.Min(c => c.RecordedAt), fresh.Max(c => c.RecordedAt)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        await RecomputeState.CompleteAsync(db, ct: ct);
        return fresh.Count;
    }

    public static string SourceId(SampledContact c) => "sampling:" + c.ClientId.ToString("N");
}

using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Storage;

namespace Tilannekuva.Programme.PlanImport;

/// <summary>A programme's revision that cannot be restored: unknown id, or its programme is gone.</summary>
public sealed class RevisionNotFoundException(int id) : Exception($"Revision {id} not found")
{
    public int RevisionId { get; } = id;
}

/// <summary>
/// Versiot: snapshots of a programme's whole tree taken before a confirmed plan import (or a restore) changes it,
/// listed per programme and restored in one transaction. A restore first snapshots the current state, so it can
/// itself be undone. Restored rows get new ids (work packages' plan changes follow them); the programme keeps its id.
/// </summary>
public static class PlanRevisions
{
    public const string ReasonImport = "PlanImport";
    public const string ReasonRestore = "Restore";

    private static readonly JsonSerializerOptions Json = new()
    {
        // A work package's metric is also in the programme's metrics: one object, written once.
        ReferenceHandler = ReferenceHandler.Preserve,
        WriteIndented = false,
    };

    /// <summary>The stored programme as a revision (not yet added to the context).</summary>
    public static async Task<ProgrammeRevision> SnapshotAsync(ProgrammeDbContext db, int programmeId, string reason, string source, CancellationToken ct = default)
    {
        var p = await db.Programmes.AsNoTrackingWithIdentityResolution().WithEverything().FirstAsync(x => x.Id == programmeId, ct);
        var wps = p.Pillars.SelectMany(x => x.Investments).SelectMany(x => x.WorkPackages).ToList();
        return new ProgrammeRevision
        {
            ProgrammeId = p.Id, At = DateTimeOffset.UtcNow, UserName = db.ActingUser, Reason = reason, Source = source,
            WorkPackages = wps.Count, Metrics = p.Metrics.Count, Risks = p.Risks.Count + wps.Sum(w => w.Risks.Count(r => r.ProgrammeId != p.Id)),
            Measurements = p.Metrics.Sum(m => m.Measurements.Count),
            Snapshot = JsonSerializer.Serialize(p, Json),
        };
    }

    /// <summary>Revisions of a programme, newest first (without their snapshots).</summary>
    public static Task<List<ProgrammeRevision>> ListAsync(ProgrammeDbContext db, int programmeId, CancellationToken ct = default) =>
        db.Revisions.AsNoTracking().Where(r => r.ProgrammeId == programmeId).OrderByDescending(r => r.Id)
            .Select(r => new ProgrammeRevision
            {
                Id = r.Id, ProgrammeId = r.ProgrammeId, At = r.At, UserName = r.UserName, Reason = r.Reason, Source = r.Source,
                WorkPackages = r.WorkPackages, Metrics = r.Metrics, Risks = r.Risks, Measurements = r.Measurements, Snapshot = "",
            })
            .ToListAsync(ct);

    /// <summary>Puts the programme back as the revision has it; returns the revision taken of the state it replaced.</summary>
    public static async Task<ProgrammeRevision> RestoreAsync(ProgrammeDbContext db, int revisionId, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var revision = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId, ct) ?? throw new RevisionNotFoundException(revisionId);
            if (!await db.Programmes.AnyAsync(p => p.Id == revision.ProgrammeId, ct)) throw new RevisionNotFoundException(revisionId);
            var before = await SnapshotAsync(db, revision.ProgrammeId, ReasonRestore, $"#{revision.Id}", ct);
            db.Revisions.Add(before);

            var target = await db.Programmes.WithEverything().FirstAsync(p => p.Id == revision.ProgrammeId, ct);
            foreach (var w in target.Pillars.SelectMany(x => x.Investments).SelectMany(x => x.WorkPackages)) db.Risks.RemoveRange(w.Risks);
            db.Pillars.RemoveRange(target.Pillars);
            db.Metrics.RemoveRange(target.Metrics);
            db.Risks.RemoveRange(target.Risks);
            db.PlanChanges.RemoveRange(target.PlanChanges);
            db.ReviewMeetings.RemoveRange(target.ReviewMeetings);
            await db.SaveChangesAsync(ct);

            var snap = JsonSerializer.Deserialize<DevelopmentProgramme>(revision.Snapshot, Json)!;
            var oldWorkPackages = snap.Pillars.SelectMany(x => x.Investments).SelectMany(x => x.WorkPackages).ToDictionary(w => w.Id);
            var planChangeWp = snap.PlanChanges.ToDictionary(c => c, c => c.WorkPackageId);
            ResetKeys(db, snap, new HashSet<object>(ReferenceEqualityComparer.Instance));
            target.Name = snap.Name;
            target.StartYear = snap.StartYear;
            target.EndYear = snap.EndYear;
            target.Funder = snap.Funder;
            target.Description = snap.Description;
            target.Pillars.AddRange(snap.Pillars);
            target.Metrics.AddRange(snap.Metrics);
            target.Risks.AddRange(snap.Risks);
            target.ReviewMeetings.AddRange(snap.ReviewMeetings);
            foreach (var c in snap.PlanChanges) c.WorkPackageId = null;
            target.PlanChanges.AddRange(snap.PlanChanges);
            await db.SaveChangesAsync(ct);
            // Plan changes point at a work package by id only: follow them to the work packages' new ids.
            foreach (var (change, oldId) in planChangeWp)
                if (oldId is { } o && oldWorkPackages.TryGetValue(o, out var wp)) change.WorkPackageId = wp.Id;
            db.AuditEntries.Add(new AuditEntry
            {
                At = DateTimeOffset.UtcNow, UserName = db.ActingUser, EntityType = nameof(ProgrammeRevision), EntityId = revision.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Change = "Restored", ProgrammeId = target.Id, Before = $"{{\"revision\":{before.Id}}}", After = $"{{\"revision\":{revision.Id}}}",
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return before;
        });
    }

    /// <summary>Sets every primary key in the graph to 0 so that the rows are inserted anew.</summary>
    private static void ResetKeys(ProgrammeDbContext db, object entity, HashSet<object> seen)
    {
        if (!seen.Add(entity)) return;
        var type = db.Model.FindEntityType(entity.GetType());
        if (type is null) return;
        foreach (var key in type.FindPrimaryKey()!.Properties)
            key.PropertyInfo?.SetValue(entity, Activator.CreateInstance(key.ClrType));
        foreach (var nav in type.GetNavigations())
        {
            var value = nav.PropertyInfo?.GetValue(entity);
            if (value is IEnumerable many and not string) foreach (var child in many.Cast<object>().ToList()) ResetKeys(db, child, seen);
            else if (value is not null && nav.IsOnDependent is false) ResetKeys(db, value, seen);
        }
    }
}

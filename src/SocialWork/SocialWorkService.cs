using Microsoft.EntityFrameworkCore;
using Tilannekuva.SocialWork.Domain;
using Tilannekuva.SocialWork.Storage;

namespace Tilannekuva.SocialWork;

/// <summary>What a social worker fills in on the entry form.</summary>
public sealed record ObservationDraft(DateOnly ObservedOn, string Category, string Area, string ClientGroup, int ClientCount,
    string Description, string ProposedAction);

/// <summary>Recording observations and keeping their follow-up. Every change goes through the audited context.</summary>
public sealed class SocialWorkService(SocialWorkDbContext db, TimeProvider clock)
{
    public const int MaxDescription = 4000;
    public const int MaxAction = 2000;

    /// <summary>Text keys of what is wrong with a draft; empty when it can be saved.</summary>
    public static IReadOnlyList<string> Validate(ObservationDraft d)
    {
        var errors = new List<string>();
        if (!CodeLists.Categories.Contains(d.Category)) errors.Add("SocialWork.Error.Category");
        if (!CodeLists.Areas.Contains(d.Area)) errors.Add("SocialWork.Error.Area");
        if (!CodeLists.ClientGroups.Contains(d.ClientGroup)) errors.Add("SocialWork.Error.ClientGroup");
        if (d.ClientCount is < 1 or > 10_000) errors.Add("SocialWork.Error.ClientCount");
        if (string.IsNullOrWhiteSpace(d.Description) || d.Description.Length > MaxDescription) errors.Add("SocialWork.Error.Description");
        if ((d.ProposedAction ?? "").Length > MaxAction) errors.Add("SocialWork.Error.Action");
        return errors;
    }

    /// <summary>Stores a valid draft with its description scrubbed; returns the new id.</summary>
    public async Task<int> RecordAsync(ObservationDraft d, string userName, CancellationToken ct = default)
    {
        if (Validate(d) is { Count: > 0 } errors) throw new ArgumentException(string.Join(", ", errors), nameof(d));
        var o = new Observation
        {
            ObservedOn = d.ObservedOn, Category = d.Category, Area = d.Area, ClientGroup = d.ClientGroup, ClientCount = d.ClientCount,
            Description = DescriptionScrubber.Scrub(d.Description.Trim()),
            ProposedAction = DescriptionScrubber.Scrub((d.ProposedAction ?? "").Trim()),
            RecordedBy = userName, RecordedAt = clock.GetUtcNow(),
        };
        db.Observations.Add(o);
        await db.SaveChangesAsync(ct);
        return o.Id;
    }

    public Task<Observation?> FindAsync(int id, CancellationToken ct = default) =>
        db.Observations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);

    /// <summary>
    /// Whether <paramref name="userName"/> may correct or remove an entry: its recorder, or an editor (who keeps the
    /// follow-up and may have to take out something that identifies a person).
    /// </summary>
    public static bool MayChange(Observation o, string userName, bool isEditor) => isEditor || o.RecordedBy == userName;

    /// <summary>
    /// Corrects an entry with a valid draft, scrubbed again; the follow-up, the quote choice and the recorder stay.
    /// False when there is no such observation.
    /// </summary>
    public async Task<bool> UpdateAsync(int id, ObservationDraft d, CancellationToken ct = default)
    {
        if (Validate(d) is { Count: > 0 } errors) throw new ArgumentException(string.Join(", ", errors), nameof(d));
        var o = await db.Observations.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return false;
        (o.ObservedOn, o.Category, o.Area, o.ClientGroup, o.ClientCount) = (d.ObservedOn, d.Category, d.Area, d.ClientGroup, d.ClientCount);
        o.Description = DescriptionScrubber.Scrub(d.Description.Trim());
        o.ProposedAction = DescriptionScrubber.Scrub((d.ProposedAction ?? "").Trim());
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Removes an entry for good (the audit log keeps that it was removed, and its scrubbed text). False when there is no such observation.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken ct = default)
    {
        var o = await db.Observations.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return false;
        db.Observations.Remove(o);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Observations newest first; only <paramref name="recordedBy"/>'s when given.</summary>
    public Task<List<Observation>> ListAsync(string? recordedBy = null, int take = 200, CancellationToken ct = default) =>
        db.Observations.AsNoTracking().Where(o => recordedBy == null || o.RecordedBy == recordedBy)
            .OrderByDescending(o => o.ObservedOn).ThenByDescending(o => o.Id).Take(take).ToListAsync(ct);

    public Task<List<Observation>> InPeriodAsync(ReportPeriod p, CancellationToken ct = default) =>
        db.Observations.AsNoTracking().Where(o => o.ObservedOn >= p.From && o.ObservedOn <= p.To).OrderBy(o => o.ObservedOn).ThenBy(o => o.Id).ToListAsync(ct);

    /// <summary>The editor's follow-up of the proposed action (note scrubbed like the description). False when there is no such observation.</summary>
    public async Task<bool> SetFollowUpAsync(int id, FollowUpState state, string? note, CancellationToken ct = default)
    {
        var o = await db.Observations.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return false;
        o.FollowUp = state;
        o.FollowUpNote = string.IsNullOrWhiteSpace(note) ? null : DescriptionScrubber.Scrub(note.Trim()[..Math.Min(note.Trim().Length, MaxAction)]);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Whether the editor quotes the description in the reports.</summary>
    public async Task<bool> SetQuotedAsync(int id, bool quoted, CancellationToken ct = default)
    {
        var o = await db.Observations.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return false;
        o.Quoted = quoted;
        await db.SaveChangesAsync(ct);
        return true;
    }
}

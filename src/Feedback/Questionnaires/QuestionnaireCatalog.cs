using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Storage;

namespace Tilannekuva.Feedback.Questionnaires;

/// <summary>
/// Which questionnaire version a link asks, and the versions by id. Versions never change, so they
/// are cached for the life of the process; the choice per link is cached for a short while and
/// dropped whenever a questionnaire or an attachment changes (through <see cref="Invalidate"/>).
/// </summary>
public sealed class QuestionnaireCatalog
{
    private static readonly TimeSpan ChoiceLifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<int, Questionnaire> _byId = new();
    private readonly ConcurrentDictionary<(string, string, Audience), (int Id, DateTime At)> _choice = new();

    public void Invalidate() => _choice.Clear();

    public async Task<Questionnaire?> ByIdAsync(FeedbackDbContext db, int id, CancellationToken ct)
    {
        if (_byId.TryGetValue(id, out var q)) return q;
        q = await db.Questionnaires.AsNoTracking().Include(x => x.Items).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (q is not null) _byId[id] = q;
        return q;
    }

    /// <summary>
    /// The newest version of the questionnaire attached most specifically: service point and
    /// service, then service point, then service, then the default (neither). Null when none is.
    /// </summary>
    public async Task<Questionnaire?> ForAsync(FeedbackDbContext db, string servicePoint, string service, Audience audience, CancellationToken ct)
    {
        var key = (servicePoint, service, audience);
        if (_choice.TryGetValue(key, out var c) && DateTime.UtcNow - c.At < ChoiceLifetime) return await ByIdAsync(db, c.Id, ct);
        var attachments = await db.Attachments.AsNoTracking()
            .Where(a => a.Audience == audience
                && (a.ServicePointCode == null || a.ServicePointCode == servicePoint)
                && (a.ServiceCode == null || a.ServiceCode == service))
            .ToListAsync(ct);
        var best = attachments
            .OrderByDescending(a => (a.ServicePointCode is null ? 0 : 2) + (a.ServiceCode is null ? 0 : 1))
            .ThenByDescending(a => a.Id)
            .FirstOrDefault();
        if (best is null) return null;
        var id = await db.Questionnaires.Where(q => q.Key == best.QuestionnaireKey)
            .OrderByDescending(q => q.Version).Select(q => (int?)q.Id).FirstOrDefaultAsync(ct);
        if (id is null) return null;
        _choice[key] = (id.Value, DateTime.UtcNow);
        return await ByIdAsync(db, id.Value, ct);
    }
}

using Microsoft.EntityFrameworkCore;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Storage;

namespace Tilannekuva.Feedback.Pulse;

/// <summary>
/// The built-in staff question set, stored as a questionnaire (key <see cref="Key"/>, audience Staff) in the feedback
/// module's versioned questionnaire table: changing <see cref="Codes"/> stores a new version on the next round, and each
/// round keeps pointing at the version it asked. Texts come from the localisation (Pulse.Q.&lt;code&gt;).
/// </summary>
public static class PulseQuestions
{
    public const string Key = "staff-pulse";

    /// <summary>2–5 statements on the 1–5 scale: workload is manageable, the change is working, the team works well together.</summary>
    public static readonly IReadOnlyList<string> Codes = ["workload", "change", "team"];

    public static string TextKey(string code) => "Pulse.Q." + code;

    /// <summary>The newest version of the staff set, storing a new one when the built-in codes have changed.</summary>
    public static async Task<Questionnaire> CurrentAsync(FeedbackDbContext db, CancellationToken ct)
    {
        var latest = await db.Questionnaires.AsNoTracking().Include(q => q.Items)
            .Where(q => q.Key == Key).OrderByDescending(q => q.Version).FirstOrDefaultAsync(ct);
        if (latest is not null && latest.OrderedItems.Select(i => i.Code).SequenceEqual(Codes)) return latest;
        var q = new Questionnaire
        {
            Key = Key, Version = (latest?.Version ?? 0) + 1, Audience = Audience.Staff, Name = "Henkilöstön pulssi",
            AskOpenText = false, CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "system",
        };
        var position = 1;
        foreach (var code in Codes) q.Items.Add(new QuestionnaireItem { Position = position++, Code = code });
        db.Questionnaires.Add(q);
        await db.SaveChangesAsync(ct);
        return q;
    }
}

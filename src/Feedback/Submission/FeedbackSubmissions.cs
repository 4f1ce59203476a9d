using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Links;
using Tilannekuva.Feedback.Questionnaires;
using Tilannekuva.Feedback.Scrubbing;
using Tilannekuva.Feedback.Storage;

namespace Tilannekuva.Feedback.Submission;

/// <summary>
/// One submitted form. <paramref name="Answers"/>: statement code → 1–5, or 0 for "cannot say";
/// statements left unanswered are simply absent. <paramref name="QuestionnaireId"/> is the version
/// the form showed (null: the one currently attached to the link).
/// </summary>
public sealed record SubmissionRequest(
    string Token, Guid SubmissionId, int? QuestionnaireId, int? Recommendation,
    IReadOnlyDictionary<string, int> Answers, string? OpenText, AgeGroup? AgeGroup, string Language, string ClientKey);

public enum SubmissionStatus
{
    Stored,
    Duplicate,
    InvalidLink,
    RateLimited,
    Invalid,
    NoQuestionnaire,
}

/// <summary>What happened; <paramref name="Errors"/> are text keys (Feedback.Error.*) when invalid.</summary>
public sealed record SubmissionResult(SubmissionStatus Status, IReadOnlyList<string> Errors)
{
    public static readonly SubmissionResult Stored = new(SubmissionStatus.Stored, []);
    public static readonly SubmissionResult Duplicate = new(SubmissionStatus.Duplicate, []);
    public static readonly SubmissionResult InvalidLink = new(SubmissionStatus.InvalidLink, ["Feedback.Error.InvalidLink"]);
    public static readonly SubmissionResult RateLimited = new(SubmissionStatus.RateLimited, ["Feedback.Error.RateLimited"]);
    public static readonly SubmissionResult NoQuestionnaire = new(SubmissionStatus.NoQuestionnaire, ["Feedback.Error.NoQuestionnaire"]);
}

/// <summary>
/// Takes a response from any channel: checks the signed link, the rate limit, the questionnaire
/// version and every answer; scrubs the open text; stores the response and its answers in one
/// statement batch. A repeated submission id is answered as a duplicate and stores nothing.
/// </summary>
public sealed class FeedbackSubmissions(
    FeedbackDbContext db, LinkSigner signer, QuestionnaireCatalog catalog, SubmissionThrottle throttle,
    IOptions<FeedbackOptions> options, TimeProvider clock)
{
    private readonly FeedbackOptions _o = options.Value;

    /// <summary>Submissions by outcome (metric tilannekuva.feedback.submissions, tag status), for the operator's dashboards.</summary>
    private static readonly System.Diagnostics.Metrics.Counter<long> Submissions =
        new System.Diagnostics.Metrics.Meter("Tilannekuva.Feedback").CreateCounter<long>("tilannekuva.feedback.submissions", description: "Feedback submissions by outcome");

    public async Task<SubmissionResult> SubmitAsync(SubmissionRequest r, CancellationToken ct = default)
    {
        var result = await SubmitCoreAsync(r, ct);
        Submissions.Add(1, new KeyValuePair<string, object?>("status", result.Status.ToString()));
        return result;
    }

    private async Task<SubmissionResult> SubmitCoreAsync(SubmissionRequest r, CancellationToken ct)
    {
        if (!signer.TryVerify(r.Token, out var link)) return SubmissionResult.InvalidLink;
        var throttleKey = link.Channel == Channel.Kiosk ? $"k|{link.LinkId}" : $"l|{link.LinkId}|{r.ClientKey}";
        if (!throttle.TryAcquire(throttleKey, link.Channel == Channel.Kiosk ? _o.PerKioskPerMinute : _o.PerLinkPerMinute)
            || !throttle.TryAcquire($"p|{link.ServicePointCode}", _o.PerServicePointPerMinute))
            return SubmissionResult.RateLimited;

        var questionnaire = r.QuestionnaireId is { } qid
            ? await catalog.ByIdAsync(db, qid, ct)
            : await catalog.ForAsync(db, link.ServicePointCode, link.ServiceCode, link.Audience, ct);
        if (questionnaire is null || questionnaire.Audience != link.Audience) return SubmissionResult.NoQuestionnaire;

        var errors = new List<string>();
        if (r.Recommendation is not (>= 0 and <= 10)) errors.Add("Feedback.Error.Recommendation");
        var items = questionnaire.Items.ToDictionary(i => i.Code, StringComparer.Ordinal);
        foreach (var (code, value) in r.Answers)
        {
            if (!items.ContainsKey(code)) errors.Add("Feedback.Error.UnknownStatement");
            else if (value is < 0 or > 5) errors.Add("Feedback.Error.StatementValue");
        }
        if (!Localisation.Texts.Cultures.Contains(r.Language)) errors.Add("Feedback.Error.Language");
        if (r.SubmissionId == Guid.Empty) errors.Add("Feedback.Error.SubmissionId");
        if (errors.Count > 0) return new SubmissionResult(SubmissionStatus.Invalid, errors.Distinct().ToList());

        var now = clock.GetUtcNow();
        var text = string.IsNullOrWhiteSpace(r.OpenText) || !questionnaire.AskOpenText ? null : r.OpenText.Trim();
        if (text is not null)
        {
            // Scrubbed before it is cut: a code across the cut would otherwise leave its date part behind.
            text = TextScrubber.Scrub(text);
            if (text.Length > _o.MaxOpenTextLength) text = text[.._o.MaxOpenTextLength];
        }
        var response = new Response
        {
            // An SMS link is for one visit: its response id follows from the link, so it is answered once.
            Id = link.Channel == Channel.Sms ? IdForSmsLink(link.LinkId) : r.SubmissionId,
            QuestionnaireId = questionnaire.Id,
            ProviderCode = link.ProviderCode, ServicePointCode = link.ServicePointCode, ServiceCode = link.ServiceCode,
            Channel = link.Channel, Team = link.Team, LinkId = link.LinkId, AgeGroup = r.AgeGroup, Language = r.Language,
            SubmittedAt = now, Date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, _o.Zone()).DateTime),
            Recommendation = r.Recommendation!.Value, OpenText = text,
        };
        foreach (var (code, value) in r.Answers)
            response.Answers.Add(new Answer { Position = items[code].Position, Code = code, Value = value == 0 ? null : value });
        db.Responses.Add(response);
        // SQLite has one writer at a time; queueing here instead of in SQLite's busy handler (which
        // sleeps and retries) keeps the latency even. PostgreSQL takes the writes in parallel.
        var gate = db.Database.IsSqlite() ? SqliteWriteGate : null;
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return SubmissionResult.Stored;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return SubmissionResult.Duplicate;
        }
        finally
        {
            gate?.Release();
        }
    }

    private static readonly SemaphoreSlim SqliteWriteGate = new(1, 1);

    public static Guid IdForSmsLink(string linkId) => new(SHA256.HashData(Encoding.UTF8.GetBytes("sms|" + linkId))[..16]);

    private static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        _ => false,
    };
}

using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Disclosure;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Storage;

namespace Tilannekuva.Feedback.Pulse;

/// <summary>A round's figures: answers (respondents) and the mean per question, or no means when hidden (fewer than the minimum).</summary>
public sealed record PulseResult(int RoundId, string OrgUnitId, int IsoYear, int IsoWeek, int Answers, bool Shown, IReadOnlyList<(string Code, double? Mean)> Means)
{
    public string Week => $"{IsoYear}-W{IsoWeek:00}";
}

/// <summary>Opening rounds, taking answers and reading results of the staff pulse (docs/feedback.md, "Staff pulse").</summary>
public sealed class PulseService(FeedbackDbContext db)
{
    /// <summary>At most this many submissions per round: a flood through a shared link stops here.</summary>
    public const int MaximumAnswersPerRound = 500;

    public static SmallCellRule Rule => SmallCellRule.Default;

    /// <summary>The unit's round for the ISO week of <paramref name="day"/>; opened (new token) when there is none yet.</summary>
    public async Task<(PulseRound Round, bool Created)> OpenAsync(string orgUnitId, DateOnly day, string author, CancellationToken ct = default)
    {
        var (year, week) = (ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)));
        var existing = await db.PulseRounds.FirstOrDefaultAsync(r => r.OrgUnitId == orgUnitId && r.IsoYear == year && r.IsoWeek == week, ct);
        if (existing is not null) return (existing, false);
        var q = await PulseQuestions.CurrentAsync(db, ct);
        var round = new PulseRound
        {
            Token = NewToken(), OrgUnitId = orgUnitId, IsoYear = year, IsoWeek = week, QuestionnaireId = q.Id,
            CreatedAt = DateTimeOffset.UtcNow, CreatedBy = author,
        };
        db.PulseRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return (round, true);
    }

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async Task<(PulseRound Round, Questionnaire Questions)?> FindAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 40) return null;
        var round = await db.PulseRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Token == token, ct);
        if (round is null) return null;
        var q = await db.Questionnaires.AsNoTracking().Include(x => x.Items).FirstAsync(x => x.Id == round.QuestionnaireId, ct);
        return (round, q);
    }

    /// <summary>Stores one submission: every question answered 1–5. False when the answers are incomplete or the round is full.</summary>
    public async Task<bool> SubmitAsync(PulseRound round, Questionnaire questions, IReadOnlyDictionary<string, int> values, CancellationToken ct = default)
    {
        var codes = questions.OrderedItems.Select(i => i.Code).ToList();
        if (codes.Any(c => !values.TryGetValue(c, out var v) || v is < 1 or > 5)) return false;
        var first = codes[0];
        if (await db.PulseAnswers.CountAsync(a => a.RoundId == round.Id && a.Code == first, ct) >= MaximumAnswersPerRound) return false;
        db.PulseAnswers.AddRange(codes.Select(c => new PulseAnswer { RoundId = round.Id, Code = c, Value = values[c] }));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Results of the given units' rounds (null: all units) from <paramref name="since"/>'s week on, newest week first.</summary>
    public async Task<IReadOnlyList<PulseResult>> ResultsAsync(IReadOnlyList<string>? units, DateOnly since, CancellationToken ct = default)
    {
        var sinceDate = since.ToDateTime(TimeOnly.MinValue);
        var (y, w) = (ISOWeek.GetYear(sinceDate), ISOWeek.GetWeekOfYear(sinceDate));
        var rounds = db.PulseRounds.AsNoTracking().Where(r => r.IsoYear > y || (r.IsoYear == y && r.IsoWeek >= w));
        if (units is not null) rounds = rounds.Where(r => units.Contains(r.OrgUnitId));
        var list = await rounds.ToListAsync(ct);
        var ids = list.Select(r => r.Id).ToList();
        var sums = await db.PulseAnswers.AsNoTracking().Where(a => ids.Contains(a.RoundId))
            .GroupBy(a => new { a.RoundId, a.Code }).Select(g => new { g.Key.RoundId, g.Key.Code, N = g.Count(), Sum = g.Sum(a => a.Value) })
            .ToListAsync(ct);
        var codes = await db.QuestionnaireItems.AsNoTracking().Where(i => list.Select(r => r.QuestionnaireId).Contains(i.QuestionnaireId))
            .OrderBy(i => i.Position).Select(i => new { i.QuestionnaireId, i.Code }).ToListAsync(ct);
        return list.Select(r =>
        {
            var own = sums.Where(s => s.RoundId == r.Id).ToList();
            var n = own.Count == 0 ? 0 : own.Max(s => s.N);
            var shown = !Rule.Hides(n);
            var means = codes.Where(c => c.QuestionnaireId == r.QuestionnaireId)
                .Select(c => (c.Code, shown && own.FirstOrDefault(s => s.Code == c.Code) is { } s ? (double?)Math.Round((double)s.Sum / s.N, 1) : null)).ToList();
            return new PulseResult(r.Id, r.OrgUnitId, r.IsoYear, r.IsoWeek, n, shown, means);
        }).OrderByDescending(r => r.IsoYear).ThenByDescending(r => r.IsoWeek).ThenBy(r => r.OrgUnitId).ToList();
    }

    /// <summary>The newest round of these units with at least the minimum number of answers (the board tile); null when none.</summary>
    public async Task<PulseResult?> LatestShownAsync(IReadOnlyList<string> units, DateOnly today, CancellationToken ct = default) =>
        (await ResultsAsync(units, today.AddDays(-7 * 26), ct)).FirstOrDefault(r => r.Shown);
}

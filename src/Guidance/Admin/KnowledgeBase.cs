using Microsoft.EntityFrameworkCore;
using Tilannekuva.Guidance.Domain;
using Tilannekuva.Guidance.Storage;

namespace Tilannekuva.Guidance.Admin;

/// <summary>An article's state for editors (code list Guidance.Kb.Status.*).</summary>
public enum ArticleStatus { Draft, Published, Withdrawn }

/// <summary>One language's text of an article as the editor fills it in.</summary>
public sealed record ArticleText(string Lang, string Title, string Question, string Answer, string Keywords, string SourceUrl);

/// <summary>What the edit form saves: the team (null: every team), the linked service-tray entry or e-service, and the texts.</summary>
public sealed record ArticleForm(int? TeamId, int? TrayEntryId, string? EServiceUrl, IReadOnlyList<ArticleText> Texts);

/// <summary>A row of the editors' list.</summary>
public sealed record ArticleRow(int Id, int? TeamId, string Title, ArticleStatus Status, bool UnpublishedChanges, DateTimeOffset ChangedAt, string ChangedBy, IReadOnlyList<string> Languages);

/// <summary>An article with all its versions (newest first).</summary>
public sealed record ArticleDetail(Article Article, ArticleStatus Status, IReadOnlyList<ArticleVersion> Versions)
{
    /// <summary>The newest version in a language (draft or not): what the edit form starts from.</summary>
    public ArticleVersion? Newest(string lang) => Versions.Where(v => v.Language == lang).MaxBy(v => v.Version);
}

/// <summary>Who is editing: an admin edits every article; an advisor with the editor flag in a team edits that team's articles.</summary>
public sealed record Editor(string UserName, bool Admin);

/// <summary>
/// The knowledge base the bot answers from (Tietopankki): articles in fi/sv/en, each save a new version per language that
/// changed; drafts are kept but not answered from until published; withdrawing takes the whole article out of the bot.
/// Every change is written to the chained guidance audit.
/// </summary>
public sealed class KnowledgeBase(GuidanceDbContext db, TimeProvider clock)
{
    public static readonly string[] Languages = ["fi", "sv", "en"];

    private DateTimeOffset Now => clock.GetUtcNow().ToUniversalTime();

    /// <summary>The teams whose articles the user may edit (all teams for an admin).</summary>
    public async Task<List<Team>> EditableTeamsAsync(Editor who, CancellationToken ct) => who.Admin
        ? await db.Teams.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct)
        : await db.Teams.AsNoTracking().Where(t => db.Members.Any(m => m.TeamId == t.Id && m.UserName == who.UserName && m.Editor)).OrderBy(t => t.Code).ToListAsync(ct);

    public async Task<bool> IsEditorAsync(Editor who, CancellationToken ct) => who.Admin || await db.Members.AnyAsync(m => m.UserName == who.UserName && m.Editor, ct);

    /// <summary>Articles for every team are the admin's; a team's articles its editors'.</summary>
    public async Task<bool> MayEditAsync(Editor who, int? teamId, CancellationToken ct) =>
        who.Admin || (teamId is { } t && await db.Members.AnyAsync(m => m.TeamId == t && m.UserName == who.UserName && m.Editor, ct));

    private async Task RequireAsync(Editor who, int? teamId, CancellationToken ct)
    {
        if (!await MayEditAsync(who, teamId, ct)) throw new GuidanceException("Guidance.Error.NotEditor");
    }

    public static ArticleStatus StatusOf(Article a, IEnumerable<ArticleVersion> versions) =>
        a.Retired ? ArticleStatus.Withdrawn : versions.Any(v => !v.Draft) ? ArticleStatus.Published : ArticleStatus.Draft;

    /// <summary>The list: words in any language's title, question, keywords or answer; a team (0: the articles for every team); a status.</summary>
    public async Task<List<ArticleRow>> ListAsync(string? words, int? teamId, ArticleStatus? status, string lang, CancellationToken ct)
    {
        var articles = db.Articles.AsNoTracking();
        if (teamId == 0) articles = articles.Where(a => a.TeamId == null);
        else if (teamId is { } t) articles = articles.Where(a => a.TeamId == t);
        var list = await articles.ToListAsync(ct);
        var ids = list.Select(a => a.Id).ToList();
        var versions = (await db.ArticleVersions.AsNoTracking().Where(v => ids.Contains(v.ArticleId)).ToListAsync(ct)).ToLookup(v => v.ArticleId);
        var needle = words?.Trim();
        var rows = new List<ArticleRow>();
        foreach (var a in list)
        {
            var vs = versions[a.Id].ToList();
            if (vs.Count == 0) continue;
            var newest = vs.GroupBy(v => v.Language).Select(g => g.MaxBy(v => v.Version)!).ToList();
            if (needle is { Length: > 0 } && !newest.Any(v => Has(v.Title, needle) || Has(v.Question, needle) || Has(v.Keywords, needle) || Has(v.Answer, needle))) continue;
            var st = StatusOf(a, vs);
            if (status is { } s && s != st) continue;
            var shown = newest.FirstOrDefault(v => v.Language == lang) ?? newest.FirstOrDefault(v => v.Language == "fi") ?? newest[0];
            var last = vs.MaxBy(v => v.Id)!;
            rows.Add(new ArticleRow(a.Id, a.TeamId, TitleOf(shown), st, st == ArticleStatus.Published && newest.Any(v => v.Draft), last.CreatedAt, last.CreatedBy,
                newest.Select(v => v.Language).OrderBy(l => Array.IndexOf(Languages, l)).ToList()));
        }
        return rows.OrderByDescending(r => r.ChangedAt).ToList();
    }

    private static bool Has(string text, string needle) => text.Contains(needle, StringComparison.CurrentCultureIgnoreCase);

    public static string TitleOf(ArticleVersion v) => v.Title is { Length: > 0 } t ? t : v.Question;

    public async Task<ArticleDetail?> GetAsync(int id, CancellationToken ct)
    {
        var a = await db.Articles.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        var vs = await db.ArticleVersions.AsNoTracking().Where(v => v.ArticleId == id).OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id).ToListAsync(ct);
        return new ArticleDetail(a, StatusOf(a, vs), vs);
    }

    /// <summary>
    /// Saves the form: a new version for each language whose text changed (a draft unless <paramref name="publish"/>); with
    /// <paramref name="publish"/> the newest version of every language is published and a withdrawn article comes back. Returns the article id.
    /// </summary>
    public async Task<int> SaveAsync(Editor who, int? articleId, ArticleForm form, bool publish, CancellationToken ct)
    {
        var texts = Validate(form);
        await RequireAsync(who, form.TeamId, ct);
        Article article;
        if (articleId is { } aid)
        {
            article = await db.Articles.FirstOrDefaultAsync(a => a.Id == aid, ct) ?? throw new GuidanceException("Guidance.Error.NoArticle");
            await RequireAsync(who, article.TeamId, ct);
            if (article.TeamId != form.TeamId)
            {
                Audit(who, "MoveArticle", $"{article.Id}:{article.TeamId?.ToString() ?? "-"}->{form.TeamId?.ToString() ?? "-"}");
                article.TeamId = form.TeamId;
            }
        }
        else
        {
            db.Articles.Add(article = new Article { TeamId = form.TeamId });
            await db.SaveChangesAsync(ct);
            Audit(who, "CreateArticle", $"{article.Id}:team {form.TeamId?.ToString() ?? "-"}");
        }
        var versions = await db.ArticleVersions.Where(v => v.ArticleId == article.Id).ToListAsync(ct);
        foreach (var text in texts)
        {
            var newest = versions.Where(v => v.Language == text.Lang).MaxBy(v => v.Version);
            if (newest is not null && Same(newest, text, form)) continue;
            var v = new ArticleVersion
            {
                ArticleId = article.Id, Version = (newest?.Version ?? 0) + 1, Language = text.Lang, Title = text.Title, Question = text.Question, Answer = text.Answer,
                Keywords = text.Keywords, SourceUrl = text.SourceUrl, TrayEntryId = form.TrayEntryId, EServiceUrl = form.EServiceUrl, Draft = true, CreatedAt = Now, CreatedBy = who.UserName,
            };
            db.ArticleVersions.Add(v);
            versions.Add(v);
            Audit(who, "SaveArticle", $"{article.Id}:{text.Lang}:v{v.Version}:draft");
        }
        await db.SaveChangesAsync(ct);
        if (publish) await PublishAsync(who, article.Id, ct);
        return article.Id;
    }

    private static bool Same(ArticleVersion v, ArticleText t, ArticleForm f) =>
        v.Title == t.Title && v.Question == t.Question && v.Answer == t.Answer && v.Keywords == t.Keywords && v.SourceUrl == t.SourceUrl
        && v.TrayEntryId == f.TrayEntryId && v.EServiceUrl == f.EServiceUrl;

    /// <summary>The languages filled in, trimmed; at least one with a question and an answer; addresses http(s) or local.</summary>
    private static List<ArticleText> Validate(ArticleForm form)
    {
        var texts = new List<ArticleText>();
        foreach (var t in form.Texts)
        {
            if (!Languages.Contains(t.Lang)) continue;
            var x = new ArticleText(t.Lang, Clip(t.Title, 300), Clip(t.Question, 1000), Clip(t.Answer, 4000), Clip(t.Keywords, 1000), Clip(t.SourceUrl, 1000));
            if (x.Question.Length == 0 && x.Answer.Length == 0 && x.Title.Length == 0) continue;
            if (x.Question.Length == 0 || x.Answer.Length == 0) throw new GuidanceException("Guidance.Error.ArticleIncomplete");
            if (x.SourceUrl.Length > 0 && !IsAddress(x.SourceUrl)) throw new GuidanceException("Guidance.Error.Address");
            texts.Add(x);
        }
        if (texts.Count == 0) throw new GuidanceException("Guidance.Error.ArticleIncomplete");
        if (form.EServiceUrl is { Length: > 0 } e && !IsAddress(e)) throw new GuidanceException("Guidance.Error.Address");
        if (form.TrayEntryId is <= 0) throw new GuidanceException("Guidance.Error.TrayEntry");
        return texts;
    }

    private static string Clip(string? s, int max) { var t = (s ?? "").Trim(); return t.Length > max ? t[..max] : t; }

    public static bool IsAddress(string s) =>
        (s.StartsWith('/') && !s.StartsWith("//", StringComparison.Ordinal)) || (Uri.TryCreate(s, UriKind.Absolute, out var u) && u.Scheme is "https" or "http");

    /// <summary>Publishes the newest version of every language and brings a withdrawn article back; the bot answers from it on the next question.</summary>
    public async Task PublishAsync(Editor who, int id, CancellationToken ct)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new GuidanceException("Guidance.Error.NoArticle");
        await RequireAsync(who, article.TeamId, ct);
        var versions = await db.ArticleVersions.Where(v => v.ArticleId == id).ToListAsync(ct);
        var published = new List<string>();
        foreach (var g in versions.GroupBy(v => v.Language))
        {
            var newest = g.MaxBy(v => v.Version)!;
            if (!newest.Draft) continue;
            newest.Draft = false;
            published.Add($"{g.Key}:v{newest.Version}");
        }
        if (published.Count == 0 && !article.Retired) return;
        article.Retired = false;
        Audit(who, "PublishArticle", $"{id}:{string.Join(",", published)}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Takes the article out of the bot's answers (its versions stay for the record).</summary>
    public async Task WithdrawAsync(Editor who, int id, CancellationToken ct)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new GuidanceException("Guidance.Error.NoArticle");
        await RequireAsync(who, article.TeamId, ct);
        if (article.Retired) return;
        article.Retired = true;
        Audit(who, "WithdrawArticle", $"{id}:withdrawn");
        await db.SaveChangesAsync(ct);
    }

    private void Audit(Editor who, string action, string detail) =>
        db.Audit.Add(new GuidanceAudit { At = Now, UserName = who.UserName, Action = action, Detail = detail });

    private static readonly string[] ArticleActions = ["CreateArticle", "MoveArticle", "SaveArticle", "PublishArticle", "WithdrawArticle"];

    /// <summary>The audit rows of one article, newest first.</summary>
    public async Task<List<GuidanceAudit>> HistoryAsync(int id, CancellationToken ct)
    {
        var prefix = id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":";
        return await db.Audit.AsNoTracking().Where(a => ArticleActions.Contains(a.Action) && a.Detail.StartsWith(prefix)).OrderByDescending(a => a.Id).Take(200).ToListAsync(ct);
    }
}

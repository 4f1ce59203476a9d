using Microsoft.EntityFrameworkCore;
using Tilannekuva.Feedback.Scrubbing;
using Tilannekuva.Guidance.Bot;
using Tilannekuva.Guidance.Domain;
using Tilannekuva.Guidance.Queue;
using Tilannekuva.Guidance.Storage;

namespace Tilannekuva.Guidance;

/// <summary>A message as the two sides see it (bot messages name the article they came from).</summary>
public sealed record MessageView(long Id, DateTimeOffset At, string Sender, string? Author, string Text, int? ArticleId, string? ArticleQuestion, string? SourceUrl, int? TrayEntryId,
    string? EServiceUrl = null);

/// <summary>What a resident's message led to: the stored message, the bot's reply (if it answered) and the queue (if handed off).</summary>
public sealed record ResidentTurn(MessageView Message, MessageView? Bot, QueueStatus? Queue);

/// <summary>A chat as the console lists it.</summary>
public sealed record ChatSummary(Guid Id, string TeamCode, string State, string Language, DateTimeOffset StartedAt, DateTimeOffset? QueuedAt, string? Advisor, string? Consultant, string? LastText);

public sealed class GuidanceException(string key) : Exception(key)
{
    /// <summary>A text key (Guidance.Error.*) shown to the person.</summary>
    public string Key => Message;
}

/// <summary>
/// The chat engine: conversations, the bot, the handoff to a team's queue, advisors' work and the audit of transcript access.
/// Every message is scrubbed (<see cref="TextScrubber"/>) before it is stored. Staff act only on their teams' chats.
/// Messages in ongoing chats (a resident's while queued or active, the advisor's while active) go through the <see cref="MessageWriter"/>
/// when there is one (the web app): batched, and acknowledged only once committed; everything else through this context.
/// </summary>
public sealed class GuidanceService(GuidanceDbContext db, KnowledgeBot bot, GuidanceSettings settings, TimeProvider clock, IServiceSource? services = null,
    MessageWriter? writer = null)
{
    public const int MaxMessageLength = 2000;

    private DateTimeOffset Now => clock.GetUtcNow().ToUniversalTime();

    public async Task<Team> TeamAsync(string? code, bool staffOnly, CancellationToken ct)
    {
        var teams = db.Teams.AsNoTracking().Where(t => t.StaffOnly == staffOnly);
        return (code is { Length: > 0 } ? await teams.FirstOrDefaultAsync(t => t.Code == code, ct) : await teams.OrderBy(t => t.Id).FirstOrDefaultAsync(ct))
            ?? throw new GuidanceException("Guidance.Error.NoTeam");
    }

    /// <summary>A resident's new chat with the bot; <paramref name="consultant"/> (a signed-in professional) opens a remote consultation to a staff-only team instead.</summary>
    public async Task<Conversation> StartAsync(string lang, string? teamCode, string? consultant, CancellationToken ct)
    {
        var team = await TeamAsync(teamCode, consultant is not null, ct);
        var c = new Conversation
        {
            Id = Guid.NewGuid(), Language = lang is "sv" or "en" ? lang : "fi", TeamId = team.Id, StartedAt = Now, Consultant = consultant,
            State = ConversationState.Bot,
        };
        db.Conversations.Add(c);
        // A consultation goes straight to the specialist team's queue: the bot is for residents.
        if (consultant is not null) { c.State = ConversationState.Queued; c.QueuedAt = c.StartedAt; c.HandedOff = true; }
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<Conversation?> FindAsync(Guid id, CancellationToken ct) => await db.Conversations.FirstOrDefaultAsync(c => c.Id == id, ct);

    private async Task<Conversation> GetAsync(Guid id, CancellationToken ct) => await FindAsync(id, ct) ?? throw new GuidanceException("Guidance.Error.NoChat");

    /// <summary>The resident's own history (the capability is the chat id; no audit row: it is their own chat).</summary>
    public async Task<List<MessageView>> HistoryAsync(Guid id, CancellationToken ct) => await ViewsAsync(id, ct);

    /// <summary>A transcript for staff: only their teams' chats, and every read is audited.</summary>
    public async Task<List<MessageView>> TranscriptAsync(Guid id, string user, CancellationToken ct)
    {
        var c = await GetAsync(id, ct);
        await RequireMemberAsync(user, c.TeamId, ct);
        db.Audit.Add(new GuidanceAudit { At = Now, UserName = user, Action = "ReadTranscript", ConversationId = id });
        await db.SaveChangesAsync(ct);
        return await ViewsAsync(id, ct);
    }

    private async Task<List<MessageView>> ViewsAsync(Guid id, CancellationToken ct)
    {
        var rows = await db.Messages.AsNoTracking().Where(m => m.ConversationId == id).OrderBy(m => m.Id).ToListAsync(ct);
        var versionIds = rows.Where(r => r.ArticleVersionId is not null).Select(r => r.ArticleVersionId!.Value).Distinct().ToList();
        var versions = await db.ArticleVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        return rows.Select(m => View(m, m.ArticleVersionId is { } v && versions.TryGetValue(v, out var av) ? av : null)).ToList();
    }

    private static MessageView View(ChatMessage m, ArticleVersion? v) =>
        new(m.Id, m.At, m.Sender.ToString(), m.Author, m.Text, v?.ArticleId, v?.Question, v?.SourceUrl, v?.TrayEntryId ?? m.TrayEntryId, v?.EServiceUrl);

    /// <summary>What is stored of a message: at most <see cref="MaxMessageLength"/> characters, identity codes, phone numbers and e-mail addresses replaced by markers.</summary>
    public static string Clean(string text) => TextScrubber.Scrub(text.Length > MaxMessageLength ? text[..MaxMessageLength] : text);

    /// <summary>
    /// The message through the writer when the chat is in a state it handles (checked in the insert itself); null: not stored, take the full path.
    /// </summary>
    private async Task<MessageView?> WriteAsync(Guid id, Sender sender, string? author, string text)
    {
        if (writer is null || string.IsNullOrWhiteSpace(text)) return null;
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var clean = Clean(text.Trim());
        var at = Now;
        var stored = await writer.WriteAsync(new NewMessage(id, sender, author, clean, at));
        ChatMetrics.Lap(ChatMetrics.Store, start);
        return stored is { } mid ? new MessageView(mid, at, sender.ToString(), author, clean, null, null, null, null) : null;
    }

    private ChatMessage Add(Conversation c, Sender sender, string text, string? author = null, int? article = null)
    {
        var clean = Clean(text);
        var m = new ChatMessage { ConversationId = c.Id, At = Now, Sender = sender, Author = author, Text = clean, ArticleVersionId = article };
        db.Messages.Add(m);
        return m;
    }

    /// <summary>A resident's message: stored scrubbed; while the bot holds the chat it answers, or hands off when not confident.</summary>
    public async Task<ResidentTurn> PostResidentAsync(Guid id, string text, CancellationToken ct)
    {
        if (await WriteAsync(id, Sender.Resident, null, text) is { } written) return new ResidentTurn(written, null, null);
        var t = System.Diagnostics.Stopwatch.GetTimestamp();
        var c = await GetAsync(id, ct);
        if (c.State == ConversationState.Ended) throw new GuidanceException("Guidance.Error.Ended");
        if (string.IsNullOrWhiteSpace(text)) throw new GuidanceException("Guidance.Error.Empty");
        t = ChatMetrics.Lap(ChatMetrics.Check, t);
        var m = Add(c, Sender.Resident, text.Trim());
        await db.SaveChangesAsync(ct);
        ChatMetrics.Lap(ChatMetrics.Store, t);
        if (c.State != ConversationState.Bot) return new ResidentTurn(View(m, null), null, null);

        var answer = await bot.AnswerAsync(db, c.Language, m.Text, c.TeamId, ct);
        if (answer is not null && answer.Confidence >= settings.BotConfidence)
        {
            var reply = Add(c, Sender.Bot, answer.Article.Answer, article: answer.Article.Id);
            c.BotAnswers++;
            await db.SaveChangesAsync(ct);
            return new ResidentTurn(View(m, null), View(reply, answer.Article), null);
        }
        // Second source: a service from the service tray, shown as coming from the tray (no article id, its entry linked).
        if (services is not null && await services.SuggestAsync(c.Language, m.Text, ct) is { } hit && hit.Confidence >= settings.BotConfidence)
        {
            var reply = Add(c, Sender.Bot, hit.Summary.Length > 0 ? hit.Name + "\n" + hit.Summary : hit.Name);
            reply.TrayEntryId = hit.TrayEntryId;
            c.BotAnswers++;
            await db.SaveChangesAsync(ct);
            return new ResidentTurn(View(m, null), View(reply, null), null);
        }
        var queue = await HandOffAsync(c, ct);
        return new ResidentTurn(View(m, null), null, queue);
    }

    /// <summary>"Talk to a person": into the team's queue (or its place there when already queued).</summary>
    public async Task<QueueStatus> AskPersonAsync(Guid id, CancellationToken ct) => await HandOffAsync(await GetAsync(id, ct), ct);

    private async Task<QueueStatus> HandOffAsync(Conversation c, CancellationToken ct)
    {
        if (c.State == ConversationState.Bot)
        {
            c.State = ConversationState.Queued;
            c.QueuedAt = Now;
            c.HandedOff = true;
            await db.SaveChangesAsync(ct);
        }
        return await QueueStatusAsync(c, ct);
    }

    public async Task<QueueStatus> QueueStatusAsync(Conversation c, CancellationToken ct)
    {
        var team = await db.Teams.AsNoTracking().FirstAsync(t => t.Id == c.TeamId, ct);
        var position = c.State == ConversationState.Queued
            ? await db.Conversations.CountAsync(o => o.TeamId == c.TeamId && o.State == ConversationState.Queued && o.QueuedAt < c.QueuedAt, ct) + 1
            : 0;
        var open = OpeningHours.IsOpen(team, Now);
        return new QueueStatus(team.Code, team.Name(c.Language), position, (int)Math.Ceiling(position * settings.MinutesPerChat), open, team.OpenDays,
            team.Opens.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), team.Closes.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            c.State == ConversationState.Queued && (!open || position > team.MaxQueue));
    }

    /// <summary>A callback request instead of waiting: the chat leaves the queue and ends as "callback booked".</summary>
    public async Task RequestCallbackAsync(Guid id, string phone, CancellationToken ct)
    {
        var c = await GetAsync(id, ct);
        var digits = new string(phone.Where(ch => char.IsDigit(ch) || ch == '+').ToArray());
        if (digits.Length is < 6 or > 16) throw new GuidanceException("Guidance.Error.Phone");
        db.Callbacks.Add(new CallbackRequest { ConversationId = id, TeamId = c.TeamId, RequestedAt = Now, Phone = digits });
        Add(c, Sender.System, "callback");
        c.HandedOff = true;
        c.QueuedAt ??= Now;
        End(c, Resolution.CallbackBooked);
        await db.SaveChangesAsync(ct);
    }

    private void End(Conversation c, Resolution resolution)
    {
        c.State = ConversationState.Ended;
        c.EndedAt = Now;
        c.Resolution = resolution;
    }

    /// <summary>The resident ends the chat, optionally answering "did your matter get handled in the chat?". A bot chat ends as handled when the answer was yes or not given after a bot answer.</summary>
    public async Task<Conversation> EndByResidentAsync(Guid id, bool? handled, CancellationToken ct)
    {
        var c = await GetAsync(id, ct);
        if (handled is not null) c.ResidentSaysHandled = handled;
        if (c.State != ConversationState.Ended)
            End(c, c.State switch
            {
                ConversationState.Bot when c.BotAnswers > 0 && handled != false => Resolution.Handled,
                ConversationState.Active when handled != false => Resolution.Handled,
                _ => Resolution.NoAnswer,
            });
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<Team> TeamOfAsync(Conversation c, CancellationToken ct) => await db.Teams.AsNoTracking().FirstAsync(t => t.Id == c.TeamId, ct);

    // ---- staff ----

    /// <summary>The queues now of the teams that serve these org units (the steering board's guidance tile).</summary>
    public async Task<IReadOnlyList<TeamQueueNow>> QueuesNowAsync(IReadOnlyCollection<string> unitIds, string lang, CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().Where(t => unitIds.Contains(t.UnitId)).OrderBy(t => t.Code).ToListAsync(ct);
        var ids = teams.Select(t => t.Id).ToList();
        var live = await db.Conversations.AsNoTracking()
            .Where(c => ids.Contains(c.TeamId) && (c.State == ConversationState.Queued || c.State == ConversationState.Active))
            .Select(c => new { c.TeamId, c.State, c.QueuedAt }).ToListAsync(ct);
        var now = Now;
        return teams.Select(t =>
        {
            var own = live.Where(c => c.TeamId == t.Id).ToList();
            var waits = own.Where(c => c.State == ConversationState.Queued && c.QueuedAt is not null).Select(c => (now - c.QueuedAt!.Value).TotalMinutes).ToList();
            return new TeamQueueNow(t.Code, t.Name(lang), OpeningHours.IsOpen(t, now), own.Count(c => c.State == ConversationState.Queued),
                own.Count(c => c.State == ConversationState.Active), waits.Count == 0 ? null : (int)Math.Floor(waits.Max()));
        }).ToList();
    }

    public async Task<List<Team>> AllTeamsAsync(CancellationToken ct) => await db.Teams.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);

    public async Task<List<Team>> TeamsOfAsync(string user, CancellationToken ct) =>
        await db.Teams.AsNoTracking().Where(t => db.Members.Any(m => m.TeamId == t.Id && m.UserName == user)).OrderBy(t => t.Code).ToListAsync(ct);

    private async Task RequireMemberAsync(string user, int teamId, CancellationToken ct)
    {
        if (!await db.Members.AnyAsync(m => m.TeamId == teamId && m.UserName == user, ct)) throw new GuidanceException("Guidance.Error.NotYourTeam");
    }

    /// <summary>The waiting and ongoing chats of the user's teams (only those).</summary>
    public async Task<List<ChatSummary>> QueuesAsync(string user, CancellationToken ct)
    {
        var teams = (await TeamsOfAsync(user, ct)).ToDictionary(t => t.Id);
        var ids = teams.Keys.ToList();
        var chats = await db.Conversations.AsNoTracking()
            .Where(c => ids.Contains(c.TeamId) && (c.State == ConversationState.Queued || c.State == ConversationState.Active)).ToListAsync(ct);
        return chats.OrderBy(c => c.QueuedAt ?? c.StartedAt)
            .Select(c => new ChatSummary(c.Id, teams[c.TeamId].Code, c.State.ToString(), c.Language, c.StartedAt, c.QueuedAt, c.Advisor, c.Consultant, null)).ToList();
    }

    public async Task<Conversation> AcceptAsync(Guid id, string user, CancellationToken ct)
    {
        var c = await GetAsync(id, ct);
        await RequireMemberAsync(user, c.TeamId, ct);
        if (c.State != ConversationState.Queued) throw new GuidanceException("Guidance.Error.Taken");
        c.State = ConversationState.Active;
        c.AcceptedAt = Now;
        c.Advisor = user;
        db.Audit.Add(new GuidanceAudit { At = Now, UserName = user, Action = "Accept", ConversationId = id });
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<MessageView> PostAdvisorAsync(Guid id, string user, string text, CancellationToken ct)
    {
        if (await WriteAsync(id, Sender.Advisor, user, text) is { } written) return written;
        var t = System.Diagnostics.Stopwatch.GetTimestamp();
        var c = await GetAsync(id, ct);
        await RequireMemberAsync(user, c.TeamId, ct);
        if (c.State != ConversationState.Active || c.Advisor != user) throw new GuidanceException("Guidance.Error.NotYours");
        if (string.IsNullOrWhiteSpace(text)) throw new GuidanceException("Guidance.Error.Empty");
        t = ChatMetrics.Lap(ChatMetrics.Check, t);
        var m = Add(c, Sender.Advisor, text.Trim(), user);
        await db.SaveChangesAsync(ct);
        ChatMetrics.Lap(ChatMetrics.Store, t);
        return View(m, null);
    }

    /// <summary>Moves a chat to another team's queue (it keeps its place by the time it first queued).</summary>
    public async Task<Conversation> TransferAsync(Guid id, string user, string teamCode, CancellationToken ct)
    {
        var c = await GetAsync(id, ct);
        await RequireMemberAsync(user, c.TeamId, ct);
        var target = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Code == teamCode, ct) ?? throw new GuidanceException("Guidance.Error.NoTeam");
        if (c.State == ConversationState.Ended) throw new GuidanceException("Guidance.Error.Ended");
        var from = c.TeamId;
        c.TeamId = target.Id;
        c.State = ConversationState.Queued;
        c.Advisor = null;
        c.AcceptedAt = null;
        c.QueuedAt ??= Now;
        c.HandedOff = true;
        Add(c, Sender.System, "transfer:" + target.Code);
        db.Audit.Add(new GuidanceAudit { At = Now, UserName = user, Action = "Transfer", ConversationId = id, Detail = $"{from}->{target.Id}" });
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<Conversation> EndByAdvisorAsync(Guid id, string user, Resolution resolution, CancellationToken ct)
    {
        var c = await GetAsync(id, ct);
        await RequireMemberAsync(user, c.TeamId, ct);
        if (c.State == ConversationState.Ended) throw new GuidanceException("Guidance.Error.Ended");
        End(c, resolution);
        Add(c, Sender.System, "end:" + resolution);
        db.Audit.Add(new GuidanceAudit { At = Now, UserName = user, Action = "End", ConversationId = id, Detail = resolution.ToString() });
        await db.SaveChangesAsync(ct);
        return c;
    }

    // ---- administration (audited) ----

    public async Task AddMemberAsync(string actor, string teamCode, string user, CancellationToken ct)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Code == teamCode, ct) ?? throw new GuidanceException("Guidance.Error.NoTeam");
        if (await db.Members.AnyAsync(m => m.TeamId == team.Id && m.UserName == user, ct)) return;
        db.Members.Add(new TeamMember { TeamId = team.Id, UserName = user });
        db.Audit.Add(new GuidanceAudit { At = Now, UserName = actor, Action = "AddMember", Detail = $"{teamCode}:{user}" });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A new version of an article (or a new article when <paramref name="articleId"/> is null); returns the version.</summary>
    public async Task<ArticleVersion> SaveArticleAsync(string actor, int? articleId, int? teamId, string lang, string question, string answer, string sourceUrl, int? trayEntryId, CancellationToken ct)
    {
        Article article;
        if (articleId is { } aid) article = await db.Articles.FirstOrDefaultAsync(a => a.Id == aid, ct) ?? throw new GuidanceException("Guidance.Error.NoArticle");
        else db.Articles.Add(article = new Article { TeamId = teamId });
        await db.SaveChangesAsync(ct);
        var last = await db.ArticleVersions.Where(v => v.ArticleId == article.Id && v.Language == lang).MaxAsync(v => (int?)v.Version, ct) ?? 0;
        var v = new ArticleVersion
        {
            ArticleId = article.Id, Version = last + 1, Language = lang, Question = question.Trim(), Answer = answer.Trim(), SourceUrl = sourceUrl.Trim(),
            TrayEntryId = trayEntryId, CreatedAt = Now, CreatedBy = actor,
        };
        db.ArticleVersions.Add(v);
        db.Audit.Add(new GuidanceAudit { At = Now, UserName = actor, Action = "SaveArticle", Detail = $"{article.Id}:{lang}:v{v.Version}" });
        await db.SaveChangesAsync(ct);
        return v;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Access;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Links;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Guidance;
using Tilannekuva.Guidance.Domain;
using Tilannekuva.Guidance.Queue;

namespace Tilannekuva.Web.Guidance;

/// <summary>What a resident's page gets on joining: the chat's state, its whole history (from the database), the queue and, once ended, the feedback link.</summary>
public sealed record JoinResult(Guid Id, string State, string Language, string TeamCode, List<MessageView> Messages, QueueStatus? Queue, string? FeedbackUrl);

/// <summary>A chat opened in the console.</summary>
public sealed record ConsoleChat(Guid Id, string TeamCode, string State, string Language, string? Consultant, List<MessageView> Messages);

/// <summary>The console's view: the advisor's teams (all teams for transfers) and their queues.</summary>
public sealed record ConsoleQueues(List<TeamView> MyTeams, List<TeamView> AllTeams, List<ChatSummary> Chats);

public sealed record TeamView(string Code, string Name, bool StaffOnly);

/// <summary>
/// The chat over SignalR (/chat/hub; WebSockets with SSE and long-polling fallbacks). Residents need no sign-in: the random chat id is
/// their capability (kept in sessionStorage). Advisor methods need the Advisor or Admin role and membership of the chat's team.
/// Groups: "chat:{id}" (the resident's connections and the advisor who took it), "team:{code}" (advisors watching the queue).
/// Events: message(id, MessageView), queue(id, QueueStatus), state(id, state, feedbackUrl), queues().
/// </summary>
public sealed class ChatHub(GuidanceService guidance, FeedbackDbContext feedback, LinkSigner signer, AdvisorConnections advisors) : Hub
{
    public const string Path = "/chat/hub";
    private const string AdvisorRoles = Roles.Advisor + "," + Roles.Admin;

    private static string ChatGroup(Guid id) => "chat:" + id.ToString("N");
    private static string TeamGroup(string code) => "team:" + code;

    private string User => Context.User?.Identity?.Name ?? throw new HubException("Guidance.Error.SignIn");

    private static async Task<T> Guard<T>(Func<Task<T>> run)
    {
        try { return await run(); }
        catch (GuidanceException e) { throw new HubException(e.Key); }
    }

    // ---- resident ----

    public Task<JoinResult> Start(string lang, string? team) => Guard(async () =>
    {
        var c = await guidance.StartAsync(lang, team, null, Context.ConnectionAborted);
        return await JoinAsync(c.Id);
    });

    public Task<JoinResult> Join(Guid id) => Guard(() => JoinAsync(id));

    private async Task<JoinResult> JoinAsync(Guid id)
    {
        var ct = Context.ConnectionAborted;
        var c = await guidance.FindAsync(id, ct) ?? throw new GuidanceException("Guidance.Error.NoChat");
        await Groups.AddToGroupAsync(Context.ConnectionId, ChatGroup(id), ct);
        var team = await guidance.TeamOfAsync(c, ct);
        QueueStatus? queue = c.State == ConversationState.Queued ? await guidance.QueueStatusAsync(c, ct) : null;
        return new JoinResult(c.Id, c.State.ToString(), c.Language, team.Code, await guidance.HistoryAsync(id, ct), queue,
            c.State == ConversationState.Ended ? await FeedbackUrlAsync(team, c.Language) : null);
    }

    public Task<ResidentTurn> Send(Guid id, string text) => Guard(async () =>
    {
        var turn = await guidance.PostResidentAsync(id, text ?? "", Context.ConnectionAborted);
        var t = System.Diagnostics.Stopwatch.GetTimestamp();
        await Clients.Group(ChatGroup(id)).SendAsync("message", id, turn.Message);
        ChatMetrics.Lap(ChatMetrics.Broadcast, t);
        if (turn.Bot is not null) await Clients.Group(ChatGroup(id)).SendAsync("message", id, turn.Bot);
        if (turn.Queue is not null) await QueuedAsync(id, turn.Queue);
        return turn;
    });

    public Task<QueueStatus> AskPerson(Guid id) => Guard(async () =>
    {
        var queue = await guidance.AskPersonAsync(id, Context.ConnectionAborted);
        await QueuedAsync(id, queue);
        return queue;
    });

    private async Task QueuedAsync(Guid id, QueueStatus queue)
    {
        await Clients.Group(ChatGroup(id)).SendAsync("queue", id, queue);
        await Clients.Group(TeamGroup(queue.TeamCode)).SendAsync("queues");
    }

    public Task<bool> Callback(Guid id, string phone) => Guard(async () =>
    {
        await guidance.RequestCallbackAsync(id, phone ?? "", Context.ConnectionAborted);
        await EndedAsync(id);
        return true;
    });

    /// <summary>The resident ends the chat, optionally answering "did your matter get handled?"; returns the feedback link.</summary>
    public Task<string?> Leave(Guid id, bool? handled) => Guard(async () =>
    {
        var c = await guidance.EndByResidentAsync(id, handled, Context.ConnectionAborted);
        return await EndedAsync(id, c);
    });

    private async Task<string?> EndedAsync(Guid id, Conversation? c = null)
    {
        c ??= await guidance.FindAsync(id, Context.ConnectionAborted);
        var team = await guidance.TeamOfAsync(c!, Context.ConnectionAborted);
        var url = await FeedbackUrlAsync(team, c!.Language);
        await Clients.Group(ChatGroup(id)).SendAsync("state", id, ConversationState.Ended.ToString(), url);
        await Clients.Group(TeamGroup(team.Code)).SendAsync("queues");
        return url;
    }

    /// <summary>The feedback module's form (national question set) for the team's service point, signed as a web link.</summary>
    private async Task<string?> FeedbackUrlAsync(Team team, string lang)
    {
        if (team.FeedbackServicePoint is not { } point || team.FeedbackService is not { } service) return null;
        var provider = await feedback.ServicePoints.AsNoTracking().Where(p => p.Code == point).Select(p => p.ProviderCode).FirstOrDefaultAsync(Context.ConnectionAborted);
        if (provider is null) return null;
        var token = signer.Sign(new FeedbackLink(provider, point, service, Channel.Web, null, Audience.Adult, FeedbackLink.NewLinkId()));
        return $"/f/{token}?culture={lang}";
    }

    // ---- advisor ----

    [Authorize(Roles = AdvisorRoles)]
    public Task<ConsoleQueues> Queues() => Guard(async () =>
    {
        var ct = Context.ConnectionAborted;
        var mine = await guidance.TeamsOfAsync(User, ct);
        foreach (var t in mine)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, TeamGroup(t.Code), ct);
            advisors.Track(Context.ConnectionId, User, TeamGroup(t.Code));
        }
        var lang = Tilannekuva.Localisation.Texts.Language(System.Globalization.CultureInfo.CurrentUICulture);
        var all = await guidance.AllTeamsAsync(ct);
        return new ConsoleQueues(mine.Select(t => new TeamView(t.Code, t.Name(lang), t.StaffOnly)).ToList(),
            all.Select(t => new TeamView(t.Code, t.Name(lang), t.StaffOnly)).ToList(), await guidance.QueuesAsync(User, ct));
    });

    [Authorize(Roles = AdvisorRoles)]
    public Task<ConsoleChat> Accept(Guid id) => Guard(async () =>
    {
        var c = await guidance.AcceptAsync(id, User, Context.ConnectionAborted);
        await Clients.Group(ChatGroup(id)).SendAsync("state", id, c.State.ToString(), null);
        await Clients.Group(TeamGroup((await guidance.TeamOfAsync(c, Context.ConnectionAborted)).Code)).SendAsync("queues");
        return await OpenAsync(id);
    });

    /// <summary>Opens a chat of the advisor's team (audited transcript read) and follows its messages.</summary>
    [Authorize(Roles = AdvisorRoles)]
    public Task<ConsoleChat> Open(Guid id) => Guard(() => OpenAsync(id));

    private async Task<ConsoleChat> OpenAsync(Guid id)
    {
        var ct = Context.ConnectionAborted;
        var messages = await guidance.TranscriptAsync(id, User, ct);
        var c = (await guidance.FindAsync(id, ct))!;
        await Groups.AddToGroupAsync(Context.ConnectionId, ChatGroup(id), ct);
        advisors.Track(Context.ConnectionId, User, ChatGroup(id));
        return new ConsoleChat(id, (await guidance.TeamOfAsync(c, ct)).Code, c.State.ToString(), c.Language, c.Consultant, messages);
    }

    [Authorize(Roles = AdvisorRoles)]
    public Task<MessageView> Reply(Guid id, string text) => Guard(async () =>
    {
        var m = await guidance.PostAdvisorAsync(id, User, text ?? "", Context.ConnectionAborted);
        var t = System.Diagnostics.Stopwatch.GetTimestamp();
        await Clients.Group(ChatGroup(id)).SendAsync("message", id, m);
        ChatMetrics.Lap(ChatMetrics.Broadcast, t);
        return m;
    });

    [Authorize(Roles = AdvisorRoles)]
    public Task<bool> Transfer(Guid id, string team) => Guard(async () =>
    {
        var c = await guidance.TransferAsync(id, User, team ?? "", Context.ConnectionAborted);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, ChatGroup(id));
        await Clients.Group(ChatGroup(id)).SendAsync("queue", id, await guidance.QueueStatusAsync(c, Context.ConnectionAborted));
        await Clients.Group(TeamGroup(team!)).SendAsync("queues");
        await Clients.Caller.SendAsync("queues");
        return true;
    });

    [Authorize(Roles = AdvisorRoles)]
    public Task<bool> End(Guid id, Resolution resolution) => Guard(async () =>
    {
        var c = await guidance.EndByAdvisorAsync(id, User, resolution, Context.ConnectionAborted);
        await EndedAsync(id, c);
        return true;
    });

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        advisors.Forget(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Remote consultation: a signed-in professional opens a chat to a staff-only team's queue.</summary>
    [Authorize]
    public Task<JoinResult> Consult(string lang, string team) => Guard(async () =>
    {
        var c = await guidance.StartAsync(lang, team, User, Context.ConnectionAborted);
        var joined = await JoinAsync(c.Id);
        await Clients.Group(TeamGroup(team)).SendAsync("queues");
        return joined;
    });
}

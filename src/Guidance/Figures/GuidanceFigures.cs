using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Guidance.Domain;
using Tilannekuva.Guidance.Queue;
using Tilannekuva.Guidance.Storage;

namespace Tilannekuva.Guidance.Figures;

/// <summary>What one chat adds to the figures (no text, no identity).</summary>
public sealed record ChatFact(DateOnly Day, int Hour, int TeamId, bool HandedOff, bool BotOnlyResolved, bool HandledInChat, bool Ended, int? WaitSeconds)
{
    /// <summary>
    /// Bot-only resolved: ended without a handoff with the resolution "handled". Handled in chat (the plan's 50 % measure): the
    /// resident's own answer to "did your matter get handled in the chat?" when given, otherwise the resolution "handled".
    /// Wait: from entering the queue to an advisor accepting.
    /// </summary>
    public static ChatFact Of(Conversation c)
    {
        var local = OpeningHours.Local(c.StartedAt);
        var ended = c.State == ConversationState.Ended;
        var handled = ended && (c.ResidentSaysHandled ?? c.Resolution == Resolution.Handled);
        int? wait = c.QueuedAt is { } q && c.AcceptedAt is { } a ? (int)Math.Max(0, (a - q).TotalSeconds) : null;
        return new ChatFact(DateOnly.FromDateTime(local), local.Hour, c.TeamId, c.HandedOff,
            ended && !c.HandedOff && c.Resolution == Resolution.Handled, handled, ended, wait);
    }
}

public sealed record TeamCount(string Team, string Name, int Chats);

/// <summary>The figures of a period (issue #17): shares are of ended chats; waits in seconds.</summary>
public sealed record GuidanceFigureSet(DateOnly From, DateOnly To, int Chats, int Ended, double? BotOnlyResolvedShare, int Handoffs, double? WaitP50Seconds,
    double? WaitP90Seconds, double? HandledInChatShare, IReadOnlyList<TeamCount> ByTeam, IReadOnlyList<int> ByHour);

public static class GuidanceFigures
{
    /// <summary>Figures of chats started on <paramref name="from"/>..<paramref name="to"/> (Finnish dates, inclusive), from the chats still kept and the folded daily rows.</summary>
    public static async Task<GuidanceFigureSet> ComputeAsync(GuidanceDbContext db, DateOnly from, DateOnly to, string lang, IReadOnlyCollection<int>? teams, CancellationToken ct)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue).AddDays(-1), TimeSpan.Zero);
        var end = new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue).AddDays(2), TimeSpan.Zero);
        var live = (await db.Conversations.AsNoTracking().Where(c => c.StartedAt >= start && c.StartedAt < end).ToListAsync(ct))
            .Select(ChatFact.Of).Where(f => f.Day >= from && f.Day <= to && (teams is null || teams.Contains(f.TeamId))).ToList();
        var folded = (await db.DailyFigures.AsNoTracking().Where(d => d.Day >= from && d.Day <= to).ToListAsync(ct))
            .Where(d => teams is null || teams.Contains(d.TeamId)).ToList();
        var names = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, ct);

        var chats = live.Count + folded.Sum(d => d.Chats);
        var ended = live.Count(f => f.Ended) + folded.Sum(d => d.Ended);
        var botOnly = live.Count(f => f.BotOnlyResolved) + folded.Sum(d => d.BotOnlyResolved);
        var handled = live.Count(f => f.HandledInChat) + folded.Sum(d => d.HandledInChat);
        var handoffs = live.Count(f => f.HandedOff) + folded.Sum(d => d.Handoffs);
        var waits = live.Where(f => f.WaitSeconds is not null).Select(f => (double)f.WaitSeconds!.Value)
            .Concat(folded.SelectMany(d => d.Waits.Split(',', StringSplitOptions.RemoveEmptyEntries)).Select(w => double.Parse(w, CultureInfo.InvariantCulture)))
            .Order().ToList();
        var byTeam = live.GroupBy(f => f.TeamId).Select(g => (g.Key, Count: g.Count()))
            .Concat(folded.Select(d => (Key: d.TeamId, Count: d.Chats)))
            .GroupBy(x => x.Key).Select(g => new TeamCount(names.TryGetValue(g.Key, out var t) ? t.Code : g.Key.ToString(CultureInfo.InvariantCulture),
                names.TryGetValue(g.Key, out var n) ? n.Name(lang) : "", g.Sum(x => x.Count)))
            .OrderByDescending(t => t.Chats).ThenBy(t => t.Team, StringComparer.Ordinal).ToList();
        var byHour = new int[24];
        foreach (var f in live) byHour[f.Hour]++;
        foreach (var d in folded) byHour[d.Hour] += d.Chats;
        return new GuidanceFigureSet(from, to, chats, ended, ended == 0 ? null : (double)botOnly / ended, handoffs,
            Percentile(waits, 0.5), Percentile(waits, 0.9), ended == 0 ? null : (double)handled / ended, byTeam, byHour);
    }

    /// <summary>Nearest-rank percentile of sorted values; null when none.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>The CSV header of the indicator import's contacts kind (docs/ingest.md).</summary>
    public const string ContactsHeader = "source_id;unit_id;received_at;channel;reason;outcome;callback_requested_at;callback_done_at;demand_class;handling_minutes";

    /// <summary>
    /// Ended chats of the period as contacts in the shape `ingest` takes (kind contacts, channel chat), so chat contacts count
    /// in the remote-contact share. Outcome: handled → resolved, directed to a service → redirected, callback booked → callback
    /// (with the request and, when done, the callback time), transferred → resolved; chats with no answer are left out (no contact
    /// took place). Teams without a unit id are left out. source_id is "CHAT-" and the chat's id, so re-importing changes nothing.
    /// </summary>
    public static async Task<string> ContactsCsvAsync(GuidanceDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, ct);
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue).AddDays(-1), TimeSpan.Zero);
        var end = new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue).AddDays(2), TimeSpan.Zero);
        var chats = await db.Conversations.AsNoTracking().Where(c => c.StartedAt >= start && c.StartedAt < end && c.State == ConversationState.Ended).ToListAsync(ct);
        var ids = chats.Select(c => c.Id).ToList();
        var callbacks = (await db.Callbacks.AsNoTracking().Where(c => ids.Contains(c.ConversationId)).ToListAsync(ct)).ToLookup(c => c.ConversationId);
        var inv = CultureInfo.InvariantCulture;
        string Time(DateTimeOffset t) => OpeningHours.Local(t).ToString("d.M.yyyy H:mm", inv);
        var sb = new StringBuilder().AppendLine(ContactsHeader);
        foreach (var c in chats.OrderBy(c => c.StartedAt))
        {
            var day = DateOnly.FromDateTime(OpeningHours.Local(c.StartedAt));
            if (day < from || day > to || c.Consultant is not null) continue;
            if (!teams.TryGetValue(c.TeamId, out var team) || team.UnitId.Length == 0) continue;
            var outcome = c.Resolution switch
            {
                Resolution.Handled or Resolution.Transferred => "resolved",
                Resolution.DirectedToService => "redirected",
                Resolution.CallbackBooked => "callback",
                _ => null,
            };
            if (outcome is null) continue;
            var cb = callbacks[c.Id].FirstOrDefault();
            var minutes = c.AcceptedAt is { } a && c.EndedAt is { } e ? Math.Round((e - a).TotalMinutes, 1).ToString("0.#", CultureInfo.GetCultureInfo("fi")) : "";
            sb.Append("CHAT-").Append(c.Id.ToString("N")).Append(';').Append(team.UnitId).Append(';').Append(Time(c.StartedAt)).Append(";chat;;")
              .Append(outcome).Append(';')
              .Append(outcome == "callback" && cb is not null ? Time(cb.RequestedAt) : "").Append(';')
              .Append(outcome == "callback" && cb?.DoneAt is { } done ? Time(done) : "").Append(";;")
              .Append(minutes).AppendLine();
        }
        return sb.ToString();
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Tilannekuva.Guidance;

namespace Tilannekuva.Web.Guidance;

/// <summary>
/// Which SignalR groups each signed-in staff connection joined (team queues and opened chats), so that a membership change takes
/// effect at once: <see cref="MembershipChangedAsync"/> takes the account's connections out of the groups of teams it no longer
/// belongs to (no more pushed messages or queue events from them) and tells its consoles to reload. Reads and writes are checked
/// against membership on every hub call anyway; this closes the push side.
/// </summary>
public sealed class AdvisorConnections(IHubContext<ChatHub> hub, IServiceScopeFactory scopes)
{
    private sealed record Entry(string User, ConcurrentDictionary<string, byte> Groups);

    private readonly ConcurrentDictionary<string, Entry> _connections = new();

    public void Track(string connectionId, string user, string group) =>
        _connections.GetOrAdd(connectionId, _ => new Entry(user, new())).Groups[group] = 0;

    public void Forget(string connectionId) => _connections.TryRemove(connectionId, out _);

    /// <summary>After <paramref name="user"/> joined or left a team: prune the groups of teams no longer theirs and send "membership" to their connections.</summary>
    public async Task MembershipChangedAsync(string user, CancellationToken ct)
    {
        var mine = _connections.Where(c => c.Value.User == user).ToList();
        if (mine.Count == 0) return;
        using var scope = scopes.CreateScope();
        var guidance = scope.ServiceProvider.GetRequiredService<GuidanceService>();
        var teams = (await guidance.TeamsOfAsync(user, ct)).Select(t => t.Code).ToHashSet();
        foreach (var (connection, entry) in mine)
        {
            foreach (var group in entry.Groups.Keys.ToList())
            {
                var keep = group.StartsWith("team:", StringComparison.Ordinal) ? teams.Contains(group[5..])
                    : Guid.TryParseExact(group[5..], "N", out var chat) && await guidance.FindAsync(chat, ct) is { } c && teams.Contains((await guidance.TeamOfAsync(c, ct)).Code);
                if (keep) continue;
                await hub.Groups.RemoveFromGroupAsync(connection, group, ct);
                entry.Groups.TryRemove(group, out _);
            }
            await hub.Clients.Client(connection).SendAsync("membership", ct);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Guidance.Domain;
using Tilannekuva.Guidance.Figures;
using Tilannekuva.Guidance.Storage;
using Tilannekuva.Storage.Jobs;

namespace Tilannekuva.Guidance.Retention;

/// <summary>
/// Deletes chats (conversation, messages, callback numbers) started more than Guidance:RetentionDays ago, after folding
/// them into <see cref="DailyFigure"/> rows (per day, hour and team) in the same transaction, so the figures stay.
/// Access-audit rows are kept (they hold no message text).
/// </summary>
public sealed class RetentionJob(GuidanceSettings settings, TimeProvider clock) : IScheduledJob
{
    public string Name => "guidance-retention";

    public TimeSpan Every => settings.RetentionIntervalHours > 0 ? TimeSpan.FromHours(settings.RetentionIntervalHours) : TimeSpan.Zero;

    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        PurgeAsync(services.GetRequiredService<GuidanceDbContext>(), clock.GetUtcNow().AddDays(-settings.RetentionDays), ct);

    /// <summary>Folds and deletes the chats started before <paramref name="cutoff"/>; returns how many were deleted.</summary>
    public static async Task<int> PurgeAsync(GuidanceDbContext db, DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var old = await db.Conversations.Where(c => c.StartedAt < cutoff).ToListAsync(ct);
        if (old.Count == 0) return 0;
        var ids = old.Select(c => c.Id).ToList();
        foreach (var g in old.Select(ChatFact.Of).GroupBy(f => (f.Day, f.Hour, f.TeamId)))
        {
            var row = await db.DailyFigures.FirstOrDefaultAsync(d => d.Day == g.Key.Day && d.Hour == g.Key.Hour && d.TeamId == g.Key.TeamId, ct);
            if (row is null) db.DailyFigures.Add(row = new DailyFigure { Day = g.Key.Day, Hour = g.Key.Hour, TeamId = g.Key.TeamId });
            row.Chats += g.Count();
            row.BotOnlyResolved += g.Count(f => f.BotOnlyResolved);
            row.Handoffs += g.Count(f => f.HandedOff);
            row.HandledInChat += g.Count(f => f.HandledInChat);
            row.Ended += g.Count(f => f.Ended);
            var waits = g.Where(f => f.WaitSeconds is not null).Select(f => f.WaitSeconds!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            row.Waits = string.Join(',', new[] { row.Waits }.Where(w => w.Length > 0).Concat(waits));
        }
        await db.SaveChangesAsync(ct);
        await db.Callbacks.Where(c => ids.Contains(c.ConversationId)).ExecuteDeleteAsync(ct);
        await db.Messages.Where(m => ids.Contains(m.ConversationId)).ExecuteDeleteAsync(ct);
        var deleted = await db.Conversations.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(ct);
        db.Audit.Add(new GuidanceAudit { At = DateTimeOffset.UtcNow, UserName = "system", Action = "RetentionDelete", Detail = $"{deleted} chats started before {cutoff:yyyy-MM-dd}" });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return deleted;
    }
}

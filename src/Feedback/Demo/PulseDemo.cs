using Microsoft.EntityFrameworkCore;
using Tilannekuva.Feedback.Pulse;
using Tilannekuva.Feedback.Storage;

namespace Tilannekuva.Feedback.Demo;

/// <summary>
/// Synthetic staff pulse for the demo board's unit: five past weeks with 6–9 answers each (workload slowly easing as
/// the change settles) and the current week with 3 answers, which stays hidden. Loaded once (skipped when the unit has rounds).
/// </summary>
public static class PulseDemo
{
    public static async Task LoadAsync(FeedbackDbContext db, string orgUnitId, DateOnly today, CancellationToken ct = default)
    {
        if (await db.PulseRounds.AnyAsync(r => r.OrgUnitId == orgUnitId, ct)) return;
        var service = new PulseService(db);
        var random = new Random(18);
        for (var weeksAgo = 5; weeksAgo >= 0; weeksAgo--)
        {
            var (round, _) = await service.OpenAsync(orgUnitId, today.AddDays(-7 * weeksAgo), "demo", ct);
            var found = await service.FindAsync(round.Token, ct);
            var n = weeksAgo == 0 ? 3 : random.Next(6, 10);
            for (var i = 0; i < n; i++)
            {
                int Value(double centre) => Math.Clamp((int)Math.Round(centre + random.NextDouble() * 2 - 1), 1, 5);
                var values = new Dictionary<string, int>
                {
                    ["workload"] = Value(2.2 + 0.3 * (5 - weeksAgo)),
                    ["change"] = Value(2.8 + 0.25 * (5 - weeksAgo)),
                    ["team"] = Value(3.9),
                };
                await service.SubmitAsync(found!.Value.Round, found.Value.Questions, values, ct);
            }
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Tilannekuva.ContactSampling.Domain;
using Tilannekuva.ContactSampling.Storage;
using Tilannekuva.Indicators.Calendar;

namespace Tilannekuva.ContactSampling.Demo;

/// <summary>
/// The demo's two sampling periods of one unit, before and after a change (a callback service): two weeks each,
/// eight and four weeks before today, synthetic contacts (seeded, so every demo is alike) with a failure-demand share of
/// about 40 % before and 25 % after; both closed, so they feed the failure-demand indicators.
/// </summary>
public static class SamplingDemo
{
    public static async Task<int> LoadAsync(SamplingService service, ContactSamplingDbContext db, string unitId, DateOnly today, CancellationToken ct = default)
    {
        if (await db.Periods.AnyAsync(ct) || !(await service.UnitsAsync(ct)).Any(u => u.Code == unitId)) return 0;
        var random = new Random(18);
        var stored = 0;
        foreach (var (name, weeksAgo, failure, perDay) in new[] { ("Ennen takaisinsoittopalvelua", 8, 0.40, 14), ("Takaisinsoittopalvelun jälkeen", 4, 0.25, 12) })
        {
            var start = Monday(today.AddDays(-7 * weeksAgo));
            var period = await service.CreateAsync(unitId, name, start, start.AddDays(11), ct);
            for (var day = start; day <= period.EndDate; day = day.AddDays(1))
            {
                if (!FinnishWorkingDays.IsWorkingDay(day)) continue;
                for (var i = 0; i < perDay; i++)
                {
                    var isFailure = random.NextDouble() < failure;
                    var channel = Pick(random, [(SamplingChannel.Phone, 55), (SamplingChannel.InPerson, 15), (SamplingChannel.Chat, 10), (SamplingChannel.EMessage, 10), (SamplingChannel.EService, 5), (SamplingChannel.Video, 3), (SamplingChannel.Other, 2)]);
                    var reason = isFailure
                        ? Pick(random, [("test_results", 30), ("treatment_progress", 25), ("appointment", 20), ("referral_or_certificate", 15), ("other", 10)])
                        : Pick(random, [("appointment", 35), ("symptom_advice", 25), ("prescription", 15), ("cancel_or_change", 10), ("test_results", 5), ("billing", 5), ("other", 5)]);
                    db.Contacts.Add(new SampledContact
                    {
                        PeriodId = period.Id, ClientId = new Guid(Bytes(random)), Channel = channel, Reason = reason,
                        Demand = isFailure ? Demand.Failure : Demand.Value,
                        FailureKind = isFailure ? Pick(random, [(FailureKind.ChasingProgress, 35), (FailureKind.WaitingCallback, 25), (FailureKind.RepeatContact, 20), (FailureKind.UnclearInformation, 12), (FailureKind.WrongPlace, 8)]) : null,
                        DigitalPossible = random.NextDouble() < (isFailure ? 0.6 : 0.3),
                        RecordedAt = day.ToDateTime(new TimeOnly(8, 0)).AddMinutes(random.Next(0, 8 * 60)),
                    });
                    stored++;
                }
            }
            await db.SaveChangesAsync(ct);
            await service.CloseAsync(period.Id, ct);
        }
        return stored;
    }

    private static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    private static byte[] Bytes(Random r)
    {
        var b = new byte[16];
        r.NextBytes(b);
        return b;
    }

    private static T Pick<T>(Random r, (T Value, int Weight)[] choices)
    {
        var x = r.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (x < weight) return value;
            x -= weight;
        }
        return choices[^1].Value;
    }
}

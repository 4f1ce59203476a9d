using Microsoft.EntityFrameworkCore;
using Tilannekuva.ServiceTray.Collections;
using Tilannekuva.ServiceTray.Referrals;
using Tilannekuva.ServiceTray.Storage;

namespace Tilannekuva.ServiceTray.Demo;

/// <summary>
/// The demo's collections ("Omaishoitajan palvelut", "Ikäihmisen liikunta") and a few referrals (some arrived)
/// on the demo tray; loaded once (a store that has collections is left as it is).
/// </summary>
public static class TrayWorkDemo
{
    public static async Task LoadAsync(ServiceTrayDbContext db, CancellationToken ct = default)
    {
        if (await db.Collections.AnyAsync(ct)) return;
        var ids = await db.Entries.AsNoTracking().Where(e => e.Source == TrayDemo.Source && e.Kind == EntryKind.Service && e.Status == EntryStatus.Active)
            .Select(e => new { e.Id, e.SourceId }).ToListAsync(ct);
        List<long> Of(params string[] keys) => ids.Where(x => keys.Any(k => x.SourceId.StartsWith($"demo-{k}", StringComparison.Ordinal))).OrderBy(x => x.Id).Select(x => x.Id).ToList();
        var now = DateTimeOffset.UtcNow;
        db.Collections.Add(new TrayCollection
        {
            Slug = "omaishoitajan-palvelut", NameFi = "Omaishoitajan palvelut", NameSv = "Tjänster för närståendevårdare", NameEn = "Services for family carers",
            DescriptionFi = "Tukea, vertaisryhmiä ja vapaata läheistään hoitavalle.", DescriptionSv = "Stöd, kamratgrupper och ledighet för den som vårdar en närstående.",
            DescriptionEn = "Support, peer groups and time off for those caring for a relative.",
            ServiceIds = Of("carers-allowance", "carers-peer", "memory-cafe"), ChangedAt = now, ChangedBy = "demo",
        });
        db.Collections.Add(new TrayCollection
        {
            Slug = "ikaihmisen-liikunta", NameFi = "Ikäihmisen liikunta", NameSv = "Motion för äldre", NameEn = "Exercise for older people",
            DescriptionFi = "Kuntosali, tasapaino, tanssi ja vesiliikunta ikäihmisille eri puolilla aluetta.", DescriptionSv = "Gym, balans, dans och vattenmotion för äldre i hela området.",
            DescriptionEn = "Gym, balance, dance and water exercise for older people across the region.",
            ServiceIds = Of("senior-gym", "balance", "senior-dance", "water-gym"), ChangedAt = now, ChangedBy = "demo",
        });
        var exercise = Of("senior-gym", "balance", "nature-walk");
        var units = new[] { "K205-TA1", "K765-TA1" };
        for (var i = 0; i < Math.Min(6, exercise.Count); i++)
            db.Referrals.Add(new TrayReferral
            {
                Code = Referrals.Referrals.NewCode(), CreatedAt = now.AddDays(-i * 3), Unit = units[i % 2], TargetGroup = i % 3 == 2 ? "KR1" : "KR1.2",
                Channel = (ReferralChannel)(i % 3), Language = "fi",
                Services = [new TrayReferralService { ServiceId = exercise[i], ArrivedAt = i % 2 == 0 ? now.AddDays(-i * 3 + 2) : null }],
            });
        await db.SaveChangesAsync(ct);
    }
}

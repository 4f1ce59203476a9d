using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Review;
using Tilannekuva.ServiceTray.Storage;

namespace Tilannekuva.Web.Tests;

/// <summary>
/// A programme metric linked to a service tray figure ("tray.referrals", "tray.referrals.arrived") gets quarterly
/// values from the tray's referrals, the same way catalogue and feedback indicators reach the programme; checked
/// against the referral rows counted straight from the tray's tables.
/// </summary>
[Collection(SqliteAppCollection.Name)]
public sealed class TrayMetricValuesTests(SqliteApp app)
{
    [Fact]
    public async Task Metrics_linked_to_tray_referrals_get_quarterly_values_that_add_up_to_the_referrals_made()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tray = scope.ServiceProvider.GetRequiredService<ServiceTrayDbContext>();
        var start = new DateOnly(app.Today.Year - 1, 1, 1);
        var rows = await tray.ReferralServices.AsNoTracking()
            .Join(tray.Referrals.AsNoTracking(), s => s.ReferralId, r => r.Id, (s, r) => new { r.CreatedAt, Arrived = s.ArrivedAt != null })
            .ToListAsync();
        var made = rows.Count(r => DateOnly.FromDateTime(r.CreatedAt.LocalDateTime) >= start);
        var arrived = rows.Count(r => r.Arrived && DateOnly.FromDateTime(r.CreatedAt.LocalDateTime) >= start);
        Assert.True(made > 0, "the demo gives referrals");
        Assert.True(arrived > 0 && arrived < made, "the demo has referrals arrived and not arrived");

        var programme = new DevelopmentProgramme { Id = 1, Name = "Tarjotin", StartYear = start.Year, EndYear = app.Today.Year + 1 };
        programme.Metrics.Add(new Metric { Id = 11, ProgrammeId = 1, Name = "Lähetteet", IndicatorCode = "tray.referrals" });
        programme.Metrics.Add(new Metric { Id = 12, ProgrammeId = 1, Name = "Perille", IndicatorCode = "tray.referrals.arrived", Unit = "%" });

        var values = await scope.ServiceProvider.GetRequiredService<IComputedMetricValues>().ForAsync(programme);

        var counts = values[11];
        Assert.Equal(made, counts.Sum(m => m.Value!.Value));
        Assert.Equal(made, counts.Sum(m => m.N!.Value));
        Assert.All(counts, m => Assert.Equal("tray.referrals", m.Source));
        Assert.All(counts, m => Assert.True(m.Date <= Period.QuarterOf(app.Today).End));
        var shares = values[12];
        var weighted = shares.Sum(m => m.Value!.Value * m.N!.Value) / shares.Sum(m => m.N!.Value);
        var expected = 100m * arrived / made;
        Assert.InRange(weighted, expected - 0.1m, expected + 0.1m);
    }
}

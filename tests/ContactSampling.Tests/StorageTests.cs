using Microsoft.EntityFrameworkCore;
using Tilannekuva.ContactSampling.Domain;
using Tilannekuva.ContactSampling.Storage;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Storage;

namespace Tilannekuva.ContactSampling.Tests;

/// <summary>A clock standing still (recording defaults and limits depend on now).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Periods and contacts in a real SQLite file and a real PostgreSQL database: resends, audit, closing into the indicators.</summary>
public sealed class StorageTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 3, 13, 12, 0, 0, TimeSpan.Zero));

    public static TheoryData<bool> Providers => new() { false, true };

    private static ContactInput Input(string channel, string reason, string demand, int day, int hour, string? kind = null, bool? digital = null) =>
        new(Guid.NewGuid(), channel, reason, demand, kind, digital, new DateTime(2026, 3, day, hour, 0, 0));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_resent_record_is_stored_once_and_every_change_is_audited(bool postgres)
    {
        await using var store = await SamplingStore.CreateAsync(postgres);
        var service = store.Service(Clock);
        var period = await service.CreateAsync("U1", "Ennen", new(2026, 3, 2), new(2026, 3, 13));
        var input = Input("phone", "test_results", "failure", 3, 9, "chasing_progress", true);
        var first = await service.RecordAsync(period.Id, input);
        var again = await service.RecordAsync(period.Id, input);
        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(first.Contact.Id, again.Contact.Id);
        Assert.Single(await service.ContactsAsync(period.Id));

        var audit = await store.Sampling.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["SamplingPeriod", "SampledContact"], audit.Select(a => a.EntityType));
        Assert.All(audit, a => Assert.Equal("tester", a.UserName));
        Assert.True((await AuditChain.VerifyAsync<SamplingAuditEntry>(store.Sampling, ContactSamplingDbContext.AuditTable)).Intact);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Refuses_unknown_unit_closed_period_and_a_client_id_of_another_period(bool postgres)
    {
        await using var store = await SamplingStore.CreateAsync(postgres);
        var service = store.Service(Clock);
        Assert.Equal("Sampling.Error.Unit", (await Assert.ThrowsAsync<SamplingException>(() => service.CreateAsync("NOPE", "x", new(2026, 3, 2), new(2026, 3, 13)))).Key);
        Assert.Equal("Sampling.Error.Dates", (await Assert.ThrowsAsync<SamplingException>(() => service.CreateAsync("U1", "x", new(2026, 3, 13), new(2026, 3, 2)))).Key);
        var a = await service.CreateAsync("U1", "A", new(2026, 3, 2), new(2026, 3, 13));
        var b = await service.CreateAsync("U1", "B", new(2026, 3, 2), new(2026, 3, 13));
        var input = Input("chat", "billing", "value", 4, 10);
        await service.RecordAsync(a.Id, input);
        Assert.Equal("Sampling.Error.ClientId", (await Assert.ThrowsAsync<SamplingException>(() => service.RecordAsync(b.Id, input))).Key);
        await service.CloseAsync(b.Id);
        Assert.Equal("Sampling.Error.Closed", (await Assert.ThrowsAsync<SamplingException>(() => service.RecordAsync(b.Id, Input("chat", "billing", "value", 4, 10)))).Key);
    }

    /// <summary>Part 4 of the issue: a closed period's contacts are the facts of failure_demand_share and failure_demand_htv.</summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Closing_feeds_the_failure_demand_indicators_with_the_samples_share(bool postgres)
    {
        await using var store = await SamplingStore.CreateAsync(postgres);
        var service = store.Service(Clock);
        var period = await service.CreateAsync("U1", "Ennen", new(2026, 3, 2), new(2026, 3, 13));
        // 3 failures of 8 (37.5 %): phone 6 + phone 6 + chat 7 = 19 failure minutes.
        var inputs = new[]
        {
            Input("phone", "test_results", "failure", 2, 9, "chasing_progress"), Input("phone", "test_results", "failure", 3, 9, "repeat_contact"),
            Input("chat", "appointment", "failure", 4, 9, "wrong_place"), Input("phone", "appointment", "value", 5, 9),
            Input("in_person", "appointment", "value", 6, 9), Input("video", "prescription", "value", 9, 9),
            Input("e_service", "billing", "value", 10, 9), Input("e_message", "other", "value", 11, 9),
        };
        foreach (var i in inputs) await service.RecordAsync(period.Id, i);
        var result = await service.ResultAsync(period.Id);
        Assert.Equal(0.375, result!.Total.FailureShare.Share, 10);

        await service.CloseAsync(period.Id);
        await service.CloseAsync(period.Id); // again: nothing new
        var fed = await store.Indicators.Contacts.AsNoTracking().Where(c => c.SourceId.StartsWith("sampling:")).CountAsync();
        Assert.Equal(8, fed);

        store.Indicators.ChangeTracker.Clear();
        var share = await store.Indicators.IndicatorValues.AsNoTracking()
            .SingleAsync(v => v.IndicatorCode == "failure_demand_share" && v.PeriodType == "month" && v.PeriodCode == "2026-03" && v.OrgUnitId == "U1" && v.Dimension == "total");
        Assert.Equal(37.5, share.Value!.Value, 9);
        Assert.Equal(8, share.N);
        var htv = await store.Indicators.IndicatorValues.AsNoTracking()
            .SingleAsync(v => v.IndicatorCode == "failure_demand_htv" && v.PeriodType == "month" && v.PeriodCode == "2026-03" && v.OrgUnitId == "U1" && v.Dimension == "total");
        Assert.Equal(19.0 / 96000, htv.Value!.Value, 12);
    }
}

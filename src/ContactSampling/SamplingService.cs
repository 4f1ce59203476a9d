using Microsoft.EntityFrameworkCore;
using Tilannekuva.ContactSampling.Domain;
using Tilannekuva.ContactSampling.Results;
using Tilannekuva.ContactSampling.Storage;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.ContactSampling;

/// <summary>A contact as the entry form or the API sends it (codes as in <see cref="SamplingCodes"/>).</summary>
public sealed record ContactInput(Guid ClientId, string Channel, string Reason, string Demand, string? FailureKind, bool? DigitalPossible, DateTime? RecordedAt);

/// <summary>Why a request was refused: a text key ("Sampling.Error.*") and the field it concerns.</summary>
public sealed class SamplingException(string key, string? fieldName = null) : Exception(key)
{
    public string Key => Message;
    public string? Field { get; } = fieldName;
}

/// <summary>Outcome of recording: stored now, or already stored earlier under the same client id (a resend).</summary>
public sealed record RecordResult(SampledContact Contact, bool Duplicate);

/// <summary>Periods, recording, closing (which feeds the failure-demand indicators) and the results.</summary>
public sealed class SamplingService(ContactSamplingDbContext db, IndicatorsDbContext indicators, SamplingSettings settings, TimeProvider clock)
{
    public Task<List<SamplingPeriod>> ListAsync(CancellationToken ct = default) =>
        db.Periods.AsNoTracking().OrderByDescending(p => p.StartDate).ThenBy(p => p.Id).ToListAsync(ct);

    public Task<SamplingPeriod?> FindAsync(int id, CancellationToken ct = default) => db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);

    public Task<List<SampledContact>> ContactsAsync(int periodId, CancellationToken ct = default) =>
        db.Contacts.AsNoTracking().Where(c => c.PeriodId == periodId).OrderBy(c => c.RecordedAt).ThenBy(c => c.Id).ToListAsync(ct);

    /// <summary>The org units a period may be for (code, name), from the indicators' unit tree.</summary>
    public async Task<List<(string Code, string Name)>> UnitsAsync(CancellationToken ct = default) =>
        (await indicators.OrgUnits.AsNoTracking().OrderBy(u => u.Name).Select(u => new { u.SourceId, u.Name }).ToListAsync(ct))
        .Select(u => (u.SourceId, u.Name)).ToList();

    public async Task<SamplingPeriod> CreateAsync(string unitId, string name, DateOnly start, DateOnly end, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200) throw new SamplingException("Sampling.Error.Name", "name");
        if (end < start || end.DayNumber - start.DayNumber > 366) throw new SamplingException("Sampling.Error.Dates", "end");
        if (!await indicators.OrgUnits.AnyAsync(u => u.SourceId == unitId, ct)) throw new SamplingException("Sampling.Error.Unit", "unit");
        var period = new SamplingPeriod { UnitId = unitId, Name = name.Trim(), StartDate = start, EndDate = end, State = PeriodState.Open, CreatedAt = clock.GetUtcNow() };
        db.Periods.Add(period);
        await db.SaveChangesAsync(ct);
        return period;
    }

    /// <summary>Stores one contact; a second send of the same client id returns the stored one and changes nothing.</summary>
    public async Task<RecordResult> RecordAsync(int periodId, ContactInput input, CancellationToken ct = default)
    {
        if (input.ClientId == Guid.Empty) throw new SamplingException("Sampling.Error.ClientId", "clientId");
        if (await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == input.ClientId, ct) is { } existing)
        {
            if (existing.PeriodId != periodId) throw new SamplingException("Sampling.Error.ClientId", "clientId");
            return new RecordResult(existing, true);
        }
        var period = await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId, ct) ?? throw new SamplingException("Sampling.Error.NoPeriod");
        if (period.State != PeriodState.Open) throw new SamplingException("Sampling.Error.Closed");
        var contact = Validate(periodId, input, FinnishNow());
        db.Contacts.Add(contact);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same record arrived twice at once (a resend racing the first send): the other one won.
            if (await ResentAsync(input.ClientId, ct) is { } stored) return new RecordResult(stored, true);
            throw;
        }
        return new RecordResult(contact, false);
    }

    private async Task<SampledContact?> ResentAsync(Guid clientId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId, ct);
    }

    internal static SampledContact Validate(int periodId, ContactInput input, DateTime now)
    {
        if (!SamplingCodes.TryChannel(input.Channel, out var channel)) throw new SamplingException("Sampling.Error.Channel", "channel");
        if (!ContactReasons.IsKnown(input.Reason)) throw new SamplingException("Sampling.Error.Reason", "reason");
        if (!SamplingCodes.TryDemand(input.Demand, out var demand)) throw new SamplingException("Sampling.Error.Demand", "demand");
        FailureKind? kind = null;
        if (demand == Demand.Failure)
        {
            if (string.IsNullOrEmpty(input.FailureKind)) kind = FailureKind.Other;
            else if (SamplingCodes.TryFailureKind(input.FailureKind, out var k)) kind = k;
            else throw new SamplingException("Sampling.Error.FailureKind", "failureKind");
        }
        var at = input.RecordedAt is { } r && r <= now.AddMinutes(5) && r > now.AddDays(-30) ? r : now;
        return new SampledContact
        {
            PeriodId = periodId, ClientId = input.ClientId, Channel = channel, Reason = input.Reason, Demand = demand, FailureKind = kind,
            DigitalPossible = input.DigitalPossible, RecordedAt = DateTime.SpecifyKind(at, DateTimeKind.Unspecified),
        };
    }

    private DateTime FinnishNow()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");
        return TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime;
    }

    /// <summary>
    /// Closes an open period: the sample becomes final and its contacts facts of the failure-demand indicators
    /// (<see cref="IndicatorFeed"/>). Closing a closed period again changes nothing.
    /// </summary>
    public async Task<SamplingPeriod> CloseAsync(int periodId, CancellationToken ct = default)
    {
        var period = await db.Periods.FirstOrDefaultAsync(p => p.Id == periodId, ct) ?? throw new SamplingException("Sampling.Error.NoPeriod");
        if (period.State == PeriodState.Closed) return period;
        period.State = PeriodState.Closed;
        period.ClosedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await new IndicatorFeed(indicators, settings).FeedAsync(period, await ContactsAsync(period.Id, ct), ct);
        return period;
    }

    public async Task<SampleResult?> ResultAsync(int periodId, CancellationToken ct = default) =>
        await FindAsync(periodId, ct) is { } p ? SampleAnalysis.Analyse(p, await ContactsAsync(p.Id, ct), settings) : null;

    public async Task<Comparison?> CompareAsync(int beforeId, int afterId, CancellationToken ct = default) =>
        await ResultAsync(beforeId, ct) is { } before && await ResultAsync(afterId, ct) is { } after ? SampleAnalysis.Compare(before, after) : null;
}

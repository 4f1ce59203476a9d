using Microsoft.Extensions.Configuration;
using Tilannekuva.ContactSampling.Domain;
using Tilannekuva.ContactSampling.Results;

namespace Tilannekuva.ContactSampling.Tests;

public sealed class SampleAnalysisTests
{
    internal static SampledContact C(SamplingChannel ch, string reason, Demand d, FailureKind? k = null, bool? digital = null, DateTime? at = null) => new()
    {
        ClientId = Guid.NewGuid(), Channel = ch, Reason = reason, Demand = d, FailureKind = k, DigitalPossible = digital,
        RecordedAt = at ?? new DateTime(2026, 3, 2, 9, 0, 0),
    };

    // Monday 2 March to Friday 13 March 2026: two weeks, no holidays → 10 working days.
    private static readonly SamplingPeriod Period = new() { Id = 1, UnitId = "U1", Name = "p", StartDate = new(2026, 3, 2), EndDate = new(2026, 3, 13) };

    [Fact]
    public void Shares_minutes_and_person_years_by_hand()
    {
        var contacts = new List<SampledContact>
        {
            C(SamplingChannel.Phone, "test_results", Demand.Failure, FailureKind.ChasingProgress, true),
            C(SamplingChannel.Phone, "test_results", Demand.Failure, FailureKind.ChasingProgress, true),
            C(SamplingChannel.InPerson, "test_results", Demand.Value),
            C(SamplingChannel.Chat, "appointment", Demand.Failure, FailureKind.RepeatContact, false),
            C(SamplingChannel.Phone, "appointment", Demand.Value),
            C(SamplingChannel.Phone, "appointment", Demand.Value),
            C(SamplingChannel.Video, "prescription", Demand.Value),
            C(SamplingChannel.EMessage, "other", Demand.Failure, null),
        };
        var r = SampleAnalysis.Analyse(Period, contacts, SamplingSettings.Default);

        // 4 failures of 8: 50 %. Minutes: phone 6 + phone 6 + chat 7 + e-message 5 = 24.
        Assert.Equal(8, r.Total.FailureShare.N);
        Assert.Equal(4, r.Total.FailureShare.Successes);
        Assert.Equal(0.5, r.Total.FailureShare.Share, 10);
        Assert.Equal(24, r.Total.FailureMinutes, 10);
        Assert.Equal(2, r.Total.DigitalPossible);



        Assert.Equal(10, r.WorkingDays);
        var perYear = SampleAnalysis.WorkingDaysBetween(new(2026, 1, 1), new(2026, 12, 31));
        Assert.Equal(perYear, r.WorkingDaysPerYear);
        // A year: 24 min / 10 days × working days; HTV: / 96,000 min.
        Assert.Equal(24.0 / 10 * perYear, r.FailureMinutesPerYear, 6);
        Assert.Equal(24.0 / 10 * perYear / 96000, r.FailureHtvPerYear, 9);

        var results = r.ByReason.Single(x => x.Reason == "test_results");
        Assert.Equal(2, results.FailureShare.Successes);
        Assert.Equal(3, results.FailureShare.N);
        Assert.Equal(["test_results", "appointment"], r.TopReasons(2).Select(x => x.Reason));
        Assert.Equal(2, r.ByFailureKind[FailureKind.ChasingProgress]);
        Assert.Equal(1, r.ByFailureKind[FailureKind.Other]);
    }

    [Fact]
    public void Working_days_of_2026()
    {
        // 2026: 261 weekdays; on weekdays fall New Year (Thu), Epiphany (Tue), Good Friday 3.4, Easter Monday 6.4,
        // May Day (Fri), Ascension 14.5 (Thu), Midsummer Eve 19.6 (Fri), Christmas Eve (Thu), Christmas Day (Fri)
        // = 9 (Independence Day 6.12 is a Sunday, Boxing Day a Saturday, All Saints' Day a Saturday): 252.
        Assert.Equal(252, SampleAnalysis.WorkingDaysBetween(new(2026, 1, 1), new(2026, 12, 31)));
    }

    [Fact]
    public void Minutes_come_from_configuration()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ContactSampling:Minutes:phone"] = "4.5", ["ContactSampling:HoursPerPersonYear"] = "1500",
        }).Build();
        var s = SamplingSettings.From(config);
        Assert.Equal(4.5, s.MinutesOf(SamplingChannel.Phone));
        Assert.Equal(8, s.MinutesOf(SamplingChannel.InPerson));
        Assert.Equal(90000, s.MinutesPerPersonYear);
    }

    [Fact]
    public void Compare_is_after_minus_before()
    {
        var before = SampleAnalysis.Analyse(Period, Enumerable.Range(0, 80).Select(i => C(SamplingChannel.Phone, "appointment", i < 48 ? Demand.Failure : Demand.Value)).ToList(), SamplingSettings.Default);
        var after = SampleAnalysis.Analyse(Period, Enumerable.Range(0, 70).Select(i => C(SamplingChannel.Phone, "appointment", i < 56 ? Demand.Failure : Demand.Value)).ToList(), SamplingSettings.Default);
        var c = SampleAnalysis.Compare(before, after);
        // 56/70 − 48/80 = 0.2, as in ProportionTests.
        Assert.Equal(0.2, c.Change.Value, 10);
        Assert.Equal(0.0524, c.Change.Lower, 0.00005);
    }

    [Fact]
    public void Validation_refuses_unknown_codes_and_defaults_failure_kind()
    {
        var now = new DateTime(2026, 3, 2, 10, 0, 0);
        Assert.Equal("Sampling.Error.Reason", Assert.Throws<SamplingException>(() => SamplingService.Validate(1, new(Guid.NewGuid(), "phone", "nope", "value", null, null, null), now)).Key);
        Assert.Equal("Sampling.Error.Channel", Assert.Throws<SamplingException>(() => SamplingService.Validate(1, new(Guid.NewGuid(), "fax", "other", "value", null, null, null), now)).Key);
        var c = SamplingService.Validate(1, new(Guid.NewGuid(), "chat", "billing", "failure", null, true, null), now);
        Assert.Equal(FailureKind.Other, c.FailureKind);
        Assert.Equal(now, c.RecordedAt);
        var v = SamplingService.Validate(1, new(Guid.NewGuid(), "chat", "billing", "value", "wrong_place", null, now.AddHours(-1)), now);
        Assert.Null(v.FailureKind);
        Assert.Equal(now.AddHours(-1), v.RecordedAt);
    }
}

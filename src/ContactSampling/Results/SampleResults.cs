using Tilannekuva.ContactSampling.Domain;
using Tilannekuva.Indicators.Calendar;

namespace Tilannekuva.ContactSampling.Results;

/// <summary>The failure demand of one reason (or of the whole sample: Reason null).</summary>
public sealed record ReasonResult(string? Reason, Proportion FailureShare, double FailureMinutes, int DigitalPossible);

/// <summary>
/// What a sample says. Minutes: the sampled failure-demand contacts × the channel's handling minutes.
/// A year: the sample's contacts per working day × the working days of a year (the period's start year);
/// person-years (HTV) = a year's failure-demand minutes / one person's yearly working minutes.
/// </summary>
public sealed record SampleResult(
    SamplingPeriod Period,
    ReasonResult Total,
    IReadOnlyList<ReasonResult> ByReason,
    IReadOnlyDictionary<FailureKind, int> ByFailureKind,
    int WorkingDays,
    int WorkingDaysPerYear,
    double FailureMinutesPerYear,
    double FailureHtvPerYear)
{
    /// <summary>Reasons with the most failure-demand contacts first (ties: more contacts, then code).</summary>
    public IReadOnlyList<ReasonResult> TopReasons(int count) =>
        ByReason.OrderByDescending(r => r.FailureShare.Successes).ThenByDescending(r => r.FailureShare.N).ThenBy(r => r.Reason, StringComparer.Ordinal).Take(count).ToList();
}

/// <summary>Before and after: the later period's share minus the earlier one's, with Newcombe's interval.</summary>
public sealed record Comparison(SampleResult Before, SampleResult After, Difference Change);

public static class SampleAnalysis
{
    public static SampleResult Analyse(SamplingPeriod period, IReadOnlyCollection<SampledContact> contacts, SamplingSettings settings)
    {
        ReasonResult Of(string? reason, IReadOnlyCollection<SampledContact> xs)
        {
            var failures = xs.Where(c => c.Demand == Demand.Failure).ToList();
            return new ReasonResult(reason, Proportions.Wilson(failures.Count, xs.Count), failures.Sum(c => settings.MinutesOf(c.Channel)),
                xs.Count(c => c.DigitalPossible == true));
        }
        var total = Of(null, contacts);
        var byReason = contacts.GroupBy(c => c.Reason).Select(g => Of(g.Key, g.ToList()))
            .OrderBy(r => ContactReasons.All.ToList().IndexOf(r.Reason!) is var i && i < 0 ? int.MaxValue : i).ToList();
        var kinds = contacts.Where(c => c.Demand == Demand.Failure).GroupBy(c => c.FailureKind ?? FailureKind.Other).ToDictionary(g => g.Key, g => g.Count());
        var workingDays = WorkingDaysBetween(period.StartDate, period.EndDate);
        var perYear = WorkingDaysBetween(new DateOnly(period.StartDate.Year, 1, 1), new DateOnly(period.StartDate.Year, 12, 31));
        var minutesPerYear = workingDays == 0 ? 0 : total.FailureMinutes / workingDays * perYear;
        return new SampleResult(period, total, byReason, kinds, workingDays, perYear, minutesPerYear, minutesPerYear / settings.MinutesPerPersonYear);
    }

    public static Comparison Compare(SampleResult before, SampleResult after) =>
        new(before, after, Proportions.Newcombe(after.Total.FailureShare, before.Total.FailureShare));

    /// <summary>Finnish working days from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static int WorkingDaysBetween(DateOnly first, DateOnly last)
    {
        var n = 0;
        for (var d = first; d <= last; d = d.AddDays(1))
            if (FinnishWorkingDays.IsWorkingDay(d)) n++;
        return n;
    }
}

using System.Globalization;
using Tilannekuva.ContactSampling.Domain;
using Tilannekuva.ContactSampling.Results;
using Tilannekuva.Localisation;

namespace Tilannekuva.ContactSampling.Export;

/// <summary>A table to write as CSV or XLSX: localised headers, one array of cells a row.</summary>
public sealed record Table(string Name, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows);

/// <summary>
/// The sample and its results as tables: codes for machines beside their names from the code lists for people,
/// shares and bounds as percentages with one decimal.
/// </summary>
public static class SampleTables
{
    public static Table Sample(IReadOnlyList<SampledContact> contacts, CultureInfo culture)
    {
        string H(string k) => Texts.Get("Sampling.Export." + k, culture);
        return new Table("sample",
            [H("Id"), H("RecordedAt"), H("ChannelCode"), H("Channel"), H("ReasonCode"), H("Reason"), H("DemandCode"), H("Demand"), H("FailureKindCode"), H("FailureKind"), H("Digital")],
            contacts.Select(c => new object?[]
            {
                c.ClientId.ToString(), c.RecordedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                SamplingCodes.Of(c.Channel), Texts.Get("Codes.sampling_channel." + SamplingCodes.Of(c.Channel), culture),
                c.Reason, Texts.Get("Codes.sampling_reason." + c.Reason, culture),
                SamplingCodes.Of(c.Demand), Texts.Get("Codes.sampling_demand." + SamplingCodes.Of(c.Demand), culture),
                c.FailureKind is { } k ? SamplingCodes.Of(k) : null, c.FailureKind is { } k2 ? Texts.Get("Codes.failure_kind." + SamplingCodes.Of(k2), culture) : null,
                c.DigitalPossible is { } d ? Texts.Get(d ? "Sampling.Yes" : "Sampling.No", culture) : null,
            }).ToList());
    }

    public static Table Results(SampleResult result, CultureInfo culture)
    {
        string H(string k) => Texts.Get("Sampling.Export." + k, culture);
        object?[] Row(ReasonResult r) =>
        [
            r.Reason ?? "total", r.Reason is null ? Texts.Get("Sampling.Total", culture) : Texts.Get("Codes.sampling_reason." + r.Reason, culture),
            r.FailureShare.N, r.FailureShare.Successes, Percent(r.FailureShare.Share), Percent(r.FailureShare.Lower), Percent(r.FailureShare.Upper),
            r.FailureMinutes, r.DigitalPossible,
        ];
        return new Table("results",
            [H("ReasonCode"), H("Reason"), H("Contacts"), H("Failures"), H("Share"), H("Lower"), H("Upper"), H("FailureMinutes"), H("Digital")],
            [Row(result.Total), .. result.ByReason.Select(Row)]);
    }

    /// <summary>Percent with one decimal; null for an empty sample.</summary>
    public static double? Percent(double share) => double.IsNaN(share) ? null : Math.Round(share * 100, 1, MidpointRounding.AwayFromZero);
}

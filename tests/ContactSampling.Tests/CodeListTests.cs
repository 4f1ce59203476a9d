using Tilannekuva.ContactSampling.Domain;
using Tilannekuva.Localisation;

namespace Tilannekuva.ContactSampling.Tests;

/// <summary>Every code the module stores has a name in fi, sv and en, and the codes round-trip.</summary>
public sealed class CodeListTests
{
    private static IEnumerable<string> Keys() =>
        Enum.GetValues<SamplingChannel>().Select(c => "Codes.sampling_channel." + SamplingCodes.Of(c))
            .Concat(Enum.GetValues<Demand>().Select(d => "Codes.sampling_demand." + SamplingCodes.Of(d)))
            .Concat(Enum.GetValues<FailureKind>().Select(k => "Codes.failure_kind." + SamplingCodes.Of(k)))
            .Concat(ContactReasons.All.Select(r => "Codes.sampling_reason." + r));

    [Fact]
    public void Every_code_has_a_name_in_every_language()
    {
        var byCulture = Texts.KeysByCulture();
        var missing = (from key in Keys() from c in Texts.Cultures where !byCulture[c].Contains(key) select $"{c}:{key}").ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Codes_round_trip_and_are_distinct()
    {
        foreach (var c in Enum.GetValues<SamplingChannel>()) { Assert.True(SamplingCodes.TryChannel(SamplingCodes.Of(c), out var back)); Assert.Equal(c, back); }
        foreach (var k in Enum.GetValues<FailureKind>()) { Assert.True(SamplingCodes.TryFailureKind(SamplingCodes.Of(k), out var back)); Assert.Equal(k, back); }
        Assert.Equal(Enum.GetValues<SamplingChannel>().Length, Enum.GetValues<SamplingChannel>().Select(SamplingCodes.Of).Distinct().Count());
        Assert.Equal(Enum.GetValues<FailureKind>().Length, Enum.GetValues<FailureKind>().Select(SamplingCodes.Of).Distinct().Count());
        Assert.False(SamplingCodes.TryChannel("Phone", out _));
    }
}

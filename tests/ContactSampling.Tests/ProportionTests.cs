using Tilannekuva.ContactSampling.Results;

namespace Tilannekuva.ContactSampling.Tests;

/// <summary>Wilson and Newcombe intervals against values worked out by hand (z = 1.959964, z² = 3.841459).</summary>
public sealed class ProportionTests
{
    [Fact]
    public void Wilson_of_30_in_100()
    {
        // p = 0.3, n = 100. z²/n = 0.0384146; denominator 1.0384146.
        // centre = (0.3 + 3.841459/200) / 1.0384146 = 0.3192073 / 1.0384146 = 0.3073984
        // half = 1.959964 / 1.0384146 × sqrt(0.21/100 + 3.841459/40000) = 1.8874584 × sqrt(0.0021960) = 1.8874584 × 0.0468617 = 0.0884499
        // → [0.2189, 0.3958]
        var w = Proportions.Wilson(30, 100);
        Assert.Equal(0.3, w.Share, 10);
        Assert.Equal(0.21895, w.Lower, 0.00005);
        Assert.Equal(0.39585, w.Upper, 0.00005);
    }

    [Fact]
    public void Wilson_of_none_and_all_stays_within_zero_and_one()
    {
        // 0 of 10: centre = (3.841459/20) / 1.3841459 = 0.1920730 / 1.3841459 = 0.1387665;
        // half = 1.959964/1.3841459 × sqrt(3.841459/400) = 1.4159951 × 0.0979982 = 0.1387665 → [0, 0.2775]
        var none = Proportions.Wilson(0, 10);
        Assert.Equal(0, none.Lower, 10);
        Assert.Equal(0.27753, none.Upper, 0.00005);
        var all = Proportions.Wilson(10, 10);
        Assert.Equal(1, all.Upper, 10);
        Assert.Equal(1 - 0.27753, all.Lower, 0.00005);
    }

    [Fact]
    public void Empty_sample_has_no_share()
    {
        var w = Proportions.Wilson(0, 0);
        Assert.True(double.IsNaN(w.Share));
    }

    [Fact]
    public void Newcombe_of_56_in_70_minus_48_in_80()
    {
        // Newcombe (1998), example (a) of Table II: 56/70 − 48/80, 95 % interval 0.0524 to 0.3339 (method 10).
        // By hand: p1 = 0.8, Wilson [0.6918, 0.8770]; p2 = 0.6, Wilson [0.4905, 0.7004];
        // d = 0.2; lower = 0.2 − sqrt((0.8−0.6918)² + (0.7004−0.6)²) = 0.2 − sqrt(0.011707 + 0.010080) = 0.2 − 0.14760 = 0.0524
        // upper = 0.2 + sqrt((0.8770−0.8)² + (0.6−0.4905)²) = 0.2 + sqrt(0.005929 + 0.011990) = 0.2 + 0.13386 = 0.3339
        var d = Proportions.Newcombe(Proportions.Wilson(56, 70), Proportions.Wilson(48, 80));
        Assert.Equal(0.2, d.Value, 10);
        Assert.Equal(0.0524, d.Lower, 0.00005);
        Assert.Equal(0.3339, d.Upper, 0.00005);
        Assert.True(d.Significant);
    }

    [Fact]
    public void Newcombe_of_equal_samples_straddles_zero()
    {
        var d = Proportions.Newcombe(Proportions.Wilson(5, 20), Proportions.Wilson(5, 20));
        Assert.Equal(0, d.Value, 10);
        Assert.True(d.Lower < 0 && d.Upper > 0);
        Assert.False(d.Significant);
    }
}

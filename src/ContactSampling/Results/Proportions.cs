namespace Tilannekuva.ContactSampling.Results;

/// <summary>A proportion with a two-sided confidence interval (both ends within 0–1).</summary>
public sealed record Proportion(int Successes, int N, double Share, double Lower, double Upper);

/// <summary>A difference of two proportions (first minus second) with its interval.</summary>
public sealed record Difference(double Value, double Lower, double Upper)
{
    /// <summary>The interval excludes zero: the change is larger than sampling alone would explain (at 95 %).</summary>
    public bool Significant => Lower > 0 || Upper < 0;
}

/// <summary>
/// Confidence intervals for sampled shares. Wilson's score interval (good at small n and near 0 or 1,
/// where the normal approximation gives impossible bounds) and Newcombe's hybrid score interval for the
/// difference of two independent proportions (Newcombe 1998, method 10), which is built from the two Wilson intervals.
/// </summary>
public static class Proportions
{
    /// <summary>The 97.5th percentile of the standard normal distribution: 95 % two-sided.</summary>
    public const double Z95 = 1.959963984540054;

    public static Proportion Wilson(int successes, int n, double z = Z95)
    {
        if (n <= 0) return new Proportion(successes, 0, double.NaN, double.NaN, double.NaN);
        if (successes < 0 || successes > n) throw new ArgumentOutOfRangeException(nameof(successes));
        var p = (double)successes / n;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Proportion(successes, n, p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>Newcombe's interval for p1 − p2 from the two Wilson intervals.</summary>
    public static Difference Newcombe(Proportion first, Proportion second)
    {
        var d = first.Share - second.Share;
        var lower = d - Math.Sqrt(Sq(first.Share - first.Lower) + Sq(second.Upper - second.Share));
        var upper = d + Math.Sqrt(Sq(first.Upper - first.Share) + Sq(second.Share - second.Lower));
        return new Difference(d, lower, upper);
    }

    private static double Sq(double x) => x * x;
}

namespace Tilannekuva.Programme.Domain;

/// <summary>A forecast value with its prediction interval (null when there are too few points for one).</summary>
public sealed record ForecastPoint(double X, double Value, double? Low, double? High);

/// <summary>
/// Lineaarinen trendi: the ordinary least-squares line y = a + b·x through the points, and its
/// prediction interval for a new observation at x:
/// ŷ ± t(1 − α/2; n − 2) · s · √(1 + 1/n + (x − x̄)² / Sxx), where s² = Σ(y − ŷ)² / (n − 2) and
/// Sxx = Σ(x − x̄)². The coverage is 80 % (t at 0.90). Two points give the line without an interval;
/// fewer give nothing. It says only where the line goes if the past trend simply continues.
/// </summary>
public sealed record LinearTrend(int N, double Intercept, double Slope, double XMean, double Sxx, double? ResidualSd)
{
    /// <summary>Coverage of the prediction interval.</summary>
    public const double Coverage = 0.80;

    public static LinearTrend? Fit(IReadOnlyList<(double X, double Y)> points)
    {
        var n = points.Count;
        if (n < 2) return null;
        var xm = points.Average(p => p.X);
        var ym = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - xm) * (p.X - xm));
        if (sxx == 0) return null;
        var sxy = points.Sum(p => (p.X - xm) * (p.Y - ym));
        var b = sxy / sxx;
        var a = ym - b * xm;
        double? s = n > 2 ? Math.Sqrt(points.Sum(p => Math.Pow(p.Y - (a + b * p.X), 2)) / (n - 2)) : null;
        return new LinearTrend(n, a, b, xm, sxx, s);
    }

    public double ValueAt(double x) => Intercept + Slope * x;

    public ForecastPoint Predict(double x)
    {
        var y = ValueAt(x);
        if (ResidualSd is not { } s) return new ForecastPoint(x, y, null, null);
        var half = T90(N - 2) * s * Math.Sqrt(1 + 1.0 / N + (x - XMean) * (x - XMean) / Sxx);
        return new ForecastPoint(x, y, y - half, y + half);
    }

    /// <summary>The 0.90 quantile of Student's t with df degrees of freedom (two-sided 80 %), from the standard table.</summary>
    public static double T90(int df)
    {
        double[] table = [3.078, 1.886, 1.638, 1.533, 1.476, 1.440, 1.415, 1.397, 1.383, 1.372, 1.363, 1.356, 1.350, 1.345, 1.341,
            1.337, 1.333, 1.330, 1.328, 1.325, 1.323, 1.321, 1.319, 1.318, 1.316, 1.315, 1.314, 1.313, 1.311, 1.310];
        if (df < 1) throw new ArgumentOutOfRangeException(nameof(df));
        return df <= 30 ? table[df - 1] : df <= 40 ? 1.303 : df <= 60 ? 1.296 : df <= 120 ? 1.289 : 1.282;
    }
}

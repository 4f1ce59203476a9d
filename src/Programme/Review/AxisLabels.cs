using System.Globalization;

namespace Tilannekuva.Programme.Review;

/// <summary>
/// Number labels for a chart's value axis with as many decimals as the data's spread needs, so that
/// neighbouring ticks never read the same ("0,12 / 0,12" when the values lie between 0.121 and 0.124).
/// </summary>
public static class AxisLabels
{
    /// <summary>The formatter for an axis over these values (nulls ignored).</summary>
    public static Func<double, string> For(IEnumerable<double?> values, CultureInfo culture)
    {
        var format = "0." + new string('#', Decimals(values.Where(v => v is not null).Select(v => v!.Value).ToList()));
        return v => v.ToString(format, culture);
    }

    /// <summary>
    /// Decimals for ticks about a tenth of the spread apart (an automatic axis shows some 5–10 ticks),
    /// as many as that step needs, at least two, at most six.
    /// </summary>
    public static int Decimals(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return 2;
        var spread = values.Max() - values.Min();
        if (spread <= 0) spread = Math.Abs(values[0]) * 0.1;
        if (spread <= 0 || double.IsNaN(spread) || double.IsInfinity(spread)) return 2;
        var step = spread / 10;
        return Math.Clamp((int)Math.Ceiling(-Math.Log10(step)), 2, 6);
    }
}

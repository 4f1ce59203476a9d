namespace Tilannekuva.Dashboards.Domain;

/// <summary>One sub-unit's part in the whole's result.</summary>
/// <summary>Value and weight are null when suppressed (the weight would tell the group's size).</summary>
public sealed record Pull(string UnitId, double? Value, double? Weight, bool Suppressed, double? Contribution);

/// <summary>
/// Mikä vetää tulosta alas: for each sub-unit (area), how much the whole's value would improve if that
/// sub-unit reached the whole's level, in the indicator's own unit:
/// contribution = d · (V − v) · w / Σw, where V is the whole's value, v the sub-unit's, w its volume (the
/// ratio's denominator, else its n), Σw the sub-units' total volume and d = +1 when higher is better, −1 when
/// lower is. For a ratio whose sub-units partition the whole this is exact: replacing the sub-unit's numerator
/// by V·w changes the whole's value by exactly that much. A positive contribution pulls the result down;
/// sub-units are ranked by it, largest first.
/// </summary>
public static class PullDown
{
    public static List<Pull> Rank(double whole, bool higherIsBetter, IReadOnlyList<(string UnitId, double? Value, double Weight, bool Suppressed)> parts)
    {
        var total = parts.Where(p => p.Value is not null || p.Suppressed).Sum(p => p.Weight);
        var d = higherIsBetter ? 1 : -1;
        return parts.Select(p => new Pull(p.UnitId, p.Suppressed ? null : p.Value, p.Suppressed ? null : p.Weight, p.Suppressed,
                p.Suppressed || p.Value is null || total <= 0 ? null : d * (whole - p.Value.Value) * p.Weight / total))
            .OrderByDescending(p => p.Contribution ?? double.NegativeInfinity).ThenBy(p => p.UnitId, StringComparer.Ordinal).ToList();
    }
}

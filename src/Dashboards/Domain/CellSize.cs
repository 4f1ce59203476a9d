namespace Tilannekuva.Dashboards.Domain;

/// <summary>
/// One figure as the dashboards show it. When <see cref="Suppressed"/>, its n was under the minimum cell
/// size and neither the value nor the n is given (only that it is under the minimum).
/// </summary>
public sealed record Figure(string Period, double? Value, long? N, bool Suppressed)
{
    public static Figure Missing(string period) => new(period, null, null, false);
}

/// <summary>The minimum cell size rule (configurable, default 5): nothing resting on fewer than it is shown.</summary>
public sealed record CellSize(int Minimum)
{
    public static readonly CellSize Default = new(5);

    public bool Hides(long n) => n < Minimum;

    /// <summary>What is shown instead of a hidden value: "&lt; 5".</summary>
    public string Label => $"< {Minimum}";

    public Figure Of(string period, double? value, long n) =>
        Hides(n) ? new Figure(period, null, null, true) : new Figure(period, value, n, false);

    /// <summary>
    /// Complementary suppression (toissijainen suojaus) for cells shown beside their total (units of an area, areas of a
    /// region): when any cell is hidden, further cells — the smallest shown first — are hidden until at least two are and
    /// the hidden ones together rest on at least the minimum, so that no hidden cell can be recovered by subtracting the
    /// shown ones from the total. Cells without a value (null n) take no part. Returns which cells to hide.
    /// </summary>
    public bool[] Hidden(IReadOnlyList<long?> ns)
    {
        var hidden = ns.Select(n => n is { } x && Hides(x)).ToArray();
        if (!hidden.Any(h => h)) return hidden;
        var (count, sum) = (hidden.Count(h => h), ns.Where((n, i) => hidden[i]).Sum(n => n ?? 0));
        while (count < 2 || sum < Minimum)
        {
            var next = Enumerable.Range(0, ns.Count).Where(i => !hidden[i] && ns[i] is not null).OrderBy(i => ns[i]).ThenBy(i => i).FirstOrDefault(-1);
            if (next < 0) break;
            hidden[next] = true;
            (count, sum) = (count + 1, sum + ns[next]!.Value);
        }
        return hidden;
    }

    public Figure Of(string period, double? value, long n, bool hidden) =>
        hidden ? new Figure(period, null, null, true) : Of(period, value, n);
}

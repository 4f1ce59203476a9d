namespace Tilannekuva.Disclosure;

/// <summary>
/// The minimum cell size rule (pienten lukujen suojaus) that every published figure follows, in the
/// feedback results and the management dashboards alike: nothing resting on fewer than
/// <see cref="Minimum"/> people or responses is shown, and when such a cell stands beside its total,
/// more cells are hidden so that it cannot be worked out by subtraction. One rule, so that a figure
/// hidden on one page cannot be recovered from another.
/// </summary>
public sealed record SmallCellRule(int Minimum)
{
    /// <summary>The national default: 5.</summary>
    public static readonly SmallCellRule Default = new(5);

    /// <summary>A cell resting on <paramref name="n"/> is hidden.</summary>
    public bool Hides(long n) => n < Minimum;

    /// <summary>
    /// Complementary suppression (toissijainen suojaus) for cells shown beside their total (units of an
    /// area, service points of a county): when any cell is hidden, further cells — the smallest shown
    /// first — are hidden until at least two are and the hidden ones together rest on at least the
    /// minimum, so that neither a hidden cell nor the hidden ones' sum can be recovered by subtracting
    /// the shown ones from the total. Cells without a figure (null n) take no part. Returns which cells
    /// to hide, in the order given.
    /// </summary>
    public bool[] Hidden(IReadOnlyList<long?> ns) => Hidden(ns, null);

    /// <summary>
    /// The same rule for cells some of which are hidden already (by another table they also stand in, as when a
    /// month is both a unit's month beside its quarter and an area beside the county): those count as hidden cells,
    /// so applying this to every table a cell stands in until nothing changes protects it in all of them.
    /// </summary>
    public bool[] Hidden(IReadOnlyList<long?> ns, IReadOnlyList<bool>? alreadyHidden)
    {
        var hidden = ns.Select((n, i) => (alreadyHidden is not null && alreadyHidden[i]) || (n is { } x && Hides(x))).ToArray();
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
}

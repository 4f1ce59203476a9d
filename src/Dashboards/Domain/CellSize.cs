using Tilannekuva.Disclosure;

namespace Tilannekuva.Dashboards.Domain;

/// <summary>
/// One figure as the dashboards show it. When <see cref="Suppressed"/>, its n was under the minimum cell
/// size and neither the value nor the n is given (only that it is under the minimum).
/// </summary>
public sealed record Figure(string Period, double? Value, long? N, bool Suppressed)
{
    public static Figure Missing(string period) => new(period, null, null, false);
}

/// <summary>
/// The minimum cell size (configurable, default 5) as the dashboards show it: the shared
/// <see cref="SmallCellRule"/> decides what is hidden; this adds the dashboards' figures and label.
/// </summary>
public sealed record CellSize(int Minimum)
{
    public static readonly CellSize Default = new(5);

    private SmallCellRule Rule => new(Minimum);

    public bool Hides(long n) => Rule.Hides(n);

    /// <summary>What is shown instead of a hidden value: "&lt; 5".</summary>
    public string Label => $"< {Minimum}";

    public Figure Of(string period, double? value, long n) =>
        Hides(n) ? new Figure(period, null, null, true) : new Figure(period, value, n, false);

    /// <summary>Which of cells shown beside their total to hide: <see cref="SmallCellRule.Hidden"/>.</summary>
    public bool[] Hidden(IReadOnlyList<long?> ns) => Rule.Hidden(ns);

    public Figure Of(string period, double? value, long n, bool hidden) =>
        hidden ? new Figure(period, null, null, true) : Of(period, value, n);
}

namespace Tilannekuva.Feedback.Reporting;

/// <summary>
/// The recommendation question of a group of responses: NPS = % promoters (9–10) − % detractors (0–6),
/// from −100 to 100. The 95 % confidence interval treats each response as +1 (promoter), 0 (passive) or
/// −1 (detractor): NPS/100 is their mean, with variance (P + D)/N − (NPS/100)², so the interval is
/// NPS ± 1.96 · 100 · √(variance / N), clipped to [−100, 100].
/// </summary>
public sealed record NpsResult(int N, int Promoters, int Passives, int Detractors)
{
    /// <summary>A suppressed cell: it knows its count (for totals) but gives no figures.</summary>
    public bool Hidden { get; init; }

    public static readonly NpsResult Empty = new(0, 0, 0, 0);

    public static NpsResult FromScores(IEnumerable<(int Score, int Count)> counts)
    {
        int p = 0, pa = 0, d = 0;
        foreach (var (score, count) in counts)
        {
            if (score >= 9) p += count;
            else if (score >= 7) pa += count;
            else d += count;
        }
        return new(p + pa + d, p, pa, d);
    }

    public double? Nps => N == 0 || Hidden ? null : 100.0 * (Promoters - Detractors) / N;

    public (double Low, double High)? Interval95
    {
        get
        {
            if (N == 0 || Hidden) return null;
            var mean = (double)(Promoters - Detractors) / N;
            var variance = (double)(Promoters + Detractors) / N - mean * mean;
            var half = 1.96 * 100 * Math.Sqrt(Math.Max(0, variance) / N);
            return (Math.Max(-100, 100 * mean - half), Math.Min(100, 100 * mean + half));
        }
    }

    public NpsResult Plus(NpsResult o) => new(N + o.N, Promoters + o.Promoters, Passives + o.Passives, Detractors + o.Detractors);
}

/// <summary>One statement's answers: counts of 1–5 and of "cannot say"; the mean is over 1–5 only.</summary>
public sealed record StatementResult(string Code, IReadOnlyList<int> Counts, int CannotSay)
{
    public int Answered => Counts.Sum();

    public double? Mean => Answered == 0 ? null : Counts.Select((c, i) => (double)c * (i + 1)).Sum() / Answered;

    /// <summary>Share of each value 1–5 among the answered, 0–100.</summary>
    public IReadOnlyList<double> Percentages => Counts.Select(c => Answered == 0 ? 0 : 100.0 * c / Answered).ToList();
}

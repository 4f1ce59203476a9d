using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Storage;

namespace Tilannekuva.Programme.Review;

/// <summary>
/// Values computed elsewhere (the Indicators module) for the metrics linked to an indicator code,
/// keyed by metric id. The Programme module does not know where they come from; the web app wires it.
/// </summary>
public interface IComputedMetricValues
{
    Task<IReadOnlyDictionary<int, IReadOnlyList<Measurement>>> ForAsync(DevelopmentProgramme programme, CancellationToken ct = default);
}

public static class ComputedMetricValuesExtensions
{
    private static readonly IReadOnlyDictionary<int, IReadOnlyList<Measurement>> None = new Dictionary<int, IReadOnlyList<Measurement>>();

    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<Measurement>>> ForOrNoneAsync(this IComputedMetricValues? source, DevelopmentProgramme p, CancellationToken ct) =>
        source is null ? None : await source.ForAsync(p, ct);

    /// <summary>
    /// Puts computed values in place of typed ones on a read-only programme graph, so that every page,
    /// check and report shows the same numbers; returns the hook for <see cref="ReviewBuilder"/>.
    /// </summary>
    public static Func<Metric, IReadOnlyList<Measurement>?> Apply(this IReadOnlyDictionary<int, IReadOnlyList<Measurement>> values, DevelopmentProgramme p)
    {
        foreach (var metric in p.Metrics.Concat(p.WorkPackages().SelectMany(w => w.Metrics)))
            if (values.TryGetValue(metric.Id, out var computed)) metric.Measurements = [.. computed];
        return m => values.GetValueOrDefault(m.Id);
    }
}

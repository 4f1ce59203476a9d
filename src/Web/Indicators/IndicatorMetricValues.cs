using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Results;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Review;
using Tilannekuva.Programme.Storage;
using ProgrammePeriod = Tilannekuva.Programme.Domain.Period;

namespace Tilannekuva.Web.Indicators;

/// <summary>
/// Programme metrics linked to an indicator code get the region's computed quarterly values, dated at
/// the end of each quarter, with N and the indicator as their source. Typed values stay where no data exists.
/// </summary>
public sealed class IndicatorMetricValues(IndicatorResults results) : IComputedMetricValues
{
    public const string PeriodType = "quarter";

    public async Task<IReadOnlyDictionary<int, IReadOnlyList<Measurement>>> ForAsync(DevelopmentProgramme programme, CancellationToken ct = default)
    {
        var found = new Dictionary<int, IReadOnlyList<Measurement>>();
        var linked = programme.Metrics.Concat(programme.WorkPackages().SelectMany(w => w.Metrics))
            .Where(m => m.IndicatorCode is { Length: > 0 } code && IndicatorCatalogue.All.Any(d => d.Code == code)).ToList();
        if (linked.Count == 0) return found;
        // One county per installation: the programme is held against the root of the org-unit tree.
        if ((await results.RootsAsync(ct)).FirstOrDefault() is not { } region) return found;
        foreach (var metric in linked)
        {
            var series = await results.SeriesAsync(metric.IndicatorCode!, PeriodType, region.SourceId, ct: ct);
            var values = series.Where(p => p.Value is not null && ProgrammePeriod.TryParse(p.PeriodCode, out _))
                .Select(p => new Measurement
                {
                    MetricId = metric.Id,
                    Date = ProgrammePeriod.Parse(p.PeriodCode).End,
                    Value = (decimal)Math.Round(p.Value!.Value, 1),
                    N = (int)Math.Min(p.N, int.MaxValue),
                    Source = $"{metric.IndicatorCode} ({region.Name})",
                    RecordedBy = "tilannekuva",
                }).ToList();
            if (values.Count > 0) found[metric.Id] = values;
        }
        return found;
    }
}

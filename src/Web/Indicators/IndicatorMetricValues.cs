using Tilannekuva.Feedback.Reporting;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Results;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Review;
using Tilannekuva.Programme.Storage;
using Tilannekuva.ServiceTray.Usage;
using Tilannekuva.Storage;
using ProgrammePeriod = Tilannekuva.Programme.Domain.Period;

namespace Tilannekuva.Web.Indicators;

/// <summary>
/// Programme metrics linked to an indicator code get computed quarterly values, dated at the end of
/// each quarter, with N and their source: the region's value for an indicator of the catalogue, the
/// whole county's feedback for a feedback indicator ("feedback.nps", "feedback.statement.&lt;code&gt;"), the service
/// tray's use for a tray figure ("tray.searches", "tray.referrals", "tray.referrals.arrived", …; quarters up to today
/// with any use). Typed values stay where no data exists.
/// </summary>
public sealed class IndicatorMetricValues(IndicatorResults results, IFeedbackIndicators feedback, ITrayIndicators tray, TimeProvider clock) : IComputedMetricValues
{
    public const string PeriodType = "quarter";

    public async Task<IReadOnlyDictionary<int, IReadOnlyList<Measurement>>> ForAsync(DevelopmentProgramme programme, CancellationToken ct = default)
    {
        var found = new Dictionary<int, IReadOnlyList<Measurement>>();
        var linked = programme.Metrics.Concat(programme.WorkPackages().SelectMany(w => w.Metrics))
            .Where(m => m.IndicatorCode is { Length: > 0 }).ToList();
        // One county per installation: the programme is held against the root of the org-unit tree.
        var region = (await results.RootsAsync(ct)).FirstOrDefault();
        StartupTrace.Mark("metric values: region");
        foreach (var metric in linked)
        {
            var code = metric.IndicatorCode!;
            var points = IndicatorCatalogue.All.Any(d => d.Code == code)
                ? region is null ? [] : (await results.SeriesAsync(code, PeriodType, region.SourceId, ct: ct))
                    .Select(p => (p.PeriodCode, p.Value, p.N, Source: $"{code} ({region.Name})"))
                : feedback.Definitions.Any(d => d.Code == code)
                    ? (await feedback.ComputeAsync(code, new DateOnly(programme.StartYear, 1, 1), new DateOnly(programme.EndYear, 12, 31), Breakdown.Quarter, byServicePoint: false, ct: ct))
                        .Select(v => (PeriodCode: v.Period, v.Value, N: (long)v.Responses, Source: code))
                    : tray.Definitions.Any(d => d.Code == code)
                        ? await TrayQuartersAsync(code, programme, ct)
                        : [];
            var values = points.Where(p => p.Value is not null && ProgrammePeriod.TryParse(p.PeriodCode, out _))
                .Select(p => new Measurement
                {
                    MetricId = metric.Id,
                    Date = ProgrammePeriod.Parse(p.PeriodCode).End,
                    Value = (decimal)Math.Round(p.Value!.Value, 1),
                    N = (int)Math.Min(p.N, int.MaxValue),
                    Source = p.Source,
                    RecordedBy = "tilannekuva",
                }).OrderBy(m => m.Date).ToList();
            if (values.Count > 0) found[metric.Id] = values;
            if (StartupTrace.Enabled) StartupTrace.Mark($"metric values: {code}");
        }
        return found;
    }

    /// <summary>The tray figure per quarter of the programme, up to the current quarter; quarters without any use left out.</summary>
    private async Task<IReadOnlyList<(string PeriodCode, double? Value, long N, string Source)>> TrayQuartersAsync(
        string code, DevelopmentProgramme programme, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var points = new List<(string, double?, long, string)>();
        for (var quarter = ProgrammePeriod.QuarterOf(new DateOnly(programme.StartYear, 1, 1));
             quarter.Start <= today && quarter.Start.Year <= programme.EndYear;
             quarter = ProgrammePeriod.QuarterOf(quarter.End.AddDays(1)))
        {
            var total = (await tray.ComputeAsync(code, quarter.Start, quarter.End, ct: ct)).SingleOrDefault();
            if (total is { Count: > 0 }) points.Add((quarter.Code, total.Value, total.Count, code));
        }
        return points;
    }
}

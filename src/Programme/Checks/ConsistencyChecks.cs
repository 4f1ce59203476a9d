using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Programme.Checks;

/// <summary>
/// Johdonmukaisuustarkistukset: arithmetic and range checks over a fully loaded programme graph
/// (pillars → investments → work packages with budget lines, metrics with targets and
/// measurements, risks; programme-level metrics). Nothing is changed; findings are returned in
/// graph order.
/// </summary>
public static class ConsistencyChecks
{
    public const int RiskMin = 1;
    public const int RiskMax = 5;

    public static IReadOnlyList<Finding> Run(DevelopmentProgramme p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var findings = new List<Finding>();
        foreach (var metric in p.Metrics) CheckMetric(metric, null, findings);

        foreach (var investment in p.Pillars.OrderBy(x => x.Order).SelectMany(x => x.Investments.OrderBy(i => i.Order)))
        {
            var sum = investment.WorkPackages.Sum(w => w.CostEstimate);
            if (sum != investment.CostEstimate)
                findings.Add(new(FindingKind.InvestmentCostMismatch, FindingSubject.Investment, investment.Id, null,
                    "Checks.InvestmentCostMismatch", [investment.Code, sum, investment.CostEstimate]));

            foreach (var wp in investment.WorkPackages.OrderBy(w => w.Order))
            {
                // A work package whose budget has not been broken into lines yet is not a mismatch.
                if (wp.BudgetLines.Count > 0)
                {
                    var planned = wp.BudgetLines.Sum(b => b.Planned);
                    if (planned != wp.CostEstimate)
                        findings.Add(new(FindingKind.BudgetLinesMismatch, FindingSubject.WorkPackage, wp.Id, wp.Id,
                            "Checks.BudgetLinesMismatch", [wp.Code, planned, wp.CostEstimate]));
                }
                foreach (var risk in wp.Risks) CheckRisk(risk, wp, wp.Code, findings);
                foreach (var metric in wp.Metrics) CheckMetric(metric, wp, findings);
            }
        }
        foreach (var risk in p.Risks.Where(r => r.WorkPackageId is null))
            CheckRisk(risk, null, p.Name, findings);
        return findings.AsReadOnly();
    }

    /// <summary>Checks a work package's risk, or a programme-level one when wp is null.</summary>
    private static void CheckRisk(Risk risk, WorkPackage? wp, string owner, List<Finding> findings)
    {
        if (risk.Probability is < RiskMin or > RiskMax || risk.Impact is < RiskMin or > RiskMax)
            findings.Add(new(FindingKind.RiskValueOutOfRange, FindingSubject.Risk, risk.Id, wp?.Id,
                "Checks.RiskValueOutOfRange", [owner, risk.Description, risk.Probability, risk.Impact]));
        var product = risk.Probability * risk.Impact;
        if (risk.Score != product)
            findings.Add(new(FindingKind.RiskScoreMismatch, FindingSubject.Risk, risk.Id, wp?.Id,
                "Checks.RiskScoreMismatch", [owner, risk.Description, risk.Score, risk.Probability, risk.Impact, product]));
    }

    private static void CheckMetric(Metric metric, WorkPackage? wp, List<Finding> findings)
    {
        // " (TP1)" after the metric name; nothing for programme-level metrics.
        var owner = wp is null ? "" : $" ({wp.Code})";
        foreach (var target in metric.Targets)
        {
            if (string.IsNullOrWhiteSpace(target.DuePeriod))
                findings.Add(new(FindingKind.TargetWithoutDuePeriod, FindingSubject.Metric, metric.Id, wp?.Id,
                    "Checks.TargetWithoutDuePeriod", [owner, metric.Name]));
            else if (!Period.TryParse(target.DuePeriod, out _))
                findings.Add(new(FindingKind.TargetDuePeriodUnparseable, FindingSubject.Metric, metric.Id, wp?.Id,
                    "Checks.TargetDuePeriodUnparseable", [owner, metric.Name, target.DuePeriod]));
        }
        foreach (var m in metric.Measurements.OrderBy(m => m.Date))
        {
            if (m.Value is not { } v || InRange(metric, v)) continue;
            findings.Add(new(FindingKind.MeasurementOutOfRange, FindingSubject.Metric, metric.Id, wp?.Id,
                "Checks.MeasurementOutOfRange", [owner, metric.Name, m.Date.ToDateTime(TimeOnly.MinValue), v, RangeText(metric)]));
        }
    }

    /// <summary>Whether a value is possible for the metric's kind: 0–100 %, ScaleMin–ScaleMax, NPS −100…100, yes/no 0 or 1.</summary>
    public static bool InRange(Metric metric, decimal value) => metric.Kind switch
    {
        MetricKind.Percentage => value is >= 0 and <= 100,
        MetricKind.Nps => value is >= -100 and <= 100,
        MetricKind.YesNo => value is 0 or 1,
        MetricKind.Scale => (metric.ScaleMin is not { } lo || value >= lo) && (metric.ScaleMax is not { } hi || value <= hi),
        _ => true,
    };

    private static string RangeText(Metric metric) => metric.Kind switch
    {
        MetricKind.Percentage => "0–100",
        MetricKind.Nps => "-100–100",
        MetricKind.YesNo => "0/1",
        _ => $"{metric.ScaleMin?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…"}–{metric.ScaleMax?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…"}",
    };
}

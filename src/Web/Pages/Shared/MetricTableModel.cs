using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Web.Pages.Shared;

/// <summary>Metrics with their latest value against the target due next; EditType is "metric" or "programmemetric".</summary>
public sealed record MetricTableModel(IReadOnlyList<Metric> Metrics, DateOnly AsOf, bool CanEdit, string ReturnUrl, string EditType)
{
    /// <summary>
    /// One target per measure: a metric's own targets govern; a metric linked to a catalogue indicator without targets of its
    /// own is judged against the definition's targets, and the page says where that target comes from.
    /// </summary>
    public static (Metric Judged, bool FromCatalogue) Governing(Metric m)
    {
        if (m.Targets.Count > 0 || m.IndicatorCode is not { Length: > 0 } code) return (m, false);
        var d = IndicatorCatalogue.All.FirstOrDefault(x => x.Code == code);
        if (d is null || d.Targets.Count == 0) return (m, false);
        var copy = new Metric
        {
            Id = m.Id, ProgrammeId = m.ProgrammeId, WorkPackageId = m.WorkPackageId, Name = m.Name, Kind = m.Kind, Unit = m.Unit,
            HigherIsBetter = m.HigherIsBetter, Baseline = m.Baseline, IndicatorCode = m.IndicatorCode, Measurements = m.Measurements,
            Targets = d.Targets.Select((t, i) => new MetricTarget { Id = -(i + 1), MetricId = m.Id, Value = (decimal)t.Value, DuePeriod = t.Due }).ToList(),
        };
        return (copy, true);
    }

    /// <summary>A value in the metric's unit for the light's explanation.</summary>
    public static string Format(Metric m, double? v) =>
        v is { } x ? x.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture) + (m.Unit.Length > 0 ? " " + m.Unit : "") : "–";
}

using System.Globalization;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Results;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Review;
using ProgrammePeriod = Tilannekuva.Programme.Domain.Period;

namespace Tilannekuva.Web.Indicators;

/// <summary>How indicator values read on the pages, in exports and as programme metric values.</summary>
public static class IndicatorView
{
    public static readonly string[] PeriodTypes = ["month", "quarter", "year"];

    public static string Value(IndicatorDefinition d, double? value, CultureInfo c) => value is not { } v ? "–" : d.Unit switch
    {
        "percent" => v.ToString("0.0", c) + " %",
        "hours" => v.ToString("0.0", c) + " h",
        "days" => v.ToString("0.0", c) + " " + Texts.Get("IndicatorPage.Unit.days", c),
        "person_years" => v.ToString("0.00", c) + " " + Texts.Get("IndicatorPage.Unit.person_years", c),
        _ => v.ToString("0.##", c),
    };

    /// <summary>"2026Q3" → "Q3/2026", "2026-07" → "7/2026".</summary>
    public static string Period(string code) => ProgrammePeriod.TryParse(code, out var p) ? p.Display : code;

    public static string Category(string dimension, string category, CultureInfo c)
    {
        var key = $"Indicators.Category.{dimension}.{category}";
        return Texts.Has(key) ? Texts.Get(key, c) : category;
    }

    /// <summary>The series as a metric, so that the review's trend chart (values against the target line) draws it.</summary>
    public static MetricView AsMetric(IndicatorDefinition d, IReadOnlyList<ResultPoint> series, CultureInfo c)
    {
        var points = series.Where(p => ProgrammePeriod.TryParse(p.PeriodCode, out _))
            .Select(p => new SeriesPoint(ProgrammePeriod.Parse(p.PeriodCode).End, p.Value is { } v ? (decimal)Math.Round(v, 2) : null, null, (int)p.N)).ToList();
        var targets = d.Targets.Select(t => new TargetPoint((decimal)t.Value, null, t.Due, ProgrammePeriod.TryParse(t.Due, out var due) ? due : null)).ToList();
        var kind = d.Unit == "percent" ? MetricKind.Percentage : MetricKind.Count;
        var unit = d.Unit == "percent" ? "%" : Texts.Get($"IndicatorPage.Unit.{d.Unit}", c);
        return new MetricView(0, d.NameIn(c), kind, unit, d.Direction == Direction.HigherIsBetter, null, true,
            points.LastOrDefault(), targets.FirstOrDefault(), TrafficLight.Grey, points, targets);
    }
}

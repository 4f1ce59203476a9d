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
    public static readonly string[] PeriodTypes = ["week", "month", "quarter", "year"];

    /// <summary>The period types an indicator is computed for (weeks only for the ones the dashboards follow weekly).</summary>
    public static IEnumerable<string> PeriodTypesOf(IndicatorDefinition d) => d.PeriodTypes.Select(Tilannekuva.Indicators.Computation.SqlCompiler.Code);

    public static string Value(IndicatorDefinition d, double? value, CultureInfo c) => value is not { } v ? "–" : d.Unit switch
    {
        "percent" => v.ToString("0.0", c) + " %",
        "hours" => v.ToString("0.0", c) + " h",
        "days" => v.ToString("0.0", c) + " " + Texts.Get("IndicatorPage.Unit.days", c),
        "person_years" => v.ToString("0.00", c) + " " + Texts.Get("IndicatorPage.Unit.person_years", c),
        _ => v.ToString("0.##", c),
    };

    /// <summary>"2026Q3" → "Q3/2026", "2026-07" → "7/2026", a week "2026-11-23" (its Monday) → "vk 48/2026".</summary>
    public static string Period(string code) =>
        WeekPeriod.TryParse(code, out var monday)
            ? Texts.Format("Period.Week", CultureInfo.CurrentUICulture, ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetYear(monday.ToDateTime(TimeOnly.MinValue)))
            : ProgrammePeriod.TryParse(code, out var p) ? p.Display : code;

    /// <summary>The last day of a period given by its code (a week's code is its Monday).</summary>
    public static DateOnly? PeriodEnd(string code) =>
        WeekPeriod.TryParse(code, out var monday) ? monday.AddDays(6)
        : ProgrammePeriod.TryParse(code, out var p) ? p.End : null;

    public static string Category(string dimension, string category, CultureInfo c)
    {
        var key = $"Indicators.Category.{dimension}.{category}";
        return Texts.Has(key) ? Texts.Get(key, c) : category;
    }

    /// <summary>The series as a metric, so that the review's trend chart (values against the target line) draws it.</summary>
    public static MetricView AsMetric(IndicatorDefinition d, IReadOnlyList<ResultPoint> series, CultureInfo c)
    {
        var points = series.Where(p => PeriodEnd(p.PeriodCode) is not null)
            .Select(p => new SeriesPoint(PeriodEnd(p.PeriodCode)!.Value, p.Value is { } v ? (decimal)Math.Round(v, 2) : null, null, (int)p.N)).ToList();
        var targets = d.Targets.Select(t => new TargetPoint((decimal)t.Value, null, t.Due, ProgrammePeriod.TryParse(t.Due, out var due) ? due : null)).ToList();
        var kind = d.Unit == "percent" ? MetricKind.Percentage : MetricKind.Count;
        var unit = d.Unit == "percent" ? "%" : Texts.Get($"IndicatorPage.Unit.{d.Unit}", c);
        return new MetricView(0, d.NameIn(c), kind, unit, d.Direction == Direction.HigherIsBetter, null, true,
            points.LastOrDefault(), targets.FirstOrDefault(), TrafficLight.Grey, points, targets);
    }
}

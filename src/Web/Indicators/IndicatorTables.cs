using System.Globalization;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Results;
using Tilannekuva.Localisation;

namespace Tilannekuva.Web.Indicators;

/// <summary>The tables an indicator page shows, loaded once so that the page and its CSV/XLSX exports are the same numbers.</summary>
public sealed record IndicatorTables(
    List<ResultPoint> Series,
    string? At,
    List<(OrgUnit Unit, ResultPoint? Point)> Children,
    List<(string Dimension, List<ResultPoint> Rows)> Breakdowns)
{
    public static async Task<IndicatorTables> LoadAsync(IndicatorResults results, IndicatorDefinition d, string unitId, string periodType, string? at, CancellationToken ct)
    {
        var series = await results.SeriesAsync(d.Code, periodType, unitId, ct: ct);
        // The chosen period, or the newest with a value.
        at = series.Any(p => p.PeriodCode == at) ? at : series.LastOrDefault(p => p.Value is not null)?.PeriodCode;
        // A distribution (waits by bin) has no total row: its newest period comes from the breakdown.
        if (at is null && series.Count == 0) at = await results.LatestPeriodAsync(d.Code, periodType, unitId, ct);
        var children = at is null ? [] : await results.ChildrenValuesAsync(d.Code, periodType, at, unitId, ct);
        var breakdowns = new List<(string, List<ResultPoint>)>();
        if (at is not null)
            foreach (var dimension in await results.DimensionsAsync(d.Code, ct))
                breakdowns.Add((dimension, await results.BreakdownAsync(d.Code, periodType, at, unitId, dimension, ct)));
        return new(series, at, children, breakdowns);
    }

    /// <summary>One table as headers and rows of text (numbers invariant, so spreadsheets read them as numbers).</summary>
    public (string[] Headers, List<object?[]> Rows) Table(string table, string? dimension, CultureInfo c)
    {
        string H(string key) => Texts.Get(key, c);
        return table switch
        {
            "units" => ([H("IndicatorPage.OrgUnit"), H("IndicatorPage.Period"), H("IndicatorPage.Value"), H("IndicatorPage.Numerator"), H("IndicatorPage.Denominator"), "N"],
                Children.Select(x => new object?[] { x.Unit.Name, At, x.Point?.Value, x.Point?.Numerator, x.Point?.Denominator, x.Point?.N }).ToList()),
            "breakdown" => ([H("Indicators.Dimension." + dimension), H("IndicatorPage.Period"), H("IndicatorPage.Value"), H("IndicatorPage.Numerator"), H("IndicatorPage.Denominator"), "N"],
                Breakdowns.Where(b => b.Dimension == dimension).SelectMany(b => b.Rows)
                    .Select(p => new object?[] { IndicatorView.Category(dimension ?? "", p.Category, c), At, p.Value, p.Numerator, p.Denominator, p.N }).ToList()),
            _ => ([H("IndicatorPage.Period"), H("IndicatorPage.Value"), H("IndicatorPage.Numerator"), H("IndicatorPage.Denominator"), "N"],
                Series.Select(p => new object?[] { p.PeriodCode, p.Value, p.Numerator, p.Denominator, p.N }).ToList()),
        };
    }
}

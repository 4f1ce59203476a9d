using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Results;
using Tilannekuva.Programme.Review;
using Tilannekuva.Web.Indicators;

namespace Tilannekuva.Web.Pages.Indicators;

/// <summary>One indicator: trend against the target, each child unit's value (drill-down region → area → unit) and the breakdowns.</summary>
public sealed class IndicatorDetailsModel(IndicatorResults results) : PageModel
{
    public IndicatorDefinition? Definition { get; private set; }
    public OrgUnit? Unit { get; private set; }
    public List<OrgUnit> Path { get; private set; } = [];
    [BindProperty(SupportsGet = true, Name = "period")] public string PeriodType { get; set; } = "quarter";
    [BindProperty(SupportsGet = true)] public string? At { get; set; }
    public List<ResultPoint> Series { get; private set; } = [];
    public string ChartSvg { get; private set; } = "";
    public List<(OrgUnit Unit, ResultPoint? Point)> Children { get; private set; } = [];
    public List<(string Dimension, List<ResultPoint> Rows)> Breakdowns { get; } = [];

    /// <summary>Since when the figures have been out of date (being updated); null when current.</summary>
    public DateTime? OutOfDateSince { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string? unit, CancellationToken ct)
    {
        OutOfDateSince = await results.OutOfDateSinceAsync(ct);
        Definition = IndicatorCatalogue.All.FirstOrDefault(d => d.Code == code);
        if (Definition is null) return NotFound();
        if (!IndicatorView.PeriodTypesOf(Definition).Contains(PeriodType)) PeriodType = "quarter";
        Unit = unit is null ? (await results.RootsAsync(ct)).FirstOrDefault() : await results.UnitAsync(unit, ct);
        if (Unit is null) return unit is null ? Page() : NotFound();
        var data = await IndicatorTables.LoadAsync(results, Definition, Unit.SourceId, PeriodType, At, ct);
        (Path, Series, Children, At) = (await results.PathAsync(Unit.SourceId, ct), data.Series, data.Children, data.At);
        Breakdowns.AddRange(data.Breakdowns);
        if (Series.Count > 0)
            ChartSvg = Tilannekuva.Dashboards.DashboardCharts.Fit(ReviewCharts.TrendSvg(IndicatorView.AsMetric(Definition, Series, CultureInfo.CurrentUICulture), CultureInfo.CurrentUICulture, 760, 320), 760, 320);
        return Page();
    }
}

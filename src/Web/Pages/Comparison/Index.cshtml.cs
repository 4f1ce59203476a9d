using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Comparison;
using Tilannekuva.Comparison.Export;
using Tilannekuva.Comparison.Reading;
using Tilannekuva.Comparison.Storage;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Web.Indicators;

namespace Tilannekuva.Web.Pages.Comparison;

/// <summary>
/// Counties side by side (hyvinvointialueet rinnakkain): one indicator for one period by county, the same over time, each
/// county's areas, and how current each county's data is. Everything comes from the counties' signed exports.
/// </summary>
public sealed class ComparisonPageModel(ComparisonReader reader, ComparisonSettings settings) : PageModel
{
    public const string DefaultIndicator = "care_guarantee_7d";

    [BindProperty(SupportsGet = true, Name = "indicator")] public string? IndicatorCode { get; set; }
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodType { get; set; }
    [BindProperty(SupportsGet = true, Name = "at")] public string? At { get; set; }

    public IReadOnlyList<ComparedCounty> Counties { get; private set; } = [];
    /// <summary>The catalogue indicators any county sent, in the catalogue's order.</summary>
    public IReadOnlyList<IndicatorDefinition> Indicators { get; private set; } = [];
    public IndicatorDefinition? Definition { get; private set; }
    public IReadOnlyList<string> Periods { get; private set; } = [];
    /// <summary>Per county (in <see cref="Counties"/>' order) its value in <see cref="At"/>; null when it sent none.</summary>
    public IReadOnlyList<(ComparedCounty County, CountyValue? Value)> InPeriod { get; private set; } = [];
    /// <summary>Per county its value in each of <see cref="Periods"/>.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, CountyValue>> Series { get; private set; } = new Dictionary<string, Dictionary<string, CountyValue>>();
    public ILookup<string, (string Name, CountyValue Value)> Areas { get; private set; } = Array.Empty<(string, (string, CountyValue))>().ToLookup(x => x.Item1, x => x.Item2);
    public string BarsSvg { get; private set; } = "";
    public string LinesSvg { get; private set; } = "";
    public int Minimum => settings.Rule.Minimum;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var c = CultureInfo.CurrentUICulture;
        Counties = await reader.CountiesAsync(ct);
        var sent = (await reader.IndicatorsAsync(ct)).ToHashSet(StringComparer.Ordinal);
        Indicators = IndicatorCatalogue.All.Where(d => sent.Contains(d.Code)).ToList();
        if (Indicators.Count == 0) return Page();
        Definition = Indicators.FirstOrDefault(d => d.Code == IndicatorCode) ?? Indicators.FirstOrDefault(d => d.Code == DefaultIndicator) ?? Indicators[0];
        IndicatorCode = Definition.Code;
        PeriodType = CountyExporter.PeriodTypes.Contains(PeriodType) ? PeriodType : "quarter";
        Periods = await reader.PeriodsAsync(Definition.Code, PeriodType!, ct);
        var series = await reader.SeriesAsync(Definition.Code, PeriodType!, ct);
        Series = series.GroupBy(v => v.CountyId).ToDictionary(g => g.Key, g => g.ToDictionary(v => v.PeriodCode));
        // The newest finished period in which any county has a figure shown (a running month or quarter rests on a few
        // days, and counties' data reach different days), else the newest with a figure.
        var today = DateOnly.FromDateTime(DateTime.Today);
        var shown = series.Where(v => !v.Suppressed).Select(v => v.PeriodCode).Distinct().ToList();
        At = Periods.Contains(At) ? At
            : shown.Where(p => IndicatorView.PeriodEnd(p) is { } end && end < today).DefaultIfEmpty(shown.DefaultIfEmpty(Periods.LastOrDefault()).Max(StringComparer.Ordinal)).Max(StringComparer.Ordinal);
        InPeriod = Counties.Select(county => (county, Series.GetValueOrDefault(county.Id)?.GetValueOrDefault(At ?? ""))).ToList();
        if (At is not null) Areas = await reader.AreasAsync(Definition.Code, PeriodType!, At, ct);

        var name = Definition.NameIn(c);
        BarsSvg = Tilannekuva.Dashboards.DashboardCharts.BarsSvg($"{name} – {IndicatorView.Period(At ?? "")}",
            InPeriod.Select(x => (NameOf(x.County), x.Value?.Value)).ToList(), null, c);
        LinesSvg = ComparisonCharts.LinesSvg(name, Periods.Select(IndicatorView.Period).ToList(),
            Counties.Select(county => (NameOf(county), (IReadOnlyList<double?>)Periods.Select(p => Series.GetValueOrDefault(county.Id)?.GetValueOrDefault(p)?.Value).ToList())).ToList(), c);
        return Page();
    }

    /// <summary>The county's name in the reader's language from the code list of counties, else as the county wrote it.</summary>
    public string NameOf(ComparedCounty county) => WellbeingCounties.NameIn(county.Id, county.Name, CultureInfo.CurrentUICulture);

    /// <summary>A value as the indicator's unit reads, "&lt; 5" when hidden, "–" when the county sent none.</summary>
    public string Show(CountyValue? v) => v is null ? "–" : v.Suppressed ? $"< {Minimum}" : IndicatorView.Value(Definition!, v.Value, CultureInfo.CurrentUICulture);

    public static string ShowN(CountyValue? v) => v?.N is { } n ? n.ToString("#,0", CultureInfo.CurrentUICulture) : "";

    /// <summary>A moment in Finnish time: "3.12.2026 15.45" in Finnish.</summary>
    public static string When(DateTimeOffset? t) => t is { } x ? When(TimeZoneInfo.ConvertTime(x, Helsinki).DateTime) : "–";

    /// <summary>A Finnish wall-clock time as the culture writes it.</summary>
    public static string When(DateTime? t, CultureInfo? culture = null)
    {
        var c = culture ?? CultureInfo.CurrentUICulture;
        return t is { } x ? Tilannekuva.Localisation.Texts.Date(DateOnly.FromDateTime(x), c) + " " + x.ToString("t", c) : "–";
    }

    private static readonly TimeZoneInfo Helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");
}

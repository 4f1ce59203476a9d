using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.Dashboards;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Results;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Pages.Dashboards;

/// <summary>
/// Johtamisnäkymät: strategic (/dashboards, region), tactical (/dashboards/tactical?unit=area) and operational
/// (/dashboards/operational?unit=unit), each a list of sections (chart, table, export) built by the Dashboards module.
/// A unit manager who leads exactly one unit and opens /dashboards as such is taken to that unit's own dashboard.
/// </summary>
public sealed class DashboardModel(DashboardService dashboards, AccountUnits accountUnits, IndicatorResults results,
    Tilannekuva.Feedback.Pulse.PulseService pulse, Tilannekuva.Indicators.Storage.IndicatorsDbContext indicators, TimeProvider clock) : PageModel
{
    /// <summary>The staff pulse beside the customer feedback: rounds of the units under this dashboard's unit, last 8 weeks.</summary>
    public IReadOnlyList<Tilannekuva.Feedback.Pulse.PulseResult> Pulse { get; private set; } = [];
    public IReadOnlyDictionary<string, string> PulseUnitNames { get; private set; } = new Dictionary<string, string>();

    public string Level { get; private set; } = "strategic";
    public DashboardView? View { get; private set; }
    public StrategicDashboard? Strategic { get; private set; }
    public TacticalDashboard? Tactical { get; private set; }
    public OperationalDashboard? Operational { get; private set; }
    public int MinimumCellSize { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public async Task<IActionResult> OnGetAsync(string? level, CancellationToken ct)
    {
        if (level is null && Unit is null && await OwnDashboardAsync(ct) is { } own) return Redirect(own);
        Level = level ?? "strategic";
        var (data, view) = await dashboards.PageAsync(Level, Unit, Period, CultureInfo.CurrentUICulture, ct);
        View = view;
        Strategic = data as StrategicDashboard;
        Tactical = data as TacticalDashboard;
        Operational = data as OperationalDashboard;
        MinimumCellSize = Strategic?.MinimumCellSize ?? Tactical?.MinimumCellSize ?? Operational?.MinimumCellSize ?? 0;
        if (View is null && Unit is not null) return NotFound();
        if (View is not null)
        {
            var under = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                indicators.OrgUnitAncestors.Where(a => a.AncestorId == View.Unit.Id).Select(a => a.UnitId), ct);
            if (!under.Contains(View.Unit.Id)) under.Add(View.Unit.Id);
            Pulse = await pulse.ResultsAsync(under, DateOnly.FromDateTime(clock.GetLocalNow().DateTime).AddDays(-7 * 8), ct);
            var ids = Pulse.Select(p => p.OrgUnitId).Distinct().ToList();
            PulseUnitNames = (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                indicators.OrgUnits.Where(u => ids.Contains(u.SourceId)).Select(u => new { u.SourceId, u.Name }), ct))
                .DistinctBy(u => u.SourceId).ToDictionary(u => u.SourceId, u => u.Name);
        }
        return Page();
    }

    /// <summary>
    /// The dashboard of the one unit a manager leads, at the level the breadcrumbs use for it (a health station's is
    /// operational, an area's tactical); null otherwise. A convenience only: /dashboards/strategic and every
    /// other unit stay open to them.
    /// </summary>
    private async Task<string?> OwnDashboardAsync(CancellationToken ct)
    {
        if (SignedInUser.RoleOf(User) != Role.Manager) return null;
        if (await accountUnits.OfAsync(User, ct) is not [var code]) return null;
        return await results.UnitAsync(code, ct) is { } unit ? DashboardViews.UrlFor(new UnitRef(unit.SourceId, unit.Name, Codes.Of(unit.Kind))) : null;
    }

    public string ExportUrl(string table, string format) =>
        $"/dashboards/{Level}/export.{format}?unit={Uri.EscapeDataString(View?.Unit.Id ?? "")}&table={Uri.EscapeDataString(table)}"
        + (Level == "tactical" && Tactical is not null ? "&period=" + Tactical.PeriodType : "");
}

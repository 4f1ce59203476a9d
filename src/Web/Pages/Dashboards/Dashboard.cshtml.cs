using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Dashboards;

namespace Tilannekuva.Web.Pages.Dashboards;

/// <summary>
/// Johtamisnäkymät: strategic (/dashboards, region), tactical (/dashboards/tactical?unit=area) and operational
/// (/dashboards/operational?unit=unit), each a list of sections (chart, table, export) built by the Dashboards module.
/// </summary>
public sealed class DashboardModel(DashboardService dashboards) : PageModel
{
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
        Level = level ?? "strategic";
        var (data, view) = await dashboards.PageAsync(Level, Unit, Period, CultureInfo.CurrentUICulture, ct);
        View = view;
        Strategic = data as StrategicDashboard;
        Tactical = data as TacticalDashboard;
        Operational = data as OperationalDashboard;
        MinimumCellSize = Strategic?.MinimumCellSize ?? Tactical?.MinimumCellSize ?? Operational?.MinimumCellSize ?? 0;
        if (View is null && Unit is not null) return NotFound();
        return Page();
    }

    public string ExportUrl(string table, string format) =>
        $"/dashboards/{Level}/export.{format}?unit={Uri.EscapeDataString(View?.Unit.Id ?? "")}&table={Uri.EscapeDataString(table)}"
        + (Level == "tactical" && Tactical is not null ? "&period=" + Tactical.PeriodType : "");
}

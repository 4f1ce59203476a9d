using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Indicators.Quality;

namespace Tilannekuva.Web.Pages.Indicators;

/// <summary>The data-quality report (/indicators/quality): the tables of <see cref="QualityReport"/>, each with its CSV and XLSX export.</summary>
[Authorize]
public sealed class IndicatorQualityModel(QualityReport report) : PageModel
{
    public IReadOnlyList<QualityTable> Tables { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tables = await report.BuildAsync(ct);
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.SocialWork;

namespace Tilannekuva.Web.Pages.SocialWork;

/// <summary>The half-year or year report on a page, with the DOCX, CSV and XLSX downloads.</summary>
[Authorize(Roles = Api.SocialWorkApi.ReportReaders)]
public sealed class ReportModel(SocialWorkService service, SocialWorkSettings settings, TimeProvider clock) : PageModel
{
    public SocialWorkReport? Report { get; private set; }
    public string Period { get; private set; } = "";
    public bool Invalid { get; private set; }
    public IReadOnlyList<ReportPeriod> Choices { get; private set; } = [];

    public async Task OnGetAsync(string? period, CancellationToken ct)
    {
        var half = ReportPeriod.HalfOf(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        Choices = [half, half.Previous, half.Previous.Previous, new(half.Year, null), new(half.Year - 1, null)];
        Period = string.IsNullOrWhiteSpace(period) ? half.Code : period.Trim();
        Report = await Api.SocialWorkApi.BuildAsync(Period, service, settings, ct);
        Invalid = Report is null;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.ContactSampling;
using Tilannekuva.ContactSampling.Results;

namespace Tilannekuva.Web.Pages.Sampling;

/// <summary>A period's results: failure-demand share with its 95 % Wilson interval, by reason, top reasons, kinds, minutes and person-years.</summary>
public sealed class SamplingShowModel(SamplingService sampling, SamplingSettings settings) : PageModel
{
    public SampleResult? Result { get; private set; }
    public string UnitName { get; private set; } = "";
    public SamplingSettings Settings => settings;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Result = await sampling.ResultAsync(id, ct);
        if (Result is null) return NotFound();
        UnitName = (await sampling.UnitsAsync(ct)).FirstOrDefault(u => u.Code == Result.Period.UnitId).Name ?? Result.Period.UnitId;
        return Page();
    }

    /// <summary>"37,5 %" in the page's culture; "–" without contacts.</summary>
    public static string Percent(double share) => double.IsNaN(share) ? "–" : (share * 100).ToString("0.0", System.Globalization.CultureInfo.CurrentCulture) + " %";

    public static string Interval(Proportion p) => p.N == 0 ? "–" : $"{Percent(p.Lower)} – {Percent(p.Upper)}";
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.ContactSampling;
using Tilannekuva.ContactSampling.Results;

namespace Tilannekuva.Web.Pages.Sampling;

/// <summary>Two periods side by side (before, after) and the change of the failure-demand share with Newcombe's interval.</summary>
public sealed class SamplingCompareModel(SamplingService sampling) : PageModel
{
    public Tilannekuva.ContactSampling.Results.Comparison? Comparison { get; private set; }

    public async Task<IActionResult> OnGetAsync(int before, int after, CancellationToken ct)
    {
        Comparison = await sampling.CompareAsync(before, after, ct);
        return Comparison is null ? NotFound() : Page();
    }

    /// <summary>Percentage points with a sign, one decimal.</summary>
    public static string Points(double d) => (d * 100).ToString("+0.0;−0.0;0.0", System.Globalization.CultureInfo.CurrentCulture);
}

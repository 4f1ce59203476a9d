using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Results;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Pages.Indicators;

/// <summary>The indicator catalogue: what each indicator counts, its targets and the region's latest quarter.</summary>
public sealed class IndicatorCatalogueModel(IndicatorResults results) : PageModel
{
    public IReadOnlyList<IndicatorDefinition> Definitions => IndicatorCatalogue.All;
    public OrgUnit? Region { get; private set; }
    public Dictionary<string, ResultPoint> Latest { get; } = [];
    public bool CanImport => SignedInUser.RoleOf(User) is Role.Admin or Role.Director or Role.Analyst;

    /// <summary>Since when the figures have been out of date (being updated); null when current.</summary>
    public DateTime? OutOfDateSince { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        OutOfDateSince = await results.OutOfDateSinceAsync(ct);
        Region = (await results.RootsAsync(ct)).FirstOrDefault();
        if (Region is null) return;
        foreach (var d in Definitions)
        {
            var series = await results.SeriesAsync(d.Code, "quarter", Region.SourceId, ct: ct);
            if (series.LastOrDefault(p => p.Value is not null) is { } last) Latest[d.Code] = last;
        }
    }
}

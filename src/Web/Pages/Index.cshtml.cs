using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Storage;

namespace Tilannekuva.Web.Pages;

public sealed class IndexModel(ProgrammeDbContext db) : PageModel
{
    public List<DevelopmentProgramme> Programmes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Programmes = await db.ListAsync(ct);
        // Most counties run one programme: go straight to it.
        return Programmes.Count == 1 ? Redirect($"/programmes/{Programmes[0].Id}") : Page();
    }
}

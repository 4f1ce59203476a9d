using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Access;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.PlanImport;
using Tilannekuva.Programme.Storage;

namespace Tilannekuva.Web.Pages.Programmes;

/// <summary>Versiot: the states of a programme kept before plan imports and restores; the director restores one.</summary>
[Authorize(Roles = Roles.ProgrammeManagers)]
public sealed class RevisionsModel(ProgrammeDbContext db) : PageModel
{
    public DevelopmentProgramme? Programme { get; private set; }
    public List<ProgrammeRevision> Revisions { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (Programme is null) return NotFound();
        Revisions = await PlanRevisions.ListAsync(db, id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int revision, CancellationToken ct)
    {
        // Only a revision of this programme is restored from its page.
        if (!await db.Revisions.AnyAsync(r => r.Id == revision && r.ProgrammeId == id, ct)) return NotFound();
        var before = await PlanRevisions.RestoreAsync(db, revision, ct);
        var result = await OnGetAsync(id, ct);
        Message = Texts.Format("PlanImport2.Page.Restored", null, revision, before.Id);
        return result;
    }
}

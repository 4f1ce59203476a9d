using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Access;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Storage;

namespace Tilannekuva.Web.Pages.Programmes;

/// <summary>The audit log of programme data; the director and admin read it.</summary>
[Authorize(Roles = Roles.ProgrammeManagers)]
public sealed class AuditModel(ProgrammeDbContext db) : PageModel
{
    public const int PageSize = 500;
    public int ProgrammeId { get; private set; }
    public List<AuditEntry> Entries { get; private set; } = [];
    [BindProperty(SupportsGet = true, Name = "type")] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserName { get; set; }

    public async Task OnGetAsync(int id, CancellationToken ct)
    {
        ProgrammeId = id;
        var q = db.AuditEntries.AsNoTracking().Where(e => e.ProgrammeId == id);
        if (!string.IsNullOrWhiteSpace(EntityType)) q = q.Where(e => e.EntityType == EntityType);
        if (!string.IsNullOrWhiteSpace(UserName)) q = q.Where(e => e.UserName == UserName);
        Entries = await q.OrderByDescending(e => e.Id).Take(PageSize).ToListAsync(ct);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Access;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Storage;

namespace Tilannekuva.Web.Pages.Feedback;

/// <summary>
/// Open-text feedback for staff, newest first, with a "handled" mark and a reply note. Only here is
/// open text shown (already scrubbed); viewers read, the other roles may mark and note.
/// </summary>
public sealed class CommentsModel(FeedbackDbContext db) : PageModel
{
    public const int PageSize = 100;
    public List<Response> Items { get; private set; } = [];
    public Dictionary<string, string> ServicePoints { get; private set; } = [];
    public string? ServicePoint { get; private set; }
    public bool OnlyOpen { get; private set; }
    public bool CanHandle => !User.IsInRole(Roles.Viewer);

    public async Task OnGetAsync(string? servicePoint, bool onlyOpen, CancellationToken ct)
    {
        ServicePoint = string.IsNullOrEmpty(servicePoint) ? null : servicePoint;
        OnlyOpen = onlyOpen;
        var q = db.Responses.AsNoTracking().Where(r => r.OpenText != null);
        if (ServicePoint is not null) q = q.Where(r => r.ServicePointCode == ServicePoint);
        if (OnlyOpen) q = q.Where(r => !r.Handled);
        Items = await q.OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).Take(PageSize).ToListAsync(ct);
        ServicePoints = await db.ServicePoints.AsNoTracking().OrderBy(p => p.Name).ToDictionaryAsync(p => p.Code, p => p.Name, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, bool handled, string? reply, string? servicePoint, bool onlyOpen, CancellationToken ct)
    {
        if (!CanHandle) return Forbid();
        var r = await db.Responses.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return NotFound();
        r.Handled = handled;
        r.ReplyNote = string.IsNullOrWhiteSpace(reply) ? null : reply.Trim()[..Math.Min(reply.Trim().Length, 4000)];
        r.HandledBy = User.Identity?.Name;
        r.HandledAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(ct);
        return Redirect($"/feedback/comments?servicePoint={Uri.EscapeDataString(servicePoint ?? "")}&onlyOpen={onlyOpen}#r-{id}");
    }
}

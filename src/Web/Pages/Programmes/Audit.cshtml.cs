using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Access;
using Tilannekuva.Programme.Storage;
using Tilannekuva.Web.Programmes;

namespace Tilannekuva.Web.Pages.Programmes;

/// <summary>The audit log of programme data in words, a page at a time, filtered by entity, user and dates; the director and admin read it.</summary>
[Authorize(Roles = Roles.ProgrammeManagers)]
public sealed class AuditModel(ProgrammeDbContext db) : PageModel
{
    public const int PageSize = 50;
    public int ProgrammeId { get; private set; }
    public string ProgrammeName { get; private set; } = "";
    public List<AuditItem> Items { get; private set; } = [];
    public int Total { get; private set; }
    public List<string> Users { get; private set; } = [];
    [BindProperty(SupportsGet = true, Name = "type")] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        ProgrammeId = id;
        if (await db.Programmes.Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(ct) is not { } name) return NotFound();
        ProgrammeName = name;
        var all = db.AuditEntries.AsNoTracking().Where(e => e.ProgrammeId == id);
        Users = await all.Select(e => e.UserName).Distinct().OrderBy(u => u).ToListAsync(ct);
        var q = all;
        if (!string.IsNullOrWhiteSpace(EntityType)) q = q.Where(e => e.EntityType == EntityType);
        if (!string.IsNullOrWhiteSpace(UserName)) q = q.Where(e => e.UserName == UserName);
        // Dates are compared in memory-free form: the stored instant against the local day's bounds.
        if (From is { } f) { var start = new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue)); q = q.Where(e => e.At >= start); }
        if (To is { } t) { var end = new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue)); q = q.Where(e => e.At < end); }
        Total = await q.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var rows = await q.OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Items = rows.Select(e => ProgrammeAuditView.Describe(e, CultureInfo.CurrentUICulture)).ToList();
        return Page();
    }

    public string PageUrl(int page) =>
        $"/programmes/{ProgrammeId}/audit?type={Uri.EscapeDataString(EntityType ?? "")}&user={Uri.EscapeDataString(UserName ?? "")}"
        + $"&from={From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&page={page}";
}

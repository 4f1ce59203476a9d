using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.SocialWork;
using Tilannekuva.SocialWork.Domain;

namespace Tilannekuva.Web.Pages.SocialWork;

/// <summary>
/// The entry form for structural social work observations (phone-sized first) and the list of entries: the worker's own
/// by default, everyone's on request. Editors also choose quotes and keep the follow-up of the proposed actions here.
/// </summary>
[Authorize(Roles = Roles.SocialWorkRecorders)]
public sealed class IndexModel(SocialWorkService service, TimeProvider clock) : PageModel
{
    [BindProperty] public DateOnly ObservedOn { get; set; }
    [BindProperty] public string Category { get; set; } = "";
    [BindProperty] public string Area { get; set; } = "";
    [BindProperty] public string ClientGroup { get; set; } = "";
    [BindProperty] public int ClientCount { get; set; } = 1;
    [BindProperty] public string Description { get; set; } = "";
    [BindProperty] public string ProposedAction { get; set; } = "";

    public IReadOnlyList<string> Problems { get; private set; } = [];
    public List<Observation> Items { get; private set; } = [];
    public bool All { get; private set; }
    public bool Saved { get; private set; }
    public bool IsEditor => User.IsInRole(Roles.SocialWorkEditor) || User.IsInRole(Roles.Admin);

    public async Task OnGetAsync(bool all, bool saved, CancellationToken ct)
    {
        ObservedOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        (All, Saved) = (all, saved);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var draft = new ObservationDraft(ObservedOn, Category, Area, ClientGroup, ClientCount, Description ?? "", ProposedAction ?? "");
        Problems = SocialWorkService.Validate(draft);
        if (ObservedOn == default || ObservedOn > DateOnly.FromDateTime(clock.GetLocalNow().DateTime).AddDays(1)) Problems = [.. Problems, "SocialWork.Error.Date"];
        if (Problems.Count > 0)
        {
            await LoadAsync(ct);
            return Page();
        }
        await service.RecordAsync(draft, User.Identity?.Name ?? "", ct);
        return Redirect("/socialwork?saved=true");
    }

    public async Task<IActionResult> OnPostFollowUpAsync(int id, FollowUpState state, string? note, bool quoted, bool all, CancellationToken ct)
    {
        if (!IsEditor) return Forbid();
        if (!await service.SetFollowUpAsync(id, state, note, ct)) return NotFound();
        await service.SetQuotedAsync(id, quoted, ct);
        return Redirect($"/socialwork?all={all.ToString().ToLowerInvariant()}#o-{id}");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Items = await service.ListAsync(All ? null : User.Identity?.Name, ct: ct);
}

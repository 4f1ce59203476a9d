using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.SocialWork;
using Tilannekuva.SocialWork.Domain;

namespace Tilannekuva.Web.Pages.SocialWork;

/// <summary>
/// Correcting or removing one observation: its recorder may, and an editor may (for instance to take out something that
/// still identifies a person). The text is scrubbed again on saving; the follow-up and the quote choice stay.
/// </summary>
[Authorize(Roles = Roles.SocialWorkRecorders)]
public sealed class EditModel(SocialWorkService service, TimeProvider clock) : PageModel
{
    [BindProperty] public DateOnly ObservedOn { get; set; }
    [BindProperty] public string Category { get; set; } = "";
    [BindProperty] public string Area { get; set; } = "";
    [BindProperty] public string ClientGroup { get; set; } = "";
    [BindProperty] public int ClientCount { get; set; } = 1;
    [BindProperty] public string Description { get; set; } = "";
    [BindProperty] public string ProposedAction { get; set; } = "";

    public int Id { get; private set; }
    public Observation? Entry { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public ObservationFields Fields => new(ObservedOn, Category, Area, ClientGroup, ClientCount, Description, ProposedAction);

    private bool IsEditor => User.IsInRole(Roles.SocialWorkEditor) || User.IsInRole(Roles.Admin);

    /// <summary>The entry when it exists and this user may change it; otherwise the answer to give.</summary>
    private async Task<(Observation? Entry, IActionResult? Refusal)> EntryAsync(int id, CancellationToken ct)
    {
        Id = id;
        var o = await service.FindAsync(id, ct);
        if (o is null) return (null, NotFound());
        if (!SocialWorkService.MayChange(o, User.Identity?.Name ?? "", IsEditor)) return (null, Forbid());
        return (o, null);
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (o, refusal) = await EntryAsync(id, ct);
        if (refusal is not null) return refusal;
        Entry = o!;
        (ObservedOn, Category, Area, ClientGroup, ClientCount, Description, ProposedAction) =
            (o!.ObservedOn, o.Category, o.Area, o.ClientGroup, o.ClientCount, o.Description, o.ProposedAction);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var (o, refusal) = await EntryAsync(id, ct);
        if (refusal is not null) return refusal;
        Entry = o!;
        var draft = new ObservationDraft(ObservedOn, Category, Area, ClientGroup, ClientCount, Description ?? "", ProposedAction ?? "");
        Problems = ObservationFields.Problems(draft, clock);
        if (Problems.Count > 0) return Page();
        await service.UpdateAsync(id, draft, ct);
        return Redirect($"/socialwork?changed=updated#o-{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var (_, refusal) = await EntryAsync(id, ct);
        if (refusal is not null) return refusal;
        await service.DeleteAsync(id, ct);
        return Redirect("/socialwork?changed=deleted");
    }
}

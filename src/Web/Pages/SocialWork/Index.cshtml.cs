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
    /// <summary>"updated" or "deleted" after the correction page sent the worker back here.</summary>
    public string? Changed { get; private set; }
    public bool IsEditor => User.IsInRole(Roles.SocialWorkEditor) || User.IsInRole(Roles.Admin);
    public ObservationFields Fields => new(ObservedOn, Category, Area, ClientGroup, ClientCount, Description, ProposedAction);
    public bool MayChange(Observation o) => SocialWorkService.MayChange(o, User.Identity?.Name ?? "", IsEditor);

    public async Task OnGetAsync(bool all, bool saved, string? changed, CancellationToken ct)
    {
        ObservedOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        (All, Saved) = (all, saved);
        Changed = changed is "updated" or "deleted" ? changed : null;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var draft = new ObservationDraft(ObservedOn, Category, Area, ClientGroup, ClientCount, Description ?? "", ProposedAction ?? "");
        Problems = ObservationFields.Problems(draft, clock);
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

/// <summary>What the shared observation fields show (the entry form and the correction page).</summary>
public sealed record ObservationFields(DateOnly ObservedOn, string Category, string Area, string ClientGroup, int ClientCount,
    string Description, string ProposedAction)
{
    /// <summary>The draft's problems as text keys, the date included (not in the future beyond tomorrow's time-zone slack).</summary>
    public static IReadOnlyList<string> Problems(ObservationDraft draft, TimeProvider clock)
    {
        var problems = SocialWorkService.Validate(draft);
        return draft.ObservedOn == default || draft.ObservedOn > DateOnly.FromDateTime(clock.GetLocalNow().DateTime).AddDays(1)
            ? [.. problems, "SocialWork.Error.Date"] : problems;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.Boards.Figures;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.ServicePoints;
using Tilannekuva.Indicators.Domain;

namespace Tilannekuva.Web.Pages.Feedback;

/// <summary>
/// Toimipisteet: the feedback service points and the org unit each one is (a choice among the org units of
/// the Indicators module's org_unit table), which links its feedback to that unit's steering boards.
/// Admins and analysts change, like questionnaires; others read.
/// </summary>
public sealed class ServicePointsModel(ServicePointCatalog catalog, BoardQuery units, Tilannekuva.Web.Feedback.ServicePointChanges changes) : PageModel
{
    public List<ServicePoint> Points { get; private set; } = [];
    public IReadOnlyList<(OrgUnit Unit, int Depth)> Units { get; private set; } = [];
    public IReadOnlyDictionary<string, string> UnitNames => Units.ToDictionary(u => u.Unit.SourceId, u => u.Unit.Name);
    public IReadOnlyList<string> Problems { get; private set; } = [];
    /// <summary>The form: the point being edited (?edit=code), or an empty one.</summary>
    public ServicePointDraft Draft { get; private set; } = new("", "", "", "", null);
    public bool Editing { get; private set; }
    public string? Saved { get; private set; }
    public bool CanEdit => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Analyst);

    public async Task OnGetAsync(string? edit, string? saved, CancellationToken ct)
    {
        await LoadAsync(ct);
        Saved = saved;
        if (edit is not null && await catalog.FindAsync(edit, ct) is { } p)
        {
            Draft = new(p.Code, p.Name, p.ProviderCode, p.ProviderName, p.OrgUnitId);
            Editing = true;
        }
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? name, string? providerCode, string? providerName, string? orgUnit, CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        await LoadAsync(ct);
        var draft = new ServicePointDraft(code ?? "", name ?? "", providerCode ?? "", providerName ?? "", string.IsNullOrWhiteSpace(orgUnit) ? null : orgUnit.Trim());
        var known = Units.Select(u => u.Unit.SourceId).ToHashSet();
        Problems = ServicePointCatalog.Validate(draft, known);
        if (Problems.Count > 0)
        {
            (Draft, Editing) = (draft, Points.Any(p => p.Code == draft.Code.Trim()));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        // The change and its row in the account log (who linked which point to which unit) in one transaction.
        await changes.SaveAsync(draft, known, ct);
        return Redirect($"/feedback/service-points?saved={Uri.EscapeDataString(draft.Code.Trim())}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Points = await catalog.ListAsync(ct);
        Units = await units.UnitChoicesAsync(ct);
    }
}

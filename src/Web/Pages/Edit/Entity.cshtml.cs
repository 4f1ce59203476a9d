using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Programme.Editing;
using Tilannekuva.Programme.Storage;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Pages.Edit;

/// <summary>One form for every editable programme entity: /edit/risk/12, /edit/risk/new?parent=5.</summary>
public sealed class EditEntityModel(EntityEditor editor, ProgrammeDbContext db) : PageModel
{
    public EditableType? Type { get; private set; }
    public bool IsNew { get; private set; }
    public Dictionary<string, string> Values { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(string type, string id, int? parent, CancellationToken ct)
    {
        var (result, target) = await TargetAsync(type, id, parent, ct);
        if (result is not null) return result;
        if (!await SignedInUser.EditorOf(User).MayEditAsync(db, target!.Type, target.Link, ct))
            return Forbid();
        Values = EntityEditor.ReadValues(target, CultureInfo.CurrentCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string type, string id, int? parent, CancellationToken ct)
    {
        var (result, target) = await TargetAsync(type, id, parent, ct);
        if (result is not null) return result;
        var posted = Type!.Fields.Where(f => Request.Form.ContainsKey(f.Name))
            .ToDictionary(f => f.Name, f => (string?)Request.Form[f.Name].LastOrDefault());
        var saved = await editor.SaveAsync(target!, posted, SignedInUser.EditorOf(User), CultureInfo.CurrentCulture, ct);
        switch (saved.Outcome)
        {
            case EditOutcome.Forbidden: return Forbid();
            case EditOutcome.Saved: return Back();
            default:
                Errors = saved.Errors;
                Values = posted.ToDictionary(kv => kv.Key, kv => kv.Value ?? "");
                return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(string type, string id, CancellationToken ct)
    {
        var (result, target) = await TargetAsync(type, id, null, ct);
        if (result is not null) return result;
        var deleted = await editor.DeleteAsync(target!, SignedInUser.EditorOf(User), ct);
        return deleted.Outcome == EditOutcome.Forbidden ? Forbid() : Back();
    }

    private async Task<(IActionResult?, EditTarget?)> TargetAsync(string type, string id, int? parent, CancellationToken ct)
    {
        Type = EditableTypes.Find(type);
        if (Type is null) return (NotFound(), null);
        IsNew = id == "new";
        EditTarget? target;
        if (IsNew)
            target = parent is { } p ? await editor.NewAsync(Type, p, SignedInUser.EditorOf(User), ct) : null;
        else
            target = int.TryParse(id, out var n) ? await editor.LoadAsync(Type, n, ct) : null;
        return target is null ? (NotFound(), null) : (null, target);
    }

    private IActionResult Back() => LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
}

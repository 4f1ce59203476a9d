using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
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
    /// <summary>What the form edits, from the programme down: "Programme › TP1 Chat › Hoitotakuu 7 vrk" (every form says it).</summary>
    public List<string> Context { get; } = [];

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
        if (target is null) return (NotFound(), null);
        await DescribeAsync(target, ct);
        return (null, target);
    }

    private async Task DescribeAsync(EditTarget target, CancellationToken ct)
    {
        if (target.Type.Name != "programme" && target.Link.ProgrammeId > 0
            && await db.Programmes.Where(p => p.Id == target.Link.ProgrammeId).Select(p => p.Name).FirstOrDefaultAsync(ct) is { } programme)
            Context.Add(programme);
        if (target.Link.WorkPackageId is { } wp && target.Type.Name != "workpackage"
            && await db.WorkPackages.Where(w => w.Id == wp).Select(w => w.Code + " " + w.Title).FirstOrDefaultAsync(ct) is { } package)
            Context.Add(package);
        // The parent a measurement, target or status belongs to: the metric or the action by name.
        var parentId = target.Type.ParentProperty.Length == 0 ? null
            : target.Entity.GetType().GetProperty(target.Type.ParentProperty)?.GetValue(target.Entity) as int?;
        if (parentId is { } pid)
        {
            var parent = target.Type.ParentProperty switch
            {
                nameof(Programme.Domain.MetricTarget.MetricId) => await db.Metrics.Where(m => m.Id == pid).Select(m => m.Name).FirstOrDefaultAsync(ct),
                nameof(Programme.Domain.ActionStatusEntry.WorkActionId) => await db.Actions.Where(a => a.Id == pid).Select(a => a.Number + ". " + a.Title).FirstOrDefaultAsync(ct),
                _ => null,
            };
            if (parent is not null) Context.Add(parent);
        }
        if (!target.IsNew && OwnName(target.Entity) is { Length: > 0 } own) Context.Add(own);
    }

    private static string? OwnName(object entity) =>
        new[] { "Name", "Title", "Description", "Text", "UserName" }.Select(n => entity.GetType().GetProperty(n)?.GetValue(entity) as string)
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } s ? (s.Length > 120 ? s[..117] + "…" : s) : null;

    private IActionResult Back() => LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
}

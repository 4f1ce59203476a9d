using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Storage;

namespace Tilannekuva.Programme.Editing;

/// <summary>An entity being edited, with where it sits in the programme.</summary>
public sealed record EditTarget(EditableType Type, object Entity, ParentLink Link, bool IsNew)
{
    public int Id => (int)Type.ClrType.GetProperty("Id")!.GetValue(Entity)!;
}

public enum EditOutcome { Saved, Invalid, Forbidden, NotFound }

/// <summary>Result of an edit: field errors are text keys, keyed by field name ("" for the whole entity).</summary>
public sealed record EditResult(EditOutcome Outcome, IReadOnlyDictionary<string, string> Errors, EditTarget? Target = null);

/// <summary>
/// Creates, changes and deletes programme entities from field values given as text (form posts
/// and JSON alike), checking the editor's rights first. Every save goes through the audited context.
/// </summary>
public sealed class EntityEditor(ProgrammeDbContext db)
{
    private static readonly Dictionary<string, string> NoErrors = [];

    public async Task<EditTarget?> LoadAsync(EditableType type, int id, CancellationToken ct = default)
    {
        var entity = await db.FindAsync(type.ClrType, [id], ct);
        if (entity is null) return null;
        var parentId = ParentIdOf(type, entity);
        var link = parentId is null
            ? await ProgrammeLinkAsync(entity, ct)
            : await type.ResolveParent(db, parentId.Value, ct);
        return link is null ? null : new EditTarget(type, entity, link, IsNew: false);
    }

    public async Task<EditTarget?> NewAsync(EditableType type, int parentId, ProgrammeEditor editor, CancellationToken ct = default)
    {
        var link = type.Name == "programme" ? new ParentLink(0, null) : await type.ResolveParent(db, parentId, ct);
        if (link is null) return null;
        var entity = Activator.CreateInstance(type.ClrType, nonPublic: false) ?? throw new InvalidOperationException(type.Name);
        if (type.ParentProperty != "") SetProperty(entity, type.ParentProperty, parentId);
        if (Property(entity, "ProgrammeId") is { } pid && pid.PropertyType == typeof(int) && (int)pid.GetValue(entity)! == 0) pid.SetValue(entity, link.ProgrammeId);
        if (entity is ActionStatusEntry s) { s.RecordedBy = editor.UserName; s.Date = DateOnly.FromDateTime(DateTime.Today); }
        // A written account or finance comment is for the coming review: today unless the writer says otherwise.
        if (entity is WorkPackageReviewNote note) note.Date = DateOnly.FromDateTime(DateTime.Today);
        if (entity is InvestmentFinanceNote finance) finance.Date = DateOnly.FromDateTime(DateTime.Today);
        if (entity is Measurement m) { m.RecordedBy = editor.UserName; m.RecordedAt = DateTimeOffset.UtcNow; m.Date = DateOnly.FromDateTime(DateTime.Today); }
        return new EditTarget(type, entity, link, IsNew: true);
    }

    /// <summary>Field values as text for a form, in the given culture (decimal comma in Finnish).</summary>
    public static Dictionary<string, string> ReadValues(EditTarget target, CultureInfo culture) =>
        target.Type.Fields.ToDictionary(f => f.Name, f => FieldValues.Format(Property(target.Entity, f.Name)!.GetValue(target.Entity), f, culture));

    public async Task<EditResult> SaveAsync(EditTarget target, IReadOnlyDictionary<string, string?> values, ProgrammeEditor editor, CultureInfo culture, CancellationToken ct = default)
    {
        if (!await editor.MayEditAsync(db, target.Type, target.Link, ct))
            return new(EditOutcome.Forbidden, NoErrors, target);
        var errors = new Dictionary<string, string>();
        foreach (var field in target.Type.Fields)
        {
            if (!values.TryGetValue(field.Name, out var text))
            {
                if (target.IsNew && field.Required) errors[field.Name] = "Edit.Required";
                continue; // absent fields keep their value (partial API updates)
            }
            if (!FieldValues.TryParse(text, field, culture, out var value, out var error)) { errors[field.Name] = error!; continue; }
            Property(target.Entity, field.Name)!.SetValue(target.Entity, value);
        }
        Validate(target.Entity, errors);
        if (errors.Count > 0)
        {
            if (!target.IsNew) db.Entry(target.Entity).State = EntityState.Unchanged;
            return new(EditOutcome.Invalid, errors, target);
        }
        if (target.IsNew) db.Add(target.Entity);
        await db.SaveChangesAsync(ct);
        return new(EditOutcome.Saved, NoErrors, target with { IsNew = false });
    }

    public async Task<EditResult> DeleteAsync(EditTarget target, ProgrammeEditor editor, CancellationToken ct = default)
    {
        if (!await editor.MayEditAsync(db, target.Type, target.Link, ct))
            return new(EditOutcome.Forbidden, NoErrors, target);
        db.Remove(target.Entity);
        await db.SaveChangesAsync(ct);
        return new(EditOutcome.Saved, NoErrors, target);
    }

    /// <summary>Rules that span fields; single-field rules live in <see cref="FieldValues"/>.</summary>
    private static void Validate(object entity, Dictionary<string, string> errors)
    {
        switch (entity)
        {
            case ActionStatusEntry { Status: ActionStatus.Postponed, PostponedTo: null }:
                errors["PostponedTo"] = "Edit.PostponedNeedsDate";
                break;
            case MetricTarget t when !string.IsNullOrWhiteSpace(t.DuePeriod) && !Period.TryParse(t.DuePeriod, out _):
                errors["DuePeriod"] = "Edit.InvalidPeriod";
                break;
            case DevelopmentProgramme p when p.EndYear < p.StartYear:
                errors["EndYear"] = "Edit.EndBeforeStart";
                break;
            case WorkPackage { Start: { } s, End: { } e } when e < s:
                errors["End"] = "Edit.EndBeforeStart";
                break;
        }
    }

    private async Task<ParentLink?> ProgrammeLinkAsync(object entity, CancellationToken ct) => entity switch
    {
        DevelopmentProgramme p => new ParentLink(p.Id, null),
        Metric m => new ParentLink(m.ProgrammeId, null),
        Risk { ProgrammeId: { } programmeId } => new ParentLink(programmeId, null),
        _ => await Task.FromResult<ParentLink?>(null),
    };

    private static int? ParentIdOf(EditableType type, object entity) =>
        type.ParentProperty == "" ? null : (int?)Property(entity, type.ParentProperty)!.GetValue(entity);

    private static PropertyInfo? Property(object entity, string name) => entity.GetType().GetProperty(name);

    private static void SetProperty(object entity, string name, int value)
    {
        var p = Property(entity, name)!;
        p.SetValue(entity, p.PropertyType == typeof(int?) ? (int?)value : value);
    }
}

using System.Globalization;
using System.Text.Json;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Editing;

namespace Tilannekuva.Web.Programmes;

/// <summary>One changed field in words: "Tavoite: 70 → 80".</summary>
public sealed record AuditFieldChange(string Field, string Before, string After);

/// <summary>An audit row as people read it: the entity by its localised name and label, and the fields that changed.</summary>
public sealed record AuditItem(AuditEntry Entry, string Entity, string? Label, IReadOnlyList<AuditFieldChange> Changes);

/// <summary>
/// Turns programme audit rows (JSON snapshots before and after) into words: entity and field names from the edit forms'
/// texts, values as text (dates, numbers and yes/no in the reader's language, enums by their names), keys and ids left out.
/// </summary>
public static class ProgrammeAuditView
{
    /// <summary>The entity's name in the reader's language (a work package, a measurement …).</summary>
    public static string EntityName(string clrName, CultureInfo c) =>
        EditableTypes.All.FirstOrDefault(t => t.ClrType.Name == clrName) is { } t && Texts.Has(t.Label) ? Texts.Get(t.Label, c) : clrName switch
        {
            nameof(DevelopmentProgramme) => Texts.Get("Entity.programme", c),
            nameof(ProcurementLine) => Texts.Get("Entity.procurement", c),
            _ => Texts.Get("Pages2.Audit.OtherEntity", c),
        };

    public static IReadOnlyList<(string Clr, string Name)> EntityTypes(CultureInfo c) =>
        EditableTypes.All.Select(t => t.ClrType.Name).Distinct().Select(n => (n, EntityName(n, c))).OrderBy(x => x.Item2, StringComparer.Create(c, true)).ToList();

    public static AuditItem Describe(AuditEntry e, CultureInfo c)
    {
        var before = Parse(e.Before);
        var after = Parse(e.After);
        var type = EditableTypes.All.FirstOrDefault(t => t.ClrType.Name == e.EntityType);
        var enums = type?.Fields.Where(f => f.EnumType is not null).ToDictionary(f => f.Name, f => f.EnumType!) ?? [];
        var changes = new List<AuditFieldChange>();
        foreach (var field in before.Keys.Union(after.Keys).Where(f => f != "Id" && !f.EndsWith("Id", StringComparison.Ordinal)))
        {
            var b = before.TryGetValue(field, out var bv) ? Value(bv, enums.GetValueOrDefault(field), c) : "";
            var a = after.TryGetValue(field, out var av) ? Value(av, enums.GetValueOrDefault(field), c) : "";
            if (b == a) continue;
            if (e.Change == "Added" && a is "" or "–") continue;
            changes.Add(new AuditFieldChange(FieldName(field, c), e.Change == "Added" ? "" : b, e.Change == "Deleted" ? "" : a));
        }
        var snapshot = after.Count > 0 ? after : before;
        var label = new[] { "Name", "Title", "Description", "Text", "UserName", "Category" }
            .Select(n => snapshot.TryGetValue(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s));
        if (label is { Length: > 80 }) label = label[..77] + "…";
        return new AuditItem(e, EntityName(e.EntityType, c), label, changes);
    }

    private static string FieldName(string field, CultureInfo c) =>
        Texts.Has("Field." + field) ? Texts.Get("Field." + field, c) : Texts.Has("Pages2.Field." + field) ? Texts.Get("Pages2.Field." + field, c) : Texts.Get("Pages2.Audit.OtherField", c);

    private static string Value(JsonElement v, Type? enumType, CultureInfo c)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined: return "–";
            case JsonValueKind.True: return Texts.Get("Common.Yes", c);
            case JsonValueKind.False: return Texts.Get("Common.No", c);
            case JsonValueKind.Number:
                if (enumType is not null && v.TryGetInt32(out var n)) return EnumName(enumType, Enum.ToObject(enumType, n).ToString()!, c);
                return v.GetDecimal().ToString("#,0.##", c);
            case JsonValueKind.String:
                var s = v.GetString() ?? "";
                if (enumType is not null) return EnumName(enumType, s, c);
                if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return Texts.Date(d, c);
                if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) && s.Contains('T'))
                    return t.ToLocalTime().ToString("g", c);
                return s.Length > 200 ? s[..197] + "…" : s;
            default: return v.ToString();
        }
    }

    private static string EnumName(Type enumType, string value, CultureInfo c) =>
        Texts.Has($"{enumType.Name}.{value}") ? Texts.Get($"{enumType.Name}.{value}", c) : value;

    private static Dictionary<string, JsonElement> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()) : [];
        }
        catch (JsonException) { return []; }
    }
}

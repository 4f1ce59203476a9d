using System.Globalization;
using System.Text.Json;
using Tilannekuva.ServiceTray.Domain;

namespace Tilannekuva.ServiceTray.Import;

/// <summary>
/// One JSON document being read: its name (file or URL), the parsed document, the line map and the errors
/// found so far. Readers walk it with <see cref="JsonAt"/>, which knows its path, so every error names
/// file, line and field.
/// </summary>
internal sealed class JsonInput : IDisposable
{
    public string Name { get; }
    public JsonDocument Document { get; }
    public JsonLineMap Lines { get; }
    public List<ImportError> Errors { get; }

    private JsonInput(string name, JsonDocument document, JsonLineMap lines, List<ImportError> errors)
    {
        Name = name; Document = document; Lines = lines; Errors = errors;
    }

    /// <summary>Parses the bytes; invalid UTF-8 or JSON is one error naming the line, and null is returned.</summary>
    public static JsonInput? Parse(string name, byte[] bytes, List<ImportError> errors)
    {
        var body = bytes.AsSpan();
        if (body.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) body = body[3..];
        try
        {
            JsonLineMap.StrictUtf8.GetCharCount(body);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            var line = body[..Math.Max(0, e.Index)].Count((byte)'\n') + 1;
            errors.Add(new ImportError(name, line, "$", "not UTF-8 text"));
            return null;
        }
        try
        {
            var doc = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return new JsonInput(name, doc, JsonLineMap.Build(body), errors);
        }
        catch (JsonException e)
        {
            errors.Add(new ImportError(name, (int)(e.LineNumber ?? 0) + 1, e.Path ?? "$", "not valid JSON: " + e.Message.Split(" Path:")[0].Split(" LineNumber:")[0]));
            return null;
        }
    }

    public JsonAt Root => new(this, Document.RootElement, "$");

    public void Dispose() => Document.Dispose();
}

/// <summary>A JSON value with its path. Missing optional fields read as null/empty; wrong types are errors.</summary>
internal readonly record struct JsonAt(JsonInput Input, JsonElement Element, string Path)
{
    public void Error(string field, string reason)
    {
        var path = field.Length == 0 ? Path : $"{Path}.{field}";
        Input.Errors.Add(new ImportError(Input.Name, Input.Lines.LineOf(path), path, reason));
    }

    public bool Has(string name) => TryGet(name, out var v) && v.ValueKind != JsonValueKind.Null;

    /// <summary>Property by name; PTV writes camelCase, exports sometimes PascalCase.</summary>
    private bool TryGet(string name, out JsonElement value)
    {
        value = default;
        if (Element.ValueKind != JsonValueKind.Object) return false;
        if (Element.TryGetProperty(name, out value)) return true;
        foreach (var p in Element.EnumerateObject())
            if (p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) { value = p.Value; return true; }
        return false;
    }

    public JsonAt? Object(string name)
    {
        if (!TryGet(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.Object) { Error(name, "an object was expected"); return null; }
        return new JsonAt(Input, v, $"{Path}.{name}");
    }

    public IEnumerable<JsonAt> Items(string name)
    {
        if (!TryGet(name, out var v) || v.ValueKind == JsonValueKind.Null) return [];
        if (v.ValueKind != JsonValueKind.Array) { Error(name, "a list was expected"); return []; }
        var path = $"{Path}.{name}";
        var input = Input;
        return v.EnumerateArray().Select((e, i) => new JsonAt(input, e, $"{path}[{i}]")).ToList();
    }

    public string? String(string name, bool required = false, int maxLength = 4000)
    {
        if (!TryGet(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required) Error(name, "missing");
            return null;
        }
        var s = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };
        if (s is null) { Error(name, "a text value was expected"); return null; }
        s = s.Trim();
        if (s.Length == 0) { if (required) Error(name, "empty"); return null; }
        if (s.Length > maxLength) { Error(name, $"longer than {maxLength} characters"); return null; }
        return s;
    }

    public bool? Bool(string name)
    {
        if (!TryGet(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        Error(name, "true or false was expected");
        return null;
    }

    public DateOnly? Date(string name)
    {
        var s = String(name);
        if (s is null) return null;
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)) return DateOnly.FromDateTime(d.UtcDateTime);
        Error(name, $"not a date: \"{Clip(s)}\"");
        return null;
    }

    public TimeOnly? Time(string name, bool required = false)
    {
        var s = String(name, required);
        if (s is null) return null;
        if (TimeOnly.TryParseExact(s, ["HH:mm:ss", "HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return t;
        if (s is "24:00" or "24:00:00") return TimeOnly.MinValue;
        Error(name, $"not a time of day (hh:mm:ss): \"{Clip(s)}\"");
        return null;
    }

    /// <summary>PTV's language list [{language, value, type}]: the values of the given type (any type when null) in fi, sv, en.</summary>
    public LocalisedText Localised(string name, string? type = null)
    {
        var text = LocalisedText.Empty;
        foreach (var item in Items(name))
        {
            if (type is not null && item.String("type") is { } t && !t.Equals(type, StringComparison.OrdinalIgnoreCase)) continue;
            var lang = item.String("language", required: true);
            var value = item.String("value", required: true, maxLength: 20000);
            if (lang is null || value is null) continue;
            lang = lang.ToLowerInvariant();
            if (lang is "fi" or "sv" or "en" && text.Exact(lang) is null) text = text.With(lang, value);
        }
        return text;
    }

    /// <summary>Coded items [{code, name:[{language,value}]}] (service classes, target groups, life events, municipalities).</summary>
    public IReadOnlyList<Coded> Codes(string name) =>
        Items(name).Select(i => (Code: i.String("code", required: true), Name: i.Localised("name")))
            .Where(c => c.Code is not null).Select(c => new Coded(c.Code!, c.Name)).ToList();

    public Coded? Code(string name) => Object(name) is { } o && o.String("code", required: true) is { } code ? new Coded(code, o.Localised("name")) : null;

    public static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";
}

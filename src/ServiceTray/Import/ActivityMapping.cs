using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tilannekuva.ServiceTray.Import;

/// <summary>
/// How an association listing (Lähellä.fi kind: activities and events not in PTV) maps to the tray. A JSON
/// file: the source's name (kept with every entry, so each listing retires only its own), the format, the
/// column (CSV header or JSON property) behind each tray field, and optional value maps from the listing's
/// words to national codes (target groups KR…, service classes P…). See docs/servicetray.md.
/// </summary>
public sealed class ActivityMapping
{
    /// <summary>Tray fields a mapping may name. "id" and one name are required.</summary>
    public static readonly string[] Fields =
    [
        "id", "name_fi", "name_sv", "name_en", "summary_fi", "summary_sv", "summary_en", "description_fi", "description_sv", "description_en",
        "organiser", "target_groups", "service_classes", "keywords", "street", "postal_code", "post_office", "municipality", "latitude", "longitude",
        "hours", "starts", "ends", "phone", "email", "url", "free", "accessible",
    ];

    public string Source { get; set; } = "";
    /// <summary>"csv" (default) or "json".</summary>
    public string Format { get; set; } = "csv";
    public string Delimiter { get; set; } = ";";
    /// <summary>Separates several values in one cell (target groups, keywords).</summary>
    public string ListSeparator { get; set; } = ",";
    public Dictionary<string, string> Columns { get; set; } = [];
    /// <summary>Per field ("target_groups", "service_classes"): listing word → code. Words without a mapping are errors.</summary>
    public Dictionary<string, Dictionary<string, string>> Values { get; set; } = [];

    [JsonIgnore] public string File { get; private set; } = "";

    public static ActivityMapping Load(string path)
    {
        ActivityMapping? m;
        try
        {
            m = JsonSerializer.Deserialize<ActivityMapping>(System.IO.File.ReadAllBytes(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new TrayImportException([new ImportError(path, (int)(e.LineNumber ?? 0) + 1, e.Path ?? "$", "not a valid mapping: " + e.Message.Split(" Path:")[0])]);
        }
        if (m is null) throw new TrayImportException([new ImportError(path, 1, "$", "empty mapping")]);
        m.File = path;
        var errors = new List<ImportError>();
        if (string.IsNullOrWhiteSpace(m.Source) || m.Source.Length > 40 || !m.Source.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            errors.Add(new ImportError(path, 1, "source", "a short name of letters, digits, - or _ is required (e.g. \"lahella\")"));
        else if (m.Source == PtvImport.Source) errors.Add(new ImportError(path, 1, "source", "\"ptv\" is the national catalogue's own source"));
        if (m.Format is not ("csv" or "json")) errors.Add(new ImportError(path, 1, "format", $"\"{m.Format}\" is not csv or json"));
        foreach (var field in m.Columns.Keys.Where(k => !Fields.Contains(k)))
            errors.Add(new ImportError(path, 1, $"columns.{field}", $"not a tray field; known fields: {string.Join(", ", Fields)}"));
        if (!m.Columns.ContainsKey("id")) errors.Add(new ImportError(path, 1, "columns.id", "required"));
        if (!m.Columns.Keys.Any(k => k.StartsWith("name_", StringComparison.Ordinal))) errors.Add(new ImportError(path, 1, "columns.name_fi", "a name column is required"));
        if (errors.Count > 0) throw new TrayImportException(errors);
        return m;
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tilannekuva.Indicators.Domain;

namespace Tilannekuva.Indicators.Ingest;

/// <summary>
/// How one source's export maps onto a canonical table: which source column feeds which canonical
/// field, how dates and decimals are written, the file's encoding and delimiter, and how the
/// source's own codes translate to canonical codes. Stored as JSON beside the exports; see docs/ingest.md.
/// </summary>
public sealed class ColumnMapping
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The kind of file this mapping reads (must match the import's kind).</summary>
    public SourceKind Kind { get; set; }

    /// <summary>"utf-8" or "windows-1252"; when absent, UTF-8 unless the file's bytes are not valid UTF-8.</summary>
    public string? Encoding { get; set; }

    /// <summary>";" or ","; when absent, whichever occurs more often in the header line.</summary>
    public string? Delimiter { get; set; }

    /// <summary>"," or "."; when absent both are accepted (there are no thousands separators).</summary>
    public string? DecimalSeparator { get; set; }

    /// <summary>Date formats tried in order (.NET custom formats, e.g. "d.M.yyyy").</summary>
    public List<string> DateFormats { get; set; } = ["d.M.yyyy", "yyyy-MM-dd"];

    /// <summary>Date-time formats tried in order; a bare date is also accepted and means midnight.</summary>
    public List<string> DateTimeFormats { get; set; } =
        ["d.M.yyyy H:mm", "d.M.yyyy H.mm", "d.M.yyyy H:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"];

    /// <summary>Words read as true and false in boolean fields (compared case-insensitively).</summary>
    public List<string> TrueValues { get; set; } = ["1", "true", "k", "kyllä", "x", "yes", "ja"];
    public List<string> FalseValues { get; set; } = ["0", "false", "e", "ei", "no", "nej", ""];

    /// <summary>Source column → canonical field. Columns not listed are never read (names, for instance).</summary>
    public Dictionary<string, string> Columns { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Canonical field → (source value → canonical code), e.g. national contact-type codes to contact modes.</summary>
    public Dictionary<string, Dictionary<string, string>> Values { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Canonical field → fixed value for fields the export does not have (e.g. "service": "outpatient_care").</summary>
    public Dictionary<string, string> Constants { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public static ColumnMapping Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    public static ColumnMapping Read(Stream stream, string name)
    {
        try
        {
            var m = JsonSerializer.Deserialize<ColumnMapping>(stream, Json) ?? throw new InvalidDataException($"{name}: empty mapping");
            // Keep case-insensitive lookups after deserialisation.
            m.Columns = new(m.Columns, StringComparer.OrdinalIgnoreCase);
            m.Values = m.Values.ToDictionary(kv => kv.Key, kv => new Dictionary<string, string>(kv.Value, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
            m.Constants = new(m.Constants, StringComparer.OrdinalIgnoreCase);
            return m;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name}: not a valid mapping file: {e.Message}", e);
        }
    }

    /// <summary>The built-in mapping for a kind: columns named as the canonical fields.</summary>
    public static ColumnMapping Default(SourceKind kind)
    {
        var asm = typeof(ColumnMapping).Assembly;
        var name = $"Mappings.{Codes.Of(kind)}.json";
        using var stream = asm.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"No built-in mapping {name}");
        return Read(stream, name);
    }

    /// <summary>Checks the mapping against the canonical table; returns problems (empty when usable).</summary>
    public IReadOnlyList<string> Problems(CanonicalTable table)
    {
        var problems = new List<string>();
        if (Kind != table.Kind) problems.Add($"mapping is for '{Codes.Of(Kind)}', not '{Codes.Of(table.Kind)}'");
        foreach (var (column, field) in Columns)
            if (table.Field(field) is null) problems.Add($"column '{column}' maps to unknown field '{field}'");
        foreach (var field in Constants.Keys.Concat(Values.Keys))
            if (table.Field(field) is null) problems.Add($"unknown field '{field}'");
        foreach (var f in table.Fields.Where(f => f.Required))
            if (!Columns.ContainsValue(f.Name) && !Columns.Values.Any(v => v.Equals(f.Name, StringComparison.OrdinalIgnoreCase)) && !Constants.ContainsKey(f.Name))
                problems.Add($"required field '{f.Name}' has no column");
        if (Encoding is not null) try { ResolveEncoding(Encoding); } catch (ArgumentException) { problems.Add($"unknown encoding '{Encoding}'"); }
        return problems;
    }

    internal static Encoding ResolveEncoding(string name)
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return name.ToLowerInvariant() is "utf-8" or "utf8"
            ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true)
            : System.Text.Encoding.GetEncoding(name);
    }
}

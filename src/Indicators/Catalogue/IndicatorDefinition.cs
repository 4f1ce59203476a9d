using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tilannekuva.Indicators.Catalogue;

/// <summary>How an indicator turns rows into a value.</summary>
public enum IndicatorShape
{
    /// <summary>factor × numerator / denominator, where each is a count (or a sum of a measure) of rows, or a constant.</summary>
    Ratio,
    /// <summary>A percentile of a measure (linear interpolation between ranks, as PostgreSQL's percentile_cont).</summary>
    Percentile,
    /// <summary>The share of rows in each bin of a measure; one value per bin (dimension "&lt;measure&gt;_bin").</summary>
    Distribution,
    /// <summary>
    /// Continuity of care (Bice–Boxerman COC) per person over the people with at least two rows:
    /// (Σ nⱼ² − N) / (N (N − 1)), nⱼ rows with provider j of the person's N; the value is the mean.
    /// </summary>
    Continuity,
}

public enum Direction { HigherIsBetter, LowerIsBetter }

/// <summary>
/// Period types. A week runs Monday to Sunday and its code is its Monday ("2026-11-23"), so the
/// code sorts and needs no ISO week-year rules in SQL; pages show it as a week number.
/// </summary>
public enum PeriodType { Week, Month, Quarter, Year }

/// <summary>A condition on one field of the fact rows: <c>{"field": "urgency", "op": "eq", "value": "non_urgent"}</c>.</summary>
public sealed record Filter(string Field, string Op, JsonElement? Value = null)
{
    public static readonly string[] Ops = ["eq", "ne", "in", "not_in", "lt", "le", "gt", "ge", "is_null", "not_null"];
}

public sealed record Part
{
    /// <summary>Extra conditions a row must meet to count here (on top of the indicator's filters).</summary>
    public List<Filter> Filters { get; init; } = [];
    /// <summary>Sum this measure instead of counting rows.</summary>
    public string? Sum { get; init; }
    /// <summary>A fixed denominator (e.g. yearly working minutes of one person).</summary>
    public double? Constant { get; init; }
}

public sealed record Target(double Value, string Due);

/// <summary>
/// An indicator as data: what it counts (source, filters, numerator, denominator, measure), how it
/// reads (names and definition in fi/sv/en, unit, direction), how it is broken down and its targets.
/// The same definition compiles to SQL for each database and drives the C# reference evaluator.
/// </summary>
public sealed record IndicatorDefinition
{
    public required string Code { get; init; }
    public required Dictionary<string, string> Name { get; init; }
    public required Dictionary<string, string> Definition { get; init; }
    /// <summary>Fact source: "visit", "contact" or "visit_or_contact".</summary>
    public required string Source { get; init; }
    /// <summary>Which event time decides the period, in words (the source's "at" field is used).</summary>
    public required string PeriodBy { get; init; }
    public IndicatorShape Shape { get; init; } = IndicatorShape.Ratio;
    /// <summary>Rows considered at all (the denominator population).</summary>
    public List<Filter> Filters { get; init; } = [];
    public Part Numerator { get; init; } = new();
    public Part Denominator { get; init; } = new();
    /// <summary>The measure of a percentile or distribution.</summary>
    public string? Measure { get; init; }
    public double? Percentile { get; init; }
    /// <summary>Continuity: the field naming the person and the field naming the provider.</summary>
    public string? Person { get; init; }
    public string? Provider { get; init; }
    /// <summary>Lower edges of the distribution bins; a bin runs to the next edge − 1 (the last has no end).</summary>
    public List<int> Bins { get; init; } = [];
    public double Factor { get; init; } = 1;
    public required string Unit { get; init; }
    public Direction Direction { get; init; } = Direction.HigherIsBetter;
    public List<string> Dimensions { get; init; } = [];
    public List<PeriodType> PeriodTypes { get; init; } = [PeriodType.Month, PeriodType.Quarter, PeriodType.Year];
    public List<Target> Targets { get; init; } = [];

    public string NameIn(CultureInfo culture) => Name.GetValueOrDefault(Localisation.Texts.Language(culture)) ?? Name.GetValueOrDefault("fi") ?? Code;

    /// <summary>Label of a distribution bin: "0", "1-7", "181-".</summary>
    public string BinLabel(int index) =>
        index == Bins.Count - 1 ? $"{Bins[index]}-"
        : Bins[index] == Bins[index + 1] - 1 ? Bins[index].ToString(CultureInfo.InvariantCulture)
        : $"{Bins[index]}-{Bins[index + 1] - 1}";
}

/// <summary>The indicator catalogue: the embedded definitions (Catalogue/*.json).</summary>
public static class IndicatorCatalogue
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Folder of the county's own definitions (one JSON file each, same shape as the embedded ones).</summary>
    public const string FolderVariable = "TILANNEKUVA_INDICATORS_FOLDER";
    public const string DefaultFolder = "data/indicators";

    private static readonly Lazy<IReadOnlyList<IndicatorDefinition>> Embedded = new(LoadEmbedded);
    private static readonly Lazy<IReadOnlyList<IndicatorDefinition>> Everything = new(() =>
        [.. Embedded.Value, .. FromFolder(Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } f ? f : DefaultFolder, Embedded.Value)]);

    /// <summary>The embedded national definitions plus any an analyst has put in the indicators folder (read once at start).</summary>
    public static IReadOnlyList<IndicatorDefinition> All => Everything.Value;

    /// <summary>
    /// Reads the analyst's own definitions: every *.json in the folder (none when it does not exist).
    /// A bad file stops with its name and the reason; a code that is already defined is refused.
    /// </summary>
    public static IReadOnlyList<IndicatorDefinition> FromFolder(string folder, IReadOnlyList<IndicatorDefinition> existing)
    {
        if (!Directory.Exists(folder)) return [];
        var found = new List<IndicatorDefinition>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            IndicatorDefinition d;
            try { d = Parse(File.ReadAllText(file)); }
            catch (Exception e) when (e is JsonException or InvalidDataException) { throw new InvalidDataException($"{file}: {e.Message}", e); }
            if (existing.Concat(found).Any(x => x.Code == d.Code)) throw new InvalidDataException($"{file}: indicator code '{d.Code}' is already defined");
            found.Add(d);
        }
        return found;
    }

    public static IndicatorDefinition Get(string code) =>
        All.FirstOrDefault(d => d.Code == code) ?? throw new KeyNotFoundException($"No indicator '{code}'");

    public static IndicatorDefinition Parse(string json) =>
        Validate(JsonSerializer.Deserialize<IndicatorDefinition>(json, Json) ?? throw new InvalidDataException("empty definition"));

    private static IReadOnlyList<IndicatorDefinition> LoadEmbedded()
    {
        var asm = typeof(IndicatorCatalogue).Assembly;
        return asm.GetManifestResourceNames().Where(n => n.StartsWith("Catalogue.", StringComparison.Ordinal)).Order()
            .Select(n =>
            {
                using var s = asm.GetManifestResourceStream(n)!;
                try { return Validate(JsonSerializer.Deserialize<IndicatorDefinition>(s, Json)!); }
                catch (Exception e) when (e is JsonException or InvalidDataException) { throw new InvalidDataException($"{n}: {e.Message}", e); }
            }).ToList();
    }

    /// <summary>Checks that every field, operator and dimension the definition names exists.</summary>
    public static IndicatorDefinition Validate(IndicatorDefinition d)
    {
        var source = Computation.FactSource.Get(d.Source);
        void Field(string name) { if (source.Field(name) is null) throw new InvalidDataException($"{d.Code}: source '{d.Source}' has no field '{name}'"); }
        foreach (var f in d.Filters.Concat(d.Numerator.Filters).Concat(d.Denominator.Filters))
        {
            Field(f.Field);
            if (!Filter.Ops.Contains(f.Op)) throw new InvalidDataException($"{d.Code}: unknown operator '{f.Op}'");
        }
        foreach (var dim in d.Dimensions) Field(dim);
        if (d.Numerator.Sum is { } sum) Field(sum);
        if (d.Shape is IndicatorShape.Percentile or IndicatorShape.Distribution)
        {
            Field(d.Measure ?? throw new InvalidDataException($"{d.Code}: a {d.Shape} needs a measure"));
            if (d.Shape == IndicatorShape.Percentile && d.Percentile is not (>= 0 and <= 1)) throw new InvalidDataException($"{d.Code}: percentile must be within 0–1");
            if (d.Shape == IndicatorShape.Distribution && (d.Bins.Count == 0 || d.Bins.Zip(d.Bins.Skip(1)).Any(p => p.First >= p.Second)))
                throw new InvalidDataException($"{d.Code}: bins must be ascending");
        }
        if (d.Shape == IndicatorShape.Continuity)
        {
            Field(d.Person ?? throw new InvalidDataException($"{d.Code}: continuity needs a person field"));
            Field(d.Provider ?? throw new InvalidDataException($"{d.Code}: continuity needs a provider field"));
        }
        if (!d.Name.ContainsKey("fi") || !d.Name.ContainsKey("sv") || !d.Name.ContainsKey("en")) throw new InvalidDataException($"{d.Code}: name needs fi, sv and en");
        return d;
    }
}

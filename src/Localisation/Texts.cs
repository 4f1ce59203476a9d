using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Tilannekuva.Localisation;

/// <summary>
/// All user-facing strings, in fi (default), sv and en. Texts live in embedded JSON files
/// Texts/&lt;module&gt;.&lt;culture&gt;.json with flat keys such as "Review.Title"; a missing
/// translation falls back to Finnish and then to the key itself, so it shows rather than crashes.
/// </summary>
public static class Texts
{
    public static readonly string[] Cultures = ["fi", "sv", "en"];
    public const string DefaultCulture = "fi";

    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> ByCulture = Load();

    public static string Get(string key, CultureInfo? culture = null)
    {
        var lang = Language(culture ?? CultureInfo.CurrentUICulture);
        if (ByCulture.TryGetValue(lang, out var t) && t.TryGetValue(key, out var s)) return s;
        if (ByCulture[DefaultCulture].TryGetValue(key, out var fi)) return fi;
        return key;
    }

    public static string Format(string key, CultureInfo? culture, params object?[] args) =>
        string.Format(culture ?? CultureInfo.CurrentCulture, Get(key, culture), args);

    public static bool Has(string key) => ByCulture[DefaultCulture].ContainsKey(key);

    /// <summary>Keys per culture, for the completeness test.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyCollection<string>> KeysByCulture() =>
        ByCulture.ToDictionary(kv => kv.Key, kv => (IReadOnlyCollection<string>)kv.Value.Keys);

    /// <summary>"fi", "sv" or "en" for any culture; anything else is Finnish.</summary>
    public static string Language(CultureInfo culture)
    {
        var two = culture.TwoLetterISOLanguageName;
        return Cultures.Contains(two) ? two : DefaultCulture;
    }

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        var asm = typeof(Texts).Assembly;
        var merged = Cultures.ToDictionary(c => c, _ => new Dictionary<string, string>());
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith("Texts.", StringComparison.Ordinal)))
        {
            // Texts.<module>.<culture>.json
            var parts = name.Split('.');
            var culture = parts[^2];
            if (!merged.TryGetValue(culture, out var target)) continue;
            using var stream = asm.GetManifestResourceStream(name)!;
            var dict = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"Empty text file {name}");
            foreach (var (k, v) in dict)
                if (!target.TryAdd(k, v)) throw new InvalidOperationException($"Text key '{k}' defined twice for {culture} ({name})");
        }
        return merged.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenDictionary());
    }

    /// <summary>Formats a euro amount the way the culture writes it (fi: "876 660 €").</summary>
    public static string Euros(decimal amount, CultureInfo? culture = null) =>
        amount.ToString("#,0", culture ?? CultureInfo.CurrentCulture) + " €";

    public static string Date(DateOnly date, CultureInfo? culture = null) =>
        date.ToString(Language(culture ?? CultureInfo.CurrentCulture) switch { "en" => "d MMM yyyy", _ => "d.M.yyyy" }, culture ?? CultureInfo.CurrentCulture);

    public static Assembly Assembly => typeof(Texts).Assembly;
}

using System.Collections.Concurrent;
using System.Text.Json;

namespace Tilannekuva.Indicators.Domain;

/// <summary>
/// Canonical code values are snake_case words ("non_urgent", "e_message"): the same spelling in
/// the database, in mapping files and in indicator definitions.
/// </summary>
public static class Codes
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, object>> ByCode = new();

    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static T Parse<T>(string code) where T : struct, Enum =>
        TryParse<T>(code, out var v) ? v : throw new FormatException($"'{code}' is not a {typeof(T).Name} code");

    public static bool TryParse<T>(string code, out T value) where T : struct, Enum
    {
        if (All(typeof(T)).TryGetValue(code, out var v)) { value = (T)v; return true; }
        value = default;
        return false;
    }

    /// <summary>The codes of an enum type, code → value.</summary>
    public static IReadOnlyDictionary<string, object> All(Type enumType) => ByCode.GetOrAdd(enumType, t =>
        Enum.GetValues(t).Cast<object>().ToDictionary(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()!), v => v, StringComparer.OrdinalIgnoreCase));
}

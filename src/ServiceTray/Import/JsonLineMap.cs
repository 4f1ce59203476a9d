using System.Text;
using System.Text.Json;

namespace Tilannekuva.ServiceTray.Import;

/// <summary>
/// The line each value of a JSON document starts on, by JSON path ("$[3].serviceHours[0].openingHour[1].from"),
/// so that an error found after parsing can still name its line. Built in one pass with Utf8JsonReader.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    public int LineOf(string path)
    {
        // The value itself, else the nearest enclosing value that was seen (a missing field: its object's line).
        for (var p = path; p.Length > 0; p = Parent(p))
            if (_lines.TryGetValue(p, out var line)) return line;
        return 1;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    public static JsonLineMap Build(ReadOnlySpan<byte> json)
    {
        var map = new JsonLineMap();
        var newlines = new List<long>();
        for (var i = 0; i < json.Length; i++) if (json[i] == (byte)'\n') newlines.Add(i);
        int Line(long offset)
        {
            var at = newlines.BinarySearch(offset);
            return (at < 0 ? ~at : at) + 1;
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        // Each open container: its path and, for arrays, the next index; for objects, the pending property name.
        var stack = new Stack<(string Path, bool IsArray, int Index, string? Property)>();
        string Next()
        {
            if (stack.Count == 0) return "$";
            var top = stack.Pop();
            string path;
            if (top.IsArray) { path = $"{top.Path}[{top.Index}]"; top.Index++; }
            else path = $"{top.Path}.{top.Property}";
            stack.Push(top);
            return path;
        }
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var t = stack.Pop();
                    t.Property = reader.GetString();
                    stack.Push(t);
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    var p = Next();
                    map._lines.TryAdd(p, Line(reader.TokenStartIndex));
                    stack.Push((p, reader.TokenType == JsonTokenType.StartArray, 0, null));
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    stack.Pop();
                    break;
                default:
                    map._lines.TryAdd(Next(), Line(reader.TokenStartIndex));
                    break;
            }
        }
        return map;
    }

    /// <summary>Line of a byte offset, for syntax errors reported by the parser.</summary>
    public static string Describe(JsonException e) => $"line {(e.LineNumber ?? 0) + 1}: {e.Message}";

    public static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);
}

using System.Globalization;
using System.Text.Json;
using Tilannekuva.Boards.Domain;
using Tilannekuva.Localisation;

namespace Tilannekuva.Web.Boards;

/// <summary>
/// One readable line of a board change: the field (a <see cref="Board"/> property name), its stored values
/// before and after (raw JSON, for scripts and tests) and the sentence shown to people.
/// </summary>
public sealed record BoardAuditLine(string Field, string? Before, string? After, string Text);

/// <summary>A stored change of a board (a board_audit row) in readable form.</summary>
public sealed record BoardAuditItem(BoardAuditEntry Entry, IReadOnlyList<BoardAuditLine> Lines);

/// <summary>
/// Turns board_audit rows (before and after as JSON snapshots of the whole board) into readable lines:
/// which fields changed, old → new. Tiles and units are compared as sets and as an order, the token as
/// "issued" or "reissued" (the hash is never shown). Unknown fields (a later column) show their raw values.
/// </summary>
public static class BoardAuditView
{
    /// <summary>Fields never shown on their own: the key, and the token's time (part of the token line).</summary>
    private static readonly HashSet<string> Hidden = [nameof(Board.Id), nameof(Board.TokenIssuedAt)];

    /// <summary>The order the fields are listed in; the rest follow by name.</summary>
    private static readonly string[] FieldOrder =
    [
        nameof(Board.Name), nameof(Board.UnitIds), nameof(Board.Tiles), nameof(Board.RefreshSeconds), nameof(Board.StaleMinutes),
        nameof(Board.Theme), nameof(Board.OpenDays), nameof(Board.OpensAt), nameof(Board.ClosesAt), nameof(Board.TokenHash),
    ];

    public static BoardAuditItem Describe(BoardAuditEntry e, IReadOnlyDictionary<string, string> unitNames)
    {
        var before = Parse(e.Before);
        var after = Parse(e.After);
        var fields = before.Keys.Union(after.Keys).Where(f => !Hidden.Contains(f))
            .OrderBy(f => Array.IndexOf(FieldOrder, f) is var i && i >= 0 ? i : FieldOrder.Length).ThenBy(f => f, StringComparer.Ordinal);
        var lines = new List<BoardAuditLine>();
        foreach (var field in fields)
        {
            var b = before.TryGetValue(field, out var bv) ? bv : (JsonElement?)null;
            var a = after.TryGetValue(field, out var av) ? av : (JsonElement?)null;
            var (bRaw, aRaw) = (Raw(b), Raw(a));
            if (e.Change == "Modified" && bRaw == aRaw) continue;
            if (e.Change == "Deleted") continue;
            lines.AddRange(Lines(field, b, a, bRaw, aRaw, unitNames));
        }
        return new BoardAuditItem(e, lines);
    }

    /// <summary>Unit ids in all stored changes, to look their names up once.</summary>
    public static IReadOnlyCollection<string> UnitIds(IEnumerable<BoardAuditEntry> entries) =>
        entries.SelectMany(e => new[] { e.Before, e.After }).SelectMany(j => Parse(j).TryGetValue(nameof(Board.UnitIds), out var u) ? Strings(u) : [])
            .Distinct().ToList();

    private static IEnumerable<BoardAuditLine> Lines(string field, JsonElement? b, JsonElement? a, string? bRaw, string? aRaw, IReadOnlyDictionary<string, string> unitNames)
    {
        var label = Texts.Has("Boards.Audit.Field." + field) ? Texts.Get("Boards.Audit.Field." + field) : field;
        BoardAuditLine Line(string text) => new(field, bRaw, aRaw, text);
        BoardAuditLine Value(Func<JsonElement, string> show) =>
            Line(b is null ? Texts.Format("Boards.Audit.Initial", null, label, Show(a, show))
                : Texts.Format("Boards.Audit.FromTo", null, label, Show(b, show), Show(a, show)));

        switch (field)
        {
            case nameof(Board.Tiles):
            {
                var (old, now) = (b is null ? [] : Strings(b.Value), a is null ? [] : Strings(a.Value));
                string Tile(string t) => Texts.Get("Boards.Tile." + t);
                if (b is null) { yield return Value(v => string.Join(", ", Strings(v).Select(Tile))); yield break; }
                foreach (var t in now.Except(old)) yield return Line(Texts.Format("Boards.Audit.TileAdded", null, Tile(t)));
                foreach (var t in old.Except(now)) yield return Line(Texts.Format("Boards.Audit.TileRemoved", null, Tile(t)));
                // Reordered: the tiles on both sides are not in the same order.
                if (!old.Where(now.Contains).SequenceEqual(now.Where(old.Contains)))
                    yield return Line(Texts.Format("Boards.Audit.TilesReordered", null, string.Join(", ", old.Select(Tile)), string.Join(", ", now.Select(Tile))));
                yield break;
            }
            case nameof(Board.UnitIds):
            {
                var (old, now) = (b is null ? [] : Strings(b.Value), a is null ? [] : Strings(a.Value));
                string Unit(string u) => unitNames.TryGetValue(u, out var n) ? n : u;
                if (b is null) { yield return Value(v => string.Join(", ", Strings(v).Select(Unit))); yield break; }
                foreach (var u in now.Except(old)) yield return Line(Texts.Format("Boards.Audit.UnitAdded", null, Unit(u)));
                foreach (var u in old.Except(now)) yield return Line(Texts.Format("Boards.Audit.UnitRemoved", null, Unit(u)));
                yield break;
            }
            case nameof(Board.TokenHash):
                // The hash is not shown, not even in the line's raw values: only that a link was issued.
                if (a is { ValueKind: JsonValueKind.String })
                    yield return new BoardAuditLine(field, null, null, Texts.Get(b is { ValueKind: JsonValueKind.String } ? "Boards.Audit.TokenReissued" : "Boards.Audit.TokenIssued"));
                yield break;
            case nameof(Board.RefreshSeconds):
                yield return Value(v => Texts.Format("Boards.Audit.Seconds", null, v.GetRawText()));
                yield break;
            case nameof(Board.StaleMinutes):
                yield return Value(v => Texts.Format("Boards.Audit.Minutes", null, v.GetRawText()));
                yield break;
            case nameof(Board.Theme):
                yield return Value(v => Texts.Get("Boards.Theme." + Enum<BoardTheme>(v)));
                yield break;
            case nameof(Board.OpenDays):
                yield return Value(v => string.Join(", ", v.EnumerateArray().Select(d => Texts.Get("Boards.Day." + Enum<DayOfWeek>(d)))));
                yield break;
            case nameof(Board.OpensAt) or nameof(Board.ClosesAt):
                yield return Value(v => TimeOnly.TryParse(v.GetString(), CultureInfo.InvariantCulture, out var t) ? t.ToString("HH:mm", CultureInfo.InvariantCulture) : v.ToString());
                yield break;
            default:
                yield return Value(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText());
                yield break;
        }
    }

    private static string Show(JsonElement? v, Func<JsonElement, string> show) => v is { ValueKind: not JsonValueKind.Null } x ? show(x) : "–";

    /// <summary>Enums are stored as numbers in the snapshots (and as names, should that ever change).</summary>
    private static string Enum<T>(JsonElement v) where T : struct, Enum =>
        v.ValueKind == JsonValueKind.Number ? ((T)(object)v.GetInt32()).ToString() : v.GetString() ?? "";

    private static List<string> Strings(JsonElement v) =>
        v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.GetRawText()).ToList() : [];

    private static string? Raw(JsonElement? v) => v?.GetRawText();

    private static Dictionary<string, JsonElement> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }
}

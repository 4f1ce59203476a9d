using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Programme.PlanImport;

/// <summary>Text helpers: spans with line numbers, sentences, items, metric names, schedule entries, due dates, amounts.</summary>
public static partial class PlanParser
{

    /// <summary>Joined text of some lines with a map from character offsets back to line numbers.</summary>
    private sealed class Span
    {
        public string Text { get; }
        private readonly List<(int Start, int Number)> _starts = [];
        /// <summary>Offsets where a source line begins.</summary>
        public List<int> LineStarts { get; } = [];

        public Span(IEnumerable<PlanLine> lines)
        {
            var sb = new StringBuilder();
            foreach (var l in lines)
            {
                if (l.IsBlank) { if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n'); continue; }
                if (sb.Length > 0 && sb[^1] != '\n') sb.Append(' ');
                _starts.Add((sb.Length, l.Number));
                LineStarts.Add(sb.Length);
                sb.Append(l.Text);
            }
            Text = sb.ToString();
        }

        public SourceLines Lines(int start, int end)
        {
            var (s, e) = Trimmed(Text, start, end);
            if (e <= s) { s = start; e = Math.Max(start, end); }
            return new SourceLines(NumberAt(s), NumberAt(Math.Max(s, e - 1)));
        }

        private int NumberAt(int offset)
        {
            var n = _starts.Count > 0 ? _starts[0].Number : 0;
            foreach (var (start, number) in _starts)
            {
                if (start > offset) break;
                n = number;
            }
            return n;
        }
    }

    private static (int, int) Trimmed(string text, int s, int e)
    {
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        return (s, e);
    }

    private static string Clean(string s) => Ws().Replace(s, " ").Trim().TrimEnd(',', ';').Trim();

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    { "mm", "esim", "ns", "yms", "ym", "jne", "n", "v", "ml", "vrt", "ks", "klo", "tms", "mt", "lk", "tk", "pth", "esh", "kpl", "milj", "t", "s", "nk" };

    /// <summary>Sentence ranges: a full stop followed by a capital letter ends a sentence unless it ends an abbreviation.</summary>
    private static List<(int, int)> Sentences(string text)
    {
        var result = new List<(int, int)>();
        var start = 0;
        for (var k = 0; k < text.Length; k++)
        {
            var c = text[k];
            if (c == '\n') { AddRange(result, text, start, k); start = k + 1; continue; }
            if (c is not ('.' or '!' or '?')) continue;
            var j = k + 1;
            if (j < text.Length && !char.IsWhiteSpace(text[j])) continue;
            while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
            if (j < text.Length && !char.IsUpper(text[j])) continue;
            var w = k - 1;
            while (w >= 0 && char.IsLetterOrDigit(text[w])) w--;
            var word = text[(w + 1)..k];
            if (c == '.' && (Abbreviations.Contains(word) || word.All(char.IsDigit) && word.Length > 0 && word.Length < 3)) continue;
            AddRange(result, text, start, k + 1);
            start = j;
        }
        AddRange(result, text, start, text.Length);
        return result;
    }

    private static void AddRange(List<(int, int)> list, string text, int s, int e)
    {
        var (a, b) = Trimmed(text, s, e);
        if (b > a) list.Add((a, b));
    }

    /// <summary>Items of a goal or output field: numbered "1) … 2) …" when so written, else sentences.</summary>
    private static List<(int, int)> Items(string text)
    {
        var markers = new List<Match>();
        var expected = 1;
        foreach (Match m in ActionMarker().Matches(text))
        {
            if (m.Groups["sub"].Success) continue;
            var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (n == expected) { markers.Add(m); expected++; }
        }
        if (markers.Count < 2) return Sentences(text);
        var list = new List<(int, int)>();
        AddRange(list, text, 0, markers[0].Index);
        for (var k = 0; k < markers.Count; k++)
            AddRange(list, text, markers[k].Index + markers[k].Length, k + 1 < markers.Count ? markers[k + 1].Index : text.Length);
        return list;
    }

    /// <summary>Metric names: sentences split at commas (not after a suspended hyphen "hoito-, kuntoutus-") outside parentheses.</summary>
    private static List<(int, int)> MetricItems(string text, IReadOnlyList<int> lineStarts)
    {
        var list = new List<(int, int)>();
        var pieces = new List<(int, int)>();
        foreach (var (s0, e0) in Sentences(text))
        {
            var s = s0;
            foreach (var ls in lineStarts.Where(x => x > s0 && x < e0))
                if (LabelStart().IsMatch(text.AsSpan(ls, Math.Min(80, e0 - ls)).ToString())) { pieces.Add((s, ls)); s = ls; }
            pieces.Add((s, e0));
        }
        foreach (var (s, e) in pieces)
        {
            var depth = 0;
            var start = s;
            for (var k = s; k < e; k++)
            {
                var c = text[k];
                if (c == '(') depth++;
                else if (c == ')') depth = Math.Max(0, depth - 1);
                else if (c == ',' && depth == 0 && k > s && text[k - 1] != '-' && k + 1 < e && char.IsWhiteSpace(text[k + 1]))
                {
                    AddRange(list, text, start, k);
                    start = k + 1;
                }
            }
            AddRange(list, text, start, e);
        }
        return list;
    }

    /// <summary>Metric names written as a bullet list: one item per bullet, continuation lines joined to it.</summary>
    private static List<(int, int)> BulletItems(Span span)
    {
        var text = span.Text;
        var list = new List<(int, int)>();
        var starts = span.LineStarts.Where(ls => Bullet().IsMatch(text[ls..])).ToList();
        if (starts.Count > 0) AddRange(list, text, 0, starts[0]);
        for (var k = 0; k < starts.Count; k++)
        {
            var s = starts[k] + Bullet().Match(text[starts[k]..]).Length;
            AddRange(list, text, s, k + 1 < starts.Count ? starts[k + 1] : text.Length);
        }
        return list;
    }

    /// <summary>Schedule entries: a period followed by ":" ("Kevät 2023:", "2024:"), else a period opening a clause ("8-12/2023 laajennetaan …").</summary>
    private static List<(string Period, int Start, int End, string? Label)> Milestones(string text)
    {
        var marks = new List<(int Index, int Length, string Period)>();
        foreach (Match m in PeriodColon().Matches(text)) marks.Add((m.Index, m.Length, Clean(m.Groups["p"].Value)));
        if (marks.Count == 0)
            foreach (Match m in PeriodLead().Matches(text)) marks.Add((m.Index, m.Length, Clean(m.Groups["p"].Value)));
        if (marks.Count > 0 && PeriodLead().Match(text) is { Success: true, Index: var li } lead && li < marks[0].Index && Clean(text[..li]).Length == 0)
            marks.Insert(0, (lead.Index, lead.Length, Clean(lead.Groups["p"].Value)));
        var list = new List<(string, int, int, string?)>();
        if (marks.Count == 0)
        {
            var whole = Clean(text);
            if (PeriodOnly().IsMatch(whole)) list.Add((whole, text.Length, text.Length, null));
            else if (whole.Length > 0) list.Add(("", 0, text.Length, null));
            return list;
        }
        var pre = text[..marks[0].Index];
        string? carry = null;
        if (LabelAtEnd().Match(pre) is { Success: true } pl && Clean(pre[..pl.Index]).Length == 0) carry = pl.Groups[1].Value.Trim();
        else if (Clean(pre).Length > 0) list.Add(("", 0, marks[0].Index, null));
        for (var k = 0; k < marks.Count; k++)
        {
            var s = marks[k].Index + marks[k].Length;
            var e = k + 1 < marks.Count ? marks[k + 1].Index : text.Length;
            string? next = null;
            if (k + 1 < marks.Count && LabelAtEnd().Match(text[s..e]) is { Success: true } nl) { next = nl.Groups[1].Value.Trim(); e = s + nl.Index; }
            // A group label such as "Nuorten mt. edistäminen:" stays with the entries it heads.
            list.Add((marks[k].Period, s, e, carry));
            carry = next ?? carry;
        }
        return list;
    }

    /// <summary>The last day of the period a schedule entry names ("Kevät 2023" → 31.5.2023, "8-12/2023" → 31.12.2023, "2024" → 31.12.2024).</summary>
    internal static DateOnly? DueOf(string period)
    {
        if (period.Length == 0) return null;
        var last = LastDate().Matches(period).LastOrDefault();
        if (last is null) return null;
        var year = int.Parse(last.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (last.Groups["m"].Success)
        {
            var month = int.Parse(last.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12) return null;
            return new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
        }
        var season = last.Groups["s"].Value.ToLowerInvariant();
        if (season.StartsWith("kevä", StringComparison.Ordinal) || season.StartsWith("loppukevä", StringComparison.Ordinal)) return new DateOnly(year, 5, 31);
        if (season.StartsWith("kesä", StringComparison.Ordinal)) return new DateOnly(year, 8, 31);
        if (season.StartsWith("syks", StringComparison.Ordinal)) return new DateOnly(year, 11, 30);
        if (season.StartsWith("talv", StringComparison.Ordinal) || season.StartsWith("alkuvuo", StringComparison.Ordinal)) return new DateOnly(year, 2, 28);
        return new DateOnly(year, 12, 31);
    }

    /// <summary>An amount's digits with their thousands separators (space, non-breaking space or dot) and an optional decimal comma.</summary>
    internal static decimal ParseAmount(string digits) =>
        decimal.Parse(Ws().Replace(digits, "").Replace(".", "").Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}

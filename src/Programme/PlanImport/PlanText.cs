using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Tilannekuva.Programme.PlanImport;

/// <summary>Lines of the source file an imported item came from (1-based, inclusive).</summary>
public readonly record struct SourceLines(int From, int To)
{
    public override string ToString() => From == To ? $"{From}" : $"{From}–{To}";

    public SourceLines Union(SourceLines other) => new(Math.Min(From, other.From), Math.Max(To, other.To));

    public static SourceLines? Of(IEnumerable<PlanLine> lines)
    {
        int? from = null, to = null;
        foreach (var l in lines)
        {
            from = from is null ? l.Number : Math.Min(from.Value, l.Number);
            to = to is null ? l.Number : Math.Max(to.Value, l.Number);
        }
        return from is null ? null : new SourceLines(from.Value, to!.Value);
    }
}

/// <summary>One line after clean-up, with the number it had in the source.</summary>
public sealed class PlanLine(int number, string text)
{
    public int Number { get; } = number;
    public string Text { get; internal set; } = text;
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
    public string Trimmed => Text.Trim();
    public override string ToString() => $"{Number}: {Text}";
}

/// <summary>A line the clean-up pass dropped as noise (page footer, a URL alone on its line).</summary>
public sealed record NoiseLine(int Number, string Text, string Reason);

/// <summary>
/// The clean-up pass over text extracted from a plan: page footers such as "9(29)" and lines holding
/// only a URL are dropped, soft hyphens and form feeds removed, and words broken over two lines with a
/// hyphen ("korona-" / "pandemian") are joined onto the first line. Line numbers stay those of the source.
/// </summary>
public static partial class PlanText
{
    public static (List<PlanLine> Lines, List<NoiseLine> Noise) Clean(string text)
    {
        var raw = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var lines = new List<PlanLine>(raw.Length);
        var noise = new List<NoiseLine>();
        var headers = PageHeaders(raw);
        for (var i = 0; i < raw.Length; i++)
        {
            var t = raw[i].Replace("\f", "").Replace("\u00ad", "").Replace('\u00a0', ' ').Replace('\u2011', '-').TrimEnd();
            if (PageFooter().IsMatch(t)) { noise.Add(new(i + 1, t.Trim(), "PageFooter")); continue; }
            if (headers.Contains(i)) { noise.Add(new(i + 1, t.Trim(), "PageHeader")); continue; }
            if (UrlOnly().IsMatch(t)) { noise.Add(new(i + 1, t.Trim(), "Url")); continue; }
            lines.Add(new PlanLine(i + 1, t));
        }
        Dehyphenate(lines);
        return (lines, noise);
    }

    /// <summary>
    /// Page headers: the first line of a page (pdftotext starts each page with a form feed) whose text begins at least
    /// three pages. Only whole repeated lines go; a heading that merely starts one page stays.
    /// </summary>
    private static HashSet<int> PageHeaders(string[] raw)
    {
        var firsts = new List<(int Index, string Text)>();
        for (var i = 0; i < raw.Length; i++)
        {
            if (!raw[i].Contains('\f')) continue;
            var j = i;
            var first = raw[i][(raw[i].LastIndexOf('\f') + 1)..];
            while (first.Trim().Length == 0 && ++j < raw.Length && !raw[j].Contains('\f')) first = raw[j];
            if (j < raw.Length && first.Trim().Length is > 0 and < 120) firsts.Add((j, Regex.Replace(first.Trim(), @"\s+", " ")));
        }
        return firsts.GroupBy(f => f.Text).Where(g => g.Count() >= 3).SelectMany(g => g.Select(f => f.Index)).ToHashSet();
    }

    private static readonly HashSet<string> Conjunctions = new(StringComparer.OrdinalIgnoreCase) { "ja", "tai", "sekä", "eli", "että", "och", "eller", "and", "or" };

    private static void Dehyphenate(List<PlanLine> lines)
    {
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            var cur = lines[i];
            var next = lines[i + 1];
            if (next.Number != cur.Number + 1 || next.IsBlank) continue;
            var t = cur.Text;
            if (t.Length < 2 || (t[^1] != '-' && t[^1] != '\u2010')) continue;
            var rest = next.Text.TrimStart();
            if (rest.Length == 0 || !char.IsLower(rest[0])) continue;
            var firstWord = FirstWord().Match(rest).Value;
            if (Conjunctions.Contains(firstWord.TrimEnd(',', '.', ';', ':'))) continue; // "hoito-" / "ja palvelu…": a real suspended hyphen
            var before = t[^2];
            string joined;
            if (before == ' ')
                joined = t + firstWord;                          // "HELLÄ -" + "hankkeessa" → "HELLÄ -hankkeessa"
            else if (!char.IsLetter(before))
                joined = t + firstWord;                          // "18-" + "vuotiaiden"
            else
            {
                var token = LastToken().Match(t[..^1]).Value;
                var keep = token.Any(char.IsDigit) || token.Contains('.') || token.Skip(1).Any(char.IsUpper);
                joined = (keep ? t : t[..^1]) + firstWord;       // "korona-" + "pandemian" → "koronapandemian"; "HyTe-" keeps its hyphen
            }
            cur.Text = joined;
            next.Text = rest[firstWord.Length..].TrimStart();
            if (next.IsBlank) { lines.RemoveAt(i + 1); i--; }    // the whole line moved up: no paragraph break there
        }
    }

    /// <summary>Text of a DOCX: one line per paragraph, one line per table row with cells separated by tabs.</summary>
    public static string FromDocx(Stream docx)
    {
        using var doc = WordprocessingDocument.Open(docx, false);
        var body = doc.MainDocumentPart?.Document?.Body;
        var sb = new StringBuilder();
        if (body is null) return "";
        foreach (var element in body.ChildElements)
        {
            switch (element)
            {
                case W.Paragraph p:
                    sb.Append(ParagraphText(p)).Append('\n');
                    break;
                case W.Table table:
                    foreach (var row in table.Elements<W.TableRow>())
                    {
                        var cells = row.Elements<W.TableCell>()
                            .Select(c => string.Join(" ", c.Elements<W.Paragraph>().Select(ParagraphText)).Replace('\t', ' ').Replace('\n', ' ').Trim());
                        sb.Append(string.Join('\t', cells)).Append('\n');
                    }
                    sb.Append('\n');
                    break;
            }
        }
        return sb.ToString();
    }

    private static string ParagraphText(W.Paragraph p)
    {
        var sb = new StringBuilder();
        foreach (var e in p.Descendants())
        {
            switch (e)
            {
                case W.Text t: sb.Append(t.Text); break;
                case W.TabChar: sb.Append(' '); break;
                case W.Break: sb.Append(' '); break;
            }
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"^\s*(?:\d{1,3}\s*\(\s*\d{1,3}\s*\)|Sivu\s+\d{1,3}\s*(?:/|\(|of|av)\s*\d{1,3}\)?)\s*$", RegexOptions.IgnoreCase)] private static partial Regex PageFooter();
    [GeneratedRegex(@"^\s*(https?://|www\.)\S+\s*$", RegexOptions.IgnoreCase)] private static partial Regex UrlOnly();
    [GeneratedRegex(@"^[\p{L}\p{N}]+[\p{L}\p{N}\-]*[,.;:)]?")] private static partial Regex FirstWord();
    [GeneratedRegex(@"\S+$")] private static partial Regex LastToken();
}

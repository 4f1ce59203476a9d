namespace Tilannekuva.Programme.Review;

/// <summary>
/// Estimates how many lines a text takes in a box of a given width, so that the deck can continue long lists
/// on a following slide instead of running off it. Office files carry no layout, so the writer has to guess:
/// the widths are those of DejaVu Sans (what LibreOffice falls back to on a server without Calibri), which is
/// wider than Calibri, so a slide laid out by this estimate also fits in PowerPoint.
/// </summary>
public static class TextFit
{
    /// <summary>English Metric Units per point.</summary>
    public const long EmuPerPoint = 12700;

    /// <summary>Line height as a multiple of the font size (single spacing of DejaVu Sans is 1.164).</summary>
    public const double LineSpacing = 1.17;

    /// <summary>Width of a character in ems (DejaVu Sans metrics, rounded up).</summary>
    public static double CharWidth(char ch) => ch switch
    {
        ' ' or '\u00A0' => 0.32,
        'i' or 'j' or 'l' or '.' or ',' or ':' or ';' or '\'' or '|' or '!' or 'I' => 0.30,
        'f' or 't' or 'r' or '(' or ')' or '[' or ']' or '/' or '-' or '·' => 0.42,
        'm' or 'w' or 'M' or 'W' or '%' or '€' or '@' => 0.98,
        '•' or '●' => 0.6,
        '–' or '—' or '→' => 0.85,
        >= '0' and <= '9' => 0.64,
        _ when char.IsUpper(ch) => 0.75,
        _ => 0.62,
    };

    /// <summary>Width of a text in points at a font size in points.</summary>
    public static double Width(string text, double points, bool bold = false)
    {
        double em = 0;
        foreach (var ch in text) em += CharWidth(ch);
        return em * points * (bold ? 1.12 : 1.0);
    }

    /// <summary>Lines a text wraps to in a box <paramref name="widthPoints"/> wide (at least one).</summary>
    public static int Lines(string text, double points, double widthPoints, bool bold = false)
    {
        if (widthPoints <= 0) return int.MaxValue / 4;
        var lines = 0;
        foreach (var hard in text.Replace("\r\n", "\n").Split('\n'))
        {
            lines++;
            double x = 0;
            var space = Width(" ", points, bold);
            foreach (var word in hard.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var w = Width(word, points, bold);
                if (w > widthPoints)
                {
                    // A word wider than the box is broken by the renderer: it fills whole lines.
                    if (x > 0) lines++;
                    var full = (int)Math.Ceiling(w / widthPoints);
                    lines += full - 1;
                    x = w - (full - 1) * widthPoints;
                    continue;
                }
                if (x > 0 && x + space + w > widthPoints) { lines++; x = w; }
                else x += (x > 0 ? space : 0) + w;
            }
        }
        return lines;
    }

    /// <summary>Height in points of <paramref name="lines"/> lines at a font size.</summary>
    public static double Height(int lines, double points) => lines * points * LineSpacing;

    /// <summary>
    /// Splits a text at word boundaries into pieces of at most <paramref name="maxLines"/> lines each, for a
    /// paragraph too long for one slide.
    /// </summary>
    public static IReadOnlyList<string> SplitToLines(string text, double points, double widthPoints, int maxLines, bool bold = false)
    {
        var pieces = new List<string>();
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var current = new List<string>();
        foreach (var word in words)
        {
            current.Add(word);
            if (current.Count > 1 && Lines(string.Join(' ', current), points, widthPoints, bold) > maxLines)
            {
                current.RemoveAt(current.Count - 1);
                pieces.Add(string.Join(' ', current));
                current = [word];
            }
        }
        if (current.Count > 0) pieces.Add(string.Join(' ', current));
        return pieces;
    }
}

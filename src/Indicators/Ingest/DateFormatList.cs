using System.Globalization;

namespace Tilannekuva.Indicators.Ingest;

/// <summary>
/// A mapping's date or date-time formats, tried in order as <c>TryParseExact</c> with the invariant
/// culture would. .NET's general format parser cost over a third of an import's CPU (about 3 µs a
/// value; issue #20), so formats made only of day, month, four-digit year, hour, minute and second
/// fields and literal separators are matched by a small parser of their own; any other format (names
/// of months, 12-hour clocks, fractions, time zones) goes to <c>TryParseExact</c> as before. A value
/// none of the fast formats takes is given to <c>TryParseExact</c> with the whole list, so what is
/// rejected, and why, is decided exactly as before.
/// </summary>
internal sealed class DateFormatList
{
    private readonly string[] _formats;
    private readonly Token[]?[] _compiled;

    public DateFormatList(IEnumerable<string> formats)
    {
        _formats = [.. formats];
        _compiled = _formats.Select(Compile).ToArray();
    }

    public bool TryParseDateTime(string s, out DateTime value)
    {
        for (var i = 0; i < _formats.Length; i++)
        {
            if (_compiled[i] is { } tokens)
            {
                if (Match(tokens, s, out value)) return true;
            }
            else if (DateTime.TryParseExact(s, _formats[i], CultureInfo.InvariantCulture, DateTimeStyles.None, out value)) return true;
        }
        return DateTime.TryParseExact(s, _formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    public bool TryParseDate(string s, out DateOnly value)
    {
        for (var i = 0; i < _formats.Length; i++)
        {
            // A format with a time of day is left to DateOnly's own rules.
            if (_compiled[i] is { } tokens && !tokens.Any(t => t.Field is Field.Hour or Field.Minute or Field.Second))
            {
                if (Match(tokens, s, out var t))
                {
                    value = DateOnly.FromDateTime(t);
                    return true;
                }
            }
            else if (DateOnly.TryParseExact(s, _formats[i], CultureInfo.InvariantCulture, DateTimeStyles.None, out value)) return true;
        }
        return DateOnly.TryParseExact(s, _formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    internal enum Field { Literal, Day, Month, Year, Hour, Minute, Second }

    /// <summary>A field with its digit count (min–max), or a literal character.</summary>
    internal readonly record struct Token(Field Field, int MinDigits, int MaxDigits, char Literal);

    /// <summary>The format's tokens, or null when it has anything the fast path does not know.</summary>
    internal static Token[]? Compile(string format)
    {
        var tokens = new List<Token>();
        for (var i = 0; i < format.Length;)
        {
            var c = format[i];
            var run = 1;
            while (i + run < format.Length && format[i + run] == c) run++;
            switch (c)
            {
                case 'd' or 'M' or 'H' or 'm' or 's' when run <= 2:
                    var field = c switch { 'd' => Field.Day, 'M' => Field.Month, 'H' => Field.Hour, 'm' => Field.Minute, _ => Field.Second };
                    tokens.Add(new Token(field, run, 2, '\0'));
                    i += run;
                    break;
                case 'y' when run == 4:
                    tokens.Add(new Token(Field.Year, 4, 4, '\0'));
                    i += run;
                    break;
                case '\'' or '"':
                    var end = format.IndexOf(c, i + 1);
                    if (end < 0) return null;
                    foreach (var ch in format.AsSpan(i + 1, end - i - 1)) tokens.Add(new Token(Field.Literal, 0, 0, ch));
                    i = end + 1;
                    break;
                case '\\':
                    if (i + 1 >= format.Length) return null;
                    tokens.Add(new Token(Field.Literal, 0, 0, format[i + 1]));
                    i += 2;
                    break;
                // The invariant culture's separators; other punctuation and spaces stand for themselves.
                case ':' or '/' or '.' or '-' or ' ' or ',' or 'T':
                    tokens.Add(new Token(Field.Literal, 0, 0, c));
                    i++;
                    break;
                default:
                    return null;
            }
        }
        // Each field at most once, and a day needs its month and year (as a DateTime does).
        var fields = tokens.Where(t => t.Field != Field.Literal).Select(t => t.Field).ToList();
        if (fields.Count != fields.Distinct().Count() || !fields.Contains(Field.Day) || !fields.Contains(Field.Month) || !fields.Contains(Field.Year)) return null;
        // Two variable-width fields in a row would need backtracking: left to TryParseExact.
        for (var k = 1; k < tokens.Count; k++)
            if (tokens[k].Field != Field.Literal && tokens[k - 1].Field != Field.Literal) return null;
        return [.. tokens];
    }

    private static bool Match(Token[] tokens, string s, out DateTime value)
    {
        value = default;
        int day = 0, month = 0, year = 0, hour = 0, minute = 0, second = 0, p = 0;
        foreach (var t in tokens)
        {
            if (t.Field == Field.Literal)
            {
                if (p >= s.Length || s[p] != t.Literal) return false;
                p++;
                continue;
            }
            var n = 0;
            var digits = 0;
            while (digits < t.MaxDigits && p < s.Length && char.IsAsciiDigit(s[p]))
            {
                n = n * 10 + (s[p] - '0');
                p++;
                digits++;
            }
            if (digits < t.MinDigits) return false;
            switch (t.Field)
            {
                case Field.Day: day = n; break;
                case Field.Month: month = n; break;
                case Field.Year: year = n; break;
                case Field.Hour: hour = n; break;
                case Field.Minute: minute = n; break;
                default: second = n; break;
            }
        }
        if (p != s.Length || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return false;
        value = new DateTime(year, month, day, hour, minute, second);
        return true;
    }
}

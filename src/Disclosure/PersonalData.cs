using System.Globalization;
using System.Text.RegularExpressions;

namespace Tilannekuva.Disclosure;

/// <summary>
/// Finding what identifies a person in text: Finnish personal identity codes (henkilötunnus) — also written with
/// spaces, dots, another dash or a space for the century sign — recognised by the check character so that ordinary
/// numbers stay; phone numbers in Finnish and international forms (0401239876, 040.222.3333, 44 555 6677,
/// 358401239876, +358 40 123 9876); e-mail addresses. One rule for the feedback open text and the indicator import.
/// </summary>
public static partial class PersonalData
{
    public const string IdentityCodeMarker = "[ID]";
    public const string PhoneMarker = "[PHONE]";
    public const string EmailMarker = "[EMAIL]";

    private const string CheckCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    /// <summary>Whether the text holds an identity code with a valid date and check character, in any of the written forms.</summary>
    public static bool HasIdentityCode(string text) => IdCandidate().Matches(text).Any(IsValidCode);

    /// <summary>Identity codes replaced by <see cref="IdentityCodeMarker"/>; returns how many.</summary>
    public static string ScrubIdentityCodes(string text, out int replaced)
    {
        var count = 0;
        var result = IdCandidate().Replace(text, m =>
        {
            if (!IsValidCode(m)) return m.Value;
            count++;
            return IdentityCodeMarker;
        });
        replaced = count;
        return result;
    }

    /// <summary>E-mail addresses, identity codes and phone numbers replaced by markers (in that order); returns how many.</summary>
    public static string Scrub(string text, out int replaced)
    {
        var count = 0;
        var result = Email().Replace(text, _ => { count++; return EmailMarker; });
        result = ScrubIdentityCodes(result, out var ids);
        count += ids;
        result = PhoneCandidate().Replace(result, m =>
        {
            var digits = m.Value.Count(char.IsAsciiDigit);
            // A leading 0, 00, + or 358 marks a phone number from 7 digits on; bare digit groups ("44 555 6677") from 9.
            var marked = m.Value.TrimStart('(').StartsWith('0') || m.Value.StartsWith('+') || m.Value.StartsWith("358", StringComparison.Ordinal);
            if (digits > 15 || digits < (marked ? 7 : 9)) return m.Value;
            count++;
            return PhoneMarker;
        });
        replaced = count;
        return result;
    }

    private static bool IsValidCode(Match m)
    {
        var date = m.Groups["d"].Value + m.Groups["m"].Value + m.Groups["y"].Value;
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (day is < 1 or > 31 || month is < 1 or > 12) return false;
        var nine = long.Parse(date + m.Groups["n"].Value, CultureInfo.InvariantCulture);
        return char.ToUpperInvariant(m.Groups["c"].Value[0]) == CheckCharacters[(int)(nine % 31)];
    }

    // DD MM YY with an optional space or dot between the pairs; the century sign (+ - A–F U–Y), another dash, a
    // slash, a dot or spaces; NNN; the check character. Not inside a longer run of letters or digits.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?<d>\d{2})[ .]?(?<m>\d{2})[ .]?(?<y>\d{2})(?:\s{0,2}[-+A-FU-Ya-fu-y\u2010-\u2015\u2212/.]\s{0,2}|\s{1,2})(?<n>\d{3})\s?(?<c>[0-9A-Ya-y])(?![0-9A-Za-z])")]
    private static partial Regex IdCandidate();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    // A run of digits with spaces, dots, dashes, slashes or brackets between them, optionally after +.
    [GeneratedRegex(@"(?<![\w+.,])(\+|\(0)?\d[\d ().\-/]{5,20}\d(?![\w])")]
    private static partial Regex PhoneCandidate();
}

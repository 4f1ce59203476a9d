using System.Text.RegularExpressions;

namespace Tilannekuva.Feedback.Scrubbing;

/// <summary>
/// Removes what identifies a person from open text before it is stored: personal identity codes
/// (recognised by the check-character rule, so ordinary numbers stay), phone numbers (Finnish and
/// international forms, 7–15 digits starting with 0, 00 or +) and e-mail addresses. Each is replaced
/// by a marker; the pages show the markers in the reader's language.
/// </summary>
public static partial class TextScrubber
{
    public const string IdentityCodeMarker = "[ID]";
    public const string PhoneMarker = "[PHONE]";
    public const string EmailMarker = "[EMAIL]";

    public static string Scrub(string text) => Scrub(text, out _);

    public static string Scrub(string text, out int replaced)
    {
        var count = 0;
        var result = Email().Replace(text, _ => { count++; return EmailMarker; });
        result = IdCandidate().Replace(result, m =>
        {
            if (!IdentityCode.IsValid(m.Value)) return m.Value;
            count++;
            return IdentityCodeMarker;
        });
        result = PhoneCandidate().Replace(result, m =>
        {
            var digits = m.Value.Count(char.IsAsciiDigit);
            if (digits is < 7 or > 15) return m.Value;
            count++;
            return PhoneMarker;
        });
        replaced = count;
        return result;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![A-Za-z0-9])\d{6}[-+A-Fa-fU-Yu-y]\d{3}[0-9A-Ya-y](?![A-Za-z0-9])")]
    private static partial Regex IdCandidate();

    [GeneratedRegex(@"(?<![\w+])(\+|00|0|\(0)[\d ()\-/]{5,20}\d(?!\w)")]
    private static partial Regex PhoneCandidate();
}

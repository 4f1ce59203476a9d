namespace Tilannekuva.Feedback.Scrubbing;

/// <summary>
/// Removes what identifies a person from open text before it is stored: personal identity codes
/// (recognised by the check-character rule, so ordinary numbers stay), phone numbers (Finnish and
/// international forms, 7–15 digits starting with 0, 00 or +) and e-mail addresses. Each is replaced
/// by a marker; the pages show the markers in the reader's language.
/// </summary>
public static class TextScrubber
{
    public const string IdentityCodeMarker = Disclosure.PersonalData.IdentityCodeMarker;
    public const string PhoneMarker = Disclosure.PersonalData.PhoneMarker;
    public const string EmailMarker = Disclosure.PersonalData.EmailMarker;

    public static string Scrub(string text) => Scrub(text, out _);

    public static string Scrub(string text, out int replaced) => Disclosure.PersonalData.Scrub(text, out replaced);
}

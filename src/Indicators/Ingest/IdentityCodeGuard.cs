using Tilannekuva.Disclosure;

namespace Tilannekuva.Indicators.Ingest;

/// <summary>
/// The last check on a parsed row before it is stored (henkilötunnusvahti): every text value is searched for a
/// Finnish identity code (any written form, valid check character). In an identifier or code column (source_id,
/// unit references, assessment_source_id, …) the row is rejected naming the line and field, never the value; in
/// free text (<see cref="FreeTextFields"/>: contact reason, org unit name) the code — and phone numbers and e-mail
/// addresses, as in feedback — is replaced by a marker. So one swapped column in a mapping file cannot store codes
/// in clear. Reject reasons that quote a value (an unknown unit, a bad date) are masked the same way.
/// </summary>
public sealed class IdentityCodeGuard(CanonicalTable table, string file, System.Globalization.CultureInfo culture)
{
    /// <summary>Fields that hold people's words rather than identifiers; scrubbed instead of rejected.</summary>
    public static readonly IReadOnlySet<string> FreeTextFields = new HashSet<string>(StringComparer.Ordinal) { "reason", "name" };

    /// <summary>
    /// Checks the parsed values of one row (the table's fields first in <paramref name="values"/>); returns false and
    /// adds a reject when a code sits in an identifier column. Free-text values are scrubbed in place.
    /// </summary>
    public bool Inspect(int line, object?[] values, List<ImportReject> rejects)
    {
        var ok = true;
        for (var i = 0; i < table.Fields.Count; i++)
        {
            var field = table.Fields[i];
            if (values[i] is not string text || field.IsPersonal) continue;
            if (FreeTextFields.Contains(field.Name))
            {
                values[i] = PersonalData.Scrub(text, out _);
            }
            else if (PersonalData.HasIdentityCode(text))
            {
                rejects.Add(new ImportReject(file, line, field.Name, Localisation.Texts.Get(InFieldKey, culture), InFieldKey));
                ok = false;
            }
        }
        return ok;
    }

    private const string InFieldKey = "Security.Ingest.IdentityCodeInField";

    /// <summary>Masks any identity code a reject reason quotes (the parser names bad values so people can find them).</summary>
    public static void MaskReasons(List<ImportReject> rejects, int from)
    {
        for (var i = from; i < rejects.Count; i++)
            if (PersonalData.HasIdentityCode(rejects[i].Reason))
                rejects[i] = rejects[i] with { Reason = PersonalData.ScrubIdentityCodes(rejects[i].Reason, out _) };
    }
}

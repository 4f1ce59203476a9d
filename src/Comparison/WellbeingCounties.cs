using System.Globalization;
using Tilannekuva.Localisation;

namespace Tilannekuva.Comparison;

/// <summary>
/// Code list of the 21 wellbeing services counties (hyvinvointialueet) and the City of Helsinki, which organises
/// the same services itself. A county's export carries its own id and its name as it writes it (in Finnish); the
/// comparison shows the name from this list in the reader's language when the id or the Finnish name matches one
/// of these, and the county's own name otherwise (a test county, a renamed one).
/// </summary>
public static class WellbeingCounties
{
    /// <summary>Code (used as the text key <c>County.&lt;code&gt;</c>) and the Finnish name as the counties write it.</summary>
    public static readonly IReadOnlyList<(string Code, string FinnishName)> All =
    [
        ("ITA-UUSIMAA", "Itä-Uudenmaan hyvinvointialue"),
        ("KESKI-UUSIMAA", "Keski-Uudenmaan hyvinvointialue"),
        ("LANSI-UUSIMAA", "Länsi-Uudenmaan hyvinvointialue"),
        ("VANTAA-KERAVA", "Vantaan ja Keravan hyvinvointialue"),
        ("HELSINKI", "Helsingin kaupunki"),
        ("VARSINAIS-SUOMI", "Varsinais-Suomen hyvinvointialue"),
        ("SATAKUNTA", "Satakunnan hyvinvointialue"),
        ("KANTA-HAME", "Kanta-Hämeen hyvinvointialue"),
        ("PIRKANMAA", "Pirkanmaan hyvinvointialue"),
        ("PAIJAT-HAME", "Päijät-Hämeen hyvinvointialue"),
        ("KYMENLAAKSO", "Kymenlaakson hyvinvointialue"),
        ("ETELA-KARJALA", "Etelä-Karjalan hyvinvointialue"),
        ("ETELA-SAVO", "Etelä-Savon hyvinvointialue"),
        ("POHJOIS-SAVO", "Pohjois-Savon hyvinvointialue"),
        ("POHJOIS-KARJALA", "Pohjois-Karjalan hyvinvointialue"),
        ("KESKI-SUOMI", "Keski-Suomen hyvinvointialue"),
        ("ETELA-POHJANMAA", "Etelä-Pohjanmaan hyvinvointialue"),
        ("POHJANMAA", "Pohjanmaan hyvinvointialue"),
        ("KESKI-POHJANMAA", "Keski-Pohjanmaan hyvinvointialue"),
        ("POHJOIS-POHJANMAA", "Pohjois-Pohjanmaan hyvinvointialue"),
        ("KAINUU", "Kainuun hyvinvointialue"),
        ("LAPPI", "Lapin hyvinvointialue"),
    ];

    /// <summary>The code of the county an export names by <paramref name="id"/> or <paramref name="name"/>; null when neither matches.</summary>
    public static string? CodeOf(string id, string name)
    {
        var key = Fold(id);
        foreach (var (code, finnish) in All)
            if (Fold(code) == key || Fold(finnish) == Fold(name)) return code;
        return null;
    }

    /// <summary>The county's name in <paramref name="culture"/> from the code list, else as the county wrote it.</summary>
    public static string NameIn(string id, string name, CultureInfo culture) =>
        CodeOf(id, name) is { } code ? Texts.Get("County." + code, culture) : name;

    // Case, dashes, spaces and Finnish letters folded: "Kanta-Häme", "kanta häme" and "KANTA-HAME" are one county.
    private static string Fold(string s) =>
        new string(s.Trim().ToUpperInvariant().Replace('Ä', 'A').Replace('Ö', 'O').Replace('Å', 'A').Where(char.IsLetterOrDigit).ToArray());
}

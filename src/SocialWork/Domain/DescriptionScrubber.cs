using System.Text.RegularExpressions;

namespace Tilannekuva.SocialWork.Domain;

/// <summary>
/// What a description may not keep: identity codes, phone numbers and e-mail addresses (the feedback module's
/// scrubber, one rule for all open text) and people's names. Names are recognised as a common Finnish or
/// Swedish first name written with a capital, with the capitalised word after it (the surname), and as a
/// capitalised word after a form of address (rouva, herra, fru, herr, Mr, Mrs, Ms). It is a safety net, not a
/// guarantee: the form asks the worker not to write names at all.
/// </summary>
public static partial class DescriptionScrubber
{
    public const string NameMarker = "[NAME]";

    private static readonly HashSet<string> FirstNames = new(StringComparer.Ordinal)
    {
        "Aino", "Aleksi", "Anna", "Anne", "Anni", "Antti", "Ari", "Arja", "Eeva", "Eetu", "Eila", "Elias", "Elina", "Emilia", "Emma",
        "Erkki", "Hanna", "Hannu", "Heikki", "Helena", "Helmi", "Henna", "Irma", "Jaana", "Janne", "Jari", "Jenni", "Johanna", "Jouni",
        "Juha", "Juho", "Jukka", "Jussi", "Kaarina", "Kalle", "Kari", "Katja", "Kirsi", "Laura", "Leena", "Liisa", "Lotta", "Maija",
        "Marja", "Marjatta", "Markku", "Matti", "Merja", "Mika", "Mikko", "Minna", "Niina", "Niko", "Oona", "Outi", "Paula", "Pekka",
        "Pentti", "Petri", "Pirjo", "Raija", "Riitta", "Sanna", "Sari", "Seppo", "Sirpa", "Tapani", "Tapio", "Tarja", "Teemu", "Timo",
        "Tuula", "Tuomas", "Ville", "Veera", "Aada", "Eino", "Väinö", "Leo", "Onni", "Olavi", "Lars", "Erik", "Karin", "Maria", "Johan",
        "Mohamed", "Ahmed", "Ali", "Fatima", "Olga", "Sergei",
    };

    /// <summary>The description as it may be stored; <paramref name="replaced"/> counts what was taken out.</summary>
    public static string Scrub(string text, out int replaced)
    {
        var result = Tilannekuva.Feedback.Scrubbing.TextScrubber.Scrub(text, out var personal);
        var names = 0;
        result = Addressed().Replace(result, m => { names++; return m.Groups["title"].Value + " " + NameMarker; });
        result = Capitalised().Replace(result, m =>
        {
            if (!FirstNames.Contains(m.Groups["first"].Value)) return m.Value;
            names++;
            return NameMarker;
        });
        replaced = personal + names;
        return result;
    }

    public static string Scrub(string text) => Scrub(text, out _);

    // A capitalised word, optionally followed by another (the surname).
    [GeneratedRegex(@"\b(?<first>\p{Lu}\p{Ll}+)(?:[ \-]\p{Lu}\p{Ll}+)?\b")]
    private static partial Regex Capitalised();

    [GeneratedRegex(@"\b(?<title>[Rr]ouva|[Hh]erra|[Nn]eiti|[Ff]ru|[Hh]err|Mrs?\.?|Ms\.?)\s+\p{Lu}\p{Ll}+(?:[ \-]\p{Lu}\p{Ll}+)?")]
    private static partial Regex Addressed();
}

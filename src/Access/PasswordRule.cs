namespace Tilannekuva.Access;

/// <summary>
/// What a chosen password must be (salasanasääntö): at least <see cref="MinLength"/> characters, not one of the
/// commonly used passwords (also with digits or signs added around it, or a letter case changed) and not the user's
/// own name (nor containing it). Returns a text key describing the problem, or null when the password is fine.
/// </summary>
public static class PasswordRule
{
    public const int MinLength = 12;

    /// <summary>Common passwords and their stems, lower case: the head of the public leaked-password lists plus Finnish and Swedish ones.</summary>
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "password", "passw0rd", "p@ssw0rd", "p@ssword", "qwerty", "qwertyuiop", "qwertyuiopå", "asdfghjkl", "asdfghjklöä", "zxcvbnm",
        "letmein", "welcome", "welcometo", "admin", "administrator", "iloveyou", "monkey", "dragon", "football", "baseball",
        "sunshine", "princess", "trustno", "superman", "batman", "master", "shadow", "michael", "jennifer", "starwars",
        "abc", "abcdef", "abcdefgh", "abcdefghijkl", "qazwsx", "qazwsxedc", "1qaz2wsx", "changeme", "default", "secret",
        "whatever", "freedom", "hello", "helloworld", "charlie", "login", "access", "computer", "internet", "summer",
        "winter", "spring", "autumn", "test", "testtest", "tester", "testing", "user", "guest", "root", "toor",
        "salasana", "salasana1", "salis", "kissa", "koira", "perkele", "suomi", "finland", "suomifinland", "hyvinvointi",
        "hyvinvointialue", "sote", "terveys", "kesä", "talvi", "kevät", "syksy", "tervetuloa", "kainuu", "kajaani",
        "helsinki", "tampere", "turku", "oulu", "espoo", "vantaa", "lösenord", "losenord", "välkommen", "sommar",
        "vinter", "sverige", "tilannekuva", "aaaaaaaaaaaa", "password1", "qwerty123", "iloveu", "lovely", "liverpool",
        "chelsea", "arsenal", "jordan", "pokemon", "minecraft", "mustang", "access14", "ninja", "azerty", "solo",
    };

    public static string? Check(string password, string? userName)
    {
        if (password.Length < MinLength) return "Account.PasswordTooShort";
        var lower = password.ToLowerInvariant();
        if (IsCommon(lower)) return "Security.PasswordCommon";
        if (userName is { Length: >= 3 } && (lower.Contains(userName.ToLowerInvariant(), StringComparison.Ordinal)
            || Stem(lower) == Stem(userName.ToLowerInvariant())))
            return "Security.PasswordHasName";
        // One repeated character or a plain run of digits is as weak as a common password.
        if (lower.Distinct().Count() <= 2 || lower.All(char.IsDigit)) return "Security.PasswordCommon";
        return null;
    }

    /// <summary>"Salasana2026!", "!!qwerty123456", "Kesä2025kesä": a common word with digits, signs or a repeat around it.</summary>
    private static bool IsCommon(string lower)
    {
        var stem = Stem(lower);
        if (stem.Length == 0 || Common.Contains(lower) || Common.Contains(stem)) return true;
        // The same common word twice ("salasanasalasana"), or a stem that is a common word plus a year or season.
        foreach (var word in Common)
            if (word.Length >= 4 && stem.Replace(word, "", StringComparison.Ordinal).Length == 0) return true;
        return false;
    }

    /// <summary>Letters only: digits and signs dropped, so "Salasana-2026!" has the stem "salasana".</summary>
    private static string Stem(string lower) => new(lower.Where(char.IsLetter).ToArray());
}

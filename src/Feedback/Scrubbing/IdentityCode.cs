namespace Tilannekuva.Feedback.Scrubbing;

/// <summary>
/// The Finnish personal identity code (henkilötunnus): DDMMYY, a century sign, a three-digit
/// individual number and a check character = "0123456789ABCDEFHJKLMNPRSTUVWXY"[DDMMYYNNN mod 31].
/// Century signs: + (1800s); - Y X W V U (1900s); A B C D E F (2000s).
/// </summary>
public static class IdentityCode
{
    public const string CheckCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    public const string CenturySigns = "+-YXWVUABCDEF";

    public static char CheckCharacter(string ddmmyy, string individual) =>
        CheckCharacters[(int)(long.Parse(ddmmyy + individual, System.Globalization.CultureInfo.InvariantCulture) % 31)];

    /// <summary>True when the 11 characters form a code with a valid date and check character.</summary>
    public static bool IsValid(string code)
    {
        if (code.Length != 11) return false;
        var upper = code.ToUpperInvariant();
        var date = upper[..6];
        var sign = upper[6];
        var individual = upper[7..10];
        if (!date.All(char.IsAsciiDigit) || !individual.All(char.IsAsciiDigit) || !CenturySigns.Contains(sign)) return false;
        var day = int.Parse(date[..2], System.Globalization.CultureInfo.InvariantCulture);
        var month = int.Parse(date[2..4], System.Globalization.CultureInfo.InvariantCulture);
        if (day is < 1 or > 31 || month is < 1 or > 12) return false;
        return upper[10] == CheckCharacter(date, individual);
    }

    /// <summary>A valid code for a date and individual number (for tests and synthetic data).</summary>
    public static string Create(DateOnly birthDate, int individual, char? centurySign = null)
    {
        var sign = centurySign ?? (birthDate.Year switch { < 1900 => '+', < 2000 => '-', _ => 'A' });
        var date = birthDate.ToString("ddMMyy", System.Globalization.CultureInfo.InvariantCulture);
        var number = individual.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        return date + sign + number + CheckCharacter(date, number);
    }
}

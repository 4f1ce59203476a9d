using System.Text.RegularExpressions;

namespace Tilannekuva.Storage;

/// <summary>
/// The one escaping rule for every CSV the product writes (CSV formula injection): a cell beginning with
/// = + - @, a tab or a carriage return is read by Excel and LibreOffice as a formula, so it gets a leading
/// apostrophe, which they show as text. Plain numbers ("-12,5", "+3", "-0.25") stay numbers.
/// </summary>
public static partial class CsvCell
{
    public static string Safe(string? value)
    {
        if (string.IsNullOrEmpty(value)) return value ?? "";
        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(value) ? "'" + value : value;
    }

    [GeneratedRegex(@"^[+-]?\d+([.,]\d+)?$")]
    private static partial Regex PlainNumber();
}

using System.Globalization;
using System.Runtime.CompilerServices;

namespace Tilannekuva.Feedback.Sms;

/// <summary>
/// A visit after which the client may be asked for feedback. <see cref="Phone"/> is held in memory
/// only while the invitation is sent; it is never stored or logged.
/// </summary>
public sealed record Visit(string VisitId, string Unit, string Service, DateOnly Date, string? Phone);

/// <summary>
/// Where visits come from. The Indicators module will own the canonical visits; until then
/// <see cref="CsvVisitSource"/> reads a send file.
/// </summary>
public interface IVisitSource
{
    /// <summary>Where the visits come from, for messages (a file name, "canonical store" …).</summary>
    string Name { get; }

    IAsyncEnumerable<Visit> ReadAsync(CancellationToken ct = default);
}

/// <summary>A bad line in a visit file: file, line and field are named.</summary>
public sealed class VisitFileException(string file, int line, string field, string problem)
    : Exception($"{file}, line {line}, field {field}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Field { get; } = field;
}

/// <summary>
/// A send file: UTF-8 CSV with the header <c>visit_id,unit,service,date,phone</c> (comma or semicolon),
/// date as yyyy-MM-dd or d.M.yyyy, phone may be empty. The whole file is checked before anything is sent.
/// </summary>
public sealed class CsvVisitSource(string path) : IVisitSource
{
    public static readonly string[] Header = ["visit_id", "unit", "service", "date", "phone"];

    public string Name => Path.GetFileName(path);

    public async IAsyncEnumerable<Visit> ReadAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var lines = await File.ReadAllLinesAsync(path, ct);
        var visits = new List<Visit>();
        if (lines.Length == 0) throw new VisitFileException(Name, 1, "header", "the file is empty");
        var separator = lines[0].Contains(';') ? ';' : ',';
        var header = lines[0].Trim().TrimStart('\uFEFF').Split(separator).Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (!header.SequenceEqual(Header))
            throw new VisitFileException(Name, 1, "header", $"expected {string.Join(separator, Header)}");
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var f = lines[i].Split(separator).Select(x => x.Trim()).ToArray();
            if (f.Length != Header.Length) throw new VisitFileException(Name, i + 1, "line", $"expected {Header.Length} fields, found {f.Length}");
            if (f[0].Length == 0) throw new VisitFileException(Name, i + 1, "visit_id", "empty");
            if (!Links.FeedbackLink.IsValidCode(f[1])) throw new VisitFileException(Name, i + 1, "unit", $"'{f[1]}' is not a unit code");
            if (!Links.FeedbackLink.IsValidCode(f[2])) throw new VisitFileException(Name, i + 1, "service", $"'{f[2]}' is not a service code");
            if (!DateOnly.TryParseExact(f[3], ["yyyy-MM-dd", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new VisitFileException(Name, i + 1, "date", $"'{f[3]}' is not a date (yyyy-MM-dd or d.M.yyyy)");
            // The phone number itself is never echoed in an error.
            if (f[4].Length > 0 && PhoneNumbers.Normalise(f[4]) is null) throw new VisitFileException(Name, i + 1, "phone", "not a phone number");
            visits.Add(new Visit(f[0], f[1], f[2], date, f[4].Length == 0 ? null : PhoneNumbers.Normalise(f[4])));
        }
        foreach (var v in visits) yield return v;
    }
}

public static class PhoneNumbers
{
    /// <summary>International form (+358401234567) of a Finnish or international number; null when it is not one.</summary>
    public static string? Normalise(string raw)
    {
        var s = new string(raw.Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '(' and not ')').ToArray());
        if (s.StartsWith("00", StringComparison.Ordinal)) s = "+" + s[2..];
        else if (s.StartsWith('0')) s = "+358" + s[1..];
        if (!s.StartsWith('+') || s.Length is < 8 or > 16 || !s[1..].All(char.IsAsciiDigit)) return null;
        return s;
    }

    /// <summary>For logs and the development gateway: "+35840*****67".</summary>
    public static string Mask(string phone) => phone.Length <= 7 ? new string('*', phone.Length) : phone[..6] + new string('*', phone.Length - 8) + phone[^2..];
}

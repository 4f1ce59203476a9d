using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tilannekuva.ServiceTray.Referrals;

/// <summary>
/// Sends a referral by e-mail. No mail sender is configured in the app, so messages go to an outbox file
/// (<c>mail-outbox.jsonl</c> in "ServiceTray:DataFolder"/mail) for a relay to pick up, like the feedback SMS drop folder.
/// The address in the outbox is masked (first letter and the domain), so no address is kept there either.
/// </summary>
public sealed partial class ReferralMail(string folder)
{
    public const string FileName = "mail-outbox.jsonl";
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };
    private readonly SemaphoreSlim _lock = new(1, 1);

    public string OutboxPath => Path.Combine(folder, FileName);

    public static bool IsAddress(string? s) => s is { Length: > 3 and < 255 } && Address().IsMatch(s.Trim());

    /// <summary>"m***@example.fi".</summary>
    public static string Mask(string address) => address.IndexOf('@') is var at and > 0 ? address[0] + "***" + address[at..] : "***";

    public async Task SendAsync(string to, string subject, string body, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var line = JsonSerializer.Serialize(new { At = DateTimeOffset.UtcNow, To = Mask(to.Trim()), Subject = subject, Body = body }, Readable);
        await _lock.WaitAsync(ct);
        try { await File.AppendAllTextAsync(OutboxPath, line + "\n", ct); }
        finally { _lock.Release(); }
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Address();
}

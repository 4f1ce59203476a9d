using System.Text.Json;

namespace Tilannekuva.Feedback.Sms;

/// <summary>Sends one text message. Implementations for an operator's API plug in here.</summary>
public interface ISmsGateway
{
    string Name { get; }

    Task SendAsync(string phone, string message, CancellationToken ct = default);
}

/// <summary>
/// For development and tests: appends each message as a JSON line to <c>sms-outbox.jsonl</c> in a
/// folder. The number is masked (first digits and last two), so no phone number is written.
/// </summary>
public sealed class FileSmsGateway(string folder) : ISmsGateway
{
    public const string FileName = "sms-outbox.jsonl";
    private readonly SemaphoreSlim _lock = new(1, 1);

    public string Name => $"file:{Path.Combine(folder, FileName)}";

    public string OutboxPath => Path.Combine(folder, FileName);

    public async Task SendAsync(string phone, string message, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var line = JsonSerializer.Serialize(new OutboxLine(DateTimeOffset.UtcNow, PhoneNumbers.Mask(phone), message));
        await _lock.WaitAsync(ct);
        try { await File.AppendAllTextAsync(OutboxPath, line + "\n", ct); }
        finally { _lock.Release(); }
    }

    public sealed record OutboxLine(DateTimeOffset At, string To, string Message);
}

/// <summary>For development: prints each message with the number masked.</summary>
public sealed class ConsoleSmsGateway(TextWriter? output = null) : ISmsGateway
{
    public string Name => "console";

    public Task SendAsync(string phone, string message, CancellationToken ct = default) =>
        (output ?? Console.Out).WriteLineAsync($"SMS {PhoneNumbers.Mask(phone)}: {message}");
}

using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.ServiceTray.Storage;
using Tilannekuva.Storage.Jobs;

namespace Tilannekuva.ServiceTray.Usage;

/// <summary>
/// Counts tray use in memory (day, kind, key → n) and adds the counts to <c>tray_usage_day</c> when flushed
/// (<see cref="UsageFlushJob"/> every minute, and before the usage page and API read). Nothing identifies a
/// person: no cookie, no address, no session; the words of a search that found nothing are scrubbed first.
/// A crash loses at most the last minute's counts.
/// </summary>
public sealed partial class UsageCounter(TimeProvider clock)
{
    private static readonly TimeZoneInfo Finland = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");
    private ConcurrentDictionary<(DateOnly Day, UsageKind Kind, string Key), int> _counts = new();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Finland).DateTime);

    public void Count(UsageKind kind, string? key = null) =>
        _counts.AddOrUpdate((Today, kind, key ?? ""), 1, (_, n) => n + 1);

    /// <summary>A service page view: once in all, once per target group of the service.</summary>
    public void Viewed(IEnumerable<string> targetGroups)
    {
        Count(UsageKind.View);
        foreach (var code in targetGroups.Distinct()) Count(UsageKind.View, code);
    }

    /// <summary>A search: counted; with no result, also its words (scrubbed; nothing kept when nothing is left).</summary>
    public void Searched(string? words, int results)
    {
        Count(UsageKind.Search);
        if (results == 0 && ScrubWords(words) is { Length: > 0 } kept) Count(UsageKind.NoResult, kept);
    }

    /// <summary>
    /// What is kept of a search's words: e-mail addresses, identity codes and phone numbers removed (the shared rule),
    /// then every word with a digit or an @ dropped, lower case, at most five words of at most 30 letters.
    /// </summary>
    public static string ScrubWords(string? words)
    {
        if (string.IsNullOrWhiteSpace(words)) return "";
        var text = Disclosure.PersonalData.Scrub(words, out _);
        var kept = Word().Matches(text.ToLowerInvariant()).Select(m => m.Value)
            .Where(w => w.Length <= 30 && !w.Any(char.IsDigit) && !w.Contains('@') && !w.Contains('['))
            .Take(5);
        return string.Join(' ', kept);
    }

    [GeneratedRegex(@"[\p{L}\p{N}@\[\]\-']+")]
    private static partial Regex Word();

    /// <summary>Adds the counts so far to the daily table and starts again.</summary>
    public async Task FlushAsync(ServiceTrayDbContext db, CancellationToken ct = default)
    {
        var taken = Interlocked.Exchange(ref _counts, new());
        if (taken.IsEmpty) return;
        foreach (var ((day, kind, key), n) in taken)
        {
            var row = await db.UsageDays.FirstOrDefaultAsync(u => u.Day == day && u.Kind == kind && u.Key == key, ct);
            if (row is null) db.UsageDays.Add(new TrayUsageDay { Day = day, Kind = kind, Key = key, Count = n });
            else row.Count += n;
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Adds the in-memory usage counts to the daily table every minute (the app's job scheduler runs it).</summary>
public sealed class UsageFlushJob(UsageCounter counter) : IScheduledJob
{
    public string Name => "servicetray-usage";

    public TimeSpan Every => TimeSpan.FromMinutes(1);

    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        counter.FlushAsync(services.GetRequiredService<ServiceTrayDbContext>(), ct);
}

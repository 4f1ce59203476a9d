using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.ServiceTray.Storage;

namespace Tilannekuva.ServiceTray.Search;

/// <summary>
/// The search service the web app holds (singleton): the current index, rebuilt when the store has changes
/// newer than the index (checked at most every <see cref="CheckEvery"/>, so imports run by the CLI or the
/// scheduler show up without a restart). Searches never wait for a rebuild once an index exists.
/// </summary>
public sealed class TraySearch(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeZoneInfo Finland = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TrayIndex? _index;
    private DateTimeOffset _checked = DateTimeOffset.MinValue;

    public DateTime LocalNow => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Finland).DateTime;

    public async Task<TrayIndex> IndexAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (_index is { } current && now - _checked < CheckEvery) return current;
        if (_index is not null && !await _gate.WaitAsync(0, ct)) return _index;
        if (_index is null) await _gate.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ServiceTrayDbContext>();
            var stamp = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.MaxAsync(db.Changes, c => (long?)c.Id, ct) ?? 0;
            // The old index is not disposed: searches may still run on it; the collector takes its memory.
            if (_index is null || _index.Catalog.Stamp != stamp) _index = new TrayIndex(await TrayCatalog.LoadAsync(db, ct));
            _checked = now;
            return _index;
        }
        finally { _gate.Release(); }
    }

    public async Task<TrayResult> SearchAsync(TrayQuery query, CancellationToken ct = default) =>
        (await IndexAsync(ct)).Search(query, LocalNow);

    public void Dispose()
    {
        _index?.Dispose();
        _gate.Dispose();
    }
}

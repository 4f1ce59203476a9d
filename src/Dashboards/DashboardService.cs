using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Tilannekuva.Indicators.Results;

namespace Tilannekuva.Dashboards;

/// <summary>
/// The dashboards for pages, exports and the API, cached: the data per unit and the localised view per
/// language are kept until the indicator values are recomputed (their version changes; it is read at most every
/// <see cref="VersionCheck"/>) or
/// <see cref="DashboardOptions.CacheSeconds"/> pass (feedback arrives all the time; a minute's delay is fine for a dashboard).
/// </summary>
public sealed class DashboardService(DashboardBuilder builder, IndicatorResults results, IMemoryCache cache, IOptions<DashboardOptions> options, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private TimeSpan Lifetime => TimeSpan.FromSeconds(Math.Max(0, options.Value.CacheSeconds));

    private async Task<T?> CachedAsync<T>(string key, Func<Task<T?>> build) where T : class
    {
        if (Lifetime == TimeSpan.Zero) return await build();
        var full = $"dashboards|{await VersionAsync()}|{Today:yyyy-MM-dd}|{key}";
        if (cache.TryGetValue(full, out T? hit)) return hit;
        var value = await build();
        if (value is not null) cache.Set(full, value, Lifetime);
        return value;
    }

    /// <summary>How long the values' version is trusted before it is read again (two small queries per page otherwise).</summary>
    public static readonly TimeSpan VersionCheck = TimeSpan.FromSeconds(5);

    private async Task<string> VersionAsync()
    {
        if (cache.TryGetValue("dashboards|version", out string? version) && version is not null) return version;
        version = await results.VersionAsync();
        cache.Set("dashboards|version", version, VersionCheck);
        return version;
    }

    public Task<StrategicDashboard?> StrategicAsync(string? unit, CancellationToken ct = default) =>
        CachedAsync($"strategic|{unit}", () => builder.StrategicAsync(unit, Today, ct));

    public Task<TacticalDashboard?> TacticalAsync(string? unit, string? period, CancellationToken ct = default) =>
        CachedAsync($"tactical|{unit}|{period}", () => builder.TacticalAsync(unit, period, Today, ct));

    public Task<OperationalDashboard?> OperationalAsync(string? unit, CancellationToken ct = default) =>
        CachedAsync($"operational|{unit}", () => builder.OperationalAsync(unit, Today, ct));

    /// <summary>
    /// A level's data (<see cref="StrategicDashboard"/>, <see cref="TacticalDashboard"/> or <see cref="OperationalDashboard"/>)
    /// and its localised view; nulls for an unknown unit or level. The data is built once per call even without the cache.
    /// </summary>
    public async Task<(object? Data, DashboardView? View)> PageAsync(string level, string? unit, string? period, CultureInfo culture, CancellationToken ct = default)
    {
        object? data = level switch
        {
            "strategic" => await StrategicAsync(unit, ct),
            "tactical" => await TacticalAsync(unit, period, ct),
            "operational" => await OperationalAsync(unit, ct),
            _ => null,
        };
        if (data is null) return (null, null);
        var view = await CachedAsync($"view|{level}|{unit}|{period}|{culture.Name}", () => Task.FromResult<DashboardView?>(data switch
        {
            StrategicDashboard s => DashboardViews.Strategic(s, culture),
            TacticalDashboard t => DashboardViews.Tactical(t, culture),
            OperationalDashboard o => DashboardViews.Operational(o, culture),
            _ => null,
        }));
        return (data, view);
    }

    /// <summary>The localised view of a level ("strategic", "tactical", "operational"), or null for an unknown unit or level.</summary>
    public async Task<DashboardView?> ViewAsync(string level, string? unit, string? period, CultureInfo culture, CancellationToken ct = default) =>
        (await PageAsync(level, unit, period, culture, ct)).View;
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tilannekuva.ServiceTray.Import;
using Tilannekuva.ServiceTray.Search;
using Tilannekuva.ServiceTray.Storage;
using Tilannekuva.Storage;

namespace Tilannekuva.ServiceTray;

/// <summary>Settings: "ServiceTray:Ptv:Url" (the open interface's base, e.g. https://api.palvelutietovaranto.suomi.fi/api/v11),
/// "ServiceTray:Ptv:Query" (appended to page requests), "ServiceTray:Ptv:IntervalHours" (default 24).</summary>
public sealed record ServiceTraySettings(string? PtvUrl, string? PtvQuery, double IntervalHours)
{
    public static ServiceTraySettings From(IConfiguration c) => new(
        c["ServiceTray:Ptv:Url"] is { Length: > 0 } u ? u : null,
        c["ServiceTray:Ptv:Query"],
        double.TryParse(c["ServiceTray:Ptv:IntervalHours"], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var h) && h > 0 ? h : 24);
}

public static class ServiceTrayModule
{
    public static IServiceCollection AddServiceTray(this IServiceCollection services, IConfiguration config, DatabaseOptions db)
    {
        services.AddServiceTrayStorage(db);
        services.TryAddSingleton(TimeProvider.System);
        var settings = ServiceTraySettings.From(config);
        services.AddSingleton(settings);
        services.AddSingleton<TraySearch>();
        services.AddScoped<TrayImporter>();
        services.AddSingleton<Tilannekuva.Storage.Jobs.IScheduledJob, PtvRefreshJob>();
        services.AddSingleton(new Referrals.ReferralMail(Path.Combine(DataFolder(config, db), "mail")));
        services.AddSingleton<Usage.UsageCounter>();
        services.AddSingleton<Tilannekuva.Storage.Jobs.IScheduledJob, Usage.UsageFlushJob>();
        services.AddScoped<Referrals.Referrals>();
        services.AddScoped<Collections.Collections>();
        services.AddScoped<Usage.ITrayIndicators, Usage.TrayIndicators>();
        return services;
    }

    /// <summary>Where the module writes files (the development e-mail outbox): "ServiceTray:DataFolder", else the SQLite file's folder, else ./data.</summary>
    public static string DataFolder(IConfiguration config, DatabaseOptions db)
    {
        if (config["ServiceTray:DataFolder"] is { Length: > 0 } configured) return configured;
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.ConnectionString).DataSource;
            if (Path.GetDirectoryName(Path.GetFullPath(source)) is { Length: > 0 } folder) return folder;
        }
        return Path.GetFullPath("data");
    }

    /// <summary>Fetches the configured PTV interface and stores it as one snapshot.</summary>
    public static async Task<TrayImportResult> ImportPtvUrlAsync(TrayImporter importer, HttpClient http, string url, string? query, IProgress<string>? progress, CancellationToken ct)
    {
        var documents = await new PtvClient(http, url, query).FetchAsync(progress, ct);
        return await importer.StoreAsync(PtvImport.Read(documents, url), ct);
    }
}

/// <summary>
/// The scheduled PTV import (job "servicetray-ptv" on the app's scheduler): every IntervalHours when ServiceTray:Ptv:Url is set,
/// the first turn a minute after it is first scheduled. A failure (unreachable interface, refused data) fails the run, which
/// the scheduler retries and records; the store keeps the last good snapshot.
/// </summary>
internal sealed class PtvRefreshJob(ServiceTraySettings settings, ILogger<PtvRefreshJob> log) : Tilannekuva.Storage.Jobs.IScheduledJob, Tilannekuva.Storage.Jobs.IFirstRunSoon
{
    public string Name => "servicetray-ptv";

    public TimeSpan Every => settings.PtvUrl is null ? TimeSpan.Zero : TimeSpan.FromHours(settings.IntervalHours);

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        try
        {
            var result = await ServiceTrayModule.ImportPtvUrlAsync(services.GetRequiredService<TrayImporter>(), http, settings.PtvUrl!, settings.PtvQuery, null, ct);
            log.LogInformation("PTV import: {Added} added, {Updated} updated, {Retired} retired, {Restored} restored, {Unchanged} unchanged", result.Added, result.Updated, result.Retired, result.Restored, result.Unchanged);
        }
        catch (TrayImportException e)
        {
            log.LogWarning("PTV import refused: {Errors}", string.Join(" | ", e.Errors.Take(20)));
            throw new InvalidOperationException($"PTV import refused: {e.Errors.Count} errors", e);
        }
    }
}

using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tilannekuva.Operations.Audit;

/// <summary>Audit forwarding (configuration "Operations:AuditForwarding:*", TILANNEKUVA_AUDIT_SYSLOG).</summary>
public sealed record AuditForwardingSettings
{
    /// <summary><c>udp://host:514</c> or <c>tcp://host:601</c>; empty: no forwarding.</summary>
    public string? Syslog { get; init; }

    /// <summary>Seconds between looks for new audit rows.</summary>
    public double IntervalSeconds { get; init; } = 5;

    /// <summary>Where the last forwarded id of each table is kept, so a restart neither loses nor repeats rows.</summary>
    public string CursorFile { get; init; } = "data/audit-forward.json";

    public static AuditForwardingSettings From(IConfiguration config)
    {
        var s = config.GetSection("Operations:AuditForwarding").Get<AuditForwardingSettings>() ?? new();
        return s.Syslog is { Length: > 0 } ? s : s with { Syslog = Environment.GetEnvironmentVariable("TILANNEKUVA_AUDIT_SYSLOG") };
    }
}

/// <summary>
/// Sends every new audit row of every module to the county's log management as RFC 5424 syslog. Reads the audit
/// tables (not an in-process hook), so rows written by the CLI or another instance are forwarded too; the cursor
/// moves only after a successful send (at-least-once: a receiver can drop repeats by table and id).
/// </summary>
public sealed class AuditForwarder(IServiceProvider services, IEnumerable<IAuditSource> sources, AuditForwardingSettings settings,
    ILogger<AuditForwarder> log, Telemetry.OpsMetrics? metrics = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Syslog is not { Length: > 0 } target) return;
        var uri = new Uri(target);
        await using var sender = new SyslogSender(uri);
        var cursor = ReadCursor();
        var host = Environment.MachineName;
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var source in sources)
                {
                    while (true)
                    {
                        await using var scope = services.CreateAsyncScope();
                        var rows = await source.ReadAfterAsync(scope.ServiceProvider, cursor.GetValueOrDefault(source.Table), 500, stoppingToken);
                        if (rows.Count == 0) break;
                        await sender.SendAsync(rows.Select(r => Syslog.Format(r, host)), stoppingToken);
                        cursor[source.Table] = rows[^1].Id;
                        WriteCursor(cursor);
                        metrics?.AuditForwarded.Add(rows.Count);
                    }
                }
                if (failing) log.LogInformation("Audit forwarding to {Target} works again", uri.Host);
                failing = false;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (!failing) log.LogWarning("Audit forwarding to {Target} failed ({Error}); retrying", uri.Host, e.GetType().Name);
                failing = true;
            }
            try { await Task.Delay(TimeSpan.FromSeconds(settings.IntervalSeconds), stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }

    private Dictionary<string, long> ReadCursor() =>
        File.Exists(settings.CursorFile) ? JsonSerializer.Deserialize<Dictionary<string, long>>(File.ReadAllText(settings.CursorFile)) ?? [] : [];

    private void WriteCursor(Dictionary<string, long> cursor)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(settings.CursorFile));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        var partial = settings.CursorFile + ".partial";
        File.WriteAllText(partial, JsonSerializer.Serialize(cursor));
        File.Move(partial, settings.CursorFile, overwrite: true);
    }
}

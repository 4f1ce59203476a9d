using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Operations.Schema;

namespace Tilannekuva.Operations.Health;

/// <summary>The module contexts whose schema readiness checks (registered by the web app, which knows the modules).</summary>
public sealed record ModuleContextTypes(IReadOnlyList<Type> Types);

/// <summary>Health settings (configuration "Operations:Health:*").</summary>
public sealed record HealthSettings
{
    /// <summary>A recompute pending longer than this means it failed or is stuck: not ready. Shorter: ready, degraded ("figures being updated").</summary>
    public int PendingRecomputeMinutes { get; init; } = 30;
}

/// <summary>The store answers and every module's schema is exactly what this binary expects (nothing pending, nothing newer).</summary>
public sealed class DatabaseSchemaCheck(IServiceProvider services, ModuleContextTypes modules) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var data = new Dictionary<string, object>();
        foreach (var type in modules.Types)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(type);
            if (!await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Unhealthy("database unreachable");
            var schema = await SchemaGuard.InspectAsync(db, ct);
            if (schema.IsNewerThanBinary) return HealthCheckResult.Unhealthy($"{type.Name}: schema newer than this binary");
            if (schema.Pending.Count > 0) return HealthCheckResult.Unhealthy($"{type.Name}: {schema.Pending.Count} migrations pending");
            data[type.Name] = schema.Applied.LastOrDefault() ?? "";
        }
        return HealthCheckResult.Healthy("database reachable, migrations current", data);
    }
}

/// <summary>
/// No failed or stuck recompute: the Indicators module keeps the windows an import made out of date until a
/// recompute covering them commits (table recompute_pending). A fresh one is normal (degraded: the pages say the
/// figures are being updated); one older than <see cref="HealthSettings.PendingRecomputeMinutes"/> means the
/// recompute failed or never ran.
/// </summary>
public sealed class RecomputeCheck(IServiceProvider services, HealthSettings settings, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IndicatorsDbContext>();
        var pending = await db.PendingRecomputes.AsNoTracking().CountAsync(ct);
        if (pending == 0) return HealthCheckResult.Healthy("no recompute pending");
        var since = await Tilannekuva.Indicators.Computation.RecomputeState.PendingSinceAsync(db, ct);
        // Since is local wall-clock time (DateTime.Now when the import committed).
        var age = clock.GetLocalNow().DateTime - since!.Value;
        var data = new Dictionary<string, object> { ["pendingWindows"] = pending, ["pendingMinutes"] = Math.Round(age.TotalMinutes, 1) };
        return age > TimeSpan.FromMinutes(settings.PendingRecomputeMinutes)
            ? HealthCheckResult.Unhealthy($"recompute pending for {age.TotalMinutes:0} min (failed or stuck)", data: data)
            : HealthCheckResult.Degraded("recompute pending (figures being updated)", data: data);
    }
}

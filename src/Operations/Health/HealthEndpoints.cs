using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tilannekuva.Operations.Health;

/// <summary>
/// /health/live: the process answers (no checks; a container orchestrator restarts it when this fails).
/// /health/ready: the store answers, its schema is current and no recompute failed — 200 when healthy or degraded,
/// 503 when not. Both anonymous, both JSON with each check's status and description (no data values, no secrets).
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddTilannekuvaHealth(this IServiceCollection services, IReadOnlyList<Type> moduleContexts, HealthSettings settings)
    {
        services.AddSingleton(new ModuleContextTypes(moduleContexts));
        services.AddSingleton(settings);
        services.AddHealthChecks()
            .AddCheck<DatabaseSchemaCheck>("database", tags: [ReadyTag])
            .AddCheck<RecomputeCheck>("recompute", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapTilannekuvaHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data.Count == 0 ? null : e.Value.Data,
                // The exception's type only: its message could carry a connection string's host or a value.
                error = e.Value.Exception?.GetType().Name,
            }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Tilannekuva.Operations.Telemetry;

/// <summary>
/// Logs, traces and metrics (docs/operations.md). Logs: JSON lines on the console with the request's scope (request id,
/// trace id) when TILANNEKUVA_LOG_FORMAT=json (or Logging:Format=json); otherwise the plain console. Traces and
/// metrics: OpenTelemetry, exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (logs too), and metrics on a
/// Prometheus scrape endpoint /metrics (Operations:Metrics:Prometheus, default on).
/// </summary>
public static class TelemetrySetup
{
    public static void AddTilannekuvaTelemetry(this WebApplicationBuilder builder, Func<string, string> redactPath)
    {
        var config = builder.Configuration;
        var format = config["Logging:Format"] ?? Environment.GetEnvironmentVariable("TILANNEKUVA_LOG_FORMAT");
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.ClearProviders();
            // ASP.NET Core's own request scope carries the whole path (signed feedback links travel in it), and it is
            // only opened when this category logs: closed here. The app opens its own scope (RequestId, TraceId, SpanId).
            builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true; // RequestId, TraceId, SpanId of the request the line belongs to
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
                o.UseUtcTimestamp = true;
                o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
            });
        }
        var otlp = !string.IsNullOrEmpty(config["OTEL_EXPORTER_OTLP_ENDPOINT"] ?? Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));
        var prometheus = config.GetValue("Operations:Metrics:Prometheus", true);
        builder.Services.AddSingleton<OpsMetrics>();
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("tilannekuva", serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString()))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddMeter("Tilannekuva.*");
                if (prometheus) m.AddPrometheusExporter();
                if (otlp) m.AddOtlpExporter();
            })
            .WithTracing(t =>
            {
                // Health probes and scrapes would be most of the traces; the query string is never recorded (tokens).
                t.AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = http => !http.Request.Path.StartsWithSegments("/health") && !http.Request.Path.StartsWithSegments("/metrics");
                    // Signed feedback links travel in the path: the span keeps the route template and a redacted path.
                    o.EnrichWithHttpRequest = (activity, request) => activity.SetTag("url.path", redactPath(request.Path.Value ?? ""));
                });
                if (otlp) t.AddOtlpExporter();
            });
        if (otlp) otel.WithLogging(l => l.AddOtlpExporter());
    }

    /// <summary>/metrics for Prometheus (anonymous, like the health probes: put it behind the proxy's allow-list, docs/operations.md).</summary>
    public static void MapTilannekuvaMetrics(this WebApplication app)
    {
        // Creates the operations meter (its pending-windows gauge) with the app, not on first use.
        app.Services.GetRequiredService<OpsMetrics>();
        if (app.Configuration.GetValue("Operations:Metrics:Prometheus", true))
            app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
    }
}

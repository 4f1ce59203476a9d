using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.Operations.Telemetry;

/// <summary>
/// The operations metrics (meter Tilannekuva.Operations): job runs by job and outcome, backups, audit rows forwarded,
/// and the recompute windows pending now (read from the store when scraped). The modules' own meters are
/// Tilannekuva.Indicators (imports, recompute duration), Tilannekuva.Feedback (submissions), Tilannekuva.Boards (refreshes).
/// </summary>
public sealed class OpsMetrics : IDisposable
{
    public const string MeterName = "Tilannekuva.Operations";
    private readonly Meter _meter = new(MeterName);

    public OpsMetrics(IServiceProvider services)
    {
        JobRuns = _meter.CreateCounter<long>("tilannekuva.job.runs", description: "Scheduled job runs by job and outcome");
        JobSeconds = _meter.CreateHistogram<double>("tilannekuva.job.duration", unit: "s", description: "Scheduled job duration");
        AuditForwarded = _meter.CreateCounter<long>("tilannekuva.audit.forwarded", description: "Audit rows sent to log management");
        _meter.CreateObservableGauge("tilannekuva.recompute.pending", () => PendingWindows(services), description: "Indicator recompute windows waiting (figures being updated)");
    }

    public Counter<long> JobRuns { get; }
    public Histogram<double> JobSeconds { get; }
    public Counter<long> AuditForwarded { get; }

    private static long PendingWindows(IServiceProvider services)
    {
        try
        {
            using var scope = services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<IndicatorsDbContext>().PendingRecomputes.LongCount();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return -1; // the store does not answer: /health/ready says so
        }
    }

    public void Dispose() => _meter.Dispose();
}

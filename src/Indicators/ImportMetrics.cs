using System.Diagnostics.Metrics;

namespace Tilannekuva.Indicators;

/// <summary>
/// The module's metrics (meter Tilannekuva.Indicators; exported by the web app's OpenTelemetry set-up, docs/operations.md):
/// rows stored and rejected per import kind, recompute durations.
/// </summary>
public static class ImportMetrics
{
    public static readonly Meter Meter = new("Tilannekuva.Indicators");

    public static readonly Counter<long> Rows = Meter.CreateCounter<long>("tilannekuva.import.rows", description: "Rows stored or updated by imports");

    public static readonly Counter<long> Rejects = Meter.CreateCounter<long>("tilannekuva.import.rejects", description: "Rows rejected by imports");

    public static readonly Histogram<double> RecomputeSeconds = Meter.CreateHistogram<double>("tilannekuva.recompute.duration", unit: "s", description: "Indicator recompute duration");
}

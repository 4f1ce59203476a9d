using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tilannekuva.Guidance;

/// <summary>
/// Where a chat message's time goes on the server (meter "Tilannekuva.Guidance", exported with the other Tilannekuva.* meters):
/// checking the sender (conversation and team membership), storing (until committed) and sending to the other side.
/// `bench chat` listens to these to say where delivery time goes.
/// </summary>
public static class ChatMetrics
{
    public const string MeterName = "Tilannekuva.Guidance";
    public static readonly Meter Meter = new(MeterName);

    public static readonly Histogram<double> Check = Meter.CreateHistogram<double>("tilannekuva.chat.check", unit: "ms", description: "Chat message: sender's conversation and membership checked");
    public static readonly Histogram<double> Store = Meter.CreateHistogram<double>("tilannekuva.chat.store", unit: "ms", description: "Chat message: stored (committed)");
    public static readonly Histogram<double> Broadcast = Meter.CreateHistogram<double>("tilannekuva.chat.broadcast", unit: "ms", description: "Chat message: handed to the other side's connections");

    public static readonly Histogram<double> Commit = Meter.CreateHistogram<double>("tilannekuva.chat.writer.commit", unit: "ms", description: "Message writer: one batch written and committed");
    public static readonly Histogram<int> Batch = Meter.CreateHistogram<int>("tilannekuva.chat.writer.batch", unit: "{message}", description: "Message writer: messages per transaction");

    /// <summary>Milliseconds since <paramref name="start"/> (a <see cref="Stopwatch.GetTimestamp"/>), recorded in <paramref name="h"/>.</summary>
    public static long Lap(Histogram<double> h, long start)
    {
        var now = Stopwatch.GetTimestamp();
        if (h.Enabled) h.Record(Stopwatch.GetElapsedTime(start, now).TotalMilliseconds);
        return now;
    }
}

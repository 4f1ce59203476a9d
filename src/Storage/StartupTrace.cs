using System.Diagnostics;

namespace Tilannekuva.Storage;

/// <summary>
/// Where a command's start-up goes (issue #20): with TILANNEKUVA_STARTUP_TRACE=1 each <see cref="Mark"/> writes
/// the wall time since the process started and the process's CPU time so far to standard error. Off, a mark
/// costs one static field read.
/// </summary>
public static class StartupTrace
{
    public const string Variable = "TILANNEKUVA_STARTUP_TRACE";

    private static readonly bool On = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } v && v != "0";

    public static void Mark(string step)
    {
        if (!On) return;
        using var p = Process.GetCurrentProcess();
        var wall = DateTime.Now - p.StartTime;
        Console.Error.WriteLine($"[start-up] {wall.TotalSeconds,6:0.000} s wall {p.TotalProcessorTime.TotalSeconds,6:0.000} s cpu  {step}");
    }
}

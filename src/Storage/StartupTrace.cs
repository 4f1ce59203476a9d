using System.Diagnostics;

namespace Tilannekuva.Storage;

/// <summary>
/// Where a command's start-up goes (issue #20): with TILANNEKUVA_STARTUP_TRACE=1 each <see cref="Mark"/> writes
/// the wall time since the process started and the process's CPU time so far to standard error. Off, a mark
/// costs one static field read. Each line also gives the JIT's share so far (methods compiled at run time and the
/// time spent compiling them: what ReadyToRun did not cover, e.g. EF's compiled query shapers) and the number of
/// garbage collections.
/// </summary>
public static class StartupTrace
{
    public const string Variable = "TILANNEKUVA_STARTUP_TRACE";

    private static readonly bool On = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } v && v != "0";

    /// <summary>True when marks are written (for a mark whose text costs something to make).</summary>
    public static bool Enabled => On;

    public static void Mark(string step)
    {
        if (!On) return;
        using var p = Process.GetCurrentProcess();
        var wall = DateTime.Now - p.StartTime;
        var jit = System.Runtime.JitInfo.GetCompilationTime(currentThread: false);
        Console.Error.WriteLine($"[start-up] {wall.TotalSeconds,6:0.000} s wall {p.TotalProcessorTime.TotalSeconds,6:0.000} s cpu "
            + $"{jit.TotalSeconds,6:0.000} s jit ({System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false),5} methods) gc {GC.CollectionCount(0)}  {step}");
    }
}

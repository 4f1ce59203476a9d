using System.Diagnostics;

namespace Tilannekuva.Storage;

/// <summary>
/// Where a command's start-up goes (issue #20): with TILANNEKUVA_STARTUP_TRACE=1 each <see cref="Mark"/> writes
/// the wall time since the process started and the process's CPU time so far to standard error. Off, a mark
/// costs one static field read. Each line also gives the JIT's share so far (methods compiled at run time and the
/// time spent compiling them: what ReadyToRun did not cover, e.g. EF's compiled query shapers) and the number of
/// garbage collections. With TILANNEKUVA_STARTUP_TRACE=jit every method the JIT compiles is written too, between the
/// marks, so one can see which code ReadyToRun did not cover.
/// </summary>
public static class StartupTrace
{
    public const string Variable = "TILANNEKUVA_STARTUP_TRACE";

    private static readonly bool On = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } v && v != "0";

    private static readonly JitListener? Methods = Environment.GetEnvironmentVariable(Variable) == "jit" ? new JitListener() : null;

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

    /// <summary>The runtime's JIT events, read in the process itself (no tracing tool needed on a server).</summary>
    private sealed class JitListener : System.Diagnostics.Tracing.EventListener
    {
        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
        {
            // Keyword 0x10: JIT; verbose level carries the method's names.
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
                EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x10);
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
        {
            if (e.EventName != "MethodJittingStarted_V1" || e.Payload is not { Count: > 5 } p) return;
            Console.Error.WriteLine($"[jit] {p[4]}::{p[5]} ({p[3]} bytes IL)");
        }
    }
}

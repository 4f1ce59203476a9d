namespace Tilannekuva.Storage.Jobs;

/// <summary>
/// A module's job on the app's one timetable (Operations' scheduler runs it: cross-instance lock, retries, metrics,
/// the admin jobs page). Register it in DI as <c>services.AddSingleton&lt;IScheduledJob, MyJob&gt;()</c>; it lives
/// here, not in Operations, so that any module can offer a job without depending on the host.
/// </summary>
public interface IScheduledJob
{
    /// <summary>Stable key: the lock, the metric label and the row on the jobs page.</summary>
    string Name { get; }

    /// <summary>Time between runs; <see cref="TimeSpan.Zero"/> turns the job off (for example when not configured).</summary>
    TimeSpan Every { get; }

    /// <summary>One run, with services from a fresh scope.</summary>
    Task RunAsync(IServiceProvider services, CancellationToken ct);
}

using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using Tilannekuva.Storage.Jobs;

namespace Tilannekuva.Operations.Jobs;

/// <summary>
/// The one Quartz job class: runs the <see cref="IScheduledJob"/> its key names, with services from a fresh scope.
/// A failing run is retried with growing waits (Operations:Jobs:Attempts, RetrySeconds, doubled each time); every run
/// is recorded in job_run and counted in tilannekuva.job.runs. Never two at once per job: Quartz holds the job's other
/// firings back while one runs, across the cluster on PostgreSQL.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class TimetableJob(IServiceProvider services, JobSettings settings, JobHistory history, Telemetry.OpsMetrics metrics,
    ILogger<TimetableJob> log, TimeProvider clock) : IJob
{
    /// <summary>Job data key of a firing's origin ("manual" for run now).</summary>
    public const string TriggerKind = "trigger";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var name = context.JobDetail.Key.Name;
        var job = services.GetServices<IScheduledJob>().FirstOrDefault(j => j.Name == name);
        var kind = context.MergedJobDataMap.TryGetValue(TriggerKind, out var k) && k is string s ? s : context.Recovering ? "recovery" : "schedule";
        var started = clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        var (outcome, attempts, error) = job is null
            ? (JobHistory.Failed, 0, "Unknown job (no IScheduledJob of this name in this instance)")
            : await RunWithRetriesAsync(job, cancellationToken);
        metrics.JobRuns.Add(1, new("job", name), new("outcome", outcome));
        metrics.JobSeconds.Record(watch.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("job", name));
        await history.RecordAsync(name, started, clock.GetUtcNow(), outcome, attempts, kind, context.Scheduler.SchedulerInstanceId, error, CancellationToken.None);
        if (outcome == JobHistory.Failed) log.LogWarning("Job {Job} failed after {Attempts} attempts: {Error}", name, attempts, error);
    }

    internal async Task<(string Outcome, int Attempts, string? Error)> RunWithRetriesAsync(IScheduledJob job, CancellationToken ct)
    {
        var max = Math.Max(1, settings.Attempts);
        string? error = null;
        for (var attempt = 1; attempt <= max; attempt++)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                await job.RunAsync(scope.ServiceProvider, ct);
                return (JobHistory.Ok, attempt, null);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                error = JobHistory.Describe(e);
                log.LogWarning("Job {Job} attempt {Attempt} failed: {Error}", job.Name, attempt, error);
                if (attempt < max) await Task.Delay(TimeSpan.FromSeconds(settings.RetrySeconds * Math.Pow(2, attempt - 1)), clock, ct);
            }
        }
        return (JobHistory.Failed, max, error);
    }
}

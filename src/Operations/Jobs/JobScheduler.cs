using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using Tilannekuva.Storage;
using Tilannekuva.Storage.Jobs;

namespace Tilannekuva.Operations.Jobs;

/// <summary>A job as the admin page and the API show it.</summary>
public sealed record JobView(string Name, TimeSpan Every, DateTimeOffset? NextRun, DateTimeOffset? LastRun, string? LastOutcome,
    string? LastError, int Failures, int FailuresInRow, bool Paused);

/// <summary>
/// Starts and stops the Quartz scheduler with the app, and puts every DI-registered <see cref="IScheduledJob"/> on it:
/// a durable job per name (group "tilannekuva") with a simple trigger repeating every <see cref="IScheduledJob.Every"/>.
/// A trigger already in the store with the same interval is kept, so a restart keeps the timetable (and a paused job
/// stays paused); a job turned off (Every zero) or no longer registered is deleted from the store. A turn missed while
/// no instance ran (misfire) fires once when the scheduler is back, then the timetable continues.
/// </summary>
public sealed class JobScheduler(ISchedulerFactory factory, IServiceProvider services, DatabaseOptions db, JobSettings settings,
    ILogger<JobScheduler> log, TimeProvider clock) : IHostedService
{
    public const string Group = "tilannekuva";
    private IScheduler? _scheduler;

    /// <summary>True once the scheduler runs in this instance.</summary>
    public bool Started => _scheduler is not null && !_stopped;
    private bool _stopped;

    public IEnumerable<IScheduledJob> Jobs => services.GetServices<IScheduledJob>().Where(j => j.Every > TimeSpan.Zero).DistinctBy(j => j.Name);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.Enabled) { log.LogInformation("Scheduler off in this instance (Operations:Jobs:Enabled=false)"); return; }
        if (!await JobSchema.ExistsAsync(db, cancellationToken))
        {
            log.LogWarning("Scheduler not started: the job store tables are missing (run `migrate`)");
            return;
        }
        var scheduler = await factory.GetScheduler(cancellationToken);
        await SyncAsync(scheduler, cancellationToken);
        await scheduler.Start(cancellationToken);
        _scheduler = scheduler;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is { } s && !_stopped)
        {
            _stopped = true;
            await s.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }

    private async Task SyncAsync(IScheduler scheduler, CancellationToken ct)
    {
        var wanted = Jobs.ToDictionary(j => j.Name);
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(Group), ct))
            if (!wanted.ContainsKey(key.Name))
            {
                await scheduler.DeleteJob(key, ct);
                log.LogInformation("Job {Job} removed from the timetable (off or no longer registered)", key.Name);
            }
        foreach (var job in wanted.Values)
        {
            var jobKey = new JobKey(job.Name, Group);
            await scheduler.AddJob(JobBuilder.Create<TimetableJob>().WithIdentity(jobKey).StoreDurably().RequestRecovery().Build(), new AddJobOptions { Replace = true }, ct);
            var triggerKey = new TriggerKey(job.Name, Group);
            if (await scheduler.GetTrigger(triggerKey, ct) is ISimpleTrigger existing && existing.RepeatInterval == job.Every) continue;
            var first = job is IFirstRunSoon ? TimeSpan.FromMinutes(1) : job.Every;
            var trigger = TriggerBuilder.Create(clock).WithIdentity(triggerKey).ForJob(jobKey)
                .StartAt(clock.GetUtcNow() + first)
                .WithSimpleSchedule(s => s.WithInterval(job.Every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount))
                .Build();
            if (await scheduler.Exists(triggerKey, ct)) await scheduler.RescheduleJob(triggerKey, trigger, ct);
            else await scheduler.ScheduleJob(trigger, default, ct);
        }
    }

    private async Task<IScheduler> SchedulerAsync(CancellationToken ct) => _scheduler ?? await factory.GetScheduler(ct);

    /// <summary>Every job of this instance with its timetable (from the store, shared by the cluster) and its run history.</summary>
    public async Task<List<JobView>> ListAsync(JobHistory history, CancellationToken ct)
    {
        var summaries = await JobSchema.ExistsAsync(db, ct) ? await history.SummariesAsync(ct) : [];
        var scheduler = Started ? _scheduler : null;
        var views = new List<JobView>();
        foreach (var job in Jobs.OrderBy(j => j.Name, StringComparer.Ordinal))
        {
            var key = new TriggerKey(job.Name, Group);
            var trigger = scheduler is null ? null : await scheduler.GetTrigger(key, ct);
            var paused = scheduler is not null && await scheduler.GetTriggerState(key, ct) == TriggerState.Paused;
            var s = summaries.GetValueOrDefault(job.Name);
            views.Add(new JobView(job.Name, job.Every, paused ? null : trigger?.NextFireTimeUtc, s?.Last?.Finished, s?.Last?.Outcome, s?.Last?.Error,
                s?.Failures ?? 0, s?.FailuresInRow ?? 0, paused));
        }
        return views;
    }

    /// <summary>Fires the job now (held back until a run in progress anywhere in the cluster ends). False for an unknown job or a stopped scheduler.</summary>
    public async Task<bool> RunNowAsync(string name, CancellationToken ct)
    {
        if (!Started || !Jobs.Any(j => j.Name == name)) return false;
        var data = new JobDataMap { [TimetableJob.TriggerKind] = "manual" };
        await (await SchedulerAsync(ct)).TriggerJob(new JobKey(name, Group), data, ct);
        return true;
    }

    public async Task<bool> PauseAsync(string name, CancellationToken ct)
    {
        if (!Started || !Jobs.Any(j => j.Name == name)) return false;
        await (await SchedulerAsync(ct)).PauseJob(new JobKey(name, Group), ct);
        return true;
    }

    public async Task<bool> ResumeAsync(string name, CancellationToken ct)
    {
        if (!Started || !Jobs.Any(j => j.Name == name)) return false;
        await (await SchedulerAsync(ct)).ResumeJob(new JobKey(name, Group), ct);
        return true;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Operations.Jobs;
using Tilannekuva.Storage.Jobs;

namespace Tilannekuva.Operations.Tests;

/// <summary>
/// The scheduler (Quartz.NET over the app's database): a job registered as <see cref="IScheduledJob"/> runs and is
/// recorded, a failing one is retried and recorded, the timetable is kept in the store across a restart, and two
/// instances on one PostgreSQL database never run the same job at once.
/// </summary>
public sealed class JobTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    /// <summary>A test job: counts runs and the most runs at once (the same object in every host of a test).</summary>
    private sealed class ProbeJob(string name, TimeSpan every, Func<int, Task>? body = null) : IScheduledJob
    {
        private int _running;
        public int Runs;
        public int MostAtOnce;

        public string Name => name;
        public TimeSpan Every => every;

        public async Task RunAsync(IServiceProvider services, CancellationToken ct)
        {
            var now = Interlocked.Increment(ref _running);
            lock (this) MostAtOnce = Math.Max(MostAtOnce, now);
            try
            {
                var run = Interlocked.Increment(ref Runs);
                if (body is not null) await body(run);
            }
            finally { Interlocked.Decrement(ref _running); }
        }
    }

    private static async Task<List<JobRun>> WaitForRunsAsync(OpsApp app, string job, int count, TimeSpan within)
    {
        var history = app.Services.GetRequiredService<JobHistory>();
        var until = DateTime.UtcNow + within;
        while (true)
        {
            var runs = await history.RecentAsync(job, 100, CancellationToken.None);
            if (runs.Count >= count || DateTime.UtcNow > until) return runs;
            await Task.Delay(200);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_job_registered_as_IScheduledJob_runs_on_its_timetable_and_is_recorded(string provider)
    {
        await using var store = await Store.CreateAsync(provider);
        var probe = new ProbeJob("probe", TimeSpan.FromSeconds(1));
        await using var app = await OpsApp.StartAsync(store.Options, s => s.AddSingleton<IScheduledJob>(probe));
        var runs = await WaitForRunsAsync(app, "probe", 2, TimeSpan.FromSeconds(30));
        Assert.True(runs.Count >= 2, $"{runs.Count} runs recorded");
        Assert.All(runs, r => Assert.Equal((JobHistory.Ok, 1, "schedule"), (r.Outcome, r.Attempts, r.Trigger)));
        var view = Assert.Single(await app.Services.GetRequiredService<JobScheduler>().ListAsync(app.Services.GetRequiredService<JobHistory>(), CancellationToken.None), v => v.Name == "probe");
        Assert.Equal(JobHistory.Ok, view.LastOutcome);
        Assert.NotNull(view.NextRun);
        // The app's own jobs are on the same timetable.
        Assert.Contains(await app.Services.GetRequiredService<JobScheduler>().ListAsync(app.Services.GetRequiredService<JobHistory>(), CancellationToken.None), v => v.Name == "recompute");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_failing_run_is_retried_and_a_run_that_keeps_failing_is_recorded_as_failed_without_personal_data(string provider)
    {
        await using var store = await Store.CreateAsync(provider);
        var flaky = new ProbeJob("flaky", TimeSpan.FromHours(1), run => run < 3 ? throw new IOException("disk busy") : Task.CompletedTask);
        var broken = new ProbeJob("broken", TimeSpan.FromHours(1), _ => throw new IOException("gateway refused +358 40 1234567 for someone@example.org"));
        await using var app = await OpsApp.StartAsync(store.Options, s => { s.AddSingleton<IScheduledJob>(flaky); s.AddSingleton<IScheduledJob>(broken); },
            true, false, "--Operations:Jobs:Attempts=3", "--Operations:Jobs:RetrySeconds=0.05");
        var jobs = app.Services.GetRequiredService<JobScheduler>();
        Assert.True(await jobs.RunNowAsync("flaky", CancellationToken.None));
        Assert.True(await jobs.RunNowAsync("broken", CancellationToken.None));
        var ok = Assert.Single(await WaitForRunsAsync(app, "flaky", 1, TimeSpan.FromSeconds(30)));
        Assert.Equal((JobHistory.Ok, 3, "manual"), (ok.Outcome, ok.Attempts, ok.Trigger));
        var failed = Assert.Single(await WaitForRunsAsync(app, "broken", 1, TimeSpan.FromSeconds(30)));
        Assert.Equal((JobHistory.Failed, 3), (failed.Outcome, failed.Attempts));
        Assert.StartsWith("IOException: gateway refused", failed.Error);
        Assert.DoesNotContain("1234567", failed.Error);
        Assert.DoesNotContain("someone", failed.Error);
        var view = Assert.Single(await jobs.ListAsync(app.Services.GetRequiredService<JobHistory>(), CancellationToken.None), v => v.Name == "broken");
        Assert.Equal((JobHistory.Failed, 1, 1), (view.LastOutcome, view.Failures, view.FailuresInRow));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_timetable_and_a_pause_survive_a_restart_of_the_host(string provider)
    {
        await using var store = await Store.CreateAsync(provider);
        var hourly = new ProbeJob("hourly", TimeSpan.FromHours(1));
        var daily = new ProbeJob("daily", TimeSpan.FromDays(1));
        DateTimeOffset? next;
        await using (var first = await OpsApp.StartAsync(store.Options, s => { s.AddSingleton<IScheduledJob>(hourly); s.AddSingleton<IScheduledJob>(daily); }))
        {
            var jobs = first.Services.GetRequiredService<JobScheduler>();
            next = Assert.Single(await jobs.ListAsync(first.Services.GetRequiredService<JobHistory>(), CancellationToken.None), v => v.Name == "hourly").NextRun;
            Assert.NotNull(next);
            Assert.True(await jobs.PauseAsync("daily", CancellationToken.None));
        }
        await Task.Delay(1500); // a restart later: a fresh timetable would now start later than the stored one
        await using var second = await OpsApp.StartAsync(store.Options, s => { s.AddSingleton<IScheduledJob>(hourly); s.AddSingleton<IScheduledJob>(daily); }, migrate: false);
        var views = await second.Services.GetRequiredService<JobScheduler>().ListAsync(second.Services.GetRequiredService<JobHistory>(), CancellationToken.None);
        Assert.Equal(next, Assert.Single(views, v => v.Name == "hourly").NextRun);
        Assert.True(Assert.Single(views, v => v.Name == "daily").Paused);
        Assert.True(await second.Services.GetRequiredService<JobScheduler>().ResumeAsync("daily", CancellationToken.None));
        Assert.False(Assert.Single(await second.Services.GetRequiredService<JobScheduler>().ListAsync(second.Services.GetRequiredService<JobHistory>(), CancellationToken.None), v => v.Name == "daily").Paused);
    }

    [Fact]
    public async Task Two_schedulers_on_one_PostgreSQL_database_never_run_the_same_job_at_once()
    {
        await using var store = await Store.CreateAsync("postgres");
        // Runs take longer than the interval, and both hosts also press "run now": only the cluster's lock keeps them apart.
        var slow = new ProbeJob("slow", TimeSpan.FromSeconds(1), _ => Task.Delay(700));
        await using var one = await OpsApp.StartAsync(store.Options, s => s.AddSingleton<IScheduledJob>(slow));
        await using var two = await OpsApp.StartAsync(store.Options, s => s.AddSingleton<IScheduledJob>(slow), migrate: false);
        for (var i = 0; i < 3; i++)
        {
            await one.Services.GetRequiredService<JobScheduler>().RunNowAsync("slow", CancellationToken.None);
            await two.Services.GetRequiredService<JobScheduler>().RunNowAsync("slow", CancellationToken.None);
        }
        var runs = await WaitForRunsAsync(one, "slow", 8, TimeSpan.FromSeconds(60));
        Assert.True(runs.Count >= 8, $"{runs.Count} runs");
        Assert.Equal(1, slow.MostAtOnce);
        // The recorded runs do not overlap either, whichever instance ran them.
        var ordered = runs.OrderBy(r => r.Started).ToList();
        for (var i = 1; i < ordered.Count; i++) Assert.True(ordered[i].Started >= ordered[i - 1].Finished, $"run {ordered[i].Id} started before {ordered[i - 1].Id} finished");
    }
}

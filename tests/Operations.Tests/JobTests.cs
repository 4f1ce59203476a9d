using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Operations.Jobs;

namespace Tilannekuva.Operations.Tests;

/// <summary>Scheduled jobs never run twice at once (across instances: the lock is in the database or beside the file) and retry a failing run.</summary>
public sealed class JobTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_job_running_in_one_instance_is_skipped_by_another(string provider)
    {
        await using var store = await Store.CreateAsync(provider);
        await using var one = await OpsApp.StartAsync(store.Options);
        await using var two = await OpsApp.StartAsync(store.Options, migrate: false);
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var first = one.Services.GetRequiredService<ScheduledJobs>().RunOnceAsync("backup", async ct => { started.SetResult(); await release.Task; }, CancellationToken.None);
        await started.Task;
        var ran = false;
        Assert.Equal("skipped", await two.Services.GetRequiredService<ScheduledJobs>().RunOnceAsync("backup", _ => { ran = true; return Task.CompletedTask; }, CancellationToken.None));
        Assert.False(ran);
        release.SetResult();
        Assert.Equal("ok", await first);
        // Free again: the other instance takes its next turn.
        Assert.Equal("ok", await two.Services.GetRequiredService<ScheduledJobs>().RunOnceAsync("backup", _ => { ran = true; return Task.CompletedTask; }, CancellationToken.None));
        Assert.True(ran);
    }

    [Fact]
    public async Task A_failing_run_is_retried_and_a_run_that_keeps_failing_is_counted_as_failed()
    {
        await using var store = await Store.CreateAsync("sqlite");
        await using var app = await OpsApp.StartAsync(store.Options, migrate: true, feedbackDemo: false, "--Operations:Jobs:Attempts=3", "--Operations:Jobs:RetrySeconds=0.05");
        var jobs = app.Services.GetRequiredService<ScheduledJobs>();
        var tries = 0;
        Assert.Equal("ok", await jobs.RunOnceAsync("flaky", _ => ++tries < 3 ? throw new IOException("disk busy") : Task.CompletedTask, CancellationToken.None));
        Assert.Equal(3, tries);
        Assert.Equal("failed", await jobs.RunOnceAsync("broken", _ => throw new IOException("disk full"), CancellationToken.None));
        var state = Assert.Single(jobs.States, s => s.Job == "broken");
        Assert.Equal(("failed", 1), (state.LastOutcome, state.Failures));
    }
}

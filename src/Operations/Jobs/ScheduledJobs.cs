using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tilannekuva.Indicators;
using Tilannekuva.Operations.Backups;
using Tilannekuva.Storage;
using Tilannekuva.Storage.Jobs;

namespace Tilannekuva.Operations.Jobs;

/// <summary>Timetable of the app's own jobs (configuration "Operations:Jobs:*").</summary>
public sealed record JobSettings
{
    /// <summary>Minutes between looks for recompute windows an import left pending (a failed recompute is retried so).</summary>
    public double RecomputeMinutes { get; init; } = 5;

    /// <summary>Attempts of a failing run before it waits for its next turn (waits of RetrySeconds, doubled each time).</summary>
    public int Attempts { get; init; } = 3;

    /// <summary>Seconds before the first retry; doubled for each further one.</summary>
    public double RetrySeconds { get; init; } = 10;
}

/// <summary>What a job did last (in memory, for logs and tests; the metrics carry the history).</summary>
public sealed record JobState(string Job, DateTimeOffset? LastRun, DateTimeOffset? NextRun, string? LastOutcome, int Failures);

/// <summary>
/// The app's timetable: scheduled backups with retention (Operations:Backup:IntervalHours / Keep) and the recompute
/// of pending indicator windows. A run that fails is retried with growing waits; every run is counted in the metric
/// tilannekuva.job.runs (job, outcome). Across instances a job runs once at a time: on PostgreSQL under a session
/// advisory lock per job (another instance skips its turn), on SQLite under an exclusive lock file beside the store.
/// </summary>
public sealed class ScheduledJobs(IServiceProvider services, DatabaseOptions db, BackupSettings backup, JobSettings settings,
    Telemetry.OpsMetrics metrics, ILogger<ScheduledJobs> log, TimeProvider clock) : BackgroundService
{
    private readonly Dictionary<string, JobState> _state = [];

    public IReadOnlyCollection<JobState> States { get { lock (_state) return [.. _state.Values]; } }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = new List<Task> { LoopAsync("recompute", TimeSpan.FromMinutes(settings.RecomputeMinutes), RecomputeAsync, stoppingToken) };
        if (backup.IntervalHours > 0)
            loops.Add(LoopAsync("backup", TimeSpan.FromHours(backup.IntervalHours), BackupAsync, stoppingToken));
        foreach (var job in services.GetServices<IScheduledJob>().Where(j => j.Every > TimeSpan.Zero))
            loops.Add(LoopAsync(job.Name, job.Every, ct => RunModuleJobAsync(job, ct), stoppingToken));
        return Task.WhenAll(loops);
    }

    private async Task RunModuleJobAsync(IScheduledJob job, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        await job.RunAsync(scope.ServiceProvider, ct);
    }

    private async Task RecomputeAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IndicatorsService>().CompletePendingAsync(ct);
    }

    private async Task BackupAsync(CancellationToken ct)
    {
        var result = await Backups.Backups.BackupAsync(db, backup.Folder, backup, ct);
        var pruned = Backups.Backups.Prune(backup.Folder, backup.Keep);
        log.LogInformation("Backup {File} ({Seconds:0.0} s); {Pruned} old backups deleted", Path.GetFileName(result.File), result.Duration.TotalSeconds, pruned.Count);
    }

    private async Task LoopAsync(string job, TimeSpan every, Func<CancellationToken, Task> run, CancellationToken ct)
    {
        var next = clock.GetUtcNow() + every;
        Set(job, null, next, null, 0);
        while (!ct.IsCancellationRequested)
        {
            try { await Task.Delay(next - clock.GetUtcNow() is { } d && d > TimeSpan.Zero ? d : TimeSpan.Zero, clock, ct); }
            catch (OperationCanceledException) { return; }
            await RunOnceAsync(job, run, ct);
            next = clock.GetUtcNow() + every;
            lock (_state) _state[job] = _state[job] with { NextRun = next };
        }
    }

    /// <summary>One turn of a job: under the cross-instance lock, with retries. Returns the outcome (ok, failed, skipped).</summary>
    public async Task<string> RunOnceAsync(string job, Func<CancellationToken, Task> run, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        string outcome;
        await using (var held = await JobLock.TryTakeAsync(db, job, ct))
        {
            if (held is null) outcome = "skipped";
            else
            {
                outcome = "failed";
                for (var attempt = 1; attempt <= Math.Max(1, settings.Attempts); attempt++)
                {
                    try
                    {
                        await run(ct);
                        outcome = "ok";
                        break;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        log.LogWarning("Job {Job} attempt {Attempt} failed: {Error}", job, attempt, e.GetType().Name + ": " + e.Message.Split('\n')[0]);
                        if (attempt < settings.Attempts) await Task.Delay(TimeSpan.FromSeconds(settings.RetrySeconds * Math.Pow(2, attempt - 1)), clock, ct);
                    }
                }
            }
        }
        metrics.JobRuns.Add(1, new("job", job), new("outcome", outcome));
        metrics.JobSeconds.Record(started.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("job", job));
        lock (_state)
        {
            var s = _state.GetValueOrDefault(job) ?? new JobState(job, null, null, null, 0);
            _state[job] = s with { LastRun = clock.GetUtcNow(), LastOutcome = outcome, Failures = outcome == "failed" ? s.Failures + 1 : s.Failures };
        }
        return outcome;
    }

    private void Set(string job, DateTimeOffset? last, DateTimeOffset? next, string? outcome, int failures)
    {
        lock (_state) _state[job] = new JobState(job, last, next, outcome, failures);
    }
}

/// <summary>A job's lock across instances: a PostgreSQL session advisory lock, or an exclusive lock file beside the SQLite store.</summary>
internal sealed class JobLock : IAsyncDisposable
{
    private readonly NpgsqlConnection? _connection;
    private readonly FileStream? _file;

    private JobLock(NpgsqlConnection? connection, FileStream? file) => (_connection, _file) = (connection, file);

    public static async Task<JobLock?> TryTakeAsync(DatabaseOptions db, string job, CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            // Its own session, not a pooled one: a pooled connection returned to the pool would keep the session's lock.
            var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Pooling = false }.ConnectionString);
            await c.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtext(@k))", c);
            cmd.Parameters.AddWithValue("k", "tilannekuva-job:" + job);
            if (await cmd.ExecuteScalarAsync(ct) is true) return new JobLock(c, null);
            await c.DisposeAsync();
            return null;
        }
        var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.ConnectionString).DataSource;
        var path = Path.GetFullPath(source) + $".{job}.lock";
        try
        {
            return new JobLock(null, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null; // another process holds it
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync(); // closing the (unpooled) session releases the lock
        _file?.Dispose();
    }
}

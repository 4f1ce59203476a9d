namespace Tilannekuva.Operations.Jobs;

/// <summary>The scheduler's settings (configuration "Operations:Jobs:*").</summary>
public sealed record JobSettings
{
    /// <summary>Minutes between looks for recompute windows an import left pending (a failed recompute is retried so).</summary>
    public double RecomputeMinutes { get; init; } = 5;

    /// <summary>Attempts of a failing run before it waits for its next turn (waits of RetrySeconds, doubled each time).</summary>
    public int Attempts { get; init; } = 3;

    /// <summary>Seconds before the first retry; doubled for each further one.</summary>
    public double RetrySeconds { get; init; } = 10;

    /// <summary>Days of run history (table job_run) kept; older rows are deleted as new runs are recorded.</summary>
    public int HistoryDays { get; init; } = 90;

    /// <summary>Seconds between the scheduler's check-ins in a cluster (PostgreSQL); a node silent for longer has its runs recovered by another.</summary>
    public double CheckinSeconds { get; init; } = 15;

    /// <summary>Off turns the scheduler off in this instance (jobs still listed; nothing fires here). Default on.</summary>
    public bool Enabled { get; init; } = true;
}

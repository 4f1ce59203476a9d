using System.Data.Common;
using System.Text.RegularExpressions;
using Tilannekuva.Storage;

namespace Tilannekuva.Operations.Jobs;

/// <summary>One recorded run (table job_run). <see cref="Trigger"/> is "schedule", "manual" or "recovery".</summary>
public sealed record JobRun(long Id, string Job, DateTimeOffset Started, DateTimeOffset Finished, string Outcome, int Attempts, string Trigger, string Instance, string? Error);

/// <summary>Per job: the newest run and how many runs failed (in the kept history) and in a row since the last success.</summary>
public sealed record JobRunSummary(string Job, JobRun? Last, int Failures, int FailuresInRow);

/// <summary>The run history in the store (table job_run, created by <see cref="JobSchema"/>): plain ADO, readable by every instance.</summary>
public sealed partial class JobHistory(DatabaseOptions db, JobSettings settings)
{
    public const string Ok = "ok";
    public const string Failed = "failed";

    public async Task RecordAsync(string job, DateTimeOffset started, DateTimeOffset finished, string outcome, int attempts, string trigger, string instance, string? error, CancellationToken ct)
    {
        await using var c = JobSchema.Open(db);
        await c.OpenAsync(ct);
        await using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "INSERT INTO job_run (job, started, finished, outcome, attempts, trigger_kind, instance, error) VALUES (@j, @s, @f, @o, @a, @t, @i, @e)";
            Add(cmd, "j", job);
            Add(cmd, "s", started.ToUnixTimeMilliseconds());
            Add(cmd, "f", finished.ToUnixTimeMilliseconds());
            Add(cmd, "o", outcome);
            Add(cmd, "a", attempts);
            Add(cmd, "t", trigger);
            Add(cmd, "i", instance);
            Add(cmd, "e", error is null ? DBNull.Value : error);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await using (var prune = c.CreateCommand())
        {
            prune.CommandText = "DELETE FROM job_run WHERE job = @j AND started < @before";
            Add(prune, "j", job);
            Add(prune, "before", finished.AddDays(-Math.Max(1, settings.HistoryDays)).ToUnixTimeMilliseconds());
            await prune.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The newest runs, newest first (all jobs, or one).</summary>
    public async Task<List<JobRun>> RecentAsync(string? job, int take, CancellationToken ct)
    {
        await using var c = JobSchema.Open(db);
        await c.OpenAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, job, started, finished, outcome, attempts, trigger_kind, instance, error FROM job_run"
            + (job is null ? "" : " WHERE job = @j") + " ORDER BY started DESC, id DESC LIMIT " + Math.Clamp(take, 1, 10_000);
        if (job is not null) Add(cmd, "j", job);
        var runs = new List<JobRun>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            runs.Add(new JobRun(r.GetInt64(0), r.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)),
                r.GetString(4), r.GetInt32(5), r.GetString(6), r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8)));
        return runs;
    }

    public async Task<Dictionary<string, JobRunSummary>> SummariesAsync(CancellationToken ct)
    {
        var byJob = (await RecentAsync(null, 10_000, ct)).GroupBy(r => r.Job);
        return byJob.ToDictionary(g => g.Key, g => new JobRunSummary(g.Key, g.First(), g.Count(r => r.Outcome == Failed), g.TakeWhile(r => r.Outcome == Failed).Count()));
    }

    /// <summary>
    /// What is kept of an error: the exception's type and the first line of its message, at most 300 characters, with
    /// anything that could name a person masked (e-mail addresses, phone numbers and other runs of digits, URL queries).
    /// </summary>
    public static string Describe(Exception e)
    {
        var message = (e.Message ?? "").Split('\n')[0].Trim();
        message = Email().Replace(message, "[email]");
        message = Query().Replace(message, "?[…]");
        message = Digits().Replace(message, "[number]");
        var text = e.GetType().Name + (message.Length > 0 ? ": " + message : "");
        return text.Length > 300 ? text[..300] : text;
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = "@" + name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    [GeneratedRegex(@"[^\s@]+@[^\s@]+")]
    private static partial Regex Email();

    [GeneratedRegex(@"\?[^\s]*")]
    private static partial Regex Query();

    [GeneratedRegex(@"\+?\d[\d \-]{4,}\d")]
    private static partial Regex Digits();
}

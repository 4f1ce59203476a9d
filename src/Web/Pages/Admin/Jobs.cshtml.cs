using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.Operations.Jobs;
using static Tilannekuva.Web.Pages.T;

namespace Tilannekuva.Web.Pages.Admin;

/// <summary>
/// /admin/jobs (Admin): every scheduled job with its last and next run, last outcome and failures, and run now, pause
/// and resume. Each action is written to the chained account audit ("job:" + name).
/// </summary>
public sealed class JobsModel(JobScheduler scheduler, JobHistory history, Accounts accounts) : PageModel
{
    public List<JobView> Jobs { get; private set; } = [];
    public List<JobRun> Recent { get; private set; } = [];
    public bool SchedulerRunning => scheduler.Started;

    /// <summary>Text key of what the last action did, and the job it named.</summary>
    public (string Key, string Job)? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Jobs = await scheduler.ListAsync(history, ct);
        Recent = await history.RecentAsync(null, 30, ct);
    }

    public Task OnPostRunAsync(string job, CancellationToken ct) =>
        ActAsync(job, scheduler.RunNowAsync, AccountActions.JobRunNow, "Jobs.Started", ct);

    public Task OnPostPauseAsync(string job, CancellationToken ct) =>
        ActAsync(job, scheduler.PauseAsync, AccountActions.JobPaused, "Jobs.PausedDone", ct);

    public Task OnPostResumeAsync(string job, CancellationToken ct) =>
        ActAsync(job, scheduler.ResumeAsync, AccountActions.JobResumed, "Jobs.ResumedDone", ct);

    private async Task ActAsync(string job, Func<string, CancellationToken, Task<bool>> act, string action, string done, CancellationToken ct)
    {
        job = (job ?? "").Trim();
        if (await act(job, ct))
        {
            await accounts.RecordOperationAsync("job:" + job, action, null, ct);
            Message = (done, job);
        }
        else Message = ("Jobs.NotDone", job);
        await OnGetAsync(ct);
    }

    /// <summary>The job's name in the request's language when the code list has one (Jobs.Name.*), else its code.</summary>
    public static string JobName(string job) => Tilannekuva.Localisation.Texts.Has("Jobs.Name." + job) ? L("Jobs.Name." + job) : job;

    public static string When(DateTimeOffset? t) => Tilannekuva.Web.Pages.Comparison.ComparisonPageModel.When(t);

    /// <summary>An interval in whole hours or minutes ("every 24 h", "every 5 min").</summary>
    public static string Every(TimeSpan every) => every.TotalHours >= 1 && every.TotalHours == Math.Floor(every.TotalHours)
        ? L("Jobs.EveryHours", every.TotalHours.ToString("0", System.Globalization.CultureInfo.CurrentUICulture))
        : L("Jobs.EveryMinutes", every.TotalMinutes.ToString("0.#", System.Globalization.CultureInfo.CurrentUICulture));
}

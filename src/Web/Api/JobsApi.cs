using Microsoft.AspNetCore.Http.HttpResults;
using Tilannekuva.Access;
using Tilannekuva.Operations.Jobs;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Api;

/// <summary>Scheduled jobs API (v1), Admin only with an API token: the jobs as on /admin/jobs, and run now (audited like the page).</summary>
public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/v1/jobs")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireRole(Roles.Admin))
            .WithTags("Jobs");
        api.MapGet("", List);
        api.MapPost("{name}/run", Run).DisableAntiforgery();
        return app;
    }

    public sealed record JobResponse(string Name, double EverySeconds, DateTimeOffset? NextRun, DateTimeOffset? LastRun, string? LastOutcome, string? LastError,
        int Failures, int FailuresInRow, bool Paused);

    private static async Task<Ok<List<JobResponse>>> List(JobScheduler scheduler, JobHistory history, CancellationToken ct) =>
        TypedResults.Ok((await scheduler.ListAsync(history, ct)).Select(j => new JobResponse(j.Name, j.Every.TotalSeconds, j.NextRun, j.LastRun, j.LastOutcome, j.LastError,
            j.Failures, j.FailuresInRow, j.Paused)).ToList());

    private static async Task<Results<Accepted, NotFound>> Run(string name, JobScheduler scheduler, Accounts accounts, CancellationToken ct)
    {
        if (!await scheduler.RunNowAsync(name, ct)) return TypedResults.NotFound();
        await accounts.RecordOperationAsync("job:" + name, AccountActions.JobRunNow, "api", ct);
        return TypedResults.Accepted((string?)null);
    }
}

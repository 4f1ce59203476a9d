using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tilannekuva.Access;
using Tilannekuva.Access.Storage;
using Tilannekuva.Operations.Jobs;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Web.Tests;

/// <summary>
/// /admin/jobs in real Chromium on the demo (the app's own scheduler over its SQLite file): it lists the jobs in three
/// languages without raw keys or horizontal scrolling and passes axe; run now runs the job (recorded, audited); pause
/// and resume; others are refused the page and the API.
/// </summary>
[Collection(SqliteAppCollection.Name)]
public sealed partial class JobsPageTests(SqliteApp app, Chromium chromium) : IClassFixture<Chromium>
{
    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9]+(\.[A-Z][A-Za-z0-9_]*)+\b")] private static partial Regex ResourceKey();
    [GeneratedRegex(@"\{\d+\}")] private static partial Regex Placeholder();

    private async Task<IPage> SignInAsync(string user)
    {
        var page = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "fi-FI", BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1440, Height = 900 } });
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", TestApp.Password);
        await DashboardTests.ClickAndWaitAsync(page, page.Locator("form.edit button[type=submit]"), "/");
        return page;
    }

    /// <summary>Submits a form and waits for the page the post renders.</summary>
    private static async Task SubmitAsync(IPage page, ILocator button)
    {
        var handler = new Uri(new Uri("http://x"), await button.Locator("xpath=ancestor::form").GetAttributeAsync("action")).Query;
        var arrived = page.WaitForURLAsync(url => new Uri(url).Query.Contains(handler.TrimStart('?'), StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await button.ClickAsync();
        await arrived;
    }

    [Fact]
    public async Task The_jobs_page_lists_the_jobs_in_three_languages_without_raw_keys_overflow_or_serious_axe_violations()
    {
        var page = await SignInAsync(Demo.Admin);
        var problems = new List<string>();
        foreach (var culture in new[] { "fi", "sv", "en" })
        {
            var response = await page.GotoAsync("/admin/jobs?culture=" + culture);
            Assert.Equal(200, response!.Status);
            var text = await page.EvaluateAsync<string>("() => document.body.innerText");
            foreach (Match m in ResourceKey().Matches(text)) problems.Add($"{culture}: resource key '{m.Value}'");
            foreach (Match m in Placeholder().Matches(text)) problems.Add($"{culture}: placeholder '{m.Value}'");
            var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            if (size[0] > size[1]) problems.Add($"{culture}: {size[0]} px wide in a {size[1]} px window");
            var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
            foreach (var v in axe.Violations.Where(v => v.Impact is "serious" or "critical")) problems.Add($"{culture}: axe {v.Id}: {v.Help}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
        await page.GotoAsync("/admin/jobs?culture=fi");
        Assert.Equal(1, await page.Locator("#jobs tr[data-job='recompute']").CountAsync());
        Assert.Contains("Indikaattorien uudelleenlaskenta", await page.Locator("#jobs tr[data-job='recompute']").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#scheduler-off").CountAsync());
    }

    [Fact]
    public async Task Run_now_runs_the_job_records_it_and_audits_the_admin_and_pause_and_resume_work()
    {
        var page = await SignInAsync(Demo.Admin);
        await page.GotoAsync("/admin/jobs?culture=en");
        var row = page.Locator("#jobs tr[data-job='recompute']");
        await SubmitAsync(page, row.Locator("form[action*='handler=run'] button"));
        Assert.Contains("Indikaattorien uudelleenlaskenta", await page.Locator("#job-message").InnerTextAsync());
        var history = app.Services.GetRequiredService<JobHistory>();
        JobRun? run = null;
        for (var i = 0; i < 100 && run is null; i++)
        {
            run = (await history.RecentAsync("recompute", 20, CancellationToken.None)).FirstOrDefault(r => r.Trigger == "manual");
            if (run is null) await Task.Delay(200);
        }
        Assert.NotNull(run);
        Assert.Equal(JobHistory.Ok, run.Outcome);
        using (var scope = app.Services.CreateScope())
        {
            var audit = await scope.ServiceProvider.GetRequiredService<AccessDbContext>().AuditEntries.AsNoTracking()
                .Where(a => a.Account == "job:recompute" && a.Action == AccountActions.JobRunNow).ToListAsync();
            Assert.Contains(audit, a => a.Actor == Demo.Admin && a.Hash is not null);
        }
        await page.GotoAsync("/admin/jobs?culture=en");
        Assert.Contains("succeeded", await page.Locator("#runs").InnerTextAsync());

        // Pause: the next run is no longer shown and the button turns into resume; resume brings it back.
        await SubmitAsync(page, page.Locator("#jobs tr[data-job='backup'] form[action*='handler=pause'] button"));
        Assert.Contains("keskeytetty", await page.Locator("#jobs tr[data-job='backup']").InnerTextAsync());
        await SubmitAsync(page, page.Locator("#jobs tr[data-job='backup'] form[action*='handler=resume'] button"));
        Assert.DoesNotContain("keskeytetty", await page.Locator("#jobs tr[data-job='backup']").InnerTextAsync());
    }

    [Theory]
    [InlineData(Demo.Director)]
    [InlineData(Demo.Planner)]
    public async Task Others_are_refused_the_jobs_page_and_the_jobs_API(string user)
    {
        var client = await app.SignInAsync(user);
        var response = await client.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/denied", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath, ignoreCase: true);
        var api = await app.ApiClientAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync("/api/v1/jobs/recompute/run", null)).StatusCode);
    }

    [Fact]
    public async Task The_jobs_API_lists_the_jobs_and_runs_one_for_an_admin()
    {
        var api = await app.ApiClientAsync(Demo.Admin);
        var jobs = await api.GetFromJsonAsync<List<Tilannekuva.Web.Api.JobsApi.JobResponse>>("/api/v1/jobs");
        Assert.Contains(jobs!, j => j.Name == "recompute" && j.EverySeconds == 300);
        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync("/api/v1/jobs/recompute/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync("/api/v1/jobs/no-such-job/run", null)).StatusCode);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tilannekuva.Programme.Domain;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Web.Tests;

/// <summary>The editing flow in headless Chromium, as a planner does it; screenshots go to artifacts/screenshots/.</summary>
[Collection(SqliteAppCollection.Name)]
public sealed class BrowserTests(SqliteApp app, Chromium chromium) : IClassFixture<Chromium>
{
    internal static string ScreenshotFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Tilannekuva.sln")))
                    return Directory.CreateDirectory(Path.Combine(dir.FullName, "artifacts", "screenshots")).FullName;
            return Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        }
    }

    private async Task<IPage> SignInAsync(string user)
    {
        var page = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "fi-FI", BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", TestApp.Password);
        await ClickAndWaitAsync(page, page.Locator("form.edit button[type=submit]"), "/programmes/");
        return page;
    }

    /// <summary>Clicks and waits for the page at a path (prefix) to be parsed; the wait starts before the click, so a fast redirect is not missed.</summary>
    private static async Task ClickAndWaitAsync(IPage page, ILocator target, string path)
    {
        var arrived = page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith(path, StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await target.ClickAsync();
        await arrived;
    }

    [Fact]
    public async Task Planner_records_an_action_done_on_their_work_package()
    {
        var wp = await app.OwnWorkPackageAsync(Demo.Planner);
        var action = await app.QueryAsync(async db => (await db.Actions.Include(a => a.History).Where(a => a.WorkPackageId == wp).OrderBy(a => a.Number).ToListAsync())
            .First(a => a.Current?.Status != ActionStatus.Done));
        var comment = $"Valmistui selaintestissä {Guid.NewGuid():N}";
        var page = await SignInAsync(Demo.Planner);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "programme.png"), FullPage = true });

        await page.GotoAsync($"/workpackages/{wp}");
        var row = page.Locator($"#actions tr[data-action=\"{action.Number}\"]");
        await ClickAndWaitAsync(page, row.Locator("a.record-status"), "/edit/actionstatus/new"); // "kirjaa tila"
        Assert.Equal("Uusi: toimenpiteen tila", await page.Locator("h1").InnerTextAsync());
        await page.SelectOptionAsync("#f_Status", new SelectOptionValue { Label = "Valmis" });
        await page.FillAsync("#f_Comment", comment);
        try
        {
            await ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }), $"/workpackages/{wp}");
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "failed-save.png"), FullPage = true });
            throw;
        }
        Assert.Equal("Valmis", await row.Locator("span.status").InnerTextAsync());
        Assert.Contains(comment, await row.InnerTextAsync());
        Assert.Contains(Tilannekuva.Localisation.Texts.Date(app.Today, new System.Globalization.CultureInfo("fi")), await row.InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "workpackage.png"), FullPage = true });

        var stored = await app.QueryAsync(db => db.ActionStatuses.Where(s => s.WorkActionId == action.Id).OrderByDescending(s => s.Id).FirstAsync());
        Assert.Equal((ActionStatus.Done, comment, Demo.Planner, app.Today), (stored.Status, stored.Comment, stored.RecordedBy, stored.Date));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Planner_sees_no_edit_links_on_another_planners_work_package()
    {
        var other = await app.OthersWorkPackageAsync(Demo.Planner);
        var page = await SignInAsync(Demo.Planner);

        await page.GotoAsync($"/workpackages/{other}");

        Assert.Equal(0, await page.Locator("a[href^='/edit/']").CountAsync());
        Assert.Equal(0, await page.Locator("a.record-status").CountAsync());
        Assert.True(await page.Locator("#actions tbody tr").CountAsync() > 0);
        Assert.True(await page.GetByText(Tilannekuva.Localisation.Texts.Get("WorkPackage.ReadOnly", new System.Globalization.CultureInfo("fi"))).IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "workpackage-read-only.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}

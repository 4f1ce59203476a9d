using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tilannekuva.Access;
using Tilannekuva.Guidance.Bot;
using Tilannekuva.Guidance.Demo;
using Tilannekuva.Guidance.Storage;
using Tilannekuva.TestSupport;
using Tilannekuva.Web.Guidance;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Guidance.Tests;

/// <summary>
/// The advisor's console across a real server restart: while the server is down the resident's message reaches the database (as it
/// would through another server); the new server comes up on the same address, the console's SignalR connection reconnects and
/// fetches the queue and the open chat's history again, so the message shows without a page reload.
/// </summary>
public sealed class ConsoleReconnectTests(Chromium chromium) : IClassFixture<Chromium>
{
    private static WebApplication Build(SqliteFile file, string url) =>
        TilannekuvaWeb.Build(["--Logging:LogLevel:Default=Warning", $"--Feedback:DataFolder={file.Folder}"], file.Options, url);

    [Fact]
    public async Task The_console_shows_what_was_sent_while_the_server_restarted()
    {
        using var file = new SqliteFile();
        var url = $"http://127.0.0.1:{GuidanceApp.FreePort()}";
        var first = Build(file, url);
        await Startup.MigrateAsync(first.Services, backupBeforeMigrate: false);
        var signIns = await Startup.EnsureAccountsAsync(first.Services, demo: true);
        using (var scope = first.Services.CreateScope())
        {
            foreach (var (user, _, _) in signIns) Assert.Null(await scope.ServiceProvider.GetRequiredService<Accounts>().SetPasswordAsync(user, GuidanceApp.Password));
            await GuidanceDemo.LoadIfEmptyAsync(scope.ServiceProvider.GetRequiredService<GuidanceDbContext>(), [Startup.DemoAdvisor]);
        }
        await first.StartAsync();

        await using var resident = new HubConnectionBuilder().WithUrl(url + "/chat/hub").Build();
        await resident.StartAsync();
        var chat = (await resident.InvokeAsync<JoinResult>("Start", "fi", null)).Id;
        await resident.InvokeAsync<ResidentTurn>("Send", chat, "Haluan puhua ihmiselle");

        var page = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "fi-FI", BaseURL = url, ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync("/account/login?ReturnUrl=%2Fneuvonta%2Fkonsoli");
        await page.FillAsync("#UserName", Startup.DemoAdvisor);
        await page.FillAsync("#Password", GuidanceApp.Password);
        var arrived = page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/neuvonta/konsoli");
        await page.Locator("form.edit button[type=submit]").ClickAsync();
        await arrived;
        await page.ClickAsync($"#tk-queues tr[data-chat='{chat}'] button.tk-accept", new() { Timeout = 20_000 });
        await page.WaitForSelectorAsync(".tk-console-chat .tk-resident:has-text('puhua ihmiselle')", new() { Timeout = 20_000 });

        await first.StopAsync();
        await first.DisposeAsync();
        // Sent during the gap: stored (scrubbed) by the engine on the same database, no server to push it.
        await using (var db = GuidanceStorage.Open(file.Options))
            await new GuidanceService(db, new KnowledgeBot(), new GuidanceSettings(), TimeProvider.System).PostResidentAsync(chat, "Viesti katkon aikana", default);

        await using var second = Build(file, url);
        await Startup.MigrateAsync(second.Services, backupBeforeMigrate: false);
        await second.StartAsync();
        await page.WaitForSelectorAsync(".tk-console-chat .tk-resident:has-text('Viesti katkon aikana')", new() { Timeout = 60_000 });
        Assert.Equal(1, await page.Locator(".tk-console-chat .tk-resident:has-text('puhua ihmiselle')").CountAsync());
        Assert.Equal("Yhteys palautui; jonot ja keskustelut haettiin uudelleen.", await page.TextContentAsync("#tk-console-status"));
        await second.StopAsync();
    }
}

using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Guidance.Domain;
using Tilannekuva.Guidance.Figures;
using Tilannekuva.Guidance.Retention;
using Tilannekuva.TestSupport;
using Tilannekuva.Web.Guidance;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Guidance.Tests;

/// <summary>The same engine on PostgreSQL (migrations, bot, handoff, retention), and the contacts export in the ingest shape.</summary>
public sealed class PostgresStoreTests(PostgresServer pg) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Chat_bot_handoff_export_and_retention_work_on_postgres()
    {
        await using var engine = await Engine.StartAsync(pg.Options);
        var chat = await engine.Service().StartAsync("fi", null, null, default);
        var turn = await engine.Service().PostResidentAsync(chat.Id, "omaishoitajien tuki", default);
        Assert.Equal("Mistä saan tukea omaishoitajana?", turn.Bot?.ArticleQuestion);
        await engine.Service().AskPersonAsync(chat.Id, default);
        engine.Clock.Advance(TimeSpan.FromMinutes(2));
        await engine.Service().AcceptAsync(chat.Id, Engine.Advisor, default);
        engine.Clock.Advance(TimeSpan.FromMinutes(3));
        await engine.Service().EndByAdvisorAsync(chat.Id, Engine.Advisor, Resolution.DirectedToService, default);
        var day = DateOnly.FromDateTime(engine.Clock.Now.UtcDateTime);
        var csv = (await GuidanceFigures.ContactsCsvAsync(engine.Db, day, day, default)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(GuidanceFigures.ContactsHeader, csv[0].TrimEnd('\r'));
        Assert.Equal($"CHAT-{chat.Id:N};K205-TA1;1.12.2026 10:00;chat;;redirected;;;;3", csv[1].TrimEnd('\r'));
        var figures = await GuidanceFigures.ComputeAsync(engine.Db, day, day, "fi", null, default);
        Assert.Equal(120, figures.WaitP50Seconds);
        Assert.Equal(1, await RetentionJob.PurgeAsync(engine.Db, engine.Clock.Now.AddDays(1), default));
        Assert.Equivalent(figures, await GuidanceFigures.ComputeAsync(engine.Db, day, day, "fi", null, default));
    }
}

/// <summary>A resident's conversation survives a server restart: a new connection to the new server joins with the kept id and gets the whole history.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task History_is_there_after_the_server_restarts()
    {
        using var file = new SqliteFile();
        var url = $"http://127.0.0.1:{GuidanceApp.FreePort()}";
        Guid id;
        await using (var first = TilannekuvaWeb.Build(["--Logging:LogLevel:Default=Warning", $"--Feedback:DataFolder={file.Folder}"], file.Options, url))
        {
            await Startup.MigrateAsync(first.Services, backupBeforeMigrate: false);
            using (var scope = first.Services.CreateScope())
                await Demo.GuidanceDemo.LoadIfEmptyAsync(scope.ServiceProvider.GetRequiredService<Storage.GuidanceDbContext>(), ["neuvoja"]);
            await first.StartAsync();
            await using var resident = new HubConnectionBuilder().WithUrl(url + "/chat/hub").Build();
            await resident.StartAsync();
            id = (await resident.InvokeAsync<JoinResult>("Start", "fi", null)).Id;
            await resident.InvokeAsync<ResidentTurn>("Send", id, "hammaslääkärin ajanvaraus");
            await first.StopAsync();
        }
        await using var second = TilannekuvaWeb.Build(["--Logging:LogLevel:Default=Warning", $"--Feedback:DataFolder={file.Folder}"], file.Options, url);
        await Startup.MigrateAsync(second.Services, backupBeforeMigrate: false);
        await second.StartAsync();
        await using var again = new HubConnectionBuilder().WithUrl(url + "/chat/hub").Build();
        await again.StartAsync();
        var joined = await again.InvokeAsync<JoinResult>("Join", id);
        Assert.Equal(["Resident", "Bot"], joined.Messages.Select(m => m.Sender));
        Assert.Equal("Miten varaan ajan hammaslääkärille?", joined.Messages[1].ArticleQuestion);
        await second.StopAsync();
    }
}

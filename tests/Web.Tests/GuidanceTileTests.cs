using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Boards;
using Tilannekuva.Boards.Domain;
using Tilannekuva.Guidance;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Web.Tests;

/// <summary>
/// The steering board's guidance chat tile on the demo (the demo guidance teams serve the demo board's unit): a
/// resident who asks for a person is counted in the team's queue at once, on the board page, without any chat text.
/// </summary>
[Collection(SqliteAppCollection.Name)]
public sealed class GuidanceTileTests(SqliteApp app)
{
    [Fact]
    public async Task Board_tile_counts_the_chats_queued_now_per_team_and_shows_no_chat_text()
    {
        int id;
        string team;
        using (var scope = app.Services.CreateScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<BoardsService>().SaveAsync(null,
                new BoardDraft("Neuvontataulu " + Guid.NewGuid().ToString("N")[..6], [Startup.DemoBoardUnit], [TileKind.Callbacks, TileKind.GuidanceQueue], 60, 60, BoardTheme.HighContrast));
            var guidance = scope.ServiceProvider.GetRequiredService<GuidanceService>();
            var before = await guidance.QueuesNowAsync([Startup.DemoBoardUnit], "fi", default);
            Assert.NotEmpty(before);
            var chat = await guidance.StartAsync("fi", null, null, default);
            await guidance.PostResidentAsync(chat.Id, "Salainen kysymys tiimin jonoon", default);
            await guidance.AskPersonAsync(chat.Id, default);
            team = (await guidance.TeamOfAsync(chat, default)).Code;
            var after = await guidance.QueuesNowAsync([Startup.DemoBoardUnit], "fi", default);
            Assert.Equal(before.Single(q => q.TeamCode == team).Queued + 1, after.Single(q => q.TeamCode == team).Queued);
        }
        var expected = (await app.Services.CreateScope().ServiceProvider.GetRequiredService<GuidanceService>().QueuesNowAsync([Startup.DemoBoardUnit], "fi", default))
            .Single(q => q.TeamCode == team).Queued;

        var client = await app.SignInAsync(Demo.Admin);
        var html = await client.GetStringAsync($"/boards/{id}");
        Assert.Contains("data-tile=\"GuidanceQueue\"", html);
        Assert.Contains("Neuvontachat nyt", html);
        Assert.Contains($"data-figure=\"guidance-queued\" data-team=\"{team}\" data-value=\"{expected}\"", html);
        Assert.True(expected >= 1);
        Assert.DoesNotContain("Salainen kysymys", html);
        Assert.DoesNotContain("Guidance.Tile", html);
        Assert.Contains("pisin odotus", html);
    }
}

using Microsoft.AspNetCore.SignalR.Client;
using Tilannekuva.Web.Guidance;

namespace Tilannekuva.Guidance.Tests;

/// <summary>
/// The service tray as the bot's second source, through the real hub: a question no article covers but a tray service does gets a
/// bot answer that names the tray as its source and links the service page; a question the articles cover still gets the article;
/// one neither covers goes to the queue.
/// </summary>
public sealed class TraySourceTests(GuidanceTrayApp app) : IClassFixture<GuidanceTrayApp>
{
    private async Task<(HubConnection Hub, Guid Chat)> StartAsync()
    {
        var hub = new HubConnectionBuilder().WithUrl(app.BaseUrl + "/chat/hub").Build();
        await hub.StartAsync();
        return (hub, (await hub.InvokeAsync<JoinResult>("Start", "fi", null)).Id);
    }

    [Fact]
    public async Task A_question_only_the_tray_covers_is_answered_from_the_tray_with_the_service_linked()
    {
        var (hub, chat) = await StartAsync();
        await using var _ = hub;
        var turn = await hub.InvokeAsync<ResidentTurn>("Send", chat, "Onko ikäihmisille kuntosaliryhmää?");
        Assert.Null(turn.Queue);
        Assert.NotNull(turn.Bot);
        Assert.Null(turn.Bot.ArticleId);
        Assert.NotNull(turn.Bot.TrayEntryId);
        Assert.StartsWith("Ikäihmisten kuntosaliryhmä", turn.Bot.Text);
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var page = await client.GetStringAsync($"/palvelut/{turn.Bot.TrayEntryId}?culture=fi");
        Assert.Contains("Ikäihmisten kuntosaliryhmä", page);
        // The history (after a reload or restart) keeps the source.
        var joined = await hub.InvokeAsync<JoinResult>("Join", chat);
        Assert.Equal(turn.Bot.TrayEntryId, joined.Messages.Single(m => m.Sender == "Bot").TrayEntryId);
    }

    [Fact]
    public async Task Articles_still_come_first_and_an_uncovered_question_goes_to_the_queue()
    {
        var (hub, chat) = await StartAsync();
        await using var _ = hub;
        var turn = await hub.InvokeAsync<ResidentTurn>("Send", chat, "tukea omaishoitajille");
        Assert.Equal("Mistä saan tukea omaishoitajana?", turn.Bot?.ArticleQuestion);
        var (hub2, chat2) = await StartAsync();
        await using var __ = hub2;
        var other = await hub2.InvokeAsync<ResidentTurn>("Send", chat2, "Kuinka lunastan kadonneen passin?");
        Assert.Null(other.Bot);
        Assert.NotNull(other.Queue);
    }
}

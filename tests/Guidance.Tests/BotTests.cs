using Tilannekuva.Guidance.Domain;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Guidance.Tests;

/// <summary>The bot answers inflected Finnish (and Swedish, English) questions from the knowledge base, names the article, and hands off when unsure.</summary>
public sealed class BotTests : IAsyncLifetime
{
    private readonly SqliteFile _file = new();
    private Engine _engine = null!;

    public async Task InitializeAsync() => _engine = await Engine.StartAsync(_file.Options);

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _file.Dispose();
    }

    [Theory]
    [InlineData("fi", "reseptini uusiminen", "Miten uusin reseptin?")]
    [InlineData("fi", "Voiko reseptejä uusia?", "Miten uusin reseptin?")]
    [InlineData("fi", "ajanvaraus hammaslääkärille", "Miten varaan ajan hammaslääkärille?")]
    [InlineData("fi", "tukea omaishoitajille", "Mistä saan tukea omaishoitajana?")]
    [InlineData("fi", "terveyskeskusmaksut", "Paljonko terveyskeskusmaksu on?")]
    [InlineData("sv", "förnya recepten", "Hur förnyar jag mitt recept?")]
    [InlineData("en", "renewing prescriptions", "How do I renew my prescription?")]
    public async Task Answers_an_inflected_question_from_the_right_article(string lang, string question, string expected)
    {
        var service = _engine.Service();
        var chat = await service.StartAsync(lang, null, null, default);
        var turn = await service.PostResidentAsync(chat.Id, question, default);
        Assert.NotNull(turn.Bot);
        Assert.Equal(expected, turn.Bot.ArticleQuestion);
        Assert.StartsWith("https://example.org/", turn.Bot.SourceUrl);
        Assert.Null(turn.Queue);
        // The history (as after a reconnect) has both messages and names the article.
        var history = await _engine.Service().HistoryAsync(chat.Id, default);
        Assert.Equal(["Resident", "Bot"], history.Select(m => m.Sender));
        Assert.Equal(expected, history[1].ArticleQuestion);
    }

    [Fact]
    public async Task An_unrelated_question_goes_to_a_person_with_queue_position_and_wait()
    {
        var service = _engine.Service();
        var first = await service.StartAsync("fi", null, null, default);
        var turn = await service.PostResidentAsync(first.Id, "Missä kirjaston kaukolainat käsitellään?", default);
        Assert.Null(turn.Bot);
        Assert.NotNull(turn.Queue);
        Assert.Equal(1, turn.Queue.Position);
        Assert.True(turn.Queue.Open);
        Assert.False(turn.Queue.CallbackOffered);
        _engine.Clock.Advance(TimeSpan.FromSeconds(30));
        var second = await _engine.Service().StartAsync("fi", null, null, default);
        var q2 = await _engine.Service().AskPersonAsync(second.Id, default);
        Assert.Equal(2, q2.Position);
        Assert.Equal(10, q2.EstimatedMinutes);
    }

    [Fact]
    public async Task A_higher_threshold_hands_off_a_partial_match()
    {
        await using var strict = await Engine.StartAsync(_file.Options, new GuidanceSettings(BotConfidence: 1.0));
        var service = strict.Service();
        var chat = await service.StartAsync("fi", null, null, default);
        var turn = await service.PostResidentAsync(chat.Id, "reseptin uusiminen kesälomalla mökiltä", default);
        Assert.Null(turn.Bot);
        Assert.NotNull(turn.Queue);
    }

    [Fact]
    public async Task Closed_queue_offers_a_callback_which_ends_the_chat_as_callback_booked()
    {
        _engine.Clock.Now = new DateTimeOffset(2026, 12, 5, 18, 0, 0, TimeSpan.Zero); // Saturday evening
        var service = _engine.Service();
        var chat = await service.StartAsync("fi", null, null, default);
        var q = await service.AskPersonAsync(chat.Id, default);
        Assert.False(q.Open);
        Assert.True(q.CallbackOffered);
        await _engine.Service().RequestCallbackAsync(chat.Id, "040 123 4567", default);
        var stored = await _engine.Service().FindAsync(chat.Id, default);
        Assert.Equal(ConversationState.Ended, stored!.State);
        Assert.Equal(Resolution.CallbackBooked, stored.Resolution);
    }
}

using Microsoft.EntityFrameworkCore;
using Tilannekuva.Guidance.Demo;
using Tilannekuva.Guidance.Domain;
using Tilannekuva.Guidance.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Guidance.Tests;

/// <summary>
/// The message writer on a real SQLite file: messages of ongoing chats are stored in batches (one transaction) and read back by the
/// context exactly as written; the sender's right is checked in the insert, so a message the sender may not write is not stored by it.
/// </summary>
public sealed class MessageWriterTests : IAsyncLifetime
{
    private readonly SqliteFile _file = new();
    private Engine _engine = null!;

    public async Task InitializeAsync() => _engine = await Engine.StartAsync(_file.Options);

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _file.Dispose();
    }

    private async Task<Guid> ActiveChatAsync()
    {
        var chat = await _engine.Service().StartAsync("fi", GuidanceDemo.GeneralTeam, null, default);
        await _engine.Service().AskPersonAsync(chat.Id, default);
        await _engine.Service().AcceptAsync(chat.Id, Engine.Advisor, default);
        return chat.Id;
    }

    [Fact]
    public async Task Concurrent_messages_are_batched_and_all_read_back_in_the_history()
    {
        var chats = new List<Guid>();
        for (var i = 0; i < 20; i++) chats.Add(await ActiveChatAsync());
        var batches = new List<int>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (i, l) => { if (i == ChatMetrics.Batch) l.EnableMeasurementEvents(i); };
        listener.SetMeasurementEventCallback<int>((_, v, _, _) => { lock (batches) batches.Add(v); });
        listener.Start();

        // 20 chats × 10 messages each way, all at once: the writer takes what has queued as one transaction.
        var sent = await Task.WhenAll(chats.SelectMany((id, c) => Enumerable.Range(0, 10).SelectMany(k => new[]
        {
            _engine.Service().PostResidentAsync(id, $"asukas {c}.{k}", default).ContinueWith(t => t.Result.Message),
            _engine.Service().PostAdvisorAsync(id, Engine.Advisor, $"neuvoja {c}.{k}", default),
        })));
        Assert.Equal(400, sent.Select(m => m.Id).Distinct().Count());
        lock (batches) Assert.Contains(batches, b => b > 1);

        foreach (var (id, c) in chats.Select((id, c) => (id, c)))
        {
            var history = await _engine.Service().HistoryAsync(id, default);
            Assert.Equal(20, history.Count);
            Assert.Equal(Enumerable.Range(0, 10).Select(k => $"asukas {c}.{k}").Order(), history.Where(m => m.Sender == "Resident").Select(m => m.Text).Order());
            Assert.All(history.Where(m => m.Sender == "Advisor"), m => Assert.Equal(Engine.Advisor, m.Author));
            // What the sender was told is what is stored: same id, same text, same time (to the millisecond).
            foreach (var m in history)
            {
                var told = sent.Single(s => s.Id == m.Id);
                Assert.Equal((told.Text, told.Sender, told.At.ToUnixTimeMilliseconds()), (m.Text, m.Sender, m.At.ToUnixTimeMilliseconds()));
            }
        }
    }

    [Fact]
    public async Task The_writer_stores_only_what_the_sender_may_write()
    {
        var chat = await _engine.Service().StartAsync("fi", GuidanceDemo.GeneralTeam, null, default);
        var writer = _engine.Writer;
        var now = _engine.Clock.Now;
        // With the bot: the writer does not take it (the service's full path answers with the bot).
        Assert.Null(await writer.WriteAsync(new NewMessage(chat.Id, Sender.Resident, null, "hei", now)));
        Assert.Null(await writer.WriteAsync(new NewMessage(Guid.NewGuid(), Sender.Resident, null, "hei", now)));
        await _engine.Service().AskPersonAsync(chat.Id, default);
        Assert.NotNull(await writer.WriteAsync(new NewMessage(chat.Id, Sender.Resident, null, "jonossa", now)));
        // Queued: no advisor may write yet; once accepted only that advisor, and only while a member of the chat's team.
        Assert.Null(await writer.WriteAsync(new NewMessage(chat.Id, Sender.Advisor, Engine.Advisor, "liian aikaisin", now)));
        await _engine.Service().AcceptAsync(chat.Id, Engine.Advisor, default);
        Assert.Null(await writer.WriteAsync(new NewMessage(chat.Id, Sender.Advisor, Engine.FamilyAdvisor, "en ole tiimissä", now)));
        Assert.NotNull(await writer.WriteAsync(new NewMessage(chat.Id, Sender.Advisor, Engine.Advisor, "hei, neuvoja tässä", now)));
        var notYours = await Assert.ThrowsAsync<GuidanceException>(() => _engine.Service().PostAdvisorAsync(chat.Id, Engine.FamilyAdvisor, "x", default));
        Assert.Equal("Guidance.Error.NotYourTeam", notYours.Key);
        await _engine.Service().EndByAdvisorAsync(chat.Id, Engine.Advisor, Resolution.Handled, default);
        Assert.Null(await writer.WriteAsync(new NewMessage(chat.Id, Sender.Resident, null, "loppui jo", now)));
        var ended = await Assert.ThrowsAsync<GuidanceException>(() => _engine.Service().PostResidentAsync(chat.Id, "loppui jo", default));
        Assert.Equal("Guidance.Error.Ended", ended.Key);
        Assert.Equal(["jonossa", "hei, neuvoja tässä"],
            await _engine.Db.Messages.AsNoTracking().Where(m => m.ConversationId == chat.Id && m.Sender != Sender.System).OrderBy(m => m.Id).Select(m => m.Text).ToListAsync());
    }

    [Fact]
    public async Task Without_the_writer_the_same_messages_are_stored_through_the_context()
    {
        var id = await ActiveChatAsync();
        var resident = await _engine.ServiceWithoutWriter().PostResidentAsync(id, "soita 040 123 4567", default);
        var advisor = await _engine.ServiceWithoutWriter().PostAdvisorAsync(id, Engine.Advisor, "selvä", default);
        Assert.Equal([resident.Message.Id, advisor.Id], (await _engine.Service().HistoryAsync(id, default)).Select(m => m.Id));
        Assert.DoesNotContain("123 4567", resident.Message.Text);
    }
}

using Microsoft.EntityFrameworkCore;
using Tilannekuva.Guidance.Demo;
using Tilannekuva.Guidance.Domain;
using Tilannekuva.Guidance.Figures;
using Tilannekuva.Guidance.Retention;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Guidance.Tests;

/// <summary>Scrubbing before storage, team visibility with audited transcript reads, and retention that keeps the figures.</summary>
public sealed class PrivacyTests : IAsyncLifetime
{
    private readonly SqliteFile _file = new();
    private Engine _engine = null!;

    public async Task InitializeAsync() => _engine = await Engine.StartAsync(_file.Options);

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task Identity_codes_phone_numbers_and_emails_are_scrubbed_before_storing()
    {
        var service = _engine.Service();
        var chat = await service.StartAsync("fi", null, null, default);
        await service.AskPersonAsync(chat.Id, default);
        // A valid identity code made at run time (never a literal one in the repository).
        var code = Feedback.Scrubbing.IdentityCode.Create(new DateOnly(1952, 10, 13), 308);
        await service.PostResidentAsync(chat.Id, $"Hetuni on {code}, soita 040 123 4567 tai maili testi.henkilo@example.com", default);
        await _engine.Service().AcceptAsync(chat.Id, Engine.Advisor, default);
        await _engine.Service().PostAdvisorAsync(chat.Id, Engine.Advisor, "Soitamme numeroon +358 40 765 4321", default);
        var stored = await _engine.Db.Messages.AsNoTracking().Where(m => m.ConversationId == chat.Id).Select(m => m.Text).ToListAsync();
        var all = string.Join("\n", stored);
        Assert.DoesNotContain(code, all);
        Assert.DoesNotContain("123 4567", all);
        Assert.DoesNotContain("765 4321", all);
        Assert.DoesNotContain("example.com", all);
        Assert.Contains(Feedback.Scrubbing.TextScrubber.IdentityCodeMarker, all);
        Assert.Contains(Feedback.Scrubbing.TextScrubber.PhoneMarker, all);
        Assert.Contains(Feedback.Scrubbing.TextScrubber.EmailMarker, all);
    }

    [Fact]
    public async Task Staff_see_and_take_only_their_teams_chats_and_transcript_reads_are_audited()
    {
        var chat = await _engine.Service().StartAsync("fi", GuidanceDemo.GeneralTeam, null, default);
        await _engine.Service().AskPersonAsync(chat.Id, default);
        // neuvoja2 is only in the family team.
        Assert.Empty(await _engine.Service().QueuesAsync(Engine.FamilyAdvisor, default));
        Assert.Single(await _engine.Service().QueuesAsync(Engine.Advisor, default));
        var denied = await Assert.ThrowsAsync<GuidanceException>(() => _engine.Service().AcceptAsync(chat.Id, Engine.FamilyAdvisor, default));
        Assert.Equal("Guidance.Error.NotYourTeam", denied.Key);
        await Assert.ThrowsAsync<GuidanceException>(() => _engine.Service().TranscriptAsync(chat.Id, Engine.FamilyAdvisor, default));

        await _engine.Service().AcceptAsync(chat.Id, Engine.Advisor, default);
        await _engine.Service().TranscriptAsync(chat.Id, Engine.Advisor, default);
        // Transferred to the family team: now neuvoja2 sees it in the queue.
        await _engine.Service().TransferAsync(chat.Id, Engine.Advisor, GuidanceDemo.FamilyTeam, default);
        Assert.Single(await _engine.Service().QueuesAsync(Engine.FamilyAdvisor, default));
        await _engine.Service().AcceptAsync(chat.Id, Engine.FamilyAdvisor, default);
        await _engine.Service().EndByAdvisorAsync(chat.Id, Engine.FamilyAdvisor, Resolution.DirectedToService, default);
        var audit = await _engine.Db.Audit.AsNoTracking().Where(a => a.ConversationId == chat.Id).OrderBy(a => a.Id).Select(a => a.UserName + ":" + a.Action).ToListAsync();
        Assert.Equal([$"{Engine.Advisor}:Accept", $"{Engine.Advisor}:ReadTranscript", $"{Engine.Advisor}:Transfer", $"{Engine.FamilyAdvisor}:Accept", $"{Engine.FamilyAdvisor}:End"], audit);
    }

    [Fact]
    public async Task Retention_deletes_old_transcripts_and_keeps_the_figures()
    {
        // Three old chats (100 days ago) and one recent.
        var start = _engine.Clock.Now;
        _engine.Clock.Now = start.AddDays(-100);
        var botOnly = await _engine.Service().StartAsync("fi", null, null, default);
        await _engine.Service().PostResidentAsync(botOnly.Id, "reseptin uusiminen", default);
        await _engine.Service().EndByResidentAsync(botOnly.Id, true, default);
        var person = await _engine.Service().StartAsync("fi", null, null, default);
        await _engine.Service().AskPersonAsync(person.Id, default);
        _engine.Clock.Advance(TimeSpan.FromSeconds(90));
        await _engine.Service().AcceptAsync(person.Id, Engine.Advisor, default);
        await _engine.Service().PostAdvisorAsync(person.Id, Engine.Advisor, "Hoidetaan", default);
        await _engine.Service().EndByAdvisorAsync(person.Id, Engine.Advisor, Resolution.Handled, default);
        var callback = await _engine.Service().StartAsync("fi", null, null, default);
        await _engine.Service().RequestCallbackAsync(callback.Id, "0401234567", default);
        _engine.Clock.Now = start;
        var recent = await _engine.Service().StartAsync("fi", null, null, default);
        await _engine.Service().PostResidentAsync(recent.Id, "hei", default);

        var day = DateOnly.FromDateTime(start.AddDays(-100).UtcDateTime);
        var from = day.AddDays(-1);
        var to = DateOnly.FromDateTime(start.UtcDateTime).AddDays(1);
        var before = await GuidanceFigures.ComputeAsync(_engine.Db, from, to, "fi", null, default);
        Assert.Equal(4, before.Chats);
        Assert.Equal(3, before.Ended);
        Assert.Equal(90, before.WaitP50Seconds);

        var deleted = await RetentionJob.PurgeAsync(_engine.Db, start.AddDays(-90), default);
        Assert.Equal(3, deleted);
        Assert.Equal(1, await _engine.Db.Conversations.CountAsync());
        Assert.Equal(0, await _engine.Db.Callbacks.CountAsync());
        Assert.False(await _engine.Db.Messages.AnyAsync(m => m.ConversationId != recent.Id));
        var after = await GuidanceFigures.ComputeAsync(_engine.Db, from, to, "fi", null, default);
        Assert.Equivalent(before, after);
        Assert.Equal(1.0 / 3, after.BotOnlyResolvedShare!.Value, 6);
        Assert.Equal(2.0 / 3, after.HandledInChatShare!.Value, 6);
        // Running again deletes nothing and changes no figure.
        Assert.Equal(0, await RetentionJob.PurgeAsync(_engine.Db, start.AddDays(-90), default));
        Assert.Equivalent(before, await GuidanceFigures.ComputeAsync(_engine.Db, from, to, "fi", null, default));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Pulse;
using Tilannekuva.Feedback.Reporting;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Feedback.Tests;

public sealed class SqlitePulseTests : PulseTests
{
    private SqliteFile? _file;

    protected override Task<DatabaseOptions> CreateStoreAsync()
    {
        _file = new SqliteFile();
        return Task.FromResult(_file.Options);
    }

    protected override Task DropStoreAsync()
    {
        _file?.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class PostgresPulseTests : PulseTests
{
    private PostgresServer? _db;

    protected override async Task<DatabaseOptions> CreateStoreAsync()
    {
        _db = await PostgresServer.CreateDatabaseAsync();
        return _db.Options;
    }

    protected override async Task DropStoreAsync()
    {
        if (_db is not null) await _db.DisposeAsync();
    }
}

/// <summary>The staff pulse on each provider: rounds per team and week, answers counted, means hidden under 5, customer figures untouched.</summary>
public abstract class PulseTests : IAsyncLifetime
{
    private FeedbackApp? _app;
    private FeedbackApp App => _app ?? throw new InvalidOperationException("not started");

    protected abstract Task<DatabaseOptions> CreateStoreAsync();
    protected abstract Task DropStoreAsync();

    public async Task InitializeAsync() => _app = await FeedbackApp.StartAsync(await CreateStoreAsync(), 50, listen: false);

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        await DropStoreAsync();
    }

    private static readonly DateOnly Monday = new(2026, 11, 2); // ISO week 2026-W45

    private Task<T> Pulse<T>(Func<PulseService, FeedbackDbContext, Task<T>> use) =>
        App.InScopeAsync(sp => use(sp.GetRequiredService<PulseService>(), sp.GetRequiredService<FeedbackDbContext>()));

    private async Task SubmitAsync(string token, int workload, int change, int team)
    {
        var ok = await Pulse(async (p, _) =>
        {
            var (round, questions) = (await p.FindAsync(token))!.Value;
            return await p.SubmitAsync(round, questions, new Dictionary<string, int> { ["workload"] = workload, ["change"] = change, ["team"] = team });
        });
        Assert.True(ok);
    }

    [Fact]
    public async Task A_round_is_one_per_team_and_week_and_asks_the_versioned_staff_questionnaire()
    {
        var (first, created) = await Pulse((p, _) => p.OpenAsync("TEAM-A", Monday, "esihenkilo"));
        var (again, createdAgain) = await Pulse((p, _) => p.OpenAsync("TEAM-A", Monday.AddDays(6), "esihenkilo"));
        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.Token, again.Token);
        Assert.Equal("2026-W45", first.Week);
        Assert.True(first.Token.Length >= 20);
        var q = await Pulse((_, db) => db.Questionnaires.Include(x => x.Items).SingleAsync(x => x.Id == first.QuestionnaireId));
        Assert.Equal((PulseQuestions.Key, 1, Audience.Staff), (q.Key, q.Version, q.Audience));
        Assert.Equal(PulseQuestions.Codes, q.OrderedItems.Select(i => i.Code));
        Assert.Equal(1, await Pulse((_, db) => db.Questionnaires.CountAsync(x => x.Key == PulseQuestions.Key)));
    }

    [Fact]
    public async Task Answers_are_counted_and_means_appear_only_from_five_answers_on()
    {
        var customerBefore = await Pulse((_, db) => db.Responses.CountAsync());
        var npsBefore = await App.InScopeAsync(sp => sp.GetRequiredService<FeedbackResults>().TotalAsync(new ResultFilter(new DateOnly(2000, 1, 1), new DateOnly(2100, 1, 1), null, null, null)));
        var (round, _) = await Pulse((p, _) => p.OpenAsync("TEAM-B", Monday, "esihenkilo"));
        for (var i = 0; i < 4; i++) await SubmitAsync(round.Token, 2, 4, 5);

        var four = (await Pulse((p, _) => p.ResultsAsync(["TEAM-B"], Monday))).Single();
        Assert.Equal(4, four.Answers);
        Assert.False(four.Shown);
        Assert.All(four.Means, m => Assert.Null(m.Mean));
        Assert.Null(await Pulse((p, _) => p.LatestShownAsync(["TEAM-B"], Monday)));

        await SubmitAsync(round.Token, 4, 4, 5);
        var five = (await Pulse((p, _) => p.ResultsAsync(["TEAM-B"], Monday))).Single();
        Assert.Equal(5, five.Answers);
        Assert.True(five.Shown);
        Assert.Equal([("workload", (double?)2.4), ("change", 4.0), ("team", 5.0)], five.Means);
        Assert.Equal("2026-W45", (await Pulse((p, _) => p.LatestShownAsync(["TEAM-B"], Monday)))!.Week);

        // Nothing of the staff's answers reaches the customer feedback tables or figures.
        Assert.Equal(customerBefore, await Pulse((_, db) => db.Responses.CountAsync()));
        var npsAfter = await App.InScopeAsync(sp => sp.GetRequiredService<FeedbackResults>().TotalAsync(new ResultFilter(new DateOnly(2000, 1, 1), new DateOnly(2100, 1, 1), null, null, null)));
        Assert.Equal(npsBefore.Nps.N, npsAfter.Nps.N);
    }

    [Fact]
    public async Task Incomplete_or_out_of_scale_answers_store_nothing()
    {
        var (round, _) = await Pulse((p, _) => p.OpenAsync("TEAM-C", Monday, "esihenkilo"));
        var stored = await Pulse(async (p, _) =>
        {
            var (r, q) = (await p.FindAsync(round.Token))!.Value;
            return (await p.SubmitAsync(r, q, new Dictionary<string, int> { ["workload"] = 3, ["change"] = 3 }),
                await p.SubmitAsync(r, q, new Dictionary<string, int> { ["workload"] = 3, ["change"] = 3, ["team"] = 6 }));
        });
        Assert.Equal((false, false), stored);
        Assert.Equal(0, await Pulse((_, db) => db.PulseAnswers.CountAsync(a => a.RoundId == round.Id)));
        Assert.Null(await Pulse((p, _) => p.FindAsync("no-such-token")));
    }
}

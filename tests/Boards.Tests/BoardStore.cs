using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tilannekuva.Boards.Figures;
using Tilannekuva.Boards.Storage;
using Tilannekuva.Feedback;
using Tilannekuva.Feedback.Reporting;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Boards.Tests;

/// <summary>A fresh database with the three modules a board reads (Indicators, Feedback, Boards) migrated.</summary>
public sealed class BoardStore : IAsyncDisposable
{
    private readonly IAsyncDisposable? _pg;
    private readonly SqliteFile? _file;

    private BoardStore(DatabaseOptions options, IAsyncDisposable? pg, SqliteFile? file)
    {
        Options = options;
        (_pg, _file) = (pg, file);
        Indicators = IndicatorsStorage.Open(options);
        Feedback = FeedbackStorage.Open(options);
        Boards = BoardsStorage.Open(options, new FixedUserName("test"));
    }

    public DatabaseOptions Options { get; }
    public IndicatorsDbContext Indicators { get; }
    public FeedbackDbContext Feedback { get; }
    public BoardsDbContext Boards { get; }
    public BoardSettings Settings { get; } = new();

    public static async Task<BoardStore> CreateAsync(bool postgres)
    {
        BoardStore store;
        if (postgres)
        {
            var pg = await PostgresServer.CreateDatabaseAsync("tk_board");
            store = new BoardStore(pg.Options, pg, null);
        }
        else
        {
            var file = new SqliteFile();
            store = new BoardStore(file.Options, null, file);
        }
        await ModuleMigrator.MigrateAsync([store.Indicators, store.Feedback, store.Boards]);
        return store;
    }

    public BoardQuery Query() => new(Indicators, new FeedbackResults(Feedback, Microsoft.Extensions.Options.Options.Create(new FeedbackOptions())), Settings);

    public BoardsService Service(TimeProvider clock) => new(Boards, Query(), Settings, clock);

    public async ValueTask DisposeAsync()
    {
        await Indicators.DisposeAsync();
        await Feedback.DisposeAsync();
        await Boards.DisposeAsync();
        if (_pg is not null) await _pg.DisposeAsync();
        _file?.Dispose();
    }
}

/// <summary>A clock the test sets.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}

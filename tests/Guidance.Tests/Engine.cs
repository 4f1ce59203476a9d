using Tilannekuva.Guidance.Bot;
using Tilannekuva.Guidance.Demo;
using Tilannekuva.Guidance.Storage;
using Tilannekuva.Storage;

namespace Tilannekuva.Guidance.Tests;

/// <summary>The engine on a real store (migrated SQLite file or PostgreSQL database) with the demo teams and articles, and the message writer as the web app has it.</summary>
public sealed class Engine : IAsyncDisposable
{
    public const string Advisor = "neuvoja1";
    public const string FamilyAdvisor = "neuvoja2";

    private Engine(DatabaseOptions db, GuidanceSettings settings)
    {
        Db = GuidanceStorage.Open(db);
        Options = db;
        Settings = settings;
        Writer = new MessageWriter(db);
    }

    public MessageWriter Writer { get; }

    public GuidanceDbContext Db { get; }
    public DatabaseOptions Options { get; }
    public GuidanceSettings Settings { get; }
    public KnowledgeBot Bot { get; } = new();
    /// <summary>A Tuesday 10:00 Finnish time: the demo teams are open.</summary>
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    public static async Task<Engine> StartAsync(DatabaseOptions db, GuidanceSettings? settings = null)
    {
        var e = new Engine(db, settings ?? new GuidanceSettings());
        await ModuleMigrator.MigrateAsync(e.Db);
        await GuidanceDemo.LoadIfEmptyAsync(e.Db, [Advisor]);
        await using (var other = GuidanceStorage.Open(db))
            await new GuidanceService(other, e.Bot, e.Settings, e.Clock).AddMemberAsync("admin", GuidanceDemo.FamilyTeam, FamilyAdvisor, default);
        return e;
    }

    /// <summary>A service on a fresh context (as one request or hub call would have).</summary>
    public GuidanceService Service() => new(GuidanceStorage.Open(Options), Bot, Settings, Clock, writer: Writer);

    /// <summary>A service without the message writer (every message through its own context, as before the writer).</summary>
    public GuidanceService ServiceWithoutWriter() => new(GuidanceStorage.Open(Options), Bot, Settings, Clock);

    public async ValueTask DisposeAsync()
    {
        Writer.Dispose();
        await Db.DisposeAsync();
    }
}

/// <summary>A clock the test moves.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
    public void Advance(TimeSpan by) => Now += by;
}

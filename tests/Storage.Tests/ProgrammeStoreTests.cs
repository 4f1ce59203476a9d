using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Storage.Tests;

/// <summary>SQLite: a fresh database file per test.</summary>
public sealed class SqliteProgrammeStoreTests : ProgrammeStoreTests
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

/// <summary>PostgreSQL: a fresh database per test on the server named by TILANNEKUVA_TEST_PG.</summary>
public sealed class PostgresProgrammeStoreTests : ProgrammeStoreTests
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

/// <summary>
/// The Programme module's storage, run once per provider: migrations, a round trip of a small
/// programme graph, the audit log, and a failed save that must leave nothing behind.
/// </summary>
public abstract class ProgrammeStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset RecordedAt = new(2024, 6, 30, 12, 15, 0, TimeSpan.Zero);

    private DatabaseOptions? _db;

    protected DatabaseOptions Db => _db ?? throw new InvalidOperationException("store not created");

    protected abstract Task<DatabaseOptions> CreateStoreAsync();

    protected abstract Task DropStoreAsync();

    public async Task InitializeAsync() => _db = await CreateStoreAsync();

    public Task DisposeAsync() => DropStoreAsync();

    private ProgrammeDbContext Open(string user) => ProgrammeStorage.Open(Db, new FixedUserName(user));

    private async Task MigrateAsync()
    {
        await using var db = ProgrammeStorage.Open(Db);
        await db.Database.MigrateAsync();
    }

    [Fact]
    public async Task Migrations_create_the_schema_once_and_match_the_model()
    {
        var first = await ModuleMigrator.MigrateAsync(Db, [d => ProgrammeStorage.Open(d)]);
        var applied = Assert.Single(first).Applied;
        await using (var fresh = Open("anna"))
            Assert.Equal(fresh.Database.GetMigrations(), applied);
        Assert.EndsWith("_InitialCreate", applied[0]);

        var second = await ModuleMigrator.MigrateAsync(Db, [d => ProgrammeStorage.Open(d)]);
        Assert.Empty(Assert.Single(second).Applied);

        await using var db = Open("anna");
        Assert.Equal(applied, await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(),
            "The Programme model has changed since the last migration: run scripts/add-migration <Name> (or InitialCreate --replace).");
        Assert.Equal(0, await db.Programmes.CountAsync());
    }

    [Fact]
    public async Task Migrator_migrates_the_contexts_registered_for_dependency_injection()
    {
        await using var services = new ServiceCollection().AddProgrammeStorage(Db).BuildServiceProvider();
        var result = Assert.Single(await ModuleMigrator.MigrateAsync(services, [typeof(ProgrammeDbContext)]));
        Assert.EndsWith("ProgrammeDbContext", result.Context);
        Assert.EndsWith("_InitialCreate", result.Applied[0]);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProgrammeDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task A_programme_graph_round_trips()
    {
        await MigrateAsync();
        int programmeId;
        await using (var db = Open("anna"))
        {
            var programme = SampleProgramme();
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
            programmeId = programme.Id;
        }

        await using (var db = Open("anna"))
        {
            var p = await db.Programmes
                .Include(x => x.Pillars).ThenInclude(x => x.Investments).ThenInclude(x => x.WorkPackages).ThenInclude(x => x.Actions).ThenInclude(x => x.History)
                .Include(x => x.Pillars).ThenInclude(x => x.Investments).ThenInclude(x => x.WorkPackages).ThenInclude(x => x.Metrics).ThenInclude(x => x.Targets)
                .Include(x => x.Pillars).ThenInclude(x => x.Investments).ThenInclude(x => x.WorkPackages).ThenInclude(x => x.Metrics).ThenInclude(x => x.Measurements)
                .Include(x => x.Pillars).ThenInclude(x => x.Investments).ThenInclude(x => x.WorkPackages).ThenInclude(x => x.Risks)
                .AsSplitQuery()
                .SingleAsync(x => x.Id == programmeId);

            Assert.Equal("Kestävän kasvun Kainuu II", p.Name);
            Assert.Equal((2023, 2025), (p.StartYear, p.EndYear));
            var pillar = Assert.Single(p.Pillars);
            Assert.Equal(("P1", "Vihreä siirtymä"), (pillar.Code, pillar.Title));
            var investment = Assert.Single(pillar.Investments);
            Assert.Equal(1_234_567.89m, investment.CostEstimate);
            var wp = Assert.Single(investment.WorkPackages);
            Assert.Equal(("TP1 a2", new DateOnly(2023, 1, 1), new DateOnly(2025, 12, 31), 250_000.50m),
                (wp.Code, wp.Start, wp.End, wp.CostEstimate));

            var action = Assert.Single(wp.Actions);
            Assert.Equal((1, "Chat-palvelun käyttöönotto"), (action.Number, action.Title));
            Assert.Equal(2, action.History.Count);
            var current = action.Current!;
            Assert.Equal((ActionStatus.Postponed, new DateOnly(2024, 5, 2), new DateOnly(2024, 9, 1)), (current.Status, current.Date, current.PostponedTo));

            var metric = Assert.Single(wp.Metrics);
            Assert.Equal((programmeId, MetricKind.Percentage, 41.5m), (metric.ProgrammeId, metric.Kind, metric.Baseline));
            var target = Assert.Single(metric.Targets);
            Assert.Equal((66m, "2024Q2"), (target.Value, target.DuePeriod));
            var measurement = Assert.Single(metric.Measurements);
            Assert.Equal((new DateOnly(2024, 6, 30), 58.25m, 1200, RecordedAt), (measurement.Date, measurement.Value, measurement.N, measurement.RecordedAt));
            Assert.Equal(TrafficLight.Red, MetricAssessment.Of(metric, new DateOnly(2024, 7, 1)).Light);

            var risk = Assert.Single(wp.Risks);
            Assert.Equal(("Rekrytointi viivästyy", 3, 4, 12), (risk.Description, risk.Probability, risk.Impact, risk.Score));
        }
    }

    [Fact]
    public async Task Every_change_writes_an_audit_row_with_user_before_and_after()
    {
        await MigrateAsync();
        var programme = SampleProgramme();
        await using (var db = Open("anna"))
        {
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
        }

        var wp = programme.Pillars[0].Investments[0].WorkPackages[0];
        var expected = new List<(string Type, string Id)>
        {
            (nameof(DevelopmentProgramme), programme.Id.ToString()),
            (nameof(Pillar), programme.Pillars[0].Id.ToString()),
            (nameof(Investment), programme.Pillars[0].Investments[0].Id.ToString()),
            (nameof(WorkPackage), wp.Id.ToString()),
            (nameof(WorkAction), wp.Actions[0].Id.ToString()),
            (nameof(ActionStatusEntry), wp.Actions[0].History[0].Id.ToString()),
            (nameof(ActionStatusEntry), wp.Actions[0].History[1].Id.ToString()),
            (nameof(Metric), wp.Metrics[0].Id.ToString()),
            (nameof(MetricTarget), wp.Metrics[0].Targets[0].Id.ToString()),
            (nameof(Measurement), wp.Metrics[0].Measurements[0].Id.ToString()),
            (nameof(Risk), wp.Risks[0].Id.ToString()),
        };

        await using (var db = Open("anna"))
        {
            var added = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(expected.OrderBy(e => e).ToList(), added.Select(a => (a.EntityType, a.EntityId)).OrderBy(e => e).ToList());
            Assert.All(added, a =>
            {
                Assert.Equal("anna", a.UserName);
                Assert.Equal("Added", a.Change);
                Assert.Null(a.Before);
                Assert.NotNull(a.After);
                Assert.True(DateTimeOffset.UtcNow - a.At < TimeSpan.FromMinutes(5), $"audit time {a.At} is not now");
            });
            var riskAdded = added.Single(a => a.EntityType == nameof(Risk));
            Assert.Equal(12, Json(riskAdded.After!).GetProperty("Score").GetInt32());
        }

        // Modify: before holds the old value, after the new one, and the row names the user who changed it.
        var riskId = wp.Risks[0].Id;
        await using (var db = Open("ben"))
        {
            var risk = await db.Risks.SingleAsync(r => r.Id == riskId);
            risk.Probability = 2;
            risk.Score = 8;
            await db.SaveChangesAsync();
        }

        // Delete: before holds the last values, after is empty.
        var targetId = wp.Metrics[0].Targets[0].Id;
        await using (var db = Open("cecilia"))
        {
            db.MetricTargets.Remove(await db.MetricTargets.SingleAsync(t => t.Id == targetId));
            await db.SaveChangesAsync();
        }

        await using (var db = Open("anna"))
        {
            var rows = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(expected.Count + 2, rows.Count);

            var modified = rows.Single(a => a.Change == "Modified");
            Assert.Equal(("ben", nameof(Risk), riskId.ToString()), (modified.UserName, modified.EntityType, modified.EntityId));
            Assert.Equal(12, Json(modified.Before!).GetProperty("Score").GetInt32());
            Assert.Equal(3, Json(modified.Before!).GetProperty("Probability").GetInt32());
            Assert.Equal(8, Json(modified.After!).GetProperty("Score").GetInt32());
            Assert.Equal(2, Json(modified.After!).GetProperty("Probability").GetInt32());

            var deleted = rows.Single(a => a.Change == "Deleted");
            Assert.Equal(("cecilia", nameof(MetricTarget), targetId.ToString()), (deleted.UserName, deleted.EntityType, deleted.EntityId));
            Assert.Equal(66m, Json(deleted.Before!).GetProperty("Value").GetDecimal());
            Assert.Null(deleted.After);

            Assert.False(await db.MetricTargets.AnyAsync(t => t.Id == targetId));
            Assert.Equal(8, (await db.Risks.SingleAsync(r => r.Id == riskId)).Score);
        }
    }

    [Fact]
    public async Task A_failing_save_leaves_the_store_as_it_was_and_writes_no_audit_rows()
    {
        await MigrateAsync();
        var programme = SampleProgramme();
        var wp = programme.Pillars[0].Investments[0].WorkPackages[0];
        wp.Assignments.Add(new WorkPackageAssignment { UserName = "anna" });
        await using (var db = Open("anna"))
        {
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
        }

        var before = await CountsAsync();

        await using (var db = Open("ben"))
        {
            // A valid change and a new risk, saved together with an assignment that breaks the
            // unique index on (WorkPackageId, UserName): all or nothing.
            var stored = await db.WorkPackages.SingleAsync(w => w.Id == wp.Id);
            stored.Title = "Renamed in the failed save";
            db.Risks.Add(new Risk { WorkPackageId = wp.Id, Description = "Lost with the failed save", Probability = 1, Impact = 1, Score = 1 });
            db.Assignments.Add(new WorkPackageAssignment { WorkPackageId = wp.Id, UserName = "anna" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(before, await CountsAsync());
        await using (var db = Open("anna"))
        {
            Assert.Equal(wp.Title, (await db.WorkPackages.SingleAsync(w => w.Id == wp.Id)).Title);
            Assert.DoesNotContain(await db.AuditEntries.Select(a => a.UserName).ToListAsync(), u => u == "ben");
        }
    }

    private async Task<(int Audit, int Assignments, int Risks, int WorkPackages)> CountsAsync()
    {
        await using var db = Open("anna");
        return (await db.AuditEntries.CountAsync(), await db.Assignments.CountAsync(), await db.Risks.CountAsync(), await db.WorkPackages.CountAsync());
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    /// <summary>Programme → pillar → investment → work package with an action and its status history, a metric with a target and a measurement, and a risk.</summary>
    private static DevelopmentProgramme SampleProgramme()
    {
        var wp = new WorkPackage
        {
            Code = "TP1 a2", Title = "Sähköinen asiointi", Responsible = "projektipäällikkö", ServiceArea = "Perhepalvelut",
            Start = new DateOnly(2023, 1, 1), End = new DateOnly(2025, 12, 31), CostEstimate = 250_000.50m, Order = 1,
            Actions =
            [
                new WorkAction
                {
                    Number = 1, Title = "Chat-palvelun käyttöönotto",
                    History =
                    [
                        new ActionStatusEntry { Status = ActionStatus.Ongoing, Date = new DateOnly(2024, 1, 15), RecordedBy = "anna" },
                        new ActionStatusEntry { Status = ActionStatus.Postponed, Date = new DateOnly(2024, 5, 2), PostponedTo = new DateOnly(2024, 9, 1), Comment = "Hankinta viivästyi", RecordedBy = "anna" },
                    ],
                },
            ],
            Risks = [new Risk { Description = "Rekrytointi viivästyy", Probability = 3, Impact = 4, Score = 12, Mitigation = "Aikainen haku", Owner = "projektijohtaja" }],
        };
        var programme = new DevelopmentProgramme
        {
            Name = "Kestävän kasvun Kainuu II", StartYear = 2023, EndYear = 2025, Funder = "STM",
            Pillars =
            [
                new Pillar
                {
                    Code = "P1", Title = "Vihreä siirtymä", Order = 1,
                    Investments = [new Investment { Code = "I1", Title = "Hoitotakuu", Order = 1, CostEstimate = 1_234_567.89m, WorkPackages = [wp] }],
                },
            ],
        };
        // The metric belongs to the work package and, through ProgrammeId, to the programme: both keys are set by EF.
        var metric = new Metric
        {
            Name = "Hoitotakuu 7 vrk", Kind = MetricKind.Percentage, Unit = "%", Baseline = 41.5m, BaselineNote = "2022",
            Targets = [new MetricTarget { Value = 66m, DuePeriod = "2024Q2" }],
            Measurements = [new Measurement { Date = new DateOnly(2024, 6, 30), Value = 58.25m, N = 1200, Source = "Pegasos", RecordedBy = "anna", RecordedAt = RecordedAt }],
        };
        wp.Metrics.Add(metric);
        programme.Metrics.Add(metric);
        return programme;
    }
}

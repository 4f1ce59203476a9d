using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tilannekuva.Boards.Figures;
using Tilannekuva.Feedback;
using Tilannekuva.Feedback.Reporting;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Ingest;
using Tilannekuva.Indicators.Results;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Storage;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Dashboards.Tests;

public sealed class SqliteBuilderTests : BuilderTests, IDisposable
{
    private readonly SqliteFile _file = new();
    protected override Task<DatabaseOptions> DatabaseAsync() => Task.FromResult(_file.Options);
    public void Dispose() => _file.Dispose();

    /// <summary>
    /// One target per measure: a programme metric linked to the care-guarantee indicator, with its own 64 % by 2025Q4, governs — the
    /// strategic view has one item for the indicator (not also the catalogue's 80 %), and the unit lights judge against 64 %.
    /// </summary>
    [Fact]
    public async Task A_programme_target_governs_its_indicator_everywhere()
    {
        var (builder, db) = await SeedAsync();
        await using var _ = db;
        await using (var programme = ProgrammeStorage.Open(_file.Options))
        {
            programme.Programmes.Add(new DevelopmentProgramme
            {
                Name = "Ohjelma", StartYear = 2024, EndYear = 2026,
                Metrics = [new Metric { Name = "Hoitotakuu", Kind = MetricKind.Percentage, IndicatorCode = "care_guarantee_7d",
                    Targets = [new MetricTarget { Value = 64, DuePeriod = "2025Q4" }] }],
            });
            await programme.SaveChangesAsync();
        }
        var d = (await builder.StrategicAsync("R", new DateOnly(2025, 1, 15)))!;
        var item = Assert.Single(d.Items, i => i.IndicatorCode == "care_guarantee_7d");
        Assert.Equal(("programme", new TargetRef(64, "2025Q4", "Ohjelma")), (item.Source, item.Target));
        // 61, 63, 62, 65 → 68.8 at 2025Q4: meets 64 (the catalogue's 80 % would be red).
        Assert.Equal((TrafficLight.Green, TrajectoryReason.AlreadyMet), (item.Light, item.Judgement!.Reason));
        var t = (await builder.TacticalAsync("R", "quarter", new DateOnly(2025, 1, 15)))!.Indicators.Single(i => i.Code == "care_guarantee_7d");
        Assert.Equal(64, t.Target!.Value);
        // U3: 50 → 55, below 64 today, but the line reaches 55 + 4 · 5 = 75 by 2025Q4: on track against the programme's target.
        Assert.Equal(TrafficLight.Green, t.Units.Single(u => u.Unit.Id == "U3").Light);
    }
}

public sealed class PostgresBuilderTests(PostgresServer server) : BuilderTests, IClassFixture<PostgresServer>
{
    protected override Task<DatabaseOptions> DatabaseAsync() => Task.FromResult(server.Options);
}

/// <summary>
/// The dashboards over stored indicator values on a real store: region R (65 % in 2024Q4) → areas A1 (60 %, 100
/// visits) and A2 (67.5 %, 200) → units U1 (A1, 3 visits in 2024Q4: under the minimum cell size) and U2 (80 %, 100 visits),
/// U3 (55 %, 120 visits) in A2.
/// Region quarters 61, 63, 62, 65 % (= 60 + the hand-computed case 1, 3, 2, 5).
/// </summary>
public abstract class BuilderTests
{
    private static readonly DateOnly AsOf = new(2025, 1, 15);
    private const string Code = "care_guarantee_7d";

    protected abstract Task<DatabaseOptions> DatabaseAsync();

    protected async Task<(DashboardBuilder Builder, IndicatorsDbContext Db)> SeedAsync()
    {
        var options = await DatabaseAsync();
        var db = await IndicatorsStorage.OpenMigratedAsync(options);
        if (!await db.OrgUnits.AnyAsync())
        {
            OrgUnit U(string id, string? parent, OrgUnitKind kind) => new() { SourceId = id, Name = "Yksikkö " + id, ParentId = parent, Kind = kind, SourceFile = "test", SourceLine = 1 };
            db.OrgUnits.AddRange(U("R", null, OrgUnitKind.Region), U("A1", "R", OrgUnitKind.Area), U("A2", "R", OrgUnitKind.Area),
                U("U1", "A1", OrgUnitKind.Unit), U("U2", "A2", OrgUnitKind.Unit), U("U3", "A2", OrgUnitKind.Unit));
            await db.SaveChangesAsync();
            await OrgUnitTree.RebuildAsync(db);
            IndicatorValue V(string unit, string period, double num, double den, long n) => new()
            {
                IndicatorCode = Code, PeriodType = "quarter", PeriodCode = period, OrgUnitId = unit, Dimension = "total", Category = "",
                Numerator = num, Denominator = den, Value = 100 * num / den, N = n,
            };
            db.IndicatorValues.AddRange(
                V("R", "2024Q1", 61, 100, 100), V("R", "2024Q2", 63, 100, 100), V("R", "2024Q3", 62, 100, 100), V("R", "2024Q4", 195, 300, 300),
                V("A1", "2024Q3", 50, 100, 100), V("A1", "2024Q4", 60, 100, 100), V("A2", "2024Q3", 140, 200, 200), V("A2", "2024Q4", 135, 200, 200),
                V("U1", "2024Q4", 2, 3, 3), V("U2", "2024Q3", 70, 100, 100), V("U2", "2024Q4", 80, 100, 100), V("U3", "2024Q3", 50, 100, 100), V("U3", "2024Q4", 66, 120, 120));
            await db.SaveChangesAsync();
        }
        var feedback = FeedbackStorage.Open(options);
        await FeedbackStorage.MigrateAsync(feedback);
        var programme = ProgrammeStorage.Open(options);
        await programme.Database.MigrateAsync();
        var results = new FeedbackResults(feedback, Options.Create(new FeedbackOptions()));
        var boardSettings = new BoardSettings();
        return (new DashboardBuilder(new IndicatorResults(db), new FeedbackIndicators(results, feedback), results, new FeedbackOverview(feedback), programme,
            new BoardQuery(db, results, boardSettings), boardSettings, TimeProvider.System, Options.Create(new DashboardOptions())), db);
    }

    [Fact]
    public async Task Strategic_forecast_traffic_light_and_pull_down_from_the_stored_values()
    {
        var (builder, db) = await SeedAsync();
        await using var _ = db;
        var d = (await builder.StrategicAsync("R", AsOf))!;
        var item = d.Items.Single(i => i.Id == "catalogue-" + Code);
        Assert.Equal([61.0, 63, 62, 65], item.Quarters.Select(q => Math.Round(q.Value!.Value, 9)));
        Assert.Equal("2024Q4", item.Latest!.Period);
        // The target due next after 15.1.2025 is 80 % by 2025Q4 (66 % by 2024Q2 has passed); 65 is more than 10 % short: red.
        Assert.Equal(new TargetRef(80, "2025Q4"), item.Target);
        Assert.Equal(TrafficLight.Red, item.Light);
        // Forecast 2025Q1..2025Q4 at x = 4..7 from 2024Q1: 61.1 + 1.1 x; at 2025Q4 68.8 ± 5.920658.
        Assert.Equal(["2025Q1", "2025Q2", "2025Q3", "2025Q4"], item.Forecast.Select(f => f.Period));
        Assert.Equal(68.8, item.Forecast[^1].Value, 9);
        Assert.Equal(68.8 - 5.920658, item.Forecast[^1].Low!.Value, 5);
        Assert.Equal(65.5 + 3.464803, item.Forecast[0].High!.Value, 5);
        // A1 pulls the region down by (65 − 60) · 100 / 300 points; A2 lifts it by the same.
        Assert.Equal(["A1", "A2"], item.Areas.Select(a => a.Unit.Id));
        Assert.Equal(5.0 / 3, item.Areas[0].Contribution!.Value, 9);
        Assert.Equal(-5.0 / 3, item.Areas[1].Contribution!.Value, 9);
        // An indicator with a target but no values: grey, no forecast.
        var remote = d.Items.Single(i => i.Id == "catalogue-remote_contact_share");
        Assert.Equal((TrafficLight.Grey, 0), (remote.Light, remote.Forecast.Count));
    }

    [Fact]
    public async Task Tactical_ranks_units_with_the_change_and_suppresses_small_ones()
    {
        var (builder, db) = await SeedAsync();
        await using var _ = db;
        var d = (await builder.TacticalAsync("R", "quarter", AsOf))!;
        Assert.Equal(("2024Q4", "2024Q3"), (d.Period, d.PreviousPeriod));
        var cg = d.Indicators.Single(i => i.Code == Code);
        // U1 (n = 3) is under the minimum; U2, the smallest unit shown, goes with it, or U1 = total − U2 − U3.
        Assert.Equal(["U3", "U1", "U2"], cg.Units.Select(u => u.Unit.Id));
        Assert.Equal([1, (int?)null, null], cg.Units.Select(u => u.Rank));
        Assert.Equal(55, cg.Units[0].Current.Value!.Value, 9);
        Assert.Equal(5, cg.Units[0].Change!.Value, 9); // 55 − 50
        foreach (var hidden in cg.Units.Skip(1))
        {
            Assert.Equal((true, (double?)null, (long?)null), (hidden.Current.Suppressed, hidden.Current.Value, hidden.Current.N));
            Assert.Null(hidden.Change);
        }
        Assert.Equal(70, cg.Units.Single(u => u.Unit.Id == "U2").Previous!.Value!.Value, 9); // 2024Q3 had no small cell
        Assert.True(cg.Units.All(u => u.Leaf));
        // No waiting list or callbacks in this store: the queue situation is all zeros, shown as such.
        Assert.Equal(3, d.Queue.Units.Count);
        Assert.All(d.Queue.Units.Prepend(d.Queue.Whole), r => Assert.Equal((0.0, false), (r.Waiting.Value!.Value, r.Waiting.Suppressed)));
    }

    [Fact]
    public async Task The_cache_key_changes_when_the_values_are_recomputed()
    {
        var (_, db) = await SeedAsync();
        await using var __ = db;
        var results = new IndicatorResults(db);
        var before = await results.VersionAsync();
        Assert.Equal(before, await results.VersionAsync());
        // A recompute deletes an indicator's values and inserts them anew.
        var rows = await db.IndicatorValues.Where(v => v.OrgUnitId == "U3").ToListAsync();
        db.IndicatorValues.RemoveRange(rows);
        await db.SaveChangesAsync();
        db.IndicatorValues.AddRange(rows.Select(r => new IndicatorValue
        {
            IndicatorCode = r.IndicatorCode, PeriodType = r.PeriodType, PeriodCode = r.PeriodCode, OrgUnitId = r.OrgUnitId, Dimension = r.Dimension,
            Category = r.Category, Numerator = r.Numerator, Denominator = r.Denominator, Value = r.Value, N = r.N,
        }));
        await db.SaveChangesAsync();
        Assert.NotEqual(before, await results.VersionAsync());
    }
}

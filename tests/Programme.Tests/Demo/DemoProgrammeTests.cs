using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Programme.Demo;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Storage;
using Tilannekuva.Storage;

namespace Tilannekuva.Programme.Tests.Demo;

public sealed class DemoProgrammeTests
{
    private static readonly DateOnly Today = new(2025, 3, 14);

    private static IEnumerable<WorkPackage> WorkPackages(DevelopmentProgramme p) =>
        p.Pillars.SelectMany(x => x.Investments).SelectMany(i => i.WorkPackages);

    private static IEnumerable<Metric> AllMetrics(DevelopmentProgramme p) =>
        p.Metrics.Concat(WorkPackages(p).SelectMany(w => w.Metrics));

    private static WorkPackage Wp(DevelopmentProgramme p, string investment, string code) =>
        p.Pillars.SelectMany(x => x.Investments).Single(i => i.Code == investment).WorkPackages.Single(w => w.Code == code);

    [Fact]
    public void Build_is_deterministic()
    {
        var a = DemoProgramme.Build(Today);
        var b = DemoProgramme.Build(Today);
        Assert.Equal(WorkPackages(a).Count(), WorkPackages(b).Count());
        Assert.Equal(AllMetrics(a).Sum(m => m.Measurements.Count), AllMetrics(b).Sum(m => m.Measurements.Count));
        Assert.Equal(JsonSerializer.Serialize(a), JsonSerializer.Serialize(b));
    }

    [Fact]
    public void Build_differs_only_by_date_for_another_day()
    {
        var a = DemoProgramme.Build(Today);
        var b = DemoProgramme.Build(Today.AddYears(1));
        Assert.Equal(WorkPackages(a).Select(w => w.CostEstimate), WorkPackages(b).Select(w => w.CostEstimate));
        Assert.Equal(a.StartYear + 1, b.StartYear);
    }

    [Theory]
    [InlineData(2025, 3, 14)]
    [InlineData(2026, 1, 1)]
    [InlineData(2027, 12, 31)]
    [InlineData(2024, 2, 29)]
    [InlineData(2025, 12, 24)]
    [InlineData(2026, 9, 30)]
    public void Programme_is_live_relative_to_today(int year, int month, int day)
    {
        var today = new DateOnly(year, month, day);
        var p = DemoProgramme.Build(today);
        Assert.Equal(DemoProgramme.Name, p.Name);
        Assert.Equal(today.Year - 1, p.StartYear);
        Assert.Equal(today.Year + 1, p.EndYear);
        Assert.All(AllMetrics(p).SelectMany(m => m.Measurements), m =>
        {
            Assert.True(m.Date <= today);
            Assert.Equal(new DateTimeOffset(m.Date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero), m.RecordedAt);
        });
        Assert.All(WorkPackages(p).SelectMany(w => w.Actions).SelectMany(a => a.History), h => Assert.True(h.Date < today));
        Assert.All(WorkPackages(p), w =>
        {
            Assert.True(w.Start < w.End);
            Assert.All(w.Milestones, m => Assert.InRange(m.Due!.Value, w.Start!.Value, w.End!.Value));
            Assert.All(w.Actions.SelectMany(a => a.History), h => Assert.True(h.Date >= w.Start));
        });
        Assert.All(p.PlanChanges, c => Assert.InRange(c.Date, new DateOnly(p.StartYear, 1, 1), today));
        Assert.All(p.ReviewMeetings, r => Assert.InRange(r.Date, today.AddYears(-1), today));
        Assert.All(WorkPackages(p).SelectMany(w => w.Actions), a =>
        {
            var dates = a.History.Select(h => h.Date).ToList();
            Assert.Equal(dates.Order(), dates);
            Assert.Equal(dates.Count, dates.Distinct().Count());
        });
    }

    [Fact]
    public void Structure_follows_the_plan()
    {
        var p = DemoProgramme.Build(Today);
        Assert.True(p.Pillars.Count >= 2);
        Assert.Equal(["Pilari 3", "Pilari 4"], p.Pillars.Select(x => x.Code));
        var wps = WorkPackages(p).ToList();
        Assert.True(wps.Count >= 15);
        Assert.All(wps, w =>
        {
            Assert.InRange(w.Goals.Count, 2, 4);
            Assert.InRange(w.Actions.Count, 3, 5);
            Assert.InRange(w.Outputs.Count, 2, 3);
            Assert.InRange(w.Milestones.Count, 3, 4);
            Assert.InRange(w.Metrics.Count, 1, 3);
            Assert.InRange(w.Risks.Count, 1, 3);
            Assert.Equal(Enumerable.Range(1, w.Actions.Count), w.Actions.Select(a => a.Number));
            Assert.All(w.Actions, a => Assert.NotEmpty(a.History));
            Assert.All(w.Metrics, m => Assert.NotEmpty(m.Targets));
        });
    }

    [Theory]
    [InlineData("IPS", "TP1", 362_000)]
    [InlineData("1a", "TP1", 876_660)]
    [InlineData("1a", "TP2", 1_182_060)]
    [InlineData("1a", "TP3", 252_450)]
    [InlineData("1a", "TP4", 222_460)]
    [InlineData("1a", "TP5", 222_460)]
    [InlineData("1b", "TP1", 305_520)]
    [InlineData("1b", "TP2", 462_100)]
    [InlineData("1b", "TP3", 213_940)]
    [InlineData("1b", "TP4", 107_350)]
    [InlineData("2", "TP1", 344_560)]
    [InlineData("2", "TP2", 239_440)]
    [InlineData("3", "TP1", 212_500)]
    [InlineData("3", "TP2", 104_500)]
    [InlineData("4.1", "TP1 a)", 220_740)]
    [InlineData("4.1", "TP1 c)", 15_620)]
    [InlineData("4.1", "TP1 e)", 335_080)]
    [InlineData("4.1", "TP1 g)", 100_000)]
    [InlineData("4.2", "TP1 a1", 120_740)]
    [InlineData("4.2", "TP1 a2", 220_740)]
    [InlineData("4.2", "TP1 a6", 92_160)]
    [InlineData("4.3", "TP1 b)", 42_590)]
    [InlineData("4.4", "TP1 b)", 109_330)]
    public void Work_package_costs_are_as_in_the_plan(string investment, string code, int euros)
    {
        var wp = Wp(DemoProgramme.Build(Today), investment, code);
        Assert.Equal(euros, wp.CostEstimate);
        Assert.Equal(wp.CostEstimate, wp.BudgetLines.Sum(b => b.Planned));
    }

    [Fact]
    public void Total_is_the_plans_total()
    {
        var p = DemoProgramme.Build(Today);
        Assert.Equal(6_465_000m, WorkPackages(p).Sum(w => w.CostEstimate));
    }

    [Fact]
    public void Budget_lines_sum_to_the_cost_estimate_and_actuals_are_plausible()
    {
        var p = DemoProgramme.Build(Today);
        Assert.All(WorkPackages(p), w =>
        {
            Assert.Equal(["Henkilöstökulut", "Ostopalvelut", "Muut kulut"], w.BudgetLines.Select(b => b.Category));
            Assert.Equal(w.CostEstimate, w.BudgetLines.Sum(b => b.Planned));
            Assert.All(w.BudgetLines, b =>
            {
                Assert.True(b.Planned > 0);
                Assert.InRange(b.Actual, 0, b.Planned * 1.2m);
                Assert.True(b.Forecast >= b.Actual);
            });
        });
        Assert.True(WorkPackages(p).Count(w => w.ProcurementLines.Count > 0) >= 3);
    }

    [Fact]
    public void Exactly_one_investment_differs_from_its_work_packages()
    {
        var p = DemoProgramme.Build(Today);
        var wrong = p.Pillars.SelectMany(x => x.Investments)
            .Where(i => i.CostEstimate != i.WorkPackages.Sum(w => w.CostEstimate)).ToList();
        var single = Assert.Single(wrong);
        Assert.Equal("1b", single.Code);
    }

    [Fact]
    public void Exactly_one_risk_score_is_wrong()
    {
        var risks = WorkPackages(DemoProgramme.Build(Today)).SelectMany(w => w.Risks).ToList();
        Assert.All(risks, r =>
        {
            Assert.InRange(r.Probability, 1, 5);
            Assert.InRange(r.Impact, 1, 5);
        });
        Assert.Single(risks, r => r.Score != r.Probability * r.Impact);
    }

    [Fact]
    public void Metric_quirks_for_the_consistency_checks_appear_once_each()
    {
        var p = DemoProgramme.Build(Today);
        var metrics = AllMetrics(p).ToList();
        Assert.Single(metrics.SelectMany(m => m.Targets), t => t.DuePeriod is null);
        Assert.All(metrics.SelectMany(m => m.Targets).Where(t => t.DuePeriod is not null), t => Assert.True(Period.TryParse(t.DuePeriod, out _)));
        Assert.Single(metrics.Where(m => m.Kind == MetricKind.Percentage).SelectMany(m => m.Measurements),
            m => m.Value is < 0 or > 100);
        var stale = metrics.Where(m => m.Measurements.Count == 0 || m.Measurements.Max(x => x.Date) < Today.AddMonths(-3)).ToList();
        Assert.Single(stale);
        Assert.All(metrics.Where(m => m.Kind == MetricKind.Scale), m =>
        {
            Assert.Equal(1, m.ScaleMin);
            Assert.Equal(5, m.ScaleMax);
            Assert.All(m.Measurements, x => Assert.InRange(x.Value!.Value, 1, 5));
        });
        var kinds = metrics.Select(m => m.Kind).Distinct().ToList();
        Assert.Equal(Enum.GetValues<MetricKind>().Length, kinds.Count);
    }

    [Fact]
    public void Programme_level_indicators_are_there()
    {
        var p = DemoProgramme.Build(Today);
        Assert.All(p.Metrics, m => Assert.Null(m.WorkPackageId));
        var care = Assert.Single(p.Metrics, m => m.IndicatorCode == "care_guarantee_7d");
        Assert.Equal("Hoitotakuu 7 vrk toteutuu", care.Name);
        Assert.Equal(MetricKind.Percentage, care.Kind);
        Assert.Contains(care.Targets, t => t.Value == 80 && t.DuePeriod == $"{p.EndYear}Q4");
        var interim = Assert.Single(care.Targets, t => t.Value == 66);
        Assert.True(Period.Parse(interim.DuePeriod!).End < Today);
        Assert.All(care.Measurements, m => Assert.InRange(m.Value!.Value, 57, 71));
        Assert.True(care.Measurements.OrderBy(m => m.Date).Last().Value > care.Measurements.OrderBy(m => m.Date).First().Value);
        var remote = Assert.Single(p.Metrics, m => m.IndicatorCode == "remote_contact_share");
        Assert.Contains(remote.Targets, t => t.Value == 35);
        Assert.All(remote.Measurements, m => Assert.InRange(m.Value!.Value, 29, 38));
        Assert.Equal(MetricKind.Nps, Assert.Single(p.Metrics, m => m.IndicatorCode == "feedback.nps").Kind);
        Assert.False(Assert.Single(p.Metrics, m => m.IndicatorCode == "failure_demand_share").HigherIsBetter);
    }

    [Fact]
    public void Action_statuses_cover_the_review_cases()
    {
        var p = DemoProgramme.Build(Today);
        var actions = WorkPackages(p).SelectMany(w => w.Actions).ToList();
        var current = actions.Select(a => a.Current!).ToList();
        Assert.Single(current, c => c.Status == ActionStatus.Discontinued);
        Assert.Single(current, c => c.Status == ActionStatus.Cancelled);
        Assert.True(current.Count(c => c.Status == ActionStatus.Done) >= 10);
        Assert.True(current.Count(c => c.Status == ActionStatus.Ongoing) >= 10);
        Assert.True(current.Count(c => c.Status == ActionStatus.Planned) >= 1);
        var postponed = current.Where(c => c.Status == ActionStatus.Postponed).ToList();
        Assert.True(postponed.Count >= 2);
        Assert.All(postponed, c => Assert.True(c.PostponedTo > Today));
        Assert.All(actions.SelectMany(a => a.History).Where(h => h.Status != ActionStatus.Postponed), h => Assert.Null(h.PostponedTo));

        var lastReview = p.ReviewMeetings.Max(r => r.Date);
        Assert.True(actions.SelectMany(a => a.History).Count(h => h.Date > lastReview) >= 5);
        Assert.True(actions.SelectMany(a => a.History).Count(h => h.Date > Today.AddMonths(-2)) >= 5);
    }

    [Fact]
    public void Milestones_include_overdue_ones()
    {
        var milestones = WorkPackages(DemoProgramme.Build(Today)).SelectMany(w => w.Milestones).ToList();
        Assert.All(milestones, m => Assert.NotNull(m.Due));
        Assert.InRange(milestones.Count(m => m.Due < Today && !m.Done), 2, 8);
        Assert.Contains(milestones, m => m.Period.StartsWith("Kevät", StringComparison.Ordinal) || m.Period.StartsWith("Syksy", StringComparison.Ordinal) || m.Period.StartsWith("Kesä", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_changes_and_review_meetings()
    {
        var p = DemoProgramme.Build(Today);
        Assert.True(p.PlanChanges.Count(c => c.Status == PlanChangeStatus.Approved) >= 3);
        Assert.InRange(p.PlanChanges.Count(c => c.Status == PlanChangeStatus.InPreparation), 1, 2);
        Assert.All(p.PlanChanges, c => Assert.True(c.Date <= Today));
        var meetings = p.ReviewMeetings.OrderBy(r => r.Date).ToList();
        Assert.Equal(4, meetings.Count);
        Assert.InRange(Today.DayNumber - meetings[^1].Date.DayNumber, 60, 92);
        Assert.True(meetings[0].Date >= Today.AddYears(-1));
    }

    [Fact]
    public void Planners_are_assigned_except_one_work_package()
    {
        var wps = WorkPackages(DemoProgramme.Build(Today)).ToList();
        Assert.All(wps.SelectMany(w => w.Assignments), a => Assert.Contains(a.UserName, DemoProgramme.PlannerUserNames));
        Assert.Single(wps, w => w.Assignments.Count == 0);
        Assert.All(DemoProgramme.PlannerUserNames, u => Assert.Contains(wps, w => w.Assignments.Any(a => a.UserName == u)));
    }

    [Fact]
    public void No_personal_names_from_the_seed_documents()
    {
        var json = JsonSerializer.Serialize(DemoProgramme.Build(Today), new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var surname in new[] { "Väyrynen", "Juntunen", "Mulari", "Rajatalo", "Moilanen", "Rautio", "Tusa", "Keränen" })
            Assert.DoesNotMatch($@"\b{surname}\b", json);
    }

    [Fact]
    public async Task LoadAsync_is_idempotent_against_sqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tilannekuva-demo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "demo.db");
        try
        {
            DevelopmentProgramme first;
            await using (var db = ProgrammeStorage.Open(DatabaseOptions.SqliteFile(path)))
            {
                await db.Database.EnsureCreatedAsync();
                first = await DemoProgramme.LoadAsync(db, Today);
            }
            await using (var db = ProgrammeStorage.Open(DatabaseOptions.SqliteFile(path)))
            {
                var second = await DemoProgramme.LoadAsync(db, Today.AddDays(3));
                Assert.Equal(first.Id, second.Id);
                Assert.Equal(1, await db.Programmes.CountAsync());
                Assert.Equal(WorkPackages(first).Count(), await db.WorkPackages.CountAsync());

                var built = DemoProgramme.Build(Today);
                Assert.Equal(WorkPackages(built).Count(), WorkPackages(second).Count());
                Assert.Equal(built.Metrics.Count, second.Metrics.Count);
                Assert.All(second.Metrics, m => Assert.Null(m.WorkPackageId));
                Assert.Equal(AllMetrics(built).Count(), await db.Metrics.CountAsync());
                Assert.Equal(AllMetrics(built).Sum(m => m.Measurements.Count), await db.Measurements.CountAsync());
                Assert.Equal(WorkPackages(built).Sum(w => w.CostEstimate), WorkPackages(second).Sum(w => w.CostEstimate));
                Assert.All(await db.Metrics.ToListAsync(), m => Assert.Equal(second.Id, m.ProgrammeId));
                Assert.All(second.PlanChanges, c => Assert.NotNull(c.WorkPackageId));
                var wpIds = WorkPackages(second).Select(w => w.Id).ToHashSet();
                Assert.All(second.PlanChanges, c => Assert.Contains(c.WorkPackageId!.Value, wpIds));
                Assert.Single(WorkPackages(second), w => w.Assignments.Count == 0);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}

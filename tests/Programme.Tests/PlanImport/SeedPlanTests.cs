using Tilannekuva.Programme.PlanImport;
using Xunit.Abstractions;

namespace Tilannekuva.Programme.Tests.PlanImport;

/// <summary>The Kainuu II plan as pdftotext extracted it (../shared/seeds); skipped with a message when absent.</summary>
public sealed class SeedPlanTests(ITestOutputHelper output)
{
    private static PlanPreview Seed() => PlanImporter.PreviewFile(SeedPlan.Path!);

    [SeedFact]
    public void Every_pillar_investment_and_work_package_is_found()
    {
        var p = Seed();
        output.WriteLine(PlanDump.Of(p));
        Assert.Equal("Kestävän kasvun Kainuu II", p.Programme.Name);
        Assert.Equal(["Pilari 3", "Pilari 4"], p.Programme.Pillars.Select(x => x.Code));
        Assert.Equal(["IPS", "1a", "1b", "2", "3", "4.1", "4.2", "4.3", "4.4"], p.Programme.Pillars.SelectMany(x => x.Investments).Select(i => i.Code));
        var codes = p.Programme.Pillars.SelectMany(x => x.Investments).SelectMany(i => i.WorkPackages.Select(w => $"{i.Code}/{w.Code}"));
        Assert.Equal(
        [
            "IPS/TP1", "1a/TP1", "1a/TP2", "1a/TP3", "1a/TP4", "1a/TP5", "1b/TP1", "1b/TP2", "1b/TP3", "1b/TP4", "2/TP1", "2/TP2", "3/TP1", "3/TP2",
            "4.1/TP1 a)", "4.1/TP1 c)", "4.1/TP1 e1", "4.1/TP1 g)", "4.2/TP1 a1", "4.2/TP1 a2", "4.2/TP1 a5", "4.2/TP1 a6", "4.3/b)", "4.4/b)",
        ], codes);
    }

    [SeedFact]
    public void Every_work_package_cost_equals_the_plans_figure()
    {
        var p = Seed();
        decimal[] expected =
        [
            362_000, 876_660, 1_182_060, 252_450, 222_460, 222_460, 305_520, 462_100, 213_940, 107_350, 344_560, 239_440, 212_500, 104_500,
            220_740, 15_620, 335_080, 100_000, 120_740, 220_740, 100_000, 92_160, 42_590, 109_330,
        ];
        Assert.Equal(expected, p.WorkPackages.Select(w => w.CostEstimate));
        Assert.Equal(6_465_000m, p.CostTableTotal);
        Assert.Equal([362_000m, 2_756_090m, 1_088_910m, 584_000m, 317_000m, 671_440m, 533_640m, 42_590m, 109_330m],
            p.Programme.Pillars.SelectMany(x => x.Investments).Select(i => i.CostEstimate));
        Assert.DoesNotContain(p.Findings, f => f.Kind is ImportFindingKind.WorkPackageCostMissing or ImportFindingKind.InvestmentCostMismatch
            or ImportFindingKind.CostTableTotalMismatch or ImportFindingKind.PlanTotalMismatch or ImportFindingKind.CostRowUnmatched);
    }

    [SeedFact]
    public void The_risk_table_rows_are_found()
    {
        var p = Seed();
        Assert.Equal([(2, 5, 10), (2, 5, 10), (2, 4, 8), (1, 3, 3), (4, 4, 16), (2, 3, 6)], p.Risks.Select(r => (r.Probability, r.Impact, r.Score)));
        Assert.StartsWith("Toimenpiteet eivät etene suunnitelmallisesti", p.Risks[0].Description);
        Assert.Equal("Hyvinvointialueen johto", p.Risks[4].Owner);
        Assert.All(p.Risks, r => Assert.NotEmpty(r.Mitigation));
        Assert.All(p.Risks, r => Assert.NotNull(p.LinesOf(r)));
        Assert.DoesNotContain(p.Findings, f => f.Kind is ImportFindingKind.RiskScoreMismatch or ImportFindingKind.RiskOwnerMissing);
    }

    [SeedFact]
    public void Indicators_actions_and_source_lines()
    {
        var p = Seed();
        var indicators = PlanDiff.ProgrammeLevelMetrics(p.Programme);
        Assert.Equal(4, indicators.Count);
        Assert.Equal([(66m, "2024Q2"), (80m, "2025Q4")], indicators[0].Targets.Select(t => (t.Value!.Value, t.DuePeriod!)));
        var tp2 = p.Programme.Pillars[1].Investments[0].WorkPackages[1];
        Assert.Equal(8, tp2.Actions.Count); // two groups of four, numbered 1–8
        Assert.StartsWith("Neuropsykiatrinen kuntoutus: ", tp2.Actions[4].Title);
        Assert.All(p.WorkPackages, w => Assert.NotNull(p.LinesOf(w)));
        Assert.All(p.WorkPackages.SelectMany(w => w.Actions), a => Assert.NotNull(p.LinesOf(a)));
        Assert.Equal(new SourceLines(157, 210), p.LinesOf(p.Programme.Pillars[1].Investments[0].WorkPackages[0]));
        Assert.Contains(p.Unplaced, u => u.Reason == UnplacedReason.FieldNotImported && u.Text.StartsWith("Palvelun skaalautuvuus", StringComparison.Ordinal));
        Assert.Equal(3, p.Noise.Count(n => n.Reason == "PageFooter"));
    }
}

using System.Globalization;
using Tilannekuva.Programme.Checks;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Tests.Fixtures;

namespace Tilannekuva.Programme.Tests.Checks;

public class ConsistencyChecksTests
{
    private static readonly CultureInfo Fi = CultureInfo.GetCultureInfo("fi-FI");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public void Consistent_programme_has_no_findings()
    {
        Assert.Empty(ConsistencyChecks.Run(new StandardProgramme().Programme));
    }

    [Fact]
    public void Work_package_estimates_not_summing_to_investment_are_found()
    {
        var f = new ProgrammeFixture();
        var inv = f.Investment(f.Pillar("P1", "Pilari"), "INV1", "Investointi", 100_000m);
        f.WorkPackage(inv, "TP1", "A", 60_000m);
        f.WorkPackage(inv, "TP2", "B", 30_000m);

        var finding = Assert.Single(ConsistencyChecks.Run(f.Programme));
        Assert.Equal(FindingKind.InvestmentCostMismatch, finding.Kind);
        Assert.Equal(FindingSubject.Investment, finding.Subject);
        Assert.Equal(inv.Id, finding.SubjectId);
        var fi = finding.Message(Fi);
        Assert.Contains("INV1", fi);
        Assert.Contains("90\u00a0000 €", fi);   // fi groups thousands with a no-break space
        Assert.Contains("100\u00a0000 €", fi);
        Assert.Contains("€90,000", finding.Message(En));
    }

    [Fact]
    public void Budget_lines_not_summing_to_cost_estimate_are_found_but_missing_lines_are_not()
    {
        var f = new ProgrammeFixture();
        var inv = f.Investment(f.Pillar("P1", "Pilari"), "INV1", "Investointi", 150_000m);
        var wp = f.WorkPackage(inv, "TP1", "A", 100_000m);
        f.WorkPackage(inv, "TP2", "Ilman budjettirivejä", 50_000m);
        f.Budget(wp, "Henkilöstö", 70_000m, 0, 0);
        f.Budget(wp, "Ostot", 20_000m, 0, 0);

        var finding = Assert.Single(ConsistencyChecks.Run(f.Programme));
        Assert.Equal(FindingKind.BudgetLinesMismatch, finding.Kind);
        Assert.Equal(wp.Id, finding.SubjectId);
        Assert.Equal(wp.Id, finding.WorkPackageId);
        Assert.Equal([(object?)"TP1", 90_000m, 100_000m], finding.Args);
    }

    [Fact]
    public void Risk_score_and_range_are_checked()
    {
        var f = new ProgrammeFixture();
        var inv = f.Investment(f.Pillar("P1", "Pilari"), "INV1", "Investointi", 0m);
        var wp = f.WorkPackage(inv, "TP1", "A", 0m);
        f.Risk(wp, "Oikein", 3, 4, 12);
        var wrongScore = f.Risk(wp, "Väärä tulo", 3, 4, 7);
        var outOfRange = f.Risk(wp, "Liian suuri", 6, 2, 12);
        var zero = f.Risk(wp, "Nolla", 0, 3, 0);

        var findings = ConsistencyChecks.Run(f.Programme);
        Assert.Equal(3, findings.Count);
        var score = Assert.Single(findings, x => x.Kind == FindingKind.RiskScoreMismatch);
        Assert.Equal(wrongScore.Id, score.SubjectId);
        Assert.Contains("3 × 4 = 12", score.Message(Fi));
        var ranges = findings.Where(x => x.Kind == FindingKind.RiskValueOutOfRange).Select(x => x.SubjectId).ToList();
        Assert.Equal([outOfRange.Id, zero.Id], ranges);
    }

    [Fact]
    public void Targets_without_or_with_unreadable_due_period_are_found()
    {
        var f = new ProgrammeFixture();
        var m = f.Metric(null, "Hoitotakuu", MetricKind.Percentage);
        f.Target(m, 66m, "Q2/2024");
        f.Target(m, 70m, null);
        f.Target(m, 80m, "kevät 2025");

        var findings = ConsistencyChecks.Run(f.Programme);
        Assert.Equal([FindingKind.TargetWithoutDuePeriod, FindingKind.TargetDuePeriodUnparseable], findings.Select(x => x.Kind));
        Assert.All(findings, x => Assert.Equal(m.Id, x.SubjectId));
        Assert.Contains("kevät 2025", findings[1].Message(Fi));
        Assert.DoesNotContain("()", findings[0].Message(Fi));
    }

    [Theory]
    [InlineData(MetricKind.Percentage, null, null, 100, true)]
    [InlineData(MetricKind.Percentage, null, null, 0, true)]
    [InlineData(MetricKind.Percentage, null, null, 100.5, false)]
    [InlineData(MetricKind.Percentage, null, null, -1, false)]
    [InlineData(MetricKind.Nps, null, null, -100, true)]
    [InlineData(MetricKind.Nps, null, null, 101, false)]
    [InlineData(MetricKind.Scale, 1.0, 5.0, 5, true)]
    [InlineData(MetricKind.Scale, 1.0, 5.0, 0.5, false)]
    [InlineData(MetricKind.Scale, 1.0, 5.0, 5.1, false)]
    [InlineData(MetricKind.YesNo, null, null, 1, true)]
    [InlineData(MetricKind.YesNo, null, null, 0, true)]
    [InlineData(MetricKind.YesNo, null, null, 2, false)]
    [InlineData(MetricKind.Count, null, null, 12345, true)]
    public void Measurement_ranges_follow_metric_kind(MetricKind kind, double? min, double? max, double value, bool ok)
    {
        var f = new ProgrammeFixture();
        var inv = f.Investment(f.Pillar("P1", "Pilari"), "INV1", "Investointi", 0m);
        var wp = f.WorkPackage(inv, "TP7", "A", 0m);
        var m = f.Metric(wp, "Mittari", kind, scaleMin: (decimal?)min, scaleMax: (decimal?)max);
        f.Measure(m, new DateOnly(2024, 5, 31), (decimal)value);

        var findings = ConsistencyChecks.Run(f.Programme);
        if (ok) Assert.Empty(findings);
        else
        {
            var x = Assert.Single(findings);
            Assert.Equal(FindingKind.MeasurementOutOfRange, x.Kind);
            Assert.Equal(m.Id, x.SubjectId);
            Assert.Equal(wp.Id, x.WorkPackageId);
            Assert.Contains("31.5.2024", x.Message(Fi));
            Assert.Contains("(TP7)", x.Message(Fi));
        }
    }
}

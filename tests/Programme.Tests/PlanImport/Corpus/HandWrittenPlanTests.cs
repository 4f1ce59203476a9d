using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.PlanImport;

namespace Tilannekuva.Programme.Tests.PlanImport.Corpus;

/// <summary>The hand-written plans give the programme a reader sees in them, and the consistency findings name what does not add up.</summary>
public sealed class HandWrittenPlanTests
{
    [Fact]
    public void Kuusela_unnumbered_with_prose_metrics_and_per_work_package_costs()
    {
        var p = PlanImporter.Preview(HandWrittenPlans.Kuusela, "kuusela.txt");
        Assert.Equal("Kestävän kasvun Kuusela", p.Programme.Name);
        Assert.Equal(["Pilari 3", "Pilari 4"], p.Programme.Pillars.Select(x => x.Code));
        Assert.Equal(["–", "1a", "1b"], p.Programme.Pillars.SelectMany(x => x.Investments).Select(i => i.Code));
        Assert.Equal([("TP1", "Työkykykoordinaattorit", 210_000m), ("TP2 b)", "Sähköinen ajanvaraus", 150_000m), ("TP1", "Etävastaanotto", 90_000m)],
            p.WorkPackages.Select(w => (w.Code, w.Title, w.CostEstimate)));
        Assert.Equal([2, 2, 1], p.WorkPackages.Select(w => w.Actions.Count));
        Assert.Contains(p.Findings, f => f.Kind == ImportFindingKind.ImpliedInvestment);

        var m1 = Assert.Single(p.WorkPackages.First().Metrics);
        Assert.Equal("Työkykyarvioiden osuus nousee 80 prosenttiin (kvartaali 4/2025 mennessä)", m1.Name);
        Assert.Equal((MetricKind.Percentage, "%"), (m1.Kind, m1.Unit));
        Assert.Equal([(80m, "2025Q4")], m1.Targets.Select(t => (t.Value!.Value, t.DuePeriod!)));
        var m2 = Assert.Single(p.WorkPackages.ElementAt(1).Metrics);
        Assert.Equal([(35m, "2025-02")], m2.Targets.Select(t => (t.Value!.Value, t.DuePeriod!)));

        // Costs: one row per investment part; the row for Etävastaanotto says 95 000, its work package 90 000.
        Assert.Equal([210_000m, 150_000m, 95_000m], p.Programme.Pillars.SelectMany(x => x.Investments).Select(i => i.CostEstimate));
        Assert.Null(p.CostTableTotal);
        var cost = Assert.Single(p.Findings, f => f.Kind == ImportFindingKind.InvestmentCostMismatch);
        Assert.Contains("−5,000", cost.Message(System.Globalization.CultureInfo.GetCultureInfo("en")));

        Assert.Equal([("Koordinaattoreita ei saada", 3, 3, 9, "Hankejohtaja"), ("Järjestelmä ei valmistu", 2, 4, 9, "Tietohallinto")],
            p.Risks.Select(r => (r.Description, r.Probability, r.Impact, r.Score, r.Owner)));
        var score = Assert.Single(p.Findings, f => f.Kind == ImportFindingKind.RiskScoreMismatch);
        Assert.Contains("2 × 4 = 8", score.Message(System.Globalization.CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public void Rantala_sub_units_bullets_dotted_amounts_and_a_total_that_does_not_add_up()
    {
        var p = PlanImporter.Preview(HandWrittenPlans.Rantala, "rantala.txt");
        Assert.Equal("Kestävän kasvun Rantala", p.Programme.Name);
        var inv = Assert.Single(p.Programme.Pillars.SelectMany(x => x.Investments));
        Assert.Equal(("1b", "Digitaaliset palvelut ikääntyneille", 160_000m), (inv.Code, inv.Title, inv.CostEstimate));
        Assert.Equal([("TP1 a1", "Digituki kotiin", 120_000m), ("TP1 e1", "Omaishoitajien etäryhmät", 40_000m)], inv.WorkPackages.Select(w => (w.Code, w.Title, w.CostEstimate)));
        var metrics = inv.WorkPackages[0].Metrics;
        Assert.Equal(["Digitukikäyntien määrä", "Etäpalvelujen käyttäjien osuus nousee 40 prosenttiin (kvartaali 2/2025 mennessä)"], metrics.Select(m => m.Name));
        Assert.Equal([(40m, "2025Q2")], metrics[1].Targets.Select(t => (t.Value!.Value, t.DuePeriod!)));
        Assert.Equal(170_000m, p.CostTableTotal);
        var total = Assert.Single(p.Findings, f => f.Kind == ImportFindingKind.CostTableTotalMismatch);
        Assert.Contains("−10,000", total.Message(System.Globalization.CultureInfo.GetCultureInfo("en")));
        var risk = Assert.Single(p.Risks);
        Assert.Equal(("Ikääntyneet eivät innostu", 9, "Palvelualueen johtaja"), (risk.Description, risk.Score, risk.Owner));
    }
}

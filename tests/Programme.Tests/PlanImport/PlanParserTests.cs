using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.PlanImport;

namespace Tilannekuva.Programme.Tests.PlanImport;

public sealed class PlanParserTests
{
    private static PlanPreview Synthetic() => PlanImporter.Preview(SyntheticPlans.Text, "koivula.txt");

    [Fact]
    public void Cleanup_drops_footers_and_url_lines_and_joins_hyphenated_words()
    {
        var (lines, noise) = PlanText.Clean("Alku korona-\npandemia jatkuu\n       9(29) \nhttps://thl.fi/x\nhoito- \nja palvelu\nHyTe-\npalvelut\nHELLÄ -\nhankkeessa");
        Assert.Equal(["PageFooter", "Url"], noise.Select(n => n.Reason));
        Assert.Equal([3, 4], noise.Select(n => n.Number));
        Assert.Equal("Alku koronapandemia", lines[0].Text);
        Assert.Equal("jatkuu", lines[1].Text);
        Assert.Equal("hoito-", lines[2].Text);          // suspended hyphen before "ja" stays
        Assert.Equal("HyTe-palvelut", lines[4].Text);    // hyphen of a proper compound stays
        Assert.Equal("HELLÄ -hankkeessa", lines[5].Text);
        Assert.Equal(9, lines[5].Number);
    }

    [Fact]
    public void Synthetic_plan_gives_the_tree_with_costs_and_line_ranges()
    {
        var p = Synthetic();
        var prog = p.Programme;
        Assert.Equal("Testihanke Koivula", prog.Name);
        Assert.Equal((2024, 2025), (prog.StartYear, prog.EndYear));
        Assert.Contains("koronapandemia kasvatti jonoja", prog.Description);
        Assert.Contains("Pitkäaikaissairaat ja omaishoitajat.", p.TargetGroup);
        Assert.Equal("Hoitoon pääsy nopeutuu.", p.MainGoals);

        var pillar = Assert.Single(prog.Pillars);
        Assert.Equal(("Pilari 4", "Sosiaali- ja terveydenhuollon palvelujen saatavuuden vahvistaminen"), (pillar.Code, pillar.Title));
        Assert.Equal(new SourceLines(16, 17), p.LinesOf(pillar));
        Assert.Equal(["1", "2"], pillar.Investments.Select(i => i.Code));
        Assert.Equal([1_637_060m, 100_000m], pillar.Investments.Select(i => i.CostEstimate));

        var inv1 = pillar.Investments[0];
        Assert.Equal(["TP1", "TP2"], inv1.WorkPackages.Select(w => w.Code));
        var wp1 = inv1.WorkPackages[0];
        Assert.Equal("Vastaanoton sujuvoittaminen", wp1.Title);
        Assert.Equal(455_000m, wp1.CostEstimate);
        Assert.Equal("Taustaa vastaanotosta.", wp1.Background);
        Assert.Equal(["Hoitoon pääsee viikossa.", "Jonot lyhenevät."], wp1.Goals.Select(g => g.Text));
        Assert.Equal(["Kuvataan hoitoketjut.", "Koulutetaan henkilöstöryhmät.", "Otetaan käyttöön takaisinsoitto."], wp1.Actions.Select(a => a.Title));
        Assert.Equal([1, 2, 3], wp1.Actions.Select(a => a.Number));
        Assert.Equal(new SourceLines(27, 27), p.LinesOf(wp1.Actions[1])); // "henkilöstö-" + "ryhmät." joined on line 27
        Assert.Equal(["Hoitoketjukuvaus.", "Koulutusmateriaali."], wp1.Outputs.Select(o => o.Text));
        Assert.Equal([("Kevät 2024", "hoitoketjut kuvattu.", new DateOnly(2024, 5, 31)), ("2025", "takaisinsoitto käytössä.", new DateOnly(2025, 12, 31))],
            wp1.Milestones.Select(m => (m.Period, m.Text, m.Due!.Value)));
        Assert.Equal([("Hoitoon pääsy", MetricKind.Text), ("takaisinsoittojen määrä", MetricKind.Count)], wp1.Metrics.Select(m => (m.Name, m.Kind)));
        Assert.All(wp1.Metrics, m => Assert.Empty(m.Targets));
        Assert.Equal(new SourceLines(23, 33), p.LinesOf(wp1));

        var wp2 = inv1.WorkPackages[1];
        Assert.Equal(("Omaishoitajien tuki", 1_182_060m), (wp2.Title, wp2.CostEstimate));
        Assert.Equal(["Perustetaan vertaisryhmät", "Järjestetään etätuki"], wp2.Actions.Select(a => a.Title));
        Assert.Equal("2024", Assert.Single(wp2.Milestones).Period);

        // Fields straight under investment 2: one work package, said so in the findings.
        var implied = Assert.Single(pillar.Investments[1].WorkPackages);
        Assert.Equal(("TP1", "Digitaaliset palvelut", 100_000m), (implied.Code, implied.Title, implied.CostEstimate));
        Assert.Contains(p.Findings, f => f.Kind == ImportFindingKind.ImpliedWorkPackage);

        // Every work package metric is also a programme metric (Metric.ProgrammeId is required).
        Assert.All(p.WorkPackages.SelectMany(w => w.Metrics), m => Assert.Contains(m, prog.Metrics));
    }

    [Fact]
    public void Synthetic_plan_cost_table_indicators_and_risks()
    {
        var p = Synthetic();
        Assert.Equal([1_637_060m, 100_000m], p.CostTable.Select(r => r.Amount!.Value));
        Assert.Equal(["1", "2"], p.CostTable.Select(r => r.MatchedInvestment));
        Assert.Equal(new SourceLines(61, 63), p.CostTable[0].Lines);
        Assert.Equal(1_737_060m, p.CostTableTotal);
        Assert.DoesNotContain(p.Findings, f => f.Kind is ImportFindingKind.InvestmentCostMismatch or ImportFindingKind.CostTableTotalMismatch
            or ImportFindingKind.PlanTotalMismatch or ImportFindingKind.CostRowUnmatched or ImportFindingKind.WorkPackageCostMissing);

        var indicator = Assert.Single(Tilannekuva.Programme.PlanImport.PlanDiff.ProgrammeLevelMetrics(p.Programme));
        Assert.Equal("Investointi 1: kiireettömistä käynneistä 80 %:iin Q4/2025 mennessä", indicator.Name);
        Assert.Equal(MetricKind.Percentage, indicator.Kind);
        Assert.Equal([(66m, "2024Q2"), (80m, "2025Q4")], indicator.Targets.Select(t => (t.Value!.Value, t.DuePeriod!)));

        Assert.Equal(2, p.Risks.Count);
        var r1 = p.Risks[0];
        Assert.Equal(("Rekrytointi ei onnistu", 3, 4, 12), (r1.Description, r1.Probability, r1.Impact, r1.Score));
        Assert.Equal("Rekrytoidaan ajoissa. Perehdytys dokumentoidaan.", r1.Mitigation);
        Assert.Equal("Projektijohtaja, HR", r1.Owner);
        Assert.Equal(new SourceLines(85, 92), p.LinesOf(r1));
        var r2 = p.Risks[1];
        Assert.Equal(("Järjestelmätoimittaja viivästyy", 2, 4, 9, "Tietohallinto"), (r2.Description, r2.Probability, r2.Impact, r2.Score, r2.Owner));
        var mismatch = Assert.Single(p.Findings, f => f.Kind == ImportFindingKind.RiskScoreMismatch);
        Assert.Equal(new SourceLines(94, 99), mismatch.Lines);
    }

    [Fact]
    public void Synthetic_plan_reports_unplaced_text_and_noise_and_invents_nothing()
    {
        var p = Synthetic();
        Assert.Equal([13, 36], p.Noise.Select(n => n.Number));
        Assert.Contains(p.Unplaced, u => u.Reason == UnplacedReason.InvestmentText && u.Lines == new SourceLines(21, 21) && u.Text == "Investoinnin johdantoteksti, jolle ei ole paikkaa.");
        Assert.Contains(p.Unplaced, u => u.Reason == UnplacedReason.SectionNotImported && u.Lines.From == 53);
        Assert.Contains(p.Unplaced, u => u.Reason == UnplacedReason.IndicatorText && u.Text.Contains("hoitoon pääsy nopeutuu"));
        // Every non-blank source line is either imported, unplaced, noise or a recognised heading/header.
        var placed = new HashSet<int>();
        void Add(SourceLines? l) { if (l is { } x) for (var n = x.From; n <= x.To; n++) placed.Add(n); }
        foreach (var u in p.Unplaced) Add(u.Lines);
        foreach (var n in p.Noise) placed.Add(n.Number);
        foreach (var pi in p.Programme.Pillars) { Add(p.LinesOf(pi)); foreach (var i in pi.Investments) Add(p.LinesOf(i)); }
        foreach (var r in p.Risks) Add(p.LinesOf(r));
        foreach (var c in p.CostTable) Add(c.Lines);
        Add(p.LinesOf(p.Programme));
        foreach (var m in p.Programme.Metrics) Add(p.LinesOf(m));
        var lines = SyntheticPlans.Text.Split('\n');
        var headings = new[] { "Hankesuunnitelma", "1. Hankkeen tarve", "2. Kohderyhmä", "3. Hankkeen päätavoitteet", "4. Pilarit ja Investoinnit", "7.2 Hankkeen kustannukset",
            "Pilari Investointi Osa-alue Kustannukset, €", "Yhteensä 1 737 060 €", "7.4 Seuranta ja arviointi", "7.5 Riskit ja niihin varautuminen" };
        var missing = Enumerable.Range(1, lines.Length)
            .Where(n => lines[n - 1].Trim().Length > 0 && !placed.Contains(n) && !headings.Contains(lines[n - 1].Trim()))
            .Where(n => n is < 4 or > 11)   // need, target group and main goals are in the description
            .Where(n => n is < 74 or > 83)  // risk table header
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Docx_parses_the_same_as_its_text()
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            foreach (var para in SyntheticPlans.DocxParagraphs)
            {
                if (para == "#COSTS") body.Append(Table(SyntheticPlans.CostTable));
                else if (para == "#RISKS") body.Append(Table(SyntheticPlans.RiskTable));
                else body.Append(new Paragraph(new Run(new Text(para) { Space = SpaceProcessingModeValues.Preserve })));
            }
            main.Document = new Document(body);
        }
        ms.Position = 0;
        var fromDocx = PlanImporter.Preview(ms, "koivula.docx");
        var fromText = Synthetic();
        Assert.Equal(Shape(fromText), Shape(fromDocx));
        Assert.Equal(fromText.Findings.Select(f => f.Kind), fromDocx.Findings.Select(f => f.Kind));
        Assert.Equal(fromText.CostTable.Select(c => (c.Amount, c.MatchedInvestment)), fromDocx.CostTable.Select(c => (c.Amount, c.MatchedInvestment)));
        Assert.Equal(fromText.CostTableTotal, fromDocx.CostTableTotal);
    }

    private static Table Table(string[][] rows)
    {
        var t = new Table();
        foreach (var row in rows)
            t.Append(new TableRow(row.Select(c => new TableCell(new Paragraph(new Run(new Text(c)))))));
        return t;
    }

    /// <summary>Everything the import stores, as comparable text.</summary>
    internal static List<string> Shape(PlanPreview p)
    {
        var s = new List<string> { $"{p.Programme.Name} {p.Programme.StartYear}-{p.Programme.EndYear}", p.Programme.Description };
        foreach (var pi in p.Programme.Pillars)
        {
            s.Add($"P {pi.Code} {pi.Title}");
            foreach (var i in pi.Investments)
            {
                s.Add($"I {i.Code} {i.Title} {i.CostEstimate}");
                foreach (var w in i.WorkPackages)
                {
                    s.Add($"W {w.Code} {w.Title} {w.CostEstimate} {w.Background}");
                    s.AddRange(w.Goals.Select(g => $"G {g.Text}"));
                    s.AddRange(w.Actions.Select(a => $"A {a.Number} {a.Title}"));
                    s.AddRange(w.Outputs.Select(o => $"O {o.Text}"));
                    s.AddRange(w.Milestones.Select(m => $"M {m.Period} {m.Due} {m.Text}"));
                    s.AddRange(w.Metrics.Select(m => $"K {m.Kind} {m.Name}"));
                }
            }
        }
        s.AddRange(p.Programme.Metrics.Select(m => $"PM {m.Name} {string.Join(",", m.Targets.Select(t => $"{t.Value}@{t.DuePeriod}"))}"));
        s.AddRange(p.Risks.Select(r => $"R {r.Description} {r.Probability} {r.Impact} {r.Score} {r.Mitigation} {r.Owner}"));
        return s;
    }
}

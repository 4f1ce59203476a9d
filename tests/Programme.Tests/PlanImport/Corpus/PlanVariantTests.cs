using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Tilannekuva.Programme.PlanImport;

namespace Tilannekuva.Programme.Tests.PlanImport.Corpus;

/// <summary>
/// The robustness corpus: the synthetic base plan written along each axis on which real plans differ must give
/// the same programme (tree, costs, risks, metrics, targets) as the plan written the usual way.
/// </summary>
public sealed partial class PlanVariantTests
{
    public static readonly RenderOptions Usual = new();

    public static readonly Dictionary<string, RenderOptions> Variants = new()
    {
        ["headings without dots"] = Usual with { Headings = HeadingStyle.NoDot },
        ["headings with a parenthesis"] = Usual with { Headings = HeadingStyle.Paren },
        ["headings without numbers"] = Usual with { Headings = HeadingStyle.None },
        ["other heading wordings"] = Usual with { OtherWordings = true },
        ["work packages as TP1"] = Usual with { WorkPackages = WorkPackageLabel.Tp },
        ["work packages as TP 1:"] = Usual with { WorkPackages = WorkPackageLabel.TpSpace },
        ["work packages in capitals"] = Usual with { WorkPackages = WorkPackageLabel.TyopakettiUpper },
        ["field labels on their own line"] = Usual with { Fields = FieldStyle.OwnLineColon },
        ["field labels without colon"] = Usual with { Fields = FieldStyle.OwnLineNoColon },
        ["wrapped at 72"] = Usual with { Wrap = 72 },
        ["wrapped at 48"] = Usual with { Wrap = 48 },
        ["non-breaking spaces in amounts"] = Usual with { Amounts = AmountStyle.Nbsp },
        ["dots in amounts"] = Usual with { Amounts = AmountStyle.Dots },
        ["amounts in euroa"] = Usual with { Amounts = AmountStyle.Euroa },
        ["risk cells wrapped narrow"] = Usual with { Risks = RiskStyle.WrappedBlocks },
        ["risk table with tab cells"] = Usual with { Risks = RiskStyle.Tabs },
        ["risk scores as 3 × 4 = 12"] = Usual with { Risks = RiskStyle.Formula },
        ["risk table as pdftotext -layout"] = Usual with { Risks = RiskStyle.Layout },
        ["investments as Inv 1:"] = Usual with { Investments = InvestmentLabel.Inv },
        ["investments as Inv. 1 without number"] = Usual with { Investments = InvestmentLabel.InvDot },
        ["metrics as bullets"] = Usual with { BulletMetrics = true },
        ["costs per work package"] = Usual with { CostsPerWorkPackage = true },
        ["page footers between work packages"] = Usual with { PageBreaks = true },
        ["no total row"] = Usual with { NoTotalRow = true },
        ["page headers and Sivu n / m footers"] = Usual with { PageHeaders = true },
        ["everything at once"] = new RenderOptions
        {
            Headings = HeadingStyle.NoDot, WorkPackages = WorkPackageLabel.TpSpace, Fields = FieldStyle.OwnLineColon, Wrap = 60,
            Amounts = AmountStyle.Nbsp, Risks = RiskStyle.WrappedBlocks, BulletMetrics = true, PageBreaks = true,
        },
    };

    public static TheoryData<string> VariantNames => [.. Variants.Keys];

    private static PlanPreview Read(string text, string name = "harjula.txt") => PlanImporter.Preview(text, name);

    private static List<string> Expected => PlanParserTests.Shape(Read(PlanRenderer.Render(BasePlan.Sample, Usual)));

    [Fact]
    public void The_usual_writing_gives_the_base_plan()
    {
        var plan = BasePlan.Sample;
        var p = Read(PlanRenderer.Render(plan, Usual));
        Assert.Equal(plan.Name, p.Programme.Name);
        Assert.Equal(plan.Pillars.Select(x => $"Pilari {x.No}"), p.Programme.Pillars.Select(x => x.Code));
        Assert.Equal(plan.WorkPackages.Select(x => (x.WorkPackage.Title, x.WorkPackage.Cost)), p.WorkPackages.Select(w => (w.Title, w.CostEstimate)));
        Assert.Equal(plan.WorkPackages.Select(x => x.WorkPackage.Actions.Length), p.WorkPackages.Select(w => w.Actions.Count));
        Assert.Equal(plan.WorkPackages.Select(x => x.WorkPackage.Metrics.Length), p.WorkPackages.Select(w => w.Metrics.Count));
        Assert.Equal(plan.Pillars.SelectMany(x => x.Investments).Select(i => i.WorkPackages.Sum(w => w.Cost)),
            p.Programme.Pillars.SelectMany(x => x.Investments).Select(i => i.CostEstimate));
        Assert.Equal(plan.Risks.Select(r => (r.Description, r.P, r.I, r.Score, r.Owner)), p.Risks.Select(r => (r.Description, r.Probability, r.Impact, r.Score, r.Owner)));
        var targets = PlanDiff.ProgrammeLevelMetrics(p.Programme).SelectMany(m => m.Targets).Select(t => (t.Value, t.DuePeriod)).ToList();
        Assert.Equal([(66m, "2024Q2"), (80m, "2025Q4"), (75m, "2025Q4")], targets);
        Assert.Equal(plan.Total, p.CostTableTotal);
        Assert.DoesNotContain(p.Findings, f => f.Severity == FindingSeverity.Warning && f.Kind != ImportFindingKind.RiskOwnerMissing);
    }

    [Theory]
    [MemberData(nameof(VariantNames))]
    public void Every_variant_gives_the_same_programme(string variant)
    {
        var text = PlanRenderer.Render(BasePlan.Sample, Variants[variant]);
        var preview = Read(text);
        SameProgramme(Expected, PlanParserTests.Shape(preview));
        Assert.Equal(Findings(Read(PlanRenderer.Render(BasePlan.Sample, Usual))), Findings(preview));
    }

    private static List<string> Findings(PlanPreview p) =>
        p.Findings.Select(f => $"{f.Kind} {string.Join("|", f.Args)}").ToList();

    /// <summary>
    /// The consistency check on every variant: a work package's estimate that differs from its cost row (both directions),
    /// an investment whose work packages do not add up to its row, rows that do not add up to the table's total, a risk
    /// score that is not P × I — each named with its difference in euros.
    /// </summary>
    [Theory]
    [MemberData(nameof(VariantNames))]
    public void Every_variant_finds_the_same_inconsistencies(string variant)
    {
        var options = Variants[variant] with { FirstRowError = 1_000, TotalError = -2_500 };
        var plan = BasePlan.Sample with { Risks = [BasePlan.Sample.Risks[0] with { Score = 13 }, .. BasePlan.Sample.Risks.Skip(1)] };
        var p = Read(PlanRenderer.Render(plan, options));
        var en = System.Globalization.CultureInfo.GetCultureInfo("en");
        var messages = p.Findings.Select(f => f.Message(en)).ToList();
        Assert.Contains(p.Findings, f => f.Kind == ImportFindingKind.RiskScoreMismatch && f.Message(en).Contains("3 × 4 = 12"));
        if (options.CostsPerWorkPackage)
            Assert.Contains(p.Findings, f => f.Kind == ImportFindingKind.WorkPackageCostMismatch && f.Message(en).Contains("(difference −1,000 €)"));
        else
            Assert.Contains(p.Findings, f => f.Kind == ImportFindingKind.InvestmentCostMismatch && f.Message(en).Contains("(difference −1,000 €)"));
        if (!options.NoTotalRow)
        {
            Assert.Contains(p.Findings, f => f.Kind == ImportFindingKind.CostTableTotalMismatch && f.Message(en).Contains("(difference +3,500 €)"));
            Assert.Contains(p.Findings, f => f.Kind == ImportFindingKind.PlanTotalMismatch && f.Message(en).Contains("(difference +2,500 €)"));
        }
    }

    [Fact]
    public void A_work_package_estimate_above_its_cost_row_is_found_too()
    {
        var p = Read(PlanRenderer.Render(BasePlan.Sample, Usual with { CostsPerWorkPackage = true, FirstRowError = -700 }));
        var f = Assert.Single(p.Findings, f => f.Kind == ImportFindingKind.WorkPackageCostMismatch);
        Assert.Contains("(difference +700 €)", f.Message(System.Globalization.CultureInfo.GetCultureInfo("en")));
    }

    /// <summary>Item by item first, so that a failure names the first item that differs.</summary>
    internal static void SameProgramme(List<string> expected, List<string> actual)
    {
        for (var k = 0; k < Math.Min(expected.Count, actual.Count); k++) Assert.Equal(expected[k], actual[k]);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Windows_1252_gives_the_same_programme()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes(PlanRenderer.Render(BasePlan.Sample, Usual));
        Assert.Equal(Expected, PlanParserTests.Shape(PlanImporter.Preview(new MemoryStream(bytes), "harjula-ansi.txt")));
    }

    [Fact]
    public void Docx_with_real_tables_gives_the_same_programme()
    {
        using var docx = Docx(PlanRenderer.Render(BasePlan.Sample, Usual with { Risks = RiskStyle.Tabs }));
        Assert.Equal(Expected, PlanParserTests.Shape(PlanImporter.Preview(docx, "harjula.docx")));
    }

    /// <summary>A Word document of the text: a paragraph per line, the cost table and the risk table as Word tables.</summary>
    internal static MemoryStream Docx(string text)
    {
        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            Table? table = null;
            foreach (var line in text.Split('\n'))
            {
                string[]? cells = null;
                if (line.Contains('\t')) cells = line.Split('\t');
                else if (line == "Pilari Investointi Osa-alue Kustannukset, €") cells = ["Pilari", "Investointi", "Osa-alue", "Kustannukset, €"];
                else if (CostLine().Match(line) is { Success: true } m) cells = [m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value];
                else if (line.StartsWith("Yhteensä ", StringComparison.Ordinal)) cells = ["Yhteensä", "", "", line["Yhteensä ".Length..]];
                if (cells is not null)
                {
                    if (table is null) { table = new Table(); body.Append(table); }
                    table.Append(new TableRow(cells.Select(c => new TableCell(new Paragraph(new Run(new Text(c) { Space = SpaceProcessingModeValues.Preserve }))))));
                    continue;
                }
                table = null;
                if (line.Length > 0) body.Append(new Paragraph(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve })));
            }
            main.Document = new Document(body);
        }
        ms.Position = 0;
        return ms;
    }

    [GeneratedRegex(@"^(Pilari \d+) (Investointi \d+) (.+) (\d[\d  .]*(?: €| euroa))$")] private static partial Regex CostLine();
}

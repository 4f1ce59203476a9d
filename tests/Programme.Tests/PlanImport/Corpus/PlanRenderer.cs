using System.Globalization;
using System.Text;

namespace Tilannekuva.Programme.Tests.PlanImport.Corpus;

public enum HeadingStyle { Dot, NoDot, Paren, None }
public enum WorkPackageLabel { Tyopaketti, Tp, TpSpace, TyopakettiUpper }
public enum InvestmentLabel { Investointi, Inv, InvDot }
public enum FieldStyle { Inline, OwnLineColon, OwnLineNoColon }
public enum AmountStyle { Spaces, Nbsp, Dots, Euroa }
public enum RiskStyle { Blocks, WrappedBlocks, Tabs, Formula, Layout }

/// <summary>One way of writing the same plan: each property is one axis along which real plans differ.</summary>
public sealed record RenderOptions
{
    public HeadingStyle Headings { get; init; } = HeadingStyle.Dot;
    /// <summary>Other wordings of the section headings ("Hankkeen tarve ja tausta", "Kohderyhmät", "Hankkeen tavoitteet", …).</summary>
    public bool OtherWordings { get; init; }
    public WorkPackageLabel WorkPackages { get; init; } = WorkPackageLabel.Tyopaketti;
    public InvestmentLabel Investments { get; init; } = InvestmentLabel.Investointi;
    public FieldStyle Fields { get; init; } = FieldStyle.Inline;
    /// <summary>Lines wrapped at this width (0: one line per paragraph), as pdftotext does.</summary>
    public int Wrap { get; init; }
    public AmountStyle Amounts { get; init; } = AmountStyle.Spaces;
    public RiskStyle Risks { get; init; } = RiskStyle.Blocks;
    /// <summary>Metrics as a bullet list, one per line, rather than a comma-separated sentence.</summary>
    public bool BulletMetrics { get; init; }
    /// <summary>The cost table with one row per work package rather than per investment.</summary>
    public bool CostsPerWorkPackage { get; init; }
    /// <summary>Page footers ("3(12)") and blank lines between pages, as pdftotext leaves them.</summary>
    public bool PageBreaks { get; init; }
    /// <summary>A form feed and a repeated page header ("Hankesuunnitelma – …") at each page break, footers as "Sivu 3 / 9".</summary>
    public bool PageHeaders { get; init; }
    /// <summary>Total row missing from the cost table.</summary>
    public bool NoTotalRow { get; init; }
    /// <summary>Added to the second pillar's first row of the cost table (an error for the consistency check to find).</summary>
    public decimal FirstRowError { get; init; }
    /// <summary>Added to the cost table's total row.</summary>
    public decimal TotalError { get; init; }
}

/// <summary>Writes a <see cref="BasePlan"/> as the text pdftotext would give of a plan written in the given style.</summary>
public static class PlanRenderer
{
    public static string Render(BasePlan plan, RenderOptions o)
    {
        var lines = new List<string>();
        var page = 1;
        void Add(string s) => lines.AddRange(Wrap(s, o.Wrap));
        void Blank() => lines.Add("");
        void Top(int n, string title, string other) => lines.Add(Heading(o.Headings, $"{n}", o.OtherWordings ? other : title));
        void PageBreak()
        {
            if (o.PageHeaders) { lines.Add($"Sivu {++page} / 9"); lines.Add($"\fHankesuunnitelma – {plan.Name}"); Blank(); }
            else if (o.PageBreaks) { Blank(); lines.Add($"       {++page}(9)"); Blank(); }
        }

        lines.Add("Hankesuunnitelma");
        lines.Add($"Hankkeen nimi: {plan.Name}");
        Top(1, "Hankkeen tarve", "Hankkeen tarve ja tausta");
        Add(plan.Need);
        Blank();
        Top(2, "Kohderyhmä", "Kohderyhmät");
        Add(plan.TargetGroup);
        Blank();
        Top(3, "Hankkeen päätavoitteet", "Hankkeen tavoitteet");
        Add(plan.MainGoals);
        Blank();
        Top(4, "Pilarit ja Investoinnit", "Pilarit ja investoinnit");
        Blank();
        var pi = 0;
        foreach (var p in plan.Pillars)
        {
            pi++;
            lines.AddRange(Wrap(Heading(o.Headings, $"4.{pi}", $"PILARI {p.No}: {p.Title}"), o.Wrap));
            Blank();
            var ii = 0;
            foreach (var inv in p.Investments)
            {
                ii++;
                var invLabel = o.Investments switch { InvestmentLabel.Inv => $"Inv {inv.No}:", InvestmentLabel.InvDot => $"Inv. {inv.No}", _ => $"Investointi {inv.No}:" };
                lines.AddRange(Wrap(Heading(o.Investments == InvestmentLabel.Investointi ? o.Headings : HeadingStyle.None, $"4.{pi}.{ii}", $"{invLabel} {inv.Title}"), o.Wrap));
                Blank();
                foreach (var w in inv.WorkPackages)
                {
                    lines.AddRange(Wrap(WpLabel(o.WorkPackages, w.No) + " " + w.Title, o.Wrap));
                    Add(w.Background);
                    Field("Tavoitteet", w.Goals);
                    Field("Toimenpiteet", string.Join(" ", w.Actions.Select((a, k) => $"{k + 1}) {a}")));
                    Field("Tuotokset", w.Outputs);
                    Field("Aikataulu", w.Schedule);
                    Field("Kustannusarvio", Euros(w.Cost, o.Amounts));
                    if (o.BulletMetrics)
                    {
                        FieldLabel("Mittarit");
                        foreach (var m in w.Metrics) lines.Add("• " + m);
                    }
                    else Field("Mittarit", string.Join(", ", w.Metrics));
                    Blank();
                    PageBreak();
                }
            }
        }
        Top(5, "Vaikutukset ja vaikuttavuus", "Vaikutukset ja vaikuttavuus");
        Add("Hankkeella on myönteisiä vaikutuksia asukkaiden hyvinvointiin.");
        Blank();
        Top(7, "Hankkeen hallinnointi", "Hankkeen hallinnointi");
        Blank();
        lines.Add(Heading(o.Headings, "7.2", o.OtherWordings ? "Kustannusarvio" : "Hankkeen kustannukset"));
        Blank();
        lines.Add("Pilari Investointi Osa-alue Kustannukset, €");
        var error = 0m;
        foreach (var p in plan.Pillars)
            foreach (var inv in p.Investments)
            {
                if (p == plan.Pillars[1] && inv == p.Investments[0]) error = o.FirstRowError;
                if (o.CostsPerWorkPackage)
                    foreach (var w in inv.WorkPackages) { lines.Add($"Pilari {p.No} Investointi {inv.No} {w.Title} {Euros(w.Cost + error, o.Amounts)}"); error = 0; }
                else { lines.Add($"Pilari {p.No} Investointi {inv.No} {inv.Title} {Euros(inv.WorkPackages.Sum(w => w.Cost) + error, o.Amounts)}"); error = 0; }
            }
        if (!o.NoTotalRow) lines.Add($"Yhteensä {Euros(plan.Total + o.TotalError, o.Amounts)}");
        Blank();
        lines.Add(Heading(o.Headings, "7.4", o.OtherWordings ? "Indikaattorit" : "Seuranta ja arviointi"));
        foreach (var i in plan.Indicators)
        {
            Add($"{i.Scope}: {plan.Pillars.SelectMany(p => p.Investments).First(x => $"Investointi {x.No}" == i.Scope).Title}.");
            Add($"Tavoite: {i.Goal}");
            Add($"Indikaattori: {i.Indicator}");
        }
        Blank();
        lines.Add(Heading(o.Headings, "7.5", o.OtherWordings ? "Riskit ja niiden hallinta" : "Riskit ja niihin varautuminen"));
        Blank();
        if (o.Risks == RiskStyle.Tabs)
        {
            lines.Add("Riskin kuvaus\tTodennäköisyys (1–5)\tVaikutus (1–5)\tRiskipisteet\tToimenpiteet riskin vähentämiseksi\tVastuutaho");
            foreach (var r in plan.Risks) lines.Add($"{r.Description}\t{r.P}\t{r.I}\t{r.Score}\t{r.Mitigation}\t{r.Owner}");
        }
        else if (o.Risks == RiskStyle.Layout)
        {
            // pdftotext -layout: cells side by side at fixed columns, their further lines below at the same columns.
            lines.Add("  Riskin kuvaus              P   V   Pisteet  Toimenpiteet riskin vähentämiseksi   Vastuutaho");
            foreach (var r in plan.Risks)
            {
                var d = Wrap(r.Description, 22).ToList();
                var m = Wrap(r.Mitigation, 32).ToList();
                var w = Wrap(r.Owner, 18).ToList();
                for (var k = 0; k < new[] { d.Count, m.Count, w.Count }.Max(); k++)
                {
                    var nums = k == 0 ? $"{r.P}   {r.I}   {r.Score}".PadRight(14) : new string(' ', 14);
                    lines.Add(("  " + (k < d.Count ? d[k] : "").PadRight(26) + nums + (k < m.Count ? m[k] : "").PadRight(37) + (k < w.Count ? w[k] : "")).TrimEnd());
                }
                Blank();
            }
        }
        else
        {
            var width = o.Risks == RiskStyle.WrappedBlocks ? 12 : 24;
            lines.AddRange(["Riskin kuvaus Toden-", "näköisyys (1", "– 5)", "", "Vaikutus (1", "– 5)", "", "Riskipisteet", "", "Toimenpiteet riskin vähentämiseksi Vastuutaho", ""]);
            foreach (var r in plan.Risks)
            {
                lines.AddRange(Wrap(r.Description, width));
                Blank();
                lines.AddRange(Wrap(o.Risks == RiskStyle.Formula ? $"{r.P} × {r.I} = {r.Score} {r.Mitigation}" : $"{r.P} {r.I} {r.Score} {r.Mitigation}", Math.Max(width, 30)));
                Blank();
                lines.AddRange(Wrap(r.Owner, width));
                Blank();
            }
        }
        return string.Join("\n", lines) + "\n";

        void FieldLabel(string label) => lines.Add(o.Fields == FieldStyle.OwnLineNoColon ? label : label + ":");
        void Field(string label, string text)
        {
            if (o.Fields == FieldStyle.Inline) { Add($"{label}: {text}"); return; }
            FieldLabel(label);
            Add(text);
        }
    }

    private static string Heading(HeadingStyle style, string number, string title) => style switch
    {
        HeadingStyle.Dot => number.Contains('.') ? $"{number} {title}" : $"{number}. {title}",
        HeadingStyle.NoDot => $"{number} {title}",
        HeadingStyle.Paren => number.Contains('.') ? $"{number} {title}" : $"{number}) {title}",
        _ => title,
    };

    private static string WpLabel(WorkPackageLabel style, int n) => style switch
    {
        WorkPackageLabel.Tyopaketti => $"Työpaketti {n}:",
        WorkPackageLabel.TyopakettiUpper => $"TYÖPAKETTI {n}:",
        WorkPackageLabel.Tp => $"TP{n}",
        _ => $"TP {n}:",
    };

    public static string Euros(decimal amount, AmountStyle style)
    {
        var digits = amount.ToString("#,0", CultureInfo.InvariantCulture);
        return style switch
        {
            AmountStyle.Spaces => digits.Replace(',', ' ') + " €",
            AmountStyle.Nbsp => digits.Replace(',', '\u00a0') + "\u00a0€",
            AmountStyle.Dots => digits.Replace(',', '.') + " €",
            _ => digits.Replace(',', ' ') + " euroa",
        };
    }

    /// <summary>Breaks a paragraph at spaces so that no line is longer than the width (0: not at all).</summary>
    public static IEnumerable<string> Wrap(string text, int width)
    {
        if (width <= 0 || text.Length <= width) { yield return text; yield break; }
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width) { yield return line.ToString(); line.Clear(); }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }
}

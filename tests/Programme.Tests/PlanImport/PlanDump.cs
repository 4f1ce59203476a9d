using System.Text;
using Tilannekuva.Programme.PlanImport;

namespace Tilannekuva.Programme.Tests.PlanImport;

public static class PlanDump
{
    public static string Of(PlanPreview p)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Programme '{p.Programme.Name}' {p.Programme.StartYear}-{p.Programme.EndYear} lines {p.LinesOf(p.Programme)}");
        foreach (var pi in p.Programme.Pillars)
        {
            sb.AppendLine($"{pi.Code} | {pi.Title} [{p.LinesOf(pi)}]");
            foreach (var i in pi.Investments)
            {
                sb.AppendLine($"  INV {i.Code} | {i.Title} | {i.CostEstimate} [{p.LinesOf(i)}]");
                foreach (var w in i.WorkPackages)
                {
                    sb.AppendLine($"    WP {w.Code} | {w.Title} | {w.CostEstimate} [{p.LinesOf(w)}] goals {w.Goals.Count} actions {w.Actions.Count} outputs {w.Outputs.Count} ms {w.Milestones.Count} metrics {w.Metrics.Count}");
                    foreach (var a in w.Actions) sb.AppendLine($"       A{a.Number} [{p.LinesOf(a)}] {Short(a.Title)}");
                    foreach (var m in w.Milestones) sb.AppendLine($"       M '{m.Period}' {m.Due} [{p.LinesOf(m)}] {Short(m.Text)}");
                    foreach (var m in w.Metrics) sb.AppendLine($"       K {m.Kind} [{p.LinesOf(m)}] {Short(m.Name)}");
                }
            }
        }
        foreach (var m in p.Programme.Metrics.Where(m => !p.WorkPackages.Any(w => w.Metrics.Contains(m))))
            sb.AppendLine($"PMETRIC {m.Kind} {Short(m.Name)} targets {string.Join(",", m.Targets.Select(t => $"{t.Value}@{t.DuePeriod}"))}");
        foreach (var r in p.Risks) sb.AppendLine($"RISK {r.Probability} {r.Impact} {r.Score} [{p.LinesOf(r)}] {Short(r.Description)} || {Short(r.Mitigation)} || {r.Owner}");
        foreach (var c in p.CostTable) sb.AppendLine($"COST P{c.Pillar} I{c.Investment} {c.Label} = {c.Amount} -> {c.MatchedInvestment} [{c.Lines}]");
        sb.AppendLine($"TOTAL {p.CostTableTotal}");
        foreach (var f in p.Findings) sb.AppendLine($"FINDING {f.Kind} [{f.Lines}] {f.Message(System.Globalization.CultureInfo.GetCultureInfo("fi"))}");
        foreach (var u in p.Unplaced) sb.AppendLine($"UNPLACED {u.Reason} [{u.Lines}] {Short(u.Text)}");
        sb.AppendLine($"NOISE {p.Noise.Count}");
        return sb.ToString();
    }

    private static string Short(string s) => s.Length <= 90 ? s : s[..90] + "…";
}

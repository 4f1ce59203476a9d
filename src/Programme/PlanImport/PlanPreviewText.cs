using System.Globalization;
using System.Text;
using Tilannekuva.Localisation;

namespace Tilannekuva.Programme.PlanImport;

/// <summary>The preview as plain text: tree with costs, findings, unplaced text with line numbers, and the diff.</summary>
public static class PlanPreviewText
{
    public static string Render(PlanPreview p, PlanDiff? diff, CultureInfo culture)
    {
        string L(string key, params object?[] args) => args.Length == 0 ? Texts.Get(key, culture) : Texts.Format(key, culture, args);
        string E(decimal v) => Texts.Euros(v, culture);
        var sb = new StringBuilder();
        var prog = p.Programme;
        sb.AppendLine(L("PlanImport.Cli.Programme", prog.Name.Length > 0 ? prog.Name : "?", prog.StartYear, prog.EndYear, p.SourceName));
        sb.AppendLine(L("PlanImport.Summary", prog.Pillars.Count, prog.Pillars.Sum(x => x.Investments.Count), p.WorkPackages.Count(),
            p.Risks.Count, prog.Metrics.Count));
        sb.AppendLine();
        foreach (var pillar in prog.Pillars)
        {
            sb.AppendLine($"{pillar.Code}  {pillar.Title}  [{L("PlanImport.Lines", p.LinesOf(pillar))}]");
            foreach (var inv in pillar.Investments)
            {
                sb.AppendLine($"  {inv.Code}  {inv.Title}  {E(inv.CostEstimate)}  [{L("PlanImport.Lines", p.LinesOf(inv))}]");
                foreach (var wp in inv.WorkPackages)
                    sb.AppendLine($"    {wp.Code}  {wp.Title}  {E(wp.CostEstimate)}  [{L("PlanImport.Lines", p.LinesOf(wp))}]  "
                        + L("PlanImport.WorkPackageCounts", wp.Goals.Count, wp.Actions.Count, wp.Outputs.Count, wp.Milestones.Count, wp.Metrics.Count));
            }
        }
        if (p.Risks.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine(L("PlanImport.Risks", p.Risks.Count));
            foreach (var r in p.Risks)
                sb.AppendLine($"  {r.Probability} × {r.Impact} = {r.Score}  {r.Description}  ({r.Owner})  [{L("PlanImport.Lines", p.LinesOf(r))}]");
        }
        if (p.CostTable.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine(L("PlanImport.CostTable", p.CostTable.Count, p.CostTableTotal is { } t ? E(t) : "–"));
        }
        sb.AppendLine();
        sb.AppendLine(L("PlanImport.Findings", p.Findings.Count));
        foreach (var f in p.Findings)
            sb.AppendLine($"  {(f.Severity == FindingSeverity.Warning ? "!" : "i")} {f.Message(culture)}{(f.Lines is { } fl ? $"  [{L("PlanImport.Lines", fl)}]" : "")}");
        sb.AppendLine();
        sb.AppendLine(L("PlanImport.UnplacedHeader", p.Unplaced.Count));
        foreach (var u in p.Unplaced)
            sb.AppendLine($"  [{L("PlanImport.Lines", u.Lines)}] {u.ReasonText(culture)}: {Short(u.Text)}");
        if (p.Noise.Count > 0) sb.AppendLine(L("PlanImport.Noise", p.Noise.Count, string.Join(", ", p.Noise.Select(n => n.Number))));
        if (diff is not null)
        {
            sb.AppendLine();
            if (diff.IsNew) sb.AppendLine(L("PlanImport.DiffNew"));
            else if (diff.IsEmpty) sb.AppendLine(L("PlanImport.DiffNone"));
            else
            {
                sb.AppendLine(L("PlanImport.DiffHeader", diff.Entries.Count));
                foreach (var d in diff.Entries)
                    sb.AppendLine($"  {d.ChangeText(culture)} {d.WhatText(culture)} {d.Path}: {d.Before ?? ""}{(d.Before is not null && d.After is not null ? " → " : "")}{d.After ?? ""}");
            }
        }
        return sb.ToString();
    }

    private static string Short(string s) => s.Length <= 160 ? s : s[..160] + " …";
}

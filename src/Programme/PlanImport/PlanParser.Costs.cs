using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Programme.PlanImport;

/// <summary>The cost table (Hankkeen kustannukset) and its matching to the investments.</summary>
public static partial class PlanParser
{
    private sealed partial class Run
    {

        private void BuildCostTable()
        {
            if (!_seen.Contains(Section.Costs)) { _findings.Add(new(ImportFindingKind.SectionMissing, FindingSeverity.Warning, null, ["Hankkeen kustannukset"])); return; }
            List<PlanLine>? row = null;
            var loose = new List<PlanLine>();
            void Close()
            {
                if (row is null) return;
                var joined = Join(row);
                var m = CostRow().Match(joined);
                var pillar = int.Parse(m.Groups["p"].Value, CultureInfo.InvariantCulture);
                int? inv = m.Groups["i"].Success ? int.Parse(m.Groups["i"].Value, CultureInfo.InvariantCulture) : null;
                var rest = m.Groups["rest"].Value.Trim();
                decimal? amount = null;
                if (AmountAtEnd().Match(rest) is { Success: true } am) { amount = ParseAmount(am.Groups["n"].Value); rest = rest[..am.Index].Trim(); }
                else if (DashAtEnd().Match(rest) is { Success: true } dm) rest = rest[..dm.Index].Trim();
                rest = rest.TrimStart('•', '-', ' ').Trim();
                _preview.CostTable.Add(new CostTableRow(pillar, inv, rest, amount, SourceLines.Of(row)!.Value));
                row = null;
            }
            foreach (var line in _costs)
            {
                var t = line.Trimmed;
                if (t.Length == 0) continue;
                if (CostRow().IsMatch(t)) { Close(); row = [line]; if (Closed(t)) Close(); continue; }
                if (TotalRow().Match(t) is { Success: true } tm)
                {
                    Close();
                    if (Amount().Match(t) is { Success: true } ta) _preview.CostTableTotal = ParseAmount(ta.Groups["n"].Value);
                    continue;
                }
                if (row is not null) { row.Add(line); if (Closed(t)) Close(); continue; }
                loose.Add(line);
            }
            Close();
            // The header row ("Pilari Investointi Osa-alue Kustannukset, €") and stray text.
            var stray = loose.Where(l => !CostHeader().IsMatch(l.Trimmed)).ToList();
            if (stray.Count > 0) _unplaced.Add(new(SourceLines.Of(stray)!.Value, Join(stray), UnplacedReason.CostTableText));
            if (_preview.CostTable.Count == 0) _findings.Add(new(ImportFindingKind.TableEmpty, FindingSeverity.Warning, SourceLines.Of(_costs), ["Hankkeen kustannukset"]));
            static bool Closed(string t) => AmountAtEnd().IsMatch(t) || DashAtEnd().IsMatch(t);
        }

        private void MatchCosts()
        {
            var programme = _preview.Programme;
            var rows = _preview.CostTable;
            var groups = new List<(int? Pillar, int? Inv, List<(Investment Investment, InvDraft Draft)> Units)>();
            var drafts = _pillars.SelectMany(p => p.Investments).ToList();
            var investments = programme.Pillars.SelectMany(p => p.Investments).ToList();
            for (var k = 0; k < drafts.Count; k++)
            {
                var d = drafts[k];
                var g = groups.FirstOrDefault(x => x.Pillar == d.PillarNo && x.Inv == d.InvestmentNo && d.InvestmentNo is not null);
                if (g.Units is null) { g = (d.PillarNo, d.InvestmentNo, []); groups.Add(g); }
                g.Units.Add((investments[k], d));
            }
            var used = new HashSet<CostTableRow>(ReferenceEqualityComparer.Instance);
            if (rows.Count > 0)
            {
                foreach (var (pillarNo, invNo, units) in groups)
                {
                    var candidates = rows.Where(r => r.Pillar == pillarNo && r.Investment == invNo && !used.Contains(r)).ToList();
                    if (invNo is null) candidates = candidates.Where(r => r.Amount is not null).ToList();
                    if (units.Count == 1)
                    {
                        if (invNo is null && candidates.Count > 1)
                            candidates = [candidates.MaxBy(r => Overlap(r.Label, units[0].Investment.Title))!];
                        Assign(units[0].Investment, candidates);
                        continue;
                    }
                    if (candidates.Count == units.Count)
                    {
                        for (var k = 0; k < units.Count; k++) Assign(units[k].Investment, [candidates[k]]);
                        continue;
                    }
                    foreach (var (inv, _) in units)
                    {
                        var best = candidates.Where(r => !used.Contains(r)).MaxBy(r => Overlap(r.Label, inv.Title));
                        Assign(inv, best is not null && Overlap(best.Label, inv.Title) > 0 ? [best] : []);
                    }
                }
                foreach (var r in rows.Where(r => !used.Contains(r) && r.Amount is not null))
                    _findings.Add(new(ImportFindingKind.CostRowUnmatched, FindingSeverity.Warning, r.Lines, [r.Label, r.Amount]));
                var rowSum = rows.Sum(r => r.Amount ?? 0);
                if (_preview.CostTableTotal is { } total)
                {
                    if (rowSum != total) _findings.Add(new(ImportFindingKind.CostTableTotalMismatch, FindingSeverity.Warning, null, [rowSum, total, rowSum - total]));
                    var wpSum = _preview.WorkPackages.Sum(w => w.CostEstimate);
                    if (wpSum != total) _findings.Add(new(ImportFindingKind.PlanTotalMismatch, FindingSeverity.Warning, null, [wpSum, total, wpSum - total]));
                }
            }

            void Assign(Investment inv, List<CostTableRow> matched)
            {
                if (matched.Count == 0)
                {
                    if (rows.Count > 0) _findings.Add(new(ImportFindingKind.InvestmentNotInCostTable, FindingSeverity.Warning, _preview.LinesOf(inv), [inv.Code, inv.Title]));
                    return;
                }
                foreach (var r in matched) { used.Add(r); r.MatchedInvestment = inv.Code; }
                if (matched.All(r => r.Amount is null)) return;
                inv.CostEstimate = matched.Sum(r => r.Amount ?? 0);
                var sum = inv.WorkPackages.Sum(w => w.CostEstimate);
                if (sum != inv.CostEstimate)
                    _findings.Add(new(ImportFindingKind.InvestmentCostMismatch, FindingSeverity.Warning, matched[0].Lines, [inv.Code, sum, inv.CostEstimate, sum - inv.CostEstimate]));
                // A row per work package: each estimate against its own row, in both directions.
                if (matched.Count > 1 && matched.Count == inv.WorkPackages.Count)
                {
                    var rowsLeft = matched.ToList();
                    foreach (var w in inv.WorkPackages)
                    {
                        var row = rowsLeft.MaxBy(r => Overlap(r.Label, w.Title)) is { } best && Overlap(best.Label, w.Title) > 0 ? best : rowsLeft[0];
                        rowsLeft.Remove(row);
                        if (row.Amount is { } a && a != w.CostEstimate)
                            _findings.Add(new(ImportFindingKind.WorkPackageCostMismatch, FindingSeverity.Warning, row.Lines, [inv.Code, w.Code, w.Title, w.CostEstimate, a, w.CostEstimate - a]));
                    }
                }
            }
        }

        private static int Overlap(string a, string b)
        {
            static HashSet<string> Stems(string s) => Words().Matches(s.ToLowerInvariant()).Select(m => m.Value.Length > 6 ? m.Value[..6] : m.Value)
                .Where(w => w.Length >= 4).ToHashSet();
            var x = Stems(a);
            x.IntersectWith(Stems(b));
            return x.Count;
        }
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Programme.PlanImport;

/// <summary>The risk table (Riskit ja niihin varautuminen) and the sections that are not imported.</summary>
public static partial class PlanParser
{
    private sealed partial class Run
    {

        private void BuildRisks(DevelopmentProgramme programme)
        {
            if (!_seen.Contains(Section.Risks)) { _findings.Add(new(ImportFindingKind.SectionMissing, FindingSeverity.Warning, null, ["Riskit ja niihin varautuminen"])); return; }
            var lines = _risks;
            // Header: up to the line naming the last column.
            var start = lines.FindIndex(l => OwnerHeader().IsMatch(l.Text) && !RiskNumbers().IsMatch(l.Trimmed));
            if (start < 0) start = lines.FindIndex(l => l.Text.Contains("Riskin kuvaus", StringComparison.OrdinalIgnoreCase));
            var body = start >= 0 ? lines.Skip(start + 1).ToList() : lines;
            body = LayoutRows(body) ?? body;

            // Blocks separated by blank lines; DOCX rows arrive as one line with tab-separated cells.
            var blocks = new List<List<PlanLine>>();
            var cur = new List<PlanLine>();
            foreach (var l in body)
            {
                if (l.IsBlank) { if (cur.Count > 0) blocks.Add(cur); cur = []; continue; }
                if (l.Text.Count(c => c == '\t') >= 4) { if (cur.Count > 0) blocks.Add(cur); blocks.Add([l]); cur = []; continue; }
                cur.Add(l);
            }
            if (cur.Count > 0) blocks.Add(cur);

            var pending = new List<List<PlanLine>>();
            Risk? last = null;
            List<PlanLine>? lastLines = null;
            bool lastHasOwner = true;
            void FinishLast()
            {
                if (last is null) return;
                if (!lastHasOwner && pending.Count >= 2)
                {
                    var owner = pending[0];
                    pending.RemoveAt(0);
                    last.Owner = Join(owner).Replace(", ,", ",").Trim().TrimEnd(',').Trim();
                    lastLines!.AddRange(owner);
                    lastHasOwner = true;
                }
                if (!lastHasOwner || last.Owner.Length == 0)
                    _findings.Add(new(ImportFindingKind.RiskOwnerMissing, FindingSeverity.Warning, SourceLines.Of(lastLines!), [last.Description]));
                _preview.SetLines(last, SourceLines.Of(lastLines!));
            }
            foreach (var block in blocks)
            {
                var first = block[0].Text;
                var cells = first.Split('\t');
                if (cells.Length >= 5 && int.TryParse(cells[1].Trim(), out var tp) && int.TryParse(cells[2].Trim(), out var ti) && int.TryParse(cells[3].Trim(), out var ts))
                {
                    FinishLast();
                    foreach (var p in pending) _unplaced.Add(new(SourceLines.Of(p)!.Value, Join(p), UnplacedReason.RiskTableText));
                    pending.Clear();
                    last = NewRisk(Clean(cells[0]), tp, ti, ts, Clean(cells[4]), cells.Length > 5 ? Clean(string.Join(" ", cells.Skip(5))) : "", block);
                    lastLines = [.. block];
                    lastHasOwner = true;
                    programme.Risks.Add(last);
                    continue;
                }
                if (RiskNumbers().Match(block[0].Trimmed) is { Success: true } nm)
                {
                    // pending: [owner of the previous risk,] description of this one
                    if (last is not null && !lastHasOwner && pending.Count >= 2)
                    {
                        FinishLast();
                    }
                    else FinishLast();
                    var desc = pending.SelectMany(p => p).ToList();
                    pending.Clear();
                    var mitigation = new List<PlanLine> { new(block[0].Number, nm.Groups["rest"].Value) };
                    mitigation.AddRange(block.Skip(1));
                    last = NewRisk(Join(desc), int.Parse(nm.Groups["p"].Value, CultureInfo.InvariantCulture), int.Parse(nm.Groups["i"].Value, CultureInfo.InvariantCulture),
                        int.Parse(nm.Groups["s"].Value, CultureInfo.InvariantCulture), Join(mitigation), "", block);
                    lastLines = [.. desc, .. block];
                    lastHasOwner = false;
                    programme.Risks.Add(last);
                    continue;
                }
                if (last is not null && !lastHasOwner && pending.Count == 0 && LooksLikeOwner(block))
                {
                    last.Owner = Join(block).Replace(", ,", ",").Trim().TrimEnd(',').Trim();
                    lastLines!.AddRange(block);
                    lastHasOwner = true;
                    continue;
                }
                pending.Add(block);
            }
            FinishLast();
            foreach (var p in pending) _unplaced.Add(new(SourceLines.Of(p)!.Value, Join(p), UnplacedReason.RiskTableText));
            if (programme.Risks.Count == 0) _findings.Add(new(ImportFindingKind.TableEmpty, FindingSeverity.Warning, SourceLines.Of(_risks), ["Riskit"]));
            foreach (var r in programme.Risks)
            {
                if (r.Probability is < 1 or > 5 || r.Impact is < 1 or > 5)
                    _findings.Add(new(ImportFindingKind.RiskValueOutOfRange, FindingSeverity.Warning, _preview.LinesOf(r), [r.Description, r.Probability, r.Impact]));
                if (r.Score != r.Probability * r.Impact)
                    _findings.Add(new(ImportFindingKind.RiskScoreMismatch, FindingSeverity.Warning, _preview.LinesOf(r),
                        [r.Description, r.Score, r.Probability, r.Impact, r.Probability * r.Impact]));
            }
        }

        /// <summary>
        /// A risk table as pdftotext -layout gives it: each row's first line holds every cell side by side (the numbers in
        /// their own columns), and the cells' further lines follow below at the same columns. Each row becomes one
        /// tab-separated line (as a DOCX row), its cells joined from the columns, so that no cell bleeds into its neighbour.
        /// Null when the table is not laid out so.
        /// </summary>
        private static List<PlanLine>? LayoutRows(List<PlanLine> body)
        {
            var rows = body.Select((l, k) => (Line: l, Index: k, Match: LayoutRisk().Match(l.Text))).Where(x => x.Match.Success).ToList();
            if (rows.Count == 0) return null;
            var result = new List<PlanLine>();
            for (var r = 0; r < rows.Count; r++)
            {
                var m = rows[r].Match;
                int numbers = m.Groups["p"].Index, mitigation = m.Groups["m"].Index, owner = m.Groups["o"].Success ? m.Groups["o"].Index : int.MaxValue;
                var desc = new List<string> { m.Groups["d"].Value };
                var mit = new List<string> { m.Groups["m"].Value };
                var own = new List<string> { m.Groups["o"].Value };
                var end = r + 1 < rows.Count ? rows[r + 1].Index : body.Count;
                for (var k = rows[r].Index + 1; k < end; k++)
                {
                    var text = body[k].Text;
                    string Cut(int from, int to) => from >= text.Length ? "" : text[from..Math.Min(text.Length, to)].Trim();
                    desc.Add(Cut(0, numbers));
                    mit.Add(Cut(mitigation, owner));
                    if (owner != int.MaxValue) own.Add(Cut(owner, int.MaxValue));
                }
                static string Cell(List<string> parts) => Ws().Replace(string.Join(" ", parts.Where(x => x.Length > 0)), " ").Trim();
                result.Add(new PlanLine(rows[r].Line.Number,
                    string.Join('\t', Cell(desc), m.Groups["p"].Value, m.Groups["i"].Value, m.Groups["s"].Value, Cell(mit), Cell(own))));
            }
            return result;
        }

        /// <summary>An owner cell: short lines of names or roles, not a sentence of a new risk.</summary>
        private static bool LooksLikeOwner(List<PlanLine> block) =>
            block.All(l => l.Trimmed.Length <= 40) || block.Count(l => l.Trimmed.EndsWith(',')) >= Math.Max(1, block.Count - 1);

        private Risk NewRisk(string description, int p, int i, int s, string mitigation, string owner, List<PlanLine> lines) =>
            new() { Description = description, Probability = p, Impact = i, Score = s, Mitigation = mitigation, Owner = owner };

        // ------------------------------------------------------------ not imported

        private void ReportUnplacedSections()
        {
            foreach (var (heading, lines) in _other)
            {
                var all = new List<PlanLine> { heading };
                all.AddRange(lines.Where(l => !l.IsBlank));
                _unplaced.Add(new(SourceLines.Of(all)!.Value, Abbreviate(Join(all)), UnplacedReason.SectionNotImported));
            }
        }

        private static string Abbreviate(string s) => s.Length <= 400 ? s : s[..400] + " …";
    }
}

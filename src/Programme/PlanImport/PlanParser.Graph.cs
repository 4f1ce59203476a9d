using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Programme.PlanImport;

/// <summary>From drafts to the programme graph: work packages with goals, actions, outputs, schedule, cost and metrics.</summary>
public static partial class PlanParser
{
    private sealed partial class Run
    {

        private void BuildProgramme(DevelopmentProgramme programme)
        {
            _preview.Need = Join(_need.Where(l => !l.IsBlank));
            _preview.TargetGroup = Paragraphs(_targetGroup);
            _preview.MainGoals = Join(_mainGoals.Where(l => !l.IsBlank));
            var description = new StringBuilder();
            void Part(string key, string value)
            {
                if (value.Length == 0) return;
                if (description.Length > 0) description.Append("\n\n");
                description.Append(key).Append('\n').Append(value);
            }
            Part("Hankkeen tarve", _preview.Need);
            Part("Kohderyhmä", _preview.TargetGroup);
            Part("Hankkeen päätavoitteet", _preview.MainGoals);
            programme.Description = description.ToString();
            foreach (var (s, key) in new[] { (Section.Need, "Hankkeen tarve"), (Section.Pillars, "Pilarit ja Investoinnit") })
                if (!_seen.Contains(s)) _findings.Add(new(ImportFindingKind.SectionMissing, FindingSeverity.Warning, null, [key]));

            // Name: given, else the first line of a cover page, else "<name> -hanke" in the text.
            var nameLines = new List<PlanLine>();
            var name = programmeName?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                var cover = _before.FirstOrDefault(l => !l.IsBlank && !l.Trimmed.Equals("Hankesuunnitelma", StringComparison.OrdinalIgnoreCase));
                if (cover is not null && NameLabel().Match(cover.Trimmed) is { Success: true } nl) { name = nl.Groups[1].Value.Trim(); nameLines.Add(cover); }
                else if (cover is not null && cover.Trimmed.Length < 100) { name = cover.Trimmed; nameLines.Add(cover); }
                else
                {
                    foreach (var l in _need.Concat(_mainGoals))
                        if (ProjectName().Match(l.Text) is { Success: true } pm) { name = Ws().Replace(pm.Groups[1].Value, " ").Trim(); nameLines.Add(l); break; }
                }
            }
            if (string.IsNullOrEmpty(name)) _findings.Add(new(ImportFindingKind.NameNotFound, FindingSeverity.Warning, null, []));
            programme.Name = name ?? "";
            _preview.SetLines(programme, SourceLines.Of(nameLines));
            if (_before.Any(l => !l.IsBlank))
            {
                var rest = _before.Where(l => !l.IsBlank && !nameLines.Contains(l)).ToList();
                if (rest.Count > 0) _unplaced.Add(new(SourceLines.Of(rest)!.Value, Join(rest), UnplacedReason.BeforeFirstSection));
            }

            var pillarOrder = 0;
            var years = new List<int>();
            foreach (var pd in _pillars)
            {
                var pillar = new Pillar { Code = pd.Code, Title = pd.Title, Order = ++pillarOrder };
                _preview.SetLines(pillar, SourceLines.Of(pd.Heading));
                programme.Pillars.Add(pillar);
                var invOrder = 0;
                foreach (var id in pd.Investments)
                {
                    var inv = new Investment { Code = id.Code, Title = id.Title, Order = ++invOrder };
                    _preview.SetLines(inv, SourceLines.Of(id.Heading.Concat(id.WorkPackages.SelectMany(AllLines)).Where(l => !l.IsBlank)));
                    pillar.Investments.Add(inv);
                    DropGroupWorkPackages(id);
                    var wpOrder = 0;
                    var codes = new HashSet<string>();
                    foreach (var wd in id.WorkPackages)
                    {
                        var code = wd.Code;
                        for (var n = 2; !codes.Add(code); n++) code = $"{wd.Code} ({n})";
                        if (code != wd.Code)
                            _findings.Add(new(ImportFindingKind.DuplicateCode, FindingSeverity.Warning, SourceLines.Of(wd.Heading), [wd.Code, inv.Code, code]));
                        var wp = BuildWorkPackage(wd, code, ++wpOrder, programme, years);
                        inv.WorkPackages.Add(wp);
                    }
                }
            }
            if (years.Count > 0) { programme.StartYear = years.Min(); programme.EndYear = years.Max(); }
        }

        private static IEnumerable<PlanLine> AllLines(WpDraft w) => w.Heading.Concat(w.Background).Concat(w.Fields.SelectMany(f => f.Lines));

        private static string Paragraphs(List<PlanLine> lines)
        {
            var paras = new List<string>();
            var cur = new List<PlanLine>();
            foreach (var l in lines.Append(new PlanLine(0, "")))
            {
                if (l.IsBlank) { if (cur.Count > 0) paras.Add(Join(cur)); cur.Clear(); }
                else cur.Add(l);
            }
            return string.Join("\n", paras);
        }

        /// <summary>A work package heading with no fields followed by its sub-units ("Työpaketti 1 a)" then "1 a1)") only groups them.</summary>
        private void DropGroupWorkPackages(InvDraft inv)
        {
            for (var k = 0; k < inv.WorkPackages.Count; k++)
            {
                var w = inv.WorkPackages[k];
                if (w.Fields.Count > 0) continue;
                var lines = AllLines(w).Where(l => !l.IsBlank).ToList();
                var groups = k + 1 < inv.WorkPackages.Count && inv.WorkPackages[k + 1].IsSubUnit;
                _unplaced.Add(new(SourceLines.Of(lines)!.Value, Join(lines), groups ? UnplacedReason.GroupHeading : UnplacedReason.EmptyWorkPackage));
                inv.WorkPackages.RemoveAt(k);
                k--;
            }
        }

        private WorkPackage BuildWorkPackage(WpDraft wd, string code, int order, DevelopmentProgramme programme, List<int> years)
        {
            var wp = new WorkPackage { Code = code, Title = wd.Title, Order = order, Background = Join(wd.Background.Where(l => !l.IsBlank)) };
            _preview.SetLines(wp, SourceLines.Of(AllLines(wd).Where(l => !l.IsBlank)));
            var costSeen = false;
            foreach (var (field, lines) in wd.Fields)
            {
                var span = new Span(lines);
                switch (field)
                {
                    case Field.Goals:
                        foreach (var (s, e) in Items(span.Text))
                        {
                            var g = new Goal { Text = Clean(span.Text[s..e]), Order = wp.Goals.Count + 1 };
                            if (g.Text.Length == 0) continue;
                            wp.Goals.Add(g);
                            _preview.SetLines(g, span.Lines(s, e));
                        }
                        break;
                    case Field.Outputs:
                        foreach (var (s, e) in Items(span.Text))
                        {
                            var o = new Output { Text = Clean(span.Text[s..e]), Order = wp.Outputs.Count + 1 };
                            if (o.Text.Length == 0) continue;
                            wp.Outputs.Add(o);
                            _preview.SetLines(o, span.Lines(s, e));
                        }
                        break;
                    case Field.Actions:
                        BuildActions(wp, span);
                        break;
                    case Field.Schedule:
                        foreach (var (period, s, e, label) in Milestones(span.Text))
                        {
                            var textPart = Clean(span.Text[s..e]);
                            if (label is not null) textPart = $"{label}: {textPart}";
                            var ms = new Milestone { Period = period, Text = textPart, Due = DueOf(period) };
                            if (ms.Period.Length == 0 && ms.Text.Length == 0) continue;
                            wp.Milestones.Add(ms);
                            _preview.SetLines(ms, span.Lines(s, e));
                        }
                        foreach (var ms in wp.Milestones)
                            foreach (Match y in Year().Matches(ms.Period)) years.Add(int.Parse(y.Value, CultureInfo.InvariantCulture));
                        break;
                    case Field.Cost:
                        costSeen = true;
                        if (Amount().Match(span.Text) is { Success: true } am) wp.CostEstimate = ParseAmount(am.Groups["n"].Value);
                        else _findings.Add(new(ImportFindingKind.WorkPackageCostMissing, FindingSeverity.Warning, SourceLines.Of(lines), [code, wd.Title]));
                        break;
                    case Field.Metrics:
                        foreach (var (s, e) in lines.Any(l => Bullet().IsMatch(l.Trimmed)) ? BulletItems(span) : MetricItems(span.Text, span.LineStarts))
                        {
                            var name = Clean(span.Text[s..e]).TrimEnd('.', ',', ';').Trim();
                            if (name.Length < 3 || wp.Metrics.Any(x => x.Name == name)) continue;
                            var metric = new Metric { Name = name, Kind = CountWord().IsMatch(name) ? MetricKind.Count : MetricKind.Text };
                            ReadTargets(metric, name);
                            wp.Metrics.Add(metric);
                            programme.Metrics.Add(metric);
                            _preview.SetLines(metric, span.Lines(s, e));
                        }
                        break;
                    case Field.Ignored:
                        var text = lines.Where(l => !l.IsBlank).ToList();
                        if (text.Count > 0) _unplaced.Add(new(SourceLines.Of(text)!.Value, Join(text), UnplacedReason.FieldNotImported));
                        break;
                }
            }
            if (!costSeen) _findings.Add(new(ImportFindingKind.WorkPackageCostMissing, FindingSeverity.Warning, SourceLines.Of(wd.Heading), [code, wd.Title]));
            return wp;
        }

        private void BuildActions(WorkPackage wp, Span span)
        {
            var text = span.Text;
            var markers = new List<(int Index, int Length, int Number)>();
            var expected = 1;
            var restarted = false;
            foreach (Match m in ActionMarker().Matches(text))
            {
                if (m.Groups["sub"].Success) continue; // "2.1)" stays inside action 2
                var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
                // The expected number, a restart at 1 (a new group of actions) or one number skipped (a typo in the plan).
                if (n == expected || (n == 1 && markers.Count > 0) || (n == expected + 1 && markers.Count > 0))
                {
                    if (n == 1 && markers.Count > 0) restarted = true;
                    markers.Add((m.Index, m.Length, n));
                    expected = n + 1;
                }
            }
            if (markers.Count == 0)
            {
                foreach (var (s, e) in Sentences(text))
                    AddAction(wp, span, s, e, null, null);
                return;
            }
            var preamble = text[..markers[0].Index];
            string? label = null;
            if (LabelAtEnd().Match(preamble) is { Success: true } lm && Clean(preamble[..lm.Index]).Length == 0) label = lm.Groups[1].Value.Trim();
            else if (Clean(preamble).Length > 0)
            {
                var (ps, pe) = Trimmed(text, 0, markers[0].Index);
                if (pe > ps) _unplaced.Add(new(span.Lines(ps, pe), Clean(preamble), UnplacedReason.ActionPreamble));
            }
            for (var k = 0; k < markers.Count; k++)
            {
                var start = markers[k].Index + markers[k].Length;
                var end = k + 1 < markers.Count ? markers[k + 1].Index : text.Length;
                string? nextLabel = null;
                if (k + 1 < markers.Count && text.AsSpan(markers[k + 1].Index).StartsWith("1)")
                    && LabelAtEnd().Match(text[start..end]) is { Success: true } nl)
                {
                    nextLabel = nl.Groups[1].Value.Trim();
                    end = start + nl.Index;
                }
                AddAction(wp, span, start, end, label, restarted ? null : markers[k].Number);
                if (nextLabel is not null) label = nextLabel;
            }
        }

        /// <summary>Numbers as written in the plan; running numbers when the plan restarts its numbering in groups.</summary>
        private void AddAction(WorkPackage wp, Span span, int s, int e, string? label, int? number)
        {
            var title = Clean(span.Text[s..e]);
            if (title.Length == 0) return;
            if (label is not null) title = $"{label}: {title}";
            var a = new WorkAction { Number = number ?? wp.Actions.Count + 1, Title = title };
            wp.Actions.Add(a);
            _preview.SetLines(a, span.Lines(s, e));
        }
    }
}

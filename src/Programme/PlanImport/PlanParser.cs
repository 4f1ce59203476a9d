using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Programme.PlanImport;

/// <summary>
/// Reads a project plan written on the national template of the Sustainable Growth programme
/// (Kestävän kasvun ohjelma) from text: sections "Hankkeen tarve", "Kohderyhmä", "Hankkeen
/// päätavoitteet", "Pilarit ja Investoinnit" (pillars, investments, work packages and their fields),
/// the cost table, the indicator section and the risk table. Line-oriented: a clean-up pass
/// (<see cref="PlanText.Clean"/>) and then a state machine over headings. Nothing is invented: text
/// that finds no place is returned as <see cref="UnplacedText"/> with its line numbers.
/// </summary>
public static partial class PlanParser
{
    public static PlanPreview Parse(string text, string sourceName, string? programmeName = null) =>
        new Run(text, sourceName, programmeName).Execute();

    private enum Section { Before, Need, TargetGroup, MainGoals, Pillars, Costs, Indicators, Risks, Other }

    private enum Field { Goals, Actions, Outputs, Schedule, Cost, Metrics, Ignored }

    private sealed class WpDraft
    {
        public required string Code;
        public required string Title;
        public List<PlanLine> Heading = [];
        public List<PlanLine> Background = [];
        public readonly List<(Field Field, List<PlanLine> Lines)> Fields = [];
        public bool Implied;
        public bool IsSubUnit; // "1 a1)", "e1)"
        public int TpNumber;
    }

    private sealed class InvDraft
    {
        public required string Code;
        public required string Title;
        public int? PillarNo;
        public int? InvestmentNo;
        public int? SubIndex;
        public string Section = "";
        public bool IsSubPart;     // a part "a)" or "4.2.4.1" of an investment
        public bool NumberedPart;  // a part with its own section number ("4.2.4.1"): "b)" under it is a work package
        public bool Split;         // an investment whose parts carry the work packages
        public List<PlanLine> Heading = [];
        public List<PlanLine> Text = [];
        public readonly List<WpDraft> WorkPackages = [];
        public bool HasLetterSubParts;
    }

    private sealed class PillarDraft
    {
        public required string Code;
        public required string Title;
        public int? Number;
        public string Section = "";
        public List<PlanLine> Heading = [];
        public List<PlanLine> Text = [];
        public readonly List<InvDraft> Investments = [];
    }

    private sealed class Run(string text, string sourceName, string? programmeName)
    {
        private readonly List<PillarDraft> _pillars = [];
        private readonly List<PlanLine> _need = [], _targetGroup = [], _mainGoals = [], _costs = [], _indicators = [], _risks = [], _before = [];
        private readonly List<(PlanLine Heading, List<PlanLine> Lines)> _other = [];
        private readonly List<UnplacedText> _unplaced = [];
        private readonly List<ImportFinding> _findings = [];
        private PlanPreview _preview = null!;
        private readonly HashSet<Section> _seen = [];

        // state in section 4
        private PillarDraft? _pillar;
        private InvDraft? _group;      // the 3-level investment heading (may be split into sub-parts)
        private InvDraft? _inv;        // where work packages go now
        private WpDraft? _wp;
        private (Field Field, List<PlanLine> Lines)? _field;

        public PlanPreview Execute()
        {
            var (lines, noise) = PlanText.Clean(text);
            var section = Section.Before;
            var topNumber = 0;
            List<PlanLine>? otherTarget = null;
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                var t = line.Trimmed;
                if (TopHeading(t, topNumber) is { } top)
                {
                    CloseSection4();
                    topNumber = top.Number;
                    section = top.Section;
                    _seen.Add(section);
                    if (section == Section.Other) { otherTarget = []; _other.Add((line, otherTarget)); }
                    if (section == Section.TargetGroup) _targetGroup.Add(line);
                    continue;
                }
                if (SubHeading().Match(t) is { Success: true } sub && int.Parse(sub.Groups[1].Value, CultureInfo.InvariantCulture) == topNumber
                    && section is Section.Costs or Section.Indicators or Section.Risks or Section.Other && topNumber >= 5)
                {
                    var title = sub.Groups[3].Value;
                    section = SubSection(title);
                    _seen.Add(section);
                    if (section == Section.Other) { otherTarget = []; _other.Add((line, otherTarget)); }
                    continue;
                }
                switch (section)
                {
                    case Section.Before: _before.Add(line); break;
                    case Section.Need: _need.Add(line); break;
                    case Section.TargetGroup: _targetGroup.Add(line); break;
                    case Section.MainGoals: _mainGoals.Add(line); break;
                    case Section.Pillars: i = PillarLine(lines, i, topNumber); break;
                    case Section.Costs: _costs.Add(line); break;
                    case Section.Indicators: _indicators.Add(line); break;
                    case Section.Risks: _risks.Add(line); break;
                    case Section.Other: otherTarget!.Add(line); break;
                }
            }
            CloseSection4();

            var programme = new DevelopmentProgramme { Name = "" };
            _preview = new PlanPreview { SourceName = sourceName, Programme = programme, LineCount = text.Count(c => c == '\n') + 1 };
            _preview.Noise.AddRange(noise);

            BuildProgramme(programme);
            BuildCostTable();
            MatchCosts();
            BuildIndicators(programme);
            BuildRisks(programme);
            ReportUnplacedSections();
            _preview.Unplaced.AddRange(_unplaced.OrderBy(u => u.Lines.From));
            _preview.Findings.AddRange(_findings);
            return _preview;
        }

        // ------------------------------------------------------------ headings

        private (int Number, Section Section)? TopHeading(string t, int current)
        {
            var m = TopHeadingRx().Match(t);
            string title;
            int number;
            if (m.Success)
            {
                number = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                title = m.Groups[2].Value.Trim();
            }
            else
            {
                // DOCX headings are often numbered by Word, so the number is not in the text.
                if (!ExactTitles.Contains(t.TrimEnd(':', ' ').ToLowerInvariant())) return null;
                return (current + 1, Known(t)!.Value);
            }
            if (Known(title) is { } s) return (number, s);
            if (number == current + 1 && current > 0 && title.Length < 70 && !title.EndsWith('.') && char.IsUpper(title[0])) return (number, Section.Other);
            return null;
        }

        private static readonly HashSet<string> ExactTitles =
        [
            "hankkeen tarve", "kohderyhmä", "kohderyhmät", "hankkeen päätavoitteet", "päätavoitteet", "pilarit ja investoinnit",
            "hankkeen kustannukset", "seuranta ja arviointi", "riskit ja niihin varautuminen", "riskit", "vaikutukset ja vaikuttavuus",
            "rajaukset muihin kehittämishankkeisiin", "hankkeen hallinnointi",
        ];

        private static Section? Known(string title)
        {
            var t = title.Trim().TrimEnd(':').Trim().ToLowerInvariant();
            if (t.StartsWith("hankkeen tarve", StringComparison.Ordinal)) return Section.Need;
            if (t.StartsWith("kohderyhmä", StringComparison.Ordinal)) return Section.TargetGroup;
            if (t.StartsWith("hankkeen päätavoitteet", StringComparison.Ordinal) || t == "päätavoitteet") return Section.MainGoals;
            if (t.StartsWith("pilarit ja investoinnit", StringComparison.Ordinal)) return Section.Pillars;
            if (t.StartsWith("hankkeen kustannukset", StringComparison.Ordinal)) return Section.Costs;
            if (t.StartsWith("seuranta ja arviointi", StringComparison.Ordinal)) return Section.Indicators;
            if (t.StartsWith("riskit", StringComparison.Ordinal)) return Section.Risks;
            if (t.StartsWith("vaikutukset", StringComparison.Ordinal) || t.StartsWith("rajaukset", StringComparison.Ordinal)
                || t.StartsWith("hankkeen hallinnointi", StringComparison.Ordinal)) return Section.Other;
            return null;
        }

        private static Section SubSection(string title) => Known(title) switch
        {
            Section.Costs => Section.Costs,
            Section.Indicators => Section.Indicators,
            Section.Risks => Section.Risks,
            _ => Section.Other,
        };

        /// <summary>Title lines after a heading line: continuation lines start with a lower-case letter or a digit.</summary>
        private static int Continue(List<PlanLine> lines, int i, List<PlanLine> heading, bool skipBlanks)
        {
            var j = i + 1;
            while (j < lines.Count)
            {
                if (lines[j].IsBlank)
                {
                    if (!skipBlanks) break;
                    var k = j;
                    while (k < lines.Count && lines[k].IsBlank) k++;
                    if (k >= lines.Count || !IsContinuation(lines[k].Trimmed)) break;
                    j = k;
                    continue;
                }
                if (!IsContinuation(lines[j].Trimmed)) break;
                heading.Add(lines[j]);
                j++;
            }
            return j - 1;
        }

        private static bool IsContinuation(string t) =>
            t.Length > 0 && (char.IsLower(t[0]) || char.IsDigit(t[0])) && !IsAnyHeading(t);

        private static bool IsAnyHeading(string t) =>
            SubHeading().IsMatch(t) || Level3().IsMatch(t) || Level4().IsMatch(t) || WpHeading().IsMatch(t) || SubWpHeading().IsMatch(t)
            || FieldLabel().IsMatch(t) || NumberedHeadingLike().IsMatch(t) || LetterHeading().IsMatch(t);

        private static string Join(IEnumerable<PlanLine> lines) => Ws().Replace(string.Join(' ', lines.Select(l => l.Text)), " ").Trim();

        // ------------------------------------------------------------ section 4

        private int PillarLine(List<PlanLine> lines, int i, int topNumber)
        {
            var line = lines[i];
            var t = line.Trimmed;
            Match m;
            if ((m = SubHeading().Match(t)).Success && m.Groups[1].Value == topNumber.ToString(CultureInfo.InvariantCulture)
                && PillarWord().Match(m.Groups[3].Value) is { Success: true } pw)
                return StartPillar(lines, i, $"{m.Groups[1].Value}.{m.Groups[2].Value}", pw);
            if (SubHeading().IsMatch(t) is false && PillarWord().Match(t) is { Success: true } bare && bare.Index == 0 && t.Contains(':'))
                return StartPillar(lines, i, "", bare);

            if (_pillar is not null && (m = Level3().Match(t)).Success && m.Groups[1].Value == _pillar.Section)
                return StartInvestment(lines, i, $"{m.Groups[1].Value}.{m.Groups[2].Value}", m.Groups[3].Value);
            if (_pillar is not null && (m = BareInvestment().Match(t)).Success)
                return StartInvestment(lines, i, "", t);

            if (_group is not null && (m = Level4().Match(t)).Success && m.Groups[1].Value == _group.Section)
                return StartSubPart(lines, i, m.Groups[2].Value, m.Groups[3].Value, letter: false);

            if (_group is not null && (m = LetterHeading().Match(t)).Success)
            {
                var inSubSection = _inv is { NumberedPart: true };
                if (!inSubSection && (_group.HasLetterSubParts || _group.WorkPackages.Count == 0))
                    return StartSubPart(lines, i, m.Groups[1].Value, m.Groups[2].Value, letter: true);
                if (_inv is not null)
                    return StartWorkPackage(lines, i, $"{m.Groups[1].Value})", m.Groups[2].Value, 0, subUnit: false);
            }

            if (_inv is not null && !FieldLabel().IsMatch(t) && (m = WpHeading().Match(t)).Success)
            {
                var tp = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                var code = m.Groups[2].Success ? $"TP{tp} {m.Groups[2].Value})" : $"TP{tp}";
                return StartWorkPackage(lines, i, code, m.Groups[3].Value, tp, subUnit: false);
            }
            if (_inv is not null && (m = SubWpHeading().Match(t)).Success)
            {
                var tp = m.Groups[1].Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : _wp?.TpNumber ?? 0;
                var code = tp > 0 ? $"TP{tp} {m.Groups[2].Value}" : $"{m.Groups[2].Value})";
                return StartWorkPackage(lines, i, code, m.Groups[3].Value, tp, subUnit: true);
            }

            if (FieldLabel().Match(t) is { Success: true } f && _inv is not null)
            {
                if (_wp is null)
                {
                    // Fields straight under an investment (as in a plan whose investment is one work package).
                    _wp = new WpDraft { Code = "TP1", Title = _inv.Title, Implied = true, TpNumber = 1, Heading = [.. _inv.Heading] };
                    _wp.Background.AddRange(_inv.Text);
                    _inv.Text.Clear();
                    _inv.WorkPackages.Add(_wp);
                    _findings.Add(new(ImportFindingKind.ImpliedWorkPackage, FindingSeverity.Info, SourceLines.Of(_inv.Heading), [_inv.Code, _inv.Title]));
                }
                var field = FieldOf(f.Groups["label"].Value);
                var fl = new List<PlanLine>();
                var rest = f.Groups["rest"].Value;
                if (rest.Trim().Length > 0) fl.Add(new PlanLine(line.Number, rest));
                else fl.Add(new PlanLine(line.Number, ""));
                _field = (field, fl);
                _wp.Fields.Add(_field.Value);
                return i;
            }
            if (IgnoredLabel().IsMatch(t) && _wp is not null)
            {
                _field = (Field.Ignored, [line]);
                _wp.Fields.Add(_field.Value);
                return i;
            }

            if (_field is { } cur) cur.Lines.Add(line);
            else if (_wp is not null) _wp.Background.Add(line);
            else if (_inv is not null) _inv.Text.Add(line);
            else if (_pillar is not null) _pillar.Text.Add(line);
            else if (!line.IsBlank) _unplaced.Add(new(new(line.Number, line.Number), line.Trimmed, UnplacedReason.InvestmentText));
            return i;
        }

        private int StartPillar(List<PlanLine> lines, int i, string section, Match pw)
        {
            CloseSection4();
            var heading = new List<PlanLine> { lines[i] };
            var end = Continue(lines, i, heading, skipBlanks: true);
            var number = int.Parse(pw.Groups[1].Value, CultureInfo.InvariantCulture);
            var title = Join(heading);
            title = PillarWord().Replace(title, "", 1).Trim();
            if (section.Length > 0 && title.StartsWith(section, StringComparison.Ordinal)) title = title[section.Length..].Trim();
            _pillar = new PillarDraft { Code = $"Pilari {number}", Title = title.TrimStart(':', ' '), Number = number, Section = section, Heading = heading };
            _pillars.Add(_pillar);
            return end;
        }

        private int StartInvestment(List<PlanLine> lines, int i, string section, string titleText)
        {
            CloseInvestment();
            var heading = new List<PlanLine> { lines[i] };
            var end = Continue(lines, i, heading, skipBlanks: true);
            var title = Join(heading);
            if (section.Length > 0 && title.StartsWith(section, StringComparison.Ordinal)) title = title[section.Length..].Trim();
            int? invNo = null;
            string code;
            if (InvestmentWord().Match(title) is { Success: true } iw && iw.Index == 0)
            {
                invNo = int.Parse(iw.Groups[1].Value, CultureInfo.InvariantCulture);
                code = invNo.Value.ToString(CultureInfo.InvariantCulture);
                title = title[iw.Length..].Trim().TrimStart(':', ' ').Trim();
            }
            else
            {
                var first = title.Split(' ', '-', '–')[0];
                code = first.Length >= 2 && first.All(char.IsUpper) ? first : section;
            }
            _group = new InvDraft
            {
                Code = code, Title = title, PillarNo = _pillar!.Number, InvestmentNo = invNo, Section = section, Heading = heading,
            };
            _inv = _group;
            _pillar.Investments.Add(_group);
            return end;
        }

        private int StartSubPart(List<PlanLine> lines, int i, string key, string titleText, bool letter)
        {
            var group = _group!;
            CloseWorkPackage();
            if (_inv is not null && _inv != group && _inv.WorkPackages.Count == 0 && _inv.Text.Count > 0) FlushInvestmentText(_inv);
            if (!group.Split && _pillar!.Investments.Contains(group))
            {
                // The investment is split into parts; the parts carry the work packages and the cost table's rows.
                _pillar.Investments.Remove(group);
                group.Split = true;
                var groupLines = group.Heading.Concat(group.Text).Where(l => !l.IsBlank).ToList();
                if (SourceLines.Of(groupLines) is { } gl) _unplaced.Add(new(gl, Join(groupLines), UnplacedReason.GroupHeading));
                group.Text.Clear();
            }
            if (letter) group.HasLetterSubParts = true;
            var heading = new List<PlanLine> { lines[i] };
            var end = Continue(lines, i, heading, skipBlanks: true);
            var title = Join(heading);
            var mm = letter ? LetterHeading().Match(title) : Level4().Match(title);
            if (mm.Success) title = mm.Groups[letter ? 2 : 3].Value.Trim();
            var index = _pillar!.Investments.Count(x => x.InvestmentNo == group.InvestmentNo && x.IsSubPart && x != group) + 1;
            var code = group.InvestmentNo is { } n
                ? (letter ? $"{n}{key}" : $"{n}.{key}")
                : (letter ? $"{group.Code}{key}" : $"{group.Code}.{key}");
            _inv = new InvDraft
            {
                Code = code, Title = title, PillarNo = group.PillarNo, InvestmentNo = group.InvestmentNo, SubIndex = index,
                Section = letter ? group.Section : $"{group.Section}.{key}", IsSubPart = true, NumberedPart = !letter, Heading = heading,
            };
            _pillar.Investments.Add(_inv);
            return end;
        }

        private int StartWorkPackage(List<PlanLine> lines, int i, string code, string titleText, int tp, bool subUnit)
        {
            CloseWorkPackage();
            if (_inv!.WorkPackages.Count == 0) FlushInvestmentText(_inv);
            var heading = new List<PlanLine> { lines[i] };
            var end = Continue(lines, i, heading, skipBlanks: false);
            var title = Join(heading);
            var m = subUnit ? SubWpHeading().Match(title) : WpHeading().Match(title);
            if (m.Success) title = m.Groups[3].Value.Trim();
            else if (LetterHeading().Match(title) is { Success: true } lm) title = lm.Groups[2].Value.Trim();
            title = title.TrimStart(':', ' ').Trim();
            _wp = new WpDraft { Code = code, Title = title, Heading = heading, TpNumber = tp, IsSubUnit = subUnit };
            _inv.WorkPackages.Add(_wp);
            return end;
        }

        private void FlushInvestmentText(InvDraft inv)
        {
            var text = inv.Text.Where(l => !l.IsBlank).ToList();
            if (SourceLines.Of(text) is { } sl) _unplaced.Add(new(sl, Join(text), UnplacedReason.InvestmentText));
            inv.Text.Clear();
        }

        private void CloseWorkPackage()
        {
            _field = null;
            _wp = null;
        }

        private void CloseInvestment()
        {
            CloseWorkPackage();
            if (_inv is not null && _inv.Text.Count > 0) FlushInvestmentText(_inv);
            if (_group is not null && _group.Text.Count > 0) FlushInvestmentText(_group);
            _inv = null;
            _group = null;
        }

        private void CloseSection4()
        {
            CloseInvestment();
            if (_pillar is not null && _pillar.Text.Any(l => !l.IsBlank))
            {
                var text = _pillar.Text.Where(l => !l.IsBlank).ToList();
                _unplaced.Add(new(SourceLines.Of(text)!.Value, Join(text), UnplacedReason.InvestmentText));
                _pillar.Text.Clear();
            }
            _pillar = null;
        }

        private static Field FieldOf(string label)
        {
            var l = label.ToLowerInvariant();
            if (l.Contains("tavoit")) return Field.Goals;
            if (l.Contains("toimenpit")) return Field.Actions;
            if (l.Contains("tuotok")) return Field.Outputs;
            if (l.Contains("aikataulu")) return Field.Schedule;
            if (l.Contains("kustannu")) return Field.Cost;
            return Field.Metrics;
        }

        // ------------------------------------------------------------ programme graph

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
                        foreach (var (s, e) in MetricItems(span.Text, span.LineStarts))
                        {
                            var name = Clean(span.Text[s..e]).TrimEnd('.', ',', ';').Trim();
                            if (name.Length < 3 || wp.Metrics.Any(x => x.Name == name)) continue;
                            var metric = new Metric { Name = name, Kind = CountWord().IsMatch(name) ? MetricKind.Count : MetricKind.Text };
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

        // ------------------------------------------------------------ cost table

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
                    if (rowSum != total) _findings.Add(new(ImportFindingKind.CostTableTotalMismatch, FindingSeverity.Warning, null, [rowSum, total]));
                    var wpSum = _preview.WorkPackages.Sum(w => w.CostEstimate);
                    if (wpSum != total) _findings.Add(new(ImportFindingKind.PlanTotalMismatch, FindingSeverity.Warning, null, [wpSum, total]));
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
                    _findings.Add(new(ImportFindingKind.InvestmentCostMismatch, FindingSeverity.Warning, matched[0].Lines, [inv.Code, sum, inv.CostEstimate]));
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

        // ------------------------------------------------------------ indicators (7.4)

        private void BuildIndicators(DevelopmentProgramme programme)
        {
            if (!_seen.Contains(Section.Indicators)) return;
            string? scope = null;
            var indicatorNames = new HashSet<string>();
            List<PlanLine>? block = null;
            string? kind = null;
            var loose = new List<PlanLine>();
            void Close()
            {
                if (block is null) return;
                var lines = block.Where(l => !l.IsBlank).ToList();
                var span = new Span(lines);
                if (kind is "indicator")
                {
                    var text = span.Text;
                    var interimAt = Interim().Match(text);
                    var main = interimAt.Success ? text[..interimAt.Index] : text;
                    var name = Clean(main).TrimEnd('.', ' ');
                    if (scope is not null) name = $"{scope}: {name}";
                    var metric = new Metric { Name = name, Kind = MetricKind.Text };
                    foreach (Match t in PercentTarget().Matches(text))
                    {
                        if (!Period.TryParse(t.Groups["due"].Value.Replace(" ", ""), out var due)) continue;
                        metric.Kind = MetricKind.Percentage;
                        metric.Unit = "%";
                        metric.Targets.Add(new MetricTarget
                        {
                            Value = decimal.Parse(t.Groups["v"].Value.Replace(',', '.'), CultureInfo.InvariantCulture), DuePeriod = due.Code,
                        });
                    }
                    metric.Targets = metric.Targets.OrderBy(t => Period.Parse(t.DuePeriod!).End).ToList();
                    if (indicatorNames.Add(metric.Name))
                    {
                        programme.Metrics.Add(metric);
                        _preview.SetLines(metric, SourceLines.Of(lines));
                    }
                }
                else if (lines.Count > 0) loose.AddRange(lines);
                block = null;
                kind = null;
            }
            foreach (var line in _indicators)
            {
                var t = line.Trimmed;
                Match m;
                if ((m = IndicatorScope().Match(t)).Success)
                {
                    Close();
                    scope = m.Groups[1].Value.Trim();
                    block = [new PlanLine(line.Number, m.Groups[2].Value)];
                    kind = "scope";
                    continue;
                }
                if ((m = IndicatorLabel().Match(t)).Success)
                {
                    Close();
                    kind = m.Groups[1].Value.Contains("ndikaattori", StringComparison.OrdinalIgnoreCase) ? "indicator" : "goal";
                    block = [new PlanLine(line.Number, m.Groups[2].Value)];
                    continue;
                }
                if (block is not null) block.Add(line);
                else if (!line.IsBlank) loose.Add(line);
            }
            Close();
            foreach (var chunk in Chunks(loose))
                _unplaced.Add(new(SourceLines.Of(chunk)!.Value, Join(chunk), UnplacedReason.IndicatorText));
        }

        /// <summary>Consecutive lines (by number) as one chunk.</summary>
        private static IEnumerable<List<PlanLine>> Chunks(List<PlanLine> lines)
        {
            var cur = new List<PlanLine>();
            foreach (var l in lines.OrderBy(l => l.Number))
            {
                if (cur.Count > 0 && l.Number > cur[^1].Number + 2) { yield return cur; cur = []; }
                cur.Add(l);
            }
            if (cur.Count > 0) yield return cur;
        }

        // ------------------------------------------------------------ risks (7.5)

        private void BuildRisks(DevelopmentProgramme programme)
        {
            if (!_seen.Contains(Section.Risks)) { _findings.Add(new(ImportFindingKind.SectionMissing, FindingSeverity.Warning, null, ["Riskit ja niihin varautuminen"])); return; }
            var lines = _risks;
            // Header: up to the line naming the last column.
            var start = lines.FindIndex(l => OwnerHeader().IsMatch(l.Text) && !RiskNumbers().IsMatch(l.Trimmed));
            if (start < 0) start = lines.FindIndex(l => l.Text.Contains("Riskin kuvaus", StringComparison.OrdinalIgnoreCase));
            var body = start >= 0 ? lines.Skip(start + 1).ToList() : lines;

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

    // ---------------------------------------------------------------- text helpers

    /// <summary>Joined text of some lines with a map from character offsets back to line numbers.</summary>
    private sealed class Span
    {
        public string Text { get; }
        private readonly List<(int Start, int Number)> _starts = [];
        /// <summary>Offsets where a source line begins.</summary>
        public List<int> LineStarts { get; } = [];

        public Span(IEnumerable<PlanLine> lines)
        {
            var sb = new StringBuilder();
            foreach (var l in lines)
            {
                if (l.IsBlank) { if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n'); continue; }
                if (sb.Length > 0 && sb[^1] != '\n') sb.Append(' ');
                _starts.Add((sb.Length, l.Number));
                LineStarts.Add(sb.Length);
                sb.Append(l.Text);
            }
            Text = sb.ToString();
        }

        public SourceLines Lines(int start, int end)
        {
            var (s, e) = Trimmed(Text, start, end);
            if (e <= s) { s = start; e = Math.Max(start, end); }
            return new SourceLines(NumberAt(s), NumberAt(Math.Max(s, e - 1)));
        }

        private int NumberAt(int offset)
        {
            var n = _starts.Count > 0 ? _starts[0].Number : 0;
            foreach (var (start, number) in _starts)
            {
                if (start > offset) break;
                n = number;
            }
            return n;
        }
    }

    private static (int, int) Trimmed(string text, int s, int e)
    {
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        return (s, e);
    }

    private static string Clean(string s) => Ws().Replace(s, " ").Trim().TrimEnd(',', ';').Trim();

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    { "mm", "esim", "ns", "yms", "ym", "jne", "n", "v", "ml", "vrt", "ks", "klo", "tms", "mt", "lk", "tk", "pth", "esh", "kpl", "milj", "t", "s", "nk" };

    /// <summary>Sentence ranges: a full stop followed by a capital letter ends a sentence unless it ends an abbreviation.</summary>
    private static List<(int, int)> Sentences(string text)
    {
        var result = new List<(int, int)>();
        var start = 0;
        for (var k = 0; k < text.Length; k++)
        {
            var c = text[k];
            if (c == '\n') { AddRange(result, text, start, k); start = k + 1; continue; }
            if (c is not ('.' or '!' or '?')) continue;
            var j = k + 1;
            if (j < text.Length && !char.IsWhiteSpace(text[j])) continue;
            while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
            if (j < text.Length && !char.IsUpper(text[j])) continue;
            var w = k - 1;
            while (w >= 0 && char.IsLetterOrDigit(text[w])) w--;
            var word = text[(w + 1)..k];
            if (c == '.' && (Abbreviations.Contains(word) || word.All(char.IsDigit) && word.Length > 0 && word.Length < 3)) continue;
            AddRange(result, text, start, k + 1);
            start = j;
        }
        AddRange(result, text, start, text.Length);
        return result;
    }

    private static void AddRange(List<(int, int)> list, string text, int s, int e)
    {
        var (a, b) = Trimmed(text, s, e);
        if (b > a) list.Add((a, b));
    }

    /// <summary>Items of a goal or output field: numbered "1) … 2) …" when so written, else sentences.</summary>
    private static List<(int, int)> Items(string text)
    {
        var markers = new List<Match>();
        var expected = 1;
        foreach (Match m in ActionMarker().Matches(text))
        {
            if (m.Groups["sub"].Success) continue;
            var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (n == expected) { markers.Add(m); expected++; }
        }
        if (markers.Count < 2) return Sentences(text);
        var list = new List<(int, int)>();
        AddRange(list, text, 0, markers[0].Index);
        for (var k = 0; k < markers.Count; k++)
            AddRange(list, text, markers[k].Index + markers[k].Length, k + 1 < markers.Count ? markers[k + 1].Index : text.Length);
        return list;
    }

    /// <summary>Metric names: sentences split at commas (not after a suspended hyphen "hoito-, kuntoutus-") outside parentheses.</summary>
    private static List<(int, int)> MetricItems(string text, IReadOnlyList<int> lineStarts)
    {
        var list = new List<(int, int)>();
        var pieces = new List<(int, int)>();
        foreach (var (s0, e0) in Sentences(text))
        {
            var s = s0;
            foreach (var ls in lineStarts.Where(x => x > s0 && x < e0))
                if (LabelStart().IsMatch(text.AsSpan(ls, Math.Min(80, e0 - ls)).ToString())) { pieces.Add((s, ls)); s = ls; }
            pieces.Add((s, e0));
        }
        foreach (var (s, e) in pieces)
        {
            var depth = 0;
            var start = s;
            for (var k = s; k < e; k++)
            {
                var c = text[k];
                if (c == '(') depth++;
                else if (c == ')') depth = Math.Max(0, depth - 1);
                else if (c == ',' && depth == 0 && k > s && text[k - 1] != '-' && k + 1 < e && char.IsWhiteSpace(text[k + 1]))
                {
                    AddRange(list, text, start, k);
                    start = k + 1;
                }
            }
            AddRange(list, text, start, e);
        }
        return list;
    }

    /// <summary>Schedule entries: a period followed by ":" ("Kevät 2023:", "2024:"), else a period opening a clause ("8-12/2023 laajennetaan …").</summary>
    private static List<(string Period, int Start, int End, string? Label)> Milestones(string text)
    {
        var marks = new List<(int Index, int Length, string Period)>();
        foreach (Match m in PeriodColon().Matches(text)) marks.Add((m.Index, m.Length, Clean(m.Groups["p"].Value)));
        if (marks.Count == 0)
            foreach (Match m in PeriodLead().Matches(text)) marks.Add((m.Index, m.Length, Clean(m.Groups["p"].Value)));
        if (marks.Count > 0 && PeriodLead().Match(text) is { Success: true, Index: var li } lead && li < marks[0].Index && Clean(text[..li]).Length == 0)
            marks.Insert(0, (lead.Index, lead.Length, Clean(lead.Groups["p"].Value)));
        var list = new List<(string, int, int, string?)>();
        if (marks.Count == 0)
        {
            var whole = Clean(text);
            if (PeriodOnly().IsMatch(whole)) list.Add((whole, text.Length, text.Length, null));
            else if (whole.Length > 0) list.Add(("", 0, text.Length, null));
            return list;
        }
        var pre = text[..marks[0].Index];
        string? carry = null;
        if (LabelAtEnd().Match(pre) is { Success: true } pl && Clean(pre[..pl.Index]).Length == 0) carry = pl.Groups[1].Value.Trim();
        else if (Clean(pre).Length > 0) list.Add(("", 0, marks[0].Index, null));
        for (var k = 0; k < marks.Count; k++)
        {
            var s = marks[k].Index + marks[k].Length;
            var e = k + 1 < marks.Count ? marks[k + 1].Index : text.Length;
            string? next = null;
            if (k + 1 < marks.Count && LabelAtEnd().Match(text[s..e]) is { Success: true } nl) { next = nl.Groups[1].Value.Trim(); e = s + nl.Index; }
            // A group label such as "Nuorten mt. edistäminen:" stays with the entries it heads.
            list.Add((marks[k].Period, s, e, carry));
            carry = next ?? carry;
        }
        return list;
    }

    /// <summary>The last day of the period a schedule entry names ("Kevät 2023" → 31.5.2023, "8-12/2023" → 31.12.2023, "2024" → 31.12.2024).</summary>
    internal static DateOnly? DueOf(string period)
    {
        if (period.Length == 0) return null;
        var last = LastDate().Matches(period).LastOrDefault();
        if (last is null) return null;
        var year = int.Parse(last.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (last.Groups["m"].Success)
        {
            var month = int.Parse(last.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12) return null;
            return new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
        }
        var season = last.Groups["s"].Value.ToLowerInvariant();
        if (season.StartsWith("kevä", StringComparison.Ordinal) || season.StartsWith("loppukevä", StringComparison.Ordinal)) return new DateOnly(year, 5, 31);
        if (season.StartsWith("kesä", StringComparison.Ordinal)) return new DateOnly(year, 8, 31);
        if (season.StartsWith("syks", StringComparison.Ordinal)) return new DateOnly(year, 11, 30);
        if (season.StartsWith("talv", StringComparison.Ordinal) || season.StartsWith("alkuvuo", StringComparison.Ordinal)) return new DateOnly(year, 2, 28);
        return new DateOnly(year, 12, 31);
    }

    internal static decimal ParseAmount(string digits) =>
        decimal.Parse(Ws().Replace(digits, "").Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- patterns

    [GeneratedRegex(@"^(\d{1,2})\.\s+(\S.*)$")] private static partial Regex TopHeadingRx();
    [GeneratedRegex(@"^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$")] private static partial Regex SubHeading();
    [GeneratedRegex(@"^(\d{1,2}\.\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$")] private static partial Regex Level3();
    [GeneratedRegex(@"^(\d{1,2}\.\d{1,2}\.\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$")] private static partial Regex Level4();
    [GeneratedRegex(@"^\d+(\.\d+)+\.?\s+[A-ZÄÖÅ]")] private static partial Regex NumberedHeadingLike();
    [GeneratedRegex(@"PILARI\s*(\d+)\s*:?", RegexOptions.IgnoreCase)] private static partial Regex PillarWord();
    [GeneratedRegex(@"^Investointi\s+(\d+)\s*:?", RegexOptions.IgnoreCase)] private static partial Regex InvestmentWord();
    [GeneratedRegex(@"^Investointi\s+\d+\s*:\s")] private static partial Regex BareInvestment();
    [GeneratedRegex(@"^([a-h])\)\s+(\S.*)$")] private static partial Regex LetterHeading();
    [GeneratedRegex(@"^Työpaketti\s+(\d+)\s*(?:([a-h]\d?)\))?\s*:?\s*(.*)$", RegexOptions.IgnoreCase)] private static partial Regex WpHeading();
    [GeneratedRegex(@"^(?:(\d+)\s*)?([a-h]\d{1,2})\)\s*(\S.*)$")] private static partial Regex SubWpHeading();
    [GeneratedRegex(@"^(?:Työpake(?:tti|tin)\s+\d+\s*(?:[a-h]\d?\)\s*)?)?(?<label>karkea\s+aikataulu|aikataulu|tavoitteet|tavoite|toimenpiteet|tuotokset|kustannusarvio|kustannukset|mittarit)\s*:\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex FieldLabel();
    [GeneratedRegex(@"^(Palvelun jatkuvuus|Palvelun skaalautuvuus|Taloudelliset ja laadulliset hyödyt|Vastuutaho|Vastuuhenkilö|Yhteistyökumppanit|Hankinnat)[^:]{0,60}:", RegexOptions.IgnoreCase)]
    private static partial Regex IgnoredLabel();
    [GeneratedRegex(@"(?<![\d\w.,/])(?<n>\d{1,2})(?:\.(?<sub>\d{1,2}))?\)")] private static partial Regex ActionMarker();
    [GeneratedRegex(@"([A-ZÄÖÅ][^.:;()]{0,50}(?:\.\s*[a-zäöå][^.:;()]{0,40})?):\s*$")] private static partial Regex LabelAtEnd();
    [GeneratedRegex(@"(?<n>\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:,\d{1,2})?\s*(?:€|e\b|eur\b|euroa)", RegexOptions.IgnoreCase)] private static partial Regex Amount();
    [GeneratedRegex(@"(?<n>\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:,\d{1,2})?\s*(?:€|e|eur|euroa)\s*$", RegexOptions.IgnoreCase)] private static partial Regex AmountAtEnd();
    [GeneratedRegex(@"\s[-–]\s*$")] private static partial Regex DashAtEnd();
    [GeneratedRegex(@"^Pilari\s+(?<p>\d+)\s*(?:Investointi\s+(?<i>\d+))?(?<rest>.*)$", RegexOptions.IgnoreCase)] private static partial Regex CostRow();
    [GeneratedRegex(@"^(Yhteensä|Kaikki yhteensä|Kokonaiskustannukset)\b", RegexOptions.IgnoreCase)] private static partial Regex TotalRow();
    [GeneratedRegex(@"^Pilari\s+Investointi\s+Osa-alue|Kustannukset,\s*€", RegexOptions.IgnoreCase)] private static partial Regex CostHeader();
    [GeneratedRegex(@"^(Pilari\s+\d+|Investointi\s+\d+|Työpaketti\s+\d+)\s*:\s*(.*)$", RegexOptions.IgnoreCase)] private static partial Regex IndicatorScope();
    [GeneratedRegex(@"^(Tavoite ja indikaattori|Indikaattori|Tavoite|Välitavoite|Väli-indikaattori)\s*:\s*(.*)$", RegexOptions.IgnoreCase)] private static partial Regex IndicatorLabel();
    [GeneratedRegex(@"Väli-?indikaattori\s*:", RegexOptions.IgnoreCase)] private static partial Regex Interim();
    [GeneratedRegex(@"(?<v>\d{1,3}(?:,\d+)?)\s*%[^.%]{0,120}?(?<due>Q[1-4]\s*/\s*\d{4}|\d{1,2}\s*/\s*\d{4})")] private static partial Regex PercentTarget();
    [GeneratedRegex(@"^(?<p>\d{1,2})\s+(?<i>\d{1,2})\s+(?<s>\d{1,3})(?:\s+(?<rest>.*))?$")] private static partial Regex RiskNumbers();
    [GeneratedRegex(@"Vastuutaho|Vastuuhenkilö|Riskin omistaja", RegexOptions.IgnoreCase)] private static partial Regex OwnerHeader();
    [GeneratedRegex(@"\b(määrä|määrät|määrää|lukumäärä|käyttömäärä|käyttäjämäärä|käyttäjämäärät)\b", RegexOptions.IgnoreCase)] private static partial Regex CountWord();
    [GeneratedRegex(@"\b(?:19|20)\d{2}\b")] private static partial Regex Year();
    [GeneratedRegex(@"\s+")] private static partial Regex Ws();
    [GeneratedRegex(@"^[A-ZÄÖÅ][^.:;,()]{0,40}(?:\.\s*[a-zäöå][^.:;,()]{0,30})?:\s")] private static partial Regex LabelStart();
    [GeneratedRegex(@"[\p{L}]+")] private static partial Regex Words();
    [GeneratedRegex(@"^\s*Hankkeen nimi\s*:\s*(.+)$", RegexOptions.IgnoreCase)] private static partial Regex NameLabel();
    [GeneratedRegex(@"(Kestävän kasvun\s+[A-ZÄÖÅ][\p{L}-]+(?:\s+I{1,3}V?)?)\s*(?:[–-]\s*)?hank", RegexOptions.None)] private static partial Regex ProjectName();

    private const string SeasonRx = @"(?:(?:alku|loppu)?kevä\w*|kesä\w*|syks\w*|syksy|talv\w*|alkuvuo\w*|loppuvuo\w*)\s+";
    private const string PointRx = @"(?:" + SeasonRx + @")?(?:\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s*/\s*/?\s*\d{4}|(?:19|20)\d{2})";
    private const string PeriodRx = PointRx + @"(?:\s*[-–]\s*" + PointRx + @")?";

    [GeneratedRegex(@"(?<![\w/])(?<p>" + PeriodRx + @")\s*:", RegexOptions.IgnoreCase)] private static partial Regex PeriodColon();
    [GeneratedRegex(@"(?:^|(?<=[,.;]\s{1,3}))(?<p>" + PeriodRx + @")(?=\s)", RegexOptions.IgnoreCase)] private static partial Regex PeriodLead();
    [GeneratedRegex(@"^" + PeriodRx + @"$", RegexOptions.IgnoreCase)] private static partial Regex PeriodOnly();
    [GeneratedRegex(@"(?:(?<s>(?:alku|loppu)?kevä\w*|kesä\w*|syks\w*|talv\w*|alkuvuo\w*|loppuvuo\w*)\s+)?(?:(?<m>\d{1,2})\s*/\s*/?\s*)?(?<y>(?:19|20)\d{2})", RegexOptions.IgnoreCase)]
    private static partial Regex LastDate();
}

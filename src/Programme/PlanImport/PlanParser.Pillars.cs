using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Programme.PlanImport;

/// <summary>Section 4 (Pilarit ja investoinnit): pillars, investments, their parts and work packages with their fields, as drafts.</summary>
public static partial class PlanParser
{
    private sealed partial class Run
    {

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
            // "Investointi 1A", "Investointi 1 b)", "Inv 1 b)", "Inv. 2 Otsikko", "1 b) Otsikko": an investment by its own label.
            if (_pillar is not null && ((m = InvestmentLabel().Match(t)).Success || (m = BareInvestmentPart().Match(t)).Success))
                return StartLabelledInvestment(lines, i, m);

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

            if (_inv is null && _pillar is not null && !FieldLabel().IsMatch(t) && WpHeading().IsMatch(t))
                ImplyInvestment();
            if (_inv is not null && !FieldLabel().IsMatch(t) && (m = WpHeading().Match(t)).Success)
            {
                var tp = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                var code = m.Groups[2].Success ? $"TP{tp} {m.Groups[2].Value.ToLowerInvariant()})" : $"TP{tp}";
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

        private int StartLabelledInvestment(List<PlanLine> lines, int i, Match label)
        {
            CloseInvestment();
            var heading = new List<PlanLine> { lines[i] };
            var end = Continue(lines, i, heading, skipBlanks: true);
            var joined = Join(heading);
            var m = InvestmentLabel().Match(joined) is { Success: true } a ? a : BareInvestmentPart().Match(joined);
            var n = int.Parse(label.Groups["n"].Value, CultureInfo.InvariantCulture);
            var letter = label.Groups["l"].Success ? label.Groups["l"].Value.ToLowerInvariant() : "";
            var title = (m.Success ? m.Groups["title"].Value : joined).Trim().TrimStart(':', ' ').Trim();
            _group = new InvDraft
            {
                Code = $"{n.ToString(CultureInfo.InvariantCulture)}{letter}", Title = title, PillarNo = _pillar!.Number, InvestmentNo = n,
                SubIndex = letter.Length > 0 ? letter[0] - 'a' + 1 : null, IsSubPart = letter.Length > 0, Heading = heading,
            };
            _inv = _group;
            _pillar.Investments.Add(_group);
            return end;
        }

        /// <summary>A work package straight under a pillar: the pillar is its investment ("–"), as the cost table has it (a row with no investment).</summary>
        private void ImplyInvestment()
        {
            _group = new InvDraft { Code = "–", Title = _pillar!.Title, PillarNo = _pillar.Number, Heading = [.. _pillar.Heading] };
            _inv = _group;
            _pillar.Investments.Add(_group);
            _findings.Add(new(ImportFindingKind.ImpliedInvestment, FindingSeverity.Info, SourceLines.Of(_pillar.Heading), [_pillar.Code]));
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
            if (l.Contains("tuotok") || l.Contains("tulok")) return Field.Outputs;
            if (l.Contains("aikataulu")) return Field.Schedule;
            if (l.Contains("kustannu")) return Field.Cost;
            return Field.Metrics;
        }
    }
}

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

    private sealed partial class Run(string text, string sourceName, string? programmeName)
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
            PlanLineClassifier.Normalise(lines);
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
                    // The heading heads the target groups' paragraphs, in the template's wording whatever the plan's.
                    if (section == Section.TargetGroup) _targetGroup.Add(new PlanLine(line.Number, $"{top.Number}. Kohderyhmä"));
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
            "hankkeen tavoitteet", "hankkeen tarve ja tausta", "riskit ja niiden hallinta", "riskienhallinta", "hankkeen kustannukset", "seuranta ja arviointi", "riskit ja niihin varautuminen", "riskit", "vaikutukset ja vaikuttavuus",
            "rajaukset muihin kehittämishankkeisiin", "hankkeen hallinnointi",
        ];

        private static Section? Known(string title)
        {
            var t = title.Trim().TrimEnd(':').Trim().ToLowerInvariant();
            if (t.StartsWith("hankkeen tarve", StringComparison.Ordinal)) return Section.Need;
            if (t.StartsWith("kohderyhmä", StringComparison.Ordinal)) return Section.TargetGroup;
            if (t.StartsWith("hankkeen päätavoitteet", StringComparison.Ordinal) || t == "päätavoitteet" || t == "hankkeen tavoitteet") return Section.MainGoals;
            if (t.StartsWith("pilarit ja investoinnit", StringComparison.Ordinal)) return Section.Pillars;
            if (t.StartsWith("hankkeen kustannukset", StringComparison.Ordinal)) return Section.Costs;
            if (t.StartsWith("seuranta ja arviointi", StringComparison.Ordinal) || t is "mittarit" or "indikaattorit") return Section.Indicators;
            if (t == "kustannusarvio") return Section.Costs;
            if (t.StartsWith("riskit", StringComparison.Ordinal) || t == "riskienhallinta") return Section.Risks;
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

    }
}

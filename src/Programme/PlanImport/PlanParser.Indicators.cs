using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Programme.PlanImport;

/// <summary>The monitoring section (Seuranta ja arviointi): programme-level indicators and their targets.</summary>
public static partial class PlanParser
{
    private sealed partial class Run
    {

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
                    ReadTargets(metric, text);
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
                // An interim indicator that wrapping put at the start of a line stays with its indicator.
                if (kind is "indicator" && block is not null && Interim().Match(t) is { Success: true, Index: 0 }) { block.Add(line); continue; }
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

        /// <summary>
        /// Target values and due periods wherever the text gives them: "80 %:iin Q4/2025 mennessä", "nousee 80 prosenttiin
        /// (kvartaali 4/2025 mennessä)", "vähintään 35 % 2/2025 mennessä" (a bare "2/2025" is a month; "kvartaali 4/2025" a quarter).
        /// </summary>
        internal static void ReadTargets(Metric metric, string text)
        {
            foreach (Match t in PercentTarget().Matches(text))
            {
                var dueText = t.Groups["due"].Value.Replace(" ", "");
                if (t.Groups["q"].Success) dueText = "Q" + dueText;
                if (!Period.TryParse(dueText, out var due)) continue;
                metric.Kind = MetricKind.Percentage;
                metric.Unit = "%";
                metric.Targets.Add(new MetricTarget
                {
                    Value = decimal.Parse(t.Groups["v"].Value.Replace(',', '.'), CultureInfo.InvariantCulture), DuePeriod = due.Code,
                });
            }
            metric.Targets = metric.Targets.OrderBy(t => Period.Parse(t.DuePeriod!).End).ToList();
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
    }
}

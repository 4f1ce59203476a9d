using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.Domain;
using A = DocumentFormat.OpenXml.Drawing;

namespace Tilannekuva.Programme.Review;

/// <summary>
/// The steering-group review as a PowerPoint deck (16:9): title, plan changes, programme indicators, changes since
/// the last review, a slide per work package, budget by investment, the finances of each investment, risk matrix.
/// Whatever does not fit on a slide continues on the next one ("… (jatkuu)"): lists by paragraph, tables by row
/// with the header repeated (see <see cref="TextFit"/> for how the room is estimated). The package carries its own
/// minimal slide master, title-only layout and theme so that PowerPoint opens it without repair.
/// </summary>
public static partial class PptxReviewWriter
{
    private const long SlideWidth = 12192000;
    private const long SlideHeight = 6858000;
    private const long Margin = 457200;
    private const long TitleTop = 228600;
    private const long TitleHeight = 762000;
    private const long BodyTop = 1066800;
    private const long BottomMargin = 304800;
    private const long BodyHeight = SlideHeight - BodyTop - BottomMargin;
    private const long BodyWidth = SlideWidth - 2 * Margin;

    public static void Write(ReviewModel model, Stream output, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var doc = PresentationDocument.Create(output, PresentationDocumentType.Presentation);
        new Deck(doc, culture).Write(model);
    }

    public static byte[] ToBytes(ReviewModel model, CultureInfo culture)
    {
        using var ms = new MemoryStream();
        Write(model, ms, culture);
        return ms.ToArray();
    }

    private sealed partial class Deck
    {
        private const int BodySize = 1200;
        private const int HeadingSize = 1400;
        private const int TableSize = 1100;

        private readonly PresentationPart _pres;
        private readonly SlideLayoutPart _layout;
        private readonly SlideIdList _slideIds = new();
        private readonly CultureInfo _c;
        private readonly string _lang;
        private uint _nextSlideId = 256;

        public Deck(PresentationDocument doc, CultureInfo culture)
        {
            _c = culture;
            _lang = Texts.Language(culture) switch { "sv" => "sv-FI", "en" => "en-GB", _ => "fi-FI" };
            _pres = doc.AddPresentationPart();
            var master = _pres.AddNewPart<SlideMasterPart>("rId1");
            var theme = master.AddNewPart<ThemePart>("rId2");
            theme.Theme = Theme();
            _pres.AddPart(theme, "rId2");
            _layout = master.AddNewPart<SlideLayoutPart>("rId1");
            _layout.SlideLayout = Layout();
            _layout.AddPart(master, "rId1");
            master.SlideMaster = Master();
            _pres.Presentation = new Presentation(
                new SlideMasterIdList(new SlideMasterId { Id = 2147483648U, RelationshipId = "rId1" }),
                _slideIds,
                new SlideSize { Cx = (int)SlideWidth, Cy = (int)SlideHeight },
                new NotesSize { Cx = 6858000, Cy = 9144000 },
                new DefaultTextStyle());
        }

        private string T(string key) => Texts.Get(key, _c);

        public void Write(ReviewModel m)
        {
            // Title
            var period = ReviewFormat.ProgrammePeriod(m, _c);
            Flow(m.ProgrammeName,
                [new Block(Texts.Format("Review.MeetingDate", _c, Texts.Date(m.MeetingDate, _c)), 2800, Bold: true),
                 .. period is null ? Array.Empty<Block>() : [new Block(period, 2000)]],
                titleSlide: true);

            // Plan changes first, as in the real review.
            if (m.PlanChanges.Count == 0) Flow(T("Review.PlanChanges"), [new Block(T("Review.NoPlanChanges"), 1800)]);
            else
                TableSlides(T("Review.PlanChanges"), [2, 1.6, 7, 2],
                    [T("Review.Date"), T("Review.WorkPackage"), T("Review.Description"), T("Review.Status")],
                    m.PlanChanges.Select(x => new[] { Cell(Texts.Date(x.Date, _c)), Cell(x.WorkPackageCode ?? T("Review.ProgrammeLevel")), Cell(x.Description), Cell(ReviewFormat.PlanChangeStatus(x.Status, _c)) }));

            // Programme indicators
            if (m.ProgrammeMetrics.Count == 0) Flow(T("Review.ProgrammeIndicators"), [new Block(T("Review.NoMetrics"), 1800)]);
            else
                TableSlides(T("Review.ProgrammeIndicators"), [4, 2.5, 2.5, 2],
                    [T("Review.Metric"), T("Review.Latest"), T("Review.Target"), T("Review.Light")],
                    m.ProgrammeMetrics.Select(x => new[] { Cell(x.Name), Cell(ReviewFormat.Latest(x, _c)), Cell(ReviewFormat.Target(x, _c)), LightCell(x.Light) }));

            // Changes since the last review
            var changes = new List<Block> { new(Texts.Format("Changes.Window", _c, Texts.Date(m.PreviousReview, _c), Texts.Date(m.MeetingDate, _c)), BodySize, Italic: true) };
            var groups = ReviewFormat.Changes(m.Changes, _c);
            if (groups.Count == 0) changes.Add(new(T("Changes.None"), 1600));
            foreach (var (heading, lines) in groups)
            {
                changes.Add(Heading($"{heading} ({lines.Count})"));
                changes.AddRange(lines.Select(l => new Block(l, BodySize, Bullet: true)));
            }
            Flow(T("Changes.Title"), changes);

            foreach (var wp in m.WorkPackages) WorkPackage(wp);

            Budget(m);
            foreach (var b in m.Budget) Finance(b);
            Risks(m);
        }

        private void WorkPackage(WorkPackageView wp)
        {
            var blocks = new List<Block>();
            if (ReviewFormat.Responsible(wp, _c) is { } responsible) blocks.Add(new(responsible, BodySize, Italic: true));
            blocks.Add(Heading(T("Review2.Done")));
            if (wp.Notes.Count == 0) blocks.Add(new(T("Review2.NoNote"), BodySize, Italic: true, Colour: "4B5563"));
            foreach (var note in wp.Notes)
                blocks.AddRange(ReviewFormat.Paragraphs(note.Text).SelectMany(p => p.Split('\n')).Select(line => new Block(line, BodySize)));
            if (wp.Goals.Count > 0)
            {
                blocks.Add(Heading(T("Review.Goals")));
                blocks.AddRange(wp.Goals.Select(g => new Block(g, BodySize, Bullet: true)));
            }
            blocks.Add(Heading(T("Review.Actions")));
            blocks.AddRange(wp.Actions.Select(a => new Block(ReviewFormat.Action(a, _c), BodySize, Bullet: true)));
            if (wp.OverdueMilestones > 0)
                blocks.Add(new(Texts.Format("Review.OverdueMilestones", _c, wp.OverdueMilestones), BodySize, Bold: true, Colour: ReviewFormat.LightColour(TrafficLight.Red)));
            blocks.Add(Heading(T("Review.Metrics")));
            if (wp.Metrics.Count == 0) blocks.Add(new(T("Review.NoMetrics"), BodySize, Bullet: true));
            blocks.AddRange(wp.Metrics.Select(x => new Block(
                Texts.Format("Review.MetricLine", _c, x.Name, ReviewFormat.Latest(x, _c), ReviewFormat.Target(x, _c), ""), BodySize, Bullet: true, Light: x.Light)));
            if (ReviewFormat.WorkPackageBudget(wp, _c) is { } budget) blocks.Add(new(budget, BodySize, Italic: true));

            // The trend chart stands at the top right of the first slide; the text runs beside it.
            const long chartWidth = 4572000, chartHeight = 2286000;
            var main = wp.MainMetric;
            Flow(ReviewFormat.WorkPackageHeading(wp, _c), blocks,
                firstWidth: main is null ? null : BodyWidth - chartWidth - 152400,
                firstExtras: main is null ? null : (s, top) =>
                [
                    Picture(s, ReviewCharts.TrendPng(main, _c, 800, 400), SlideWidth - Margin - chartWidth, top, chartWidth, chartHeight,
                        Texts.Format("Review.Trend", _c, main.Name)),
                ]);
        }

        private void Budget(ReviewModel m)
        {
            var rows = m.Budget.Select(b => new[]
            {
                Cell(b.PillarCode), Cell($"{b.InvestmentCode} {b.Title}"), Num(ReviewFormat.Euros(b.CostEstimate, _c)),
                Num(ReviewFormat.Euros(b.Money.Planned, _c)), Num(ReviewFormat.Euros(b.Money.Actual, _c)),
                Num(ReviewFormat.Euros(b.Money.Forecast, _c)), Num(ReviewFormat.Percent(b.Money.UsePercent, _c)),
            }).ToList();
            var total = Money.Sum(m.Budget.Select(b => b.Money));
            // "Yhteensä" spans the pillar and investment columns, so that it is never cut.
            rows.Add([new CellSpec(T("Review.Total"), Bold: true, Span: 2), Num(ReviewFormat.Euros(m.Budget.Sum(b => b.CostEstimate), _c), true),
                Num(ReviewFormat.Euros(total.Planned, _c), true), Num(ReviewFormat.Euros(total.Actual, _c), true),
                Num(ReviewFormat.Euros(total.Forecast, _c), true), Num(ReviewFormat.Percent(total.UsePercent, _c), true)]);
            TableSlides(T("Review.Budget"), [1.1, 4.2, 2, 2, 2, 2, 1.6],
                [T("Review.Pillar"), T("Review.Investment"), T("Review.CostEstimate"), T("Review.Planned"), T("Review.Actual"), T("Review.Forecast"), T("Review.UsePercent")],
                rows);
        }

        /// <summary>One investment's finance comment of the period and its procurements (the seed review's "Talouden hallinta").</summary>
        private void Finance(InvestmentBudget b)
        {
            var blocks = new List<Block> { Heading(T("Review2.FinanceComment")) };
            if (b.FinanceNotes.Count == 0) blocks.Add(new(T("Review2.NoFinanceNote"), BodySize, Italic: true, Colour: "4B5563"));
            foreach (var note in b.FinanceNotes)
                blocks.AddRange(ReviewFormat.Paragraphs(note.Text).SelectMany(p => p.Split('\n')).Select(line => new Block(line, BodySize)));
            blocks.Add(Heading(T("Review2.Procurements")));
            if (b.Procurements.Count == 0) blocks.Add(new(T("Review2.NoProcurements"), BodySize, Bullet: true));
            blocks.AddRange(b.Procurements.Select(p => new Block($"{p.WorkPackageCode}: {ReviewFormat.Procurement(p, _c)} – {ReviewFormat.Euros(p.Amount, _c)}", BodySize, Bullet: true)));
            if (b.Procurements.Count > 0)
                blocks.Add(new($"{T("Review.Total")}: {ReviewFormat.Euros(b.Procurements.Sum(p => p.Amount), _c)}", BodySize, Bold: true));
            Flow(Texts.Format("Review2.FinanceSlide", _c, Texts.Format("Review2.InvestmentHeading", _c, b.PillarCode, b.InvestmentCode, b.Title)), blocks);
        }

        private void Risks(ReviewModel m)
        {
            var blocks = new List<Block> { Heading(T("Review.Risks")) };
            if (m.Risks.Count == 0) blocks.Add(new(T("Review.NoRisks"), BodySize));
            blocks.AddRange(m.Risks.Select(r => new Block(
                $"{r.WorkPackageCode ?? T("Review.ProgrammeLevel")}: {r.Description} ({r.Probability} × {r.Impact} = {r.Probability * r.Impact})", BodySize, Bullet: true)));
            // The matrix fills the left of the first slide; the list runs beside it and continues on full-width slides.
            const long side = BodyHeight;
            Flow(T("Review.RiskMatrix"), blocks,
                firstWidth: BodyWidth - side - 228600, firstLeft: Margin + side + 228600,
                firstExtras: (s, top) => [Picture(s, ReviewCharts.RiskMatrixPng(m.Risks, _c, 600), Margin, top, Math.Min(side, SlideHeight - BottomMargin - top), Math.Min(side, SlideHeight - BottomMargin - top), T("Review.RiskMatrix"))]);
        }

        private static Block Heading(string text) => new(text, HeadingSize, Bold: true, KeepWithNext: true);
    }
}

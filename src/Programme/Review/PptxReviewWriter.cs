using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.Domain;
using A = DocumentFormat.OpenXml.Drawing;

namespace Tilannekuva.Programme.Review;

/// <summary>
/// The steering-group review as a PowerPoint deck (16:9): title, programme indicators, changes since the last
/// review, one slide per work package, budget by investment, risk matrix, plan changes. The package carries its
/// own minimal slide master, title-only layout and theme so that PowerPoint opens it without repair.
/// </summary>
public static class PptxReviewWriter
{
    /// <summary>Slides besides the work-package slides: title, indicators, changes, budget, risk matrix, plan changes.</summary>
    public const int FixedSlideCount = 6;

    private const long SlideWidth = 12192000;
    private const long SlideHeight = 6858000;
    private const long Margin = 457200;
    private const long TitleTop = 228600;
    private const long TitleHeight = 762000;
    private const long BodyTop = 1066800;
    private const long BodyHeight = SlideHeight - BodyTop - 304800;
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

    private sealed class Deck
    {
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
            // 1. Title
            Slide(m.ProgrammeName, s =>
            [
                TextBox(s.NextId(), "Subtitle", Margin, 2286000, BodyWidth, 1828800,
                    Para(Texts.Format("Review.MeetingDate", _c, Texts.Date(m.MeetingDate, _c)), 2800, bold: true),
                    Para(Texts.Format("Review.ProgrammePeriod", _c, m.StartYear, m.EndYear), 2000)),
            ]);

            // 2. Programme indicators
            Slide(T("Review.ProgrammeIndicators"), s => m.ProgrammeMetrics.Count == 0
                ? [TextBox(s.NextId(), "Body", Margin, BodyTop, BodyWidth, BodyHeight, Para(T("Review.NoMetrics"), 1800))]
                : [Table(s.NextId(), BodyTop, [3, 2, 2, 2],
                    [T("Review.Metric"), T("Review.Latest"), T("Review.Target"), T("Review.Light")],
                    m.ProgrammeMetrics.Select(x => new[] { Cell(x.Name), Cell(ReviewFormat.Latest(x, _c)), Cell(ReviewFormat.Target(x, _c)), LightCell(x.Light) }))]);

            // 3. Changes since the last review
            Slide(T("Changes.Title"), s =>
            {
                var paras = new List<A.Paragraph> { Para(Texts.Format("Changes.Window", _c, Texts.Date(m.PreviousReview, _c), Texts.Date(m.MeetingDate, _c)), 1400, italic: true) };
                var groups = ReviewFormat.Changes(m.Changes, _c);
                if (groups.Count == 0) paras.Add(Para(T("Changes.None"), 1600));
                foreach (var (heading, lines) in groups)
                {
                    paras.Add(Para(heading, 1500, bold: true));
                    paras.AddRange(lines.Select(l => Bullet(l, 1200)));
                }
                return [TextBox(s.NextId(), "Body", Margin, BodyTop, BodyWidth, BodyHeight, [.. paras])];
            });

            // 4… One slide per work package
            foreach (var wp in m.WorkPackages) Slide(ReviewFormat.WorkPackageHeading(wp, _c), s => WorkPackage(s, wp));

            // Budget by investment
            Slide(T("Review.Budget"), s =>
            {
                var rows = m.Budget.Select(b => new[]
                {
                    Cell(b.PillarCode), Cell($"{b.InvestmentCode} {b.Title}"), Cell(ReviewFormat.Euros(b.CostEstimate, _c)),
                    Cell(ReviewFormat.Euros(b.Money.Planned, _c)), Cell(ReviewFormat.Euros(b.Money.Actual, _c)),
                    Cell(ReviewFormat.Euros(b.Money.Forecast, _c)), Cell(ReviewFormat.Percent(b.Money.UsePercent, _c)),
                }).ToList();
                var total = Money.Sum(m.Budget.Select(b => b.Money));
                rows.Add([Cell(T("Review.Total"), bold: true), Cell(""), Cell(ReviewFormat.Euros(m.Budget.Sum(b => b.CostEstimate), _c), bold: true),
                    Cell(ReviewFormat.Euros(total.Planned, _c), bold: true), Cell(ReviewFormat.Euros(total.Actual, _c), bold: true),
                    Cell(ReviewFormat.Euros(total.Forecast, _c), bold: true), Cell(ReviewFormat.Percent(total.UsePercent, _c), bold: true)]);
                return [Table(s.NextId(), BodyTop, [1, 4, 2, 2, 2, 2, 1.5],
                    [T("Review.Pillar"), T("Review.Investment"), T("Review.CostEstimate"), T("Review.Planned"), T("Review.Actual"), T("Review.Forecast"), T("Review.UsePercent")],
                    rows)];
            });

            // Risk matrix
            Slide(T("Review.RiskMatrix"), s =>
            {
                var png = ReviewCharts.RiskMatrixPng(m.Risks, _c, 600);
                var side = BodyHeight;
                var list = m.Risks.Take(8).Select(r => Bullet($"{r.WorkPackageCode}: {r.Description} ({r.Probability} × {r.Impact} = {r.Probability * r.Impact})", 1200)).ToList();
                if (list.Count == 0) list.Add(Para(T("Review.NoRisks"), 1400));
                return
                [
                    Picture(s, png, Margin, BodyTop, side, side, T("Review.RiskMatrix")),
                    TextBox(s.NextId(), "Risks", Margin + side + 228600, BodyTop, BodyWidth - side - 228600, BodyHeight,
                        [Para(T("Review.Risks"), 1500, bold: true), .. list]),
                ];
            });

            // Plan changes
            Slide(T("Review.PlanChanges"), s => m.PlanChanges.Count == 0
                ? [TextBox(s.NextId(), "Body", Margin, BodyTop, BodyWidth, BodyHeight, Para(T("Review.NoPlanChanges"), 1800))]
                : [Table(s.NextId(), BodyTop, [2, 1.5, 6, 2],
                    [T("Review.Date"), T("Review.WorkPackage"), T("Review.Description"), T("Review.Status")],
                    m.PlanChanges.Select(x => new[] { Cell(Texts.Date(x.Date, _c)), Cell(x.WorkPackageCode ?? T("Review.ProgrammeLevel")), Cell(x.Description), Cell(Texts.Get($"PlanChangeStatus.{x.Status}", _c)) }))]);
        }

        private IEnumerable<OpenXmlElement> WorkPackage(SlideBuilder s, WorkPackageView wp)
        {
            var paras = new List<A.Paragraph>();
            if (wp.Responsible.Length > 0 || wp.Assignees.Count > 0)
                paras.Add(Para(Texts.Format("Review.Responsible", _c, wp.Responsible.Length > 0 ? wp.Responsible : string.Join(", ", wp.Assignees)), 1200, italic: true));
            if (wp.Goals.Count > 0)
            {
                paras.Add(Para(T("Review.Goals"), 1400, bold: true));
                paras.AddRange(wp.Goals.Select(g => Bullet(g, 1200)));
            }
            paras.Add(Para(T("Review.Actions"), 1400, bold: true));
            paras.AddRange(wp.Actions.Select(a => Bullet(ReviewFormat.Action(a, _c), 1200)));
            paras.Add(Para(T("Review.Metrics"), 1400, bold: true));
            if (wp.Metrics.Count == 0) paras.Add(Bullet(T("Review.NoMetrics"), 1200));
            foreach (var x in wp.Metrics)
                paras.Add(Bullet(Texts.Format("Review.MetricLine", _c, x.Name, ReviewFormat.Latest(x, _c), ReviewFormat.Target(x, _c), ""), 1200,
                    LightRun(x.Light, 1200)));
            if (wp.OverdueMilestones > 0)
                paras.Add(Para(Texts.Format("Review.OverdueMilestones", _c, wp.OverdueMilestones), 1200, bold: true, colour: ReviewFormat.LightColour(TrafficLight.Red)));

            const long chartWidth = 4572000, chartHeight = 2286000;
            var main = wp.MainMetric;
            var textWidth = main is null ? BodyWidth : BodyWidth - chartWidth - 152400;
            var shapes = new List<OpenXmlElement> { TextBox(s.NextId(), "Body", Margin, BodyTop, textWidth, BodyHeight, [.. paras]) };
            if (main is not null)
            {
                var png = ReviewCharts.TrendPng(main, _c, 800, 400);
                shapes.Add(Picture(s, png, SlideWidth - Margin - chartWidth, BodyTop, chartWidth, chartHeight,
                    Texts.Format("Review.Trend", _c, main.Name)));
            }
            return shapes;
        }

        // ---- slides -------------------------------------------------------------------------------------------

        private sealed class SlideBuilder(SlidePart part)
        {
            private uint _id = 2; // 1 is the shape tree itself
            public SlidePart Part { get; } = part;
            public uint NextId() => _id++;
        }

        private void Slide(string title, Func<SlideBuilder, IEnumerable<OpenXmlElement>> content)
        {
            var part = _pres.AddNewPart<SlidePart>();
            part.AddPart(_layout);
            var s = new SlideBuilder(part);
            var tree = new ShapeTree(
                new NonVisualGroupShapeProperties(
                    new NonVisualDrawingProperties { Id = 1U, Name = "" },
                    new NonVisualGroupShapeDrawingProperties(),
                    new ApplicationNonVisualDrawingProperties()),
                new GroupShapeProperties(new A.TransformGroup()));
            tree.Append(TitleShape(s.NextId(), title));
            tree.Append(content(s));
            part.Slide = new Slide(new CommonSlideData(tree), new ColorMapOverride(new A.MasterColorMapping()));
            _slideIds.Append(new SlideId { Id = _nextSlideId++, RelationshipId = _pres.GetIdOfPart(part) });
        }

        private Shape TitleShape(uint id, string text) => new(
            new NonVisualShapeProperties(
                new NonVisualDrawingProperties { Id = id, Name = "Title" },
                new NonVisualShapeDrawingProperties(new A.ShapeLocks { NoGrouping = true }),
                new ApplicationNonVisualDrawingProperties(new PlaceholderShape { Type = PlaceholderValues.Title })),
            new ShapeProperties(Xfrm(Margin, TitleTop, BodyWidth, TitleHeight)),
            new TextBody(new A.BodyProperties { Anchor = A.TextAnchoringTypeValues.Bottom }, new A.ListStyle(),
                Para(text, 2600, bold: true, colour: "1F3864")));

        private static Shape TextBox(uint id, string name, long x, long y, long cx, long cy, params A.Paragraph[] paragraphs)
        {
            var body = new TextBody(new A.BodyProperties { Wrap = A.TextWrappingValues.Square }, new A.ListStyle());
            body.Append(paragraphs);
            return new Shape(
                new NonVisualShapeProperties(
                    new NonVisualDrawingProperties { Id = id, Name = $"{name} {id}" },
                    new NonVisualShapeDrawingProperties(new A.ShapeLocks { NoGrouping = true }) { TextBox = true },
                    new ApplicationNonVisualDrawingProperties()),
                new ShapeProperties(Xfrm(x, y, cx, cy), new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }, new A.NoFill()),
                body);
        }

        private static A.Transform2D Xfrm(long x, long y, long cx, long cy) =>
            new(new A.Offset { X = x, Y = y }, new A.Extents { Cx = cx, Cy = cy });

        private Picture Picture(SlideBuilder s, byte[] png, long x, long y, long cx, long cy, string description)
        {
            var image = s.Part.AddImagePart(ImagePartType.Png);
            using (var ms = new MemoryStream(png)) image.FeedData(ms);
            var id = s.NextId();
            return new Picture(
                new NonVisualPictureProperties(
                    new NonVisualDrawingProperties { Id = id, Name = $"Picture {id}", Description = description },
                    new NonVisualPictureDrawingProperties(new A.PictureLocks { NoChangeAspect = true }),
                    new ApplicationNonVisualDrawingProperties()),
                new BlipFill(new A.Blip { Embed = s.Part.GetIdOfPart(image) }, new A.Stretch(new A.FillRectangle())),
                new ShapeProperties(Xfrm(x, y, cx, cy), new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
        }

        // ---- text ---------------------------------------------------------------------------------------------

        private A.Run Run(string text, int size, bool bold = false, bool italic = false, string? colour = null)
        {
            var props = new A.RunProperties { Language = _lang, FontSize = size, Dirty = false };
            if (bold) props.Bold = true;
            if (italic) props.Italic = true;
            if (colour is not null) props.Append(new A.SolidFill(new A.RgbColorModelHex { Val = colour }));
            return new A.Run(props, new A.Text(text));
        }

        private A.Paragraph Para(string text, int size, bool bold = false, bool italic = false, string? colour = null) =>
            new(new A.ParagraphProperties(new A.SpaceBefore(new A.SpacingPoints { Val = 300 })), Run(text, size, bold, italic, colour));

        private A.Paragraph Bullet(string text, int size, params A.Run[] more)
        {
            var p = new A.Paragraph(
                new A.ParagraphProperties(new A.CharacterBullet { Char = "•" }) { LeftMargin = 285750, Indent = -285750 },
                Run(text, size));
            p.Append(more);
            return p;
        }

        private A.Run LightRun(TrafficLight light, int size) =>
            Run("● " + ReviewFormat.Light(light, _c), size, bold: true, colour: ReviewFormat.LightColour(light));

        // ---- tables -------------------------------------------------------------------------------------------

        private sealed record TableCellSpec(string Text, bool Bold = false, string? Colour = null);

        private static TableCellSpec Cell(string text, bool bold = false) => new(text, bold);

        private TableCellSpec LightCell(TrafficLight light) => new("● " + ReviewFormat.Light(light, _c), true, ReviewFormat.LightColour(light));

        private GraphicFrame Table(uint id, long y, double[] weights, string[] headers, IEnumerable<TableCellSpec[]> rows)
        {
            var total = weights.Sum();
            var widths = weights.Select(w => (long)(BodyWidth * w / total)).ToArray();
            var grid = new A.TableGrid(widths.Select(w => new A.GridColumn { Width = w }));
            var table = new A.Table(new A.TableProperties { FirstRow = true, BandRow = true }, grid);
            table.Append(Row(headers.Select(h => new TableCellSpec(h, true, "FFFFFF")), header: true));
            var count = 1;
            foreach (var r in rows) { table.Append(Row(r, header: false)); count++; }
            const long rowHeight = 370840;
            return new GraphicFrame(
                new NonVisualGraphicFrameProperties(
                    new NonVisualDrawingProperties { Id = id, Name = $"Table {id}" },
                    new NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoGrouping = true }),
                    new ApplicationNonVisualDrawingProperties()),
                new Transform(new A.Offset { X = Margin, Y = y }, new A.Extents { Cx = widths.Sum(), Cy = rowHeight * count }),
                new A.Graphic(new A.GraphicData(table) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/table" }));
        }

        private A.TableRow Row(IEnumerable<TableCellSpec> cells, bool header)
        {
            var row = new A.TableRow { Height = 370840 };
            foreach (var c in cells)
            {
                var props = new A.TableCellProperties();
                if (header) props.Append(new A.SolidFill(new A.RgbColorModelHex { Val = "1F3864" }));
                row.Append(new A.TableCell(
                    new A.TextBody(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph(Run(c.Text, 1200, c.Bold, colour: c.Colour))),
                    props));
            }
            return row;
        }

        // ---- master, layout, theme ----------------------------------------------------------------------------

        private static ShapeTree EmptyTree() => new(
            new NonVisualGroupShapeProperties(
                new NonVisualDrawingProperties { Id = 1U, Name = "" },
                new NonVisualGroupShapeDrawingProperties(),
                new ApplicationNonVisualDrawingProperties()),
            new GroupShapeProperties(new A.TransformGroup()));

        private static Shape TitlePlaceholder() => new(
            new NonVisualShapeProperties(
                new NonVisualDrawingProperties { Id = 2U, Name = "Title Placeholder 1" },
                new NonVisualShapeDrawingProperties(new A.ShapeLocks { NoGrouping = true }),
                new ApplicationNonVisualDrawingProperties(new PlaceholderShape { Type = PlaceholderValues.Title })),
            new ShapeProperties(Xfrm(Margin, TitleTop, BodyWidth, TitleHeight)),
            new TextBody(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph(new A.EndParagraphRunProperties())));

        private static SlideLayout Layout()
        {
            var tree = EmptyTree();
            tree.Append(TitlePlaceholder());
            return new SlideLayout(new CommonSlideData(tree) { Name = "Title Only" }, new ColorMapOverride(new A.MasterColorMapping()))
            { Type = SlideLayoutValues.TitleOnly, Preserve = true };
        }

        private static SlideMaster Master()
        {
            var tree = EmptyTree();
            tree.Append(TitlePlaceholder());
            return new SlideMaster(
                new CommonSlideData(new Background(new BackgroundStyleReference(new A.SchemeColor { Val = A.SchemeColorValues.Background1 }) { Index = 1001U }), tree),
                new ColorMap
                {
                    Background1 = A.ColorSchemeIndexValues.Light1, Text1 = A.ColorSchemeIndexValues.Dark1,
                    Background2 = A.ColorSchemeIndexValues.Light2, Text2 = A.ColorSchemeIndexValues.Dark2,
                    Accent1 = A.ColorSchemeIndexValues.Accent1, Accent2 = A.ColorSchemeIndexValues.Accent2,
                    Accent3 = A.ColorSchemeIndexValues.Accent3, Accent4 = A.ColorSchemeIndexValues.Accent4,
                    Accent5 = A.ColorSchemeIndexValues.Accent5, Accent6 = A.ColorSchemeIndexValues.Accent6,
                    Hyperlink = A.ColorSchemeIndexValues.Hyperlink, FollowedHyperlink = A.ColorSchemeIndexValues.FollowedHyperlink,
                },
                new SlideLayoutIdList(new SlideLayoutId { Id = 2147483649U, RelationshipId = "rId1" }),
                new TextStyles(new TitleStyle(), new BodyStyle(), new OtherStyle()));
        }

        private static A.Theme Theme()
        {
            static A.SolidFill Scheme() => new(new A.SchemeColor { Val = A.SchemeColorValues.PhColor });
            static A.Outline Line(int width) => new(Scheme(), new A.PresetDash { Val = A.PresetLineDashValues.Solid })
            { Width = width, CapType = A.LineCapValues.Flat, CompoundLineType = A.CompoundLineValues.Single, Alignment = A.PenAlignmentValues.Center };
            static A.RgbColorModelHex Rgb(string hex) => new() { Val = hex };
            return new A.Theme(
                new A.ThemeElements(
                    new A.ColorScheme(
                        new A.Dark1Color(new A.SystemColor { Val = A.SystemColorValues.WindowText, LastColor = "000000" }),
                        new A.Light1Color(new A.SystemColor { Val = A.SystemColorValues.Window, LastColor = "FFFFFF" }),
                        new A.Dark2Color(Rgb("1F3864")),
                        new A.Light2Color(Rgb("E7E6E6")),
                        new A.Accent1Color(Rgb("2F5597")),
                        new A.Accent2Color(Rgb("ED7D31")),
                        new A.Accent3Color(Rgb("A5A5A5")),
                        new A.Accent4Color(Rgb("FFC000")),
                        new A.Accent5Color(Rgb("5B9BD5")),
                        new A.Accent6Color(Rgb("70AD47")),
                        new A.Hyperlink(Rgb("0563C1")),
                        new A.FollowedHyperlinkColor(Rgb("954F72"))) { Name = "Tilannekuva" },
                    new A.FontScheme(
                        new A.MajorFont(new A.LatinFont { Typeface = "Calibri" }, new A.EastAsianFont { Typeface = "" }, new A.ComplexScriptFont { Typeface = "" }),
                        new A.MinorFont(new A.LatinFont { Typeface = "Calibri" }, new A.EastAsianFont { Typeface = "" }, new A.ComplexScriptFont { Typeface = "" }))
                    { Name = "Tilannekuva" },
                    new A.FormatScheme(
                        new A.FillStyleList(Scheme(), Scheme(), Scheme()),
                        new A.LineStyleList(Line(9525), Line(25400), Line(38100)),
                        new A.EffectStyleList(new A.EffectStyle(new A.EffectList()), new A.EffectStyle(new A.EffectList()), new A.EffectStyle(new A.EffectList())),
                        new A.BackgroundFillStyleList(Scheme(), Scheme(), Scheme()))
                    { Name = "Tilannekuva" }),
                new A.ObjectDefaults(),
                new A.ExtraColorSchemeList())
            { Name = "Tilannekuva" };
        }
    }
}

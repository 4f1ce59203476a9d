using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Tilannekuva.Localisation;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Tilannekuva.Programme.Review;

/// <summary>
/// The steering-group review as a Word document (A4): the same content as the deck, with real heading styles
/// (navigable and accessible), tables and chart pictures with alternative text, plus the consistency findings.
/// </summary>
public static class DocxReviewWriter
{
    private const long EmuPerPixel = 9525;

    public static void Write(ReviewModel model, Stream output, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var doc = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        new Writer(doc, culture).Write(model);
    }

    public static byte[] ToBytes(ReviewModel model, CultureInfo culture)
    {
        using var ms = new MemoryStream();
        Write(model, ms, culture);
        return ms.ToArray();
    }

    private sealed class Writer
    {
        private readonly MainDocumentPart _main;
        private readonly Body _body = new();
        private readonly CultureInfo _c;
        private uint _pictureId = 1;

        public Writer(WordprocessingDocument doc, CultureInfo culture)
        {
            _c = culture;
            _main = doc.AddMainDocumentPart();
            var lang = Texts.Language(culture) switch { "sv" => "sv-FI", "en" => "en-GB", _ => "fi-FI" };
            _main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(lang);
            _main.Document = new Document(_body);
        }

        private string T(string key) => Texts.Get(key, _c);

        public void Write(ReviewModel m)
        {
            Styled("Title", m.ProgrammeName);
            Para(Texts.Format("Review.MeetingDate", _c, Texts.Date(m.MeetingDate, _c)), bold: true);
            if (ReviewFormat.ProgrammePeriod(m, _c) is { } period) Para(period);

            // Plan changes first, as in the real review.
            Styled("Heading1", T("Review.PlanChanges"));
            if (m.PlanChanges.Count == 0) Para(T("Review.NoPlanChanges"));
            else
                Table([T("Review.Date"), T("Review.WorkPackage"), T("Review.Description"), T("Review.Status")], [1, 1, 6, 1.5],
                    m.PlanChanges.Select(x => new[] { Fixed(Texts.Date(x.Date, _c)), Cell(x.WorkPackageCode ?? T("Review.ProgrammeLevel")), Cell(x.Description), Cell(ReviewFormat.PlanChangeStatus(x.Status, _c)) }));

            Styled("Heading1", T("Review.ProgrammeIndicators"));
            MetricsTable(m.ProgrammeMetrics);

            Styled("Heading1", T("Changes.Title"));
            Para(Texts.Format("Changes.Window", _c, Texts.Date(m.PreviousReview, _c), Texts.Date(m.MeetingDate, _c)), italic: true);
            var groups = ReviewFormat.Changes(m.Changes, _c);
            if (groups.Count == 0) Para(T("Changes.None"));
            foreach (var (heading, lines) in groups)
            {
                Styled("Heading3", $"{heading} ({lines.Count})");
                foreach (var l in lines) Bullet(l);
            }

            foreach (var wp in m.WorkPackages)
            {
                Styled("Heading1", ReviewFormat.WorkPackageHeading(wp, _c));
                if (ReviewFormat.Responsible(wp, _c) is { } responsible) Para(responsible, italic: true);
                Styled("Heading2", T("Review2.Done"));
                if (wp.Notes.Count == 0) Para(T("Review2.NoNote"), italic: true, colour: "4B5563");
                foreach (var note in wp.Notes) Note(note.Text);
                if (wp.Goals.Count > 0)
                {
                    Styled("Heading2", T("Review.Goals"));
                    foreach (var g in wp.Goals) Bullet(g);
                }
                Styled("Heading2", T("Review.Actions"));
                foreach (var a in wp.Actions) Bullet(ReviewFormat.Action(a, _c));
                if (wp.OverdueMilestones > 0)
                    Para(Texts.Format("Review.OverdueMilestones", _c, wp.OverdueMilestones), bold: true, colour: ReviewFormat.LightColour(Domain.TrafficLight.Red));
                Styled("Heading2", T("Review.Metrics"));
                MetricsTable(wp.Metrics);
                if (wp.MainMetric is { } main)
                    Picture(ReviewCharts.TrendPng(main, _c, 800, 400), 600, 300, Texts.Format("Review.Trend", _c, main.Name));
                if (ReviewFormat.WorkPackageBudget(wp, _c) is { } budget) Para(budget, italic: true);
            }

            Styled("Heading1", T("Review.Budget"));
            var total = Money.Sum(m.Budget.Select(b => b.Money));
            var budgetRows = m.Budget.Select(b => new[]
            {
                Cell($"{b.PillarCode} {b.InvestmentCode} {b.Title}".Trim()), Num(ReviewFormat.Euros(b.CostEstimate, _c)),
                Num(ReviewFormat.Euros(b.Money.Planned, _c)), Num(ReviewFormat.Euros(b.Money.Actual, _c)),
                Num(ReviewFormat.Euros(b.Money.Forecast, _c)), Num(ReviewFormat.Percent(b.Money.UsePercent, _c)),
            }).Append(
            [
                Cell(T("Review.Total"), true), Num(ReviewFormat.Euros(m.Budget.Sum(b => b.CostEstimate), _c), true),
                Num(ReviewFormat.Euros(total.Planned, _c), true), Num(ReviewFormat.Euros(total.Actual, _c), true),
                Num(ReviewFormat.Euros(total.Forecast, _c), true), Num(ReviewFormat.Percent(total.UsePercent, _c), true),
            ]);
            Table([T("Review.Investment"), T("Review.CostEstimate"), T("Review.Planned"), T("Review.Actual"), T("Review.Forecast"), T("Review.UsePercent")],
                [4, 1, 1, 1, 1, 1], budgetRows, numericHeaders: true);

            Styled("Heading1", T("Review2.Finance"));
            foreach (var b in m.Budget)
            {
                Styled("Heading2", Texts.Format("Review2.InvestmentHeading", _c, b.PillarCode, b.InvestmentCode, b.Title));
                Styled("Heading3", T("Review2.FinanceComment"));
                if (b.FinanceNotes.Count == 0) Para(T("Review2.NoFinanceNote"), italic: true, colour: "4B5563");
                foreach (var note in b.FinanceNotes) Note(note.Text);
                Styled("Heading3", T("Review2.Procurements"));
                if (b.Procurements.Count == 0) Para(T("Review2.NoProcurements"));
                else
                    Table([T("Review.WorkPackage"), T("Review2.Procurements"), T("Review.Status"), T("Review2.Amount")], [1, 6, 1.5, 1],
                        b.Procurements.Select(p => new[] { Cell(p.WorkPackageCode), Cell(p.Description), Cell(p.Status), Num(ReviewFormat.Euros(p.Amount, _c)) })
                            .Append([Cell(T("Review.Total"), true), Cell(""), Cell(""), Num(ReviewFormat.Euros(b.Procurements.Sum(p => p.Amount), _c), true)]),
                        numericHeaders: true);
            }

            Styled("Heading1", T("Review.RiskMatrix"));
            Picture(ReviewCharts.RiskMatrixPng(m.Risks, _c, 600), 400, 400, T("Review.RiskMatrix"));
            if (m.Risks.Count == 0) Para(T("Review.NoRisks"));
            else
                Table([T("Review.WorkPackage"), T("Review.Risk"), T("Review.Probability"), T("Review.Impact"), T("Review.Score"), T("Review.Mitigation")],
                    [1, 4, 0.1, 0.1, 0.1, 4],
                    m.Risks.Select(r => new[] { Cell(r.WorkPackageCode ?? Texts.Get("Review.ProgrammeLevel", _c)), Cell(r.Description), Num(r.Probability.ToString(_c)), Num(r.Impact.ToString(_c)), Num(r.Score.ToString(_c)), Cell(r.Mitigation) }));

            Styled("Heading1", T("Review.Findings"));
            if (m.Findings.Count == 0) Para(T("Review.NoFindings"));
            foreach (var f in m.Findings) Bullet(f.Message(_c));

            _body.Append(new SectionProperties(
                new PageSize { Width = PageWidth, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = PageMargin, Right = PageMargin, Header = 709U, Footer = 709U, Gutter = 0U }));
        }

        private void MetricsTable(IReadOnlyList<MetricView> metrics)
        {
            if (metrics.Count == 0) { Para(T("Review.NoMetrics")); return; }
            Table([T("Review.Metric"), T("Review.Latest"), T("Review.Target"), T("Review.Light")], [3, 2, 2, 1.2],
                metrics.Select(x => new[]
                {
                    Cell(x.Name), Cell(ReviewFormat.Latest(x, _c)), Cell(ReviewFormat.Target(x, _c)),
                    new CellSpec("● " + ReviewFormat.Light(x.Light, _c), true, ReviewFormat.LightColour(x.Light)),
                }));
        }

        /// <summary>A written account: its paragraphs, with line breaks kept.</summary>
        private void Note(string text)
        {
            foreach (var para in ReviewFormat.Paragraphs(text))
            {
                var p = new Paragraph();
                var lines = para.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    if (i > 0) p.Append(new Run(new Break()));
                    p.Append(Run(lines[i]));
                }
                _body.Append(p);
            }
        }

        // ---- paragraphs ---------------------------------------------------------------------------------------

        private static Run Run(string text, bool bold = false, bool italic = false, string? colour = null)
        {
            var props = new RunProperties();
            if (bold) props.Append(new Bold());
            if (italic) props.Append(new Italic());
            if (colour is not null) props.Append(new Color { Val = colour });
            return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        }

        private void Styled(string style, string text) =>
            _body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }), Run(text)));

        private void Para(string text, bool bold = false, bool italic = false, string? colour = null) =>
            _body.Append(new Paragraph(Run(text, bold, italic, colour)));

        private void Bullet(string text) =>
            _body.Append(new Paragraph(
                new ParagraphProperties(new SpacingBetweenLines { After = "60" }, new Indentation { Left = "360", Hanging = "360" }),
                Run("•\t" + text)));

        // ---- tables -------------------------------------------------------------------------------------------

        /// <summary>A cell; Fixed keeps its text on one line (amounts, dates) and Right aligns it right.</summary>
        private sealed record CellSpec(string Text, bool Bold = false, string? Colour = null, bool Fixed = false, bool Right = false);

        private static CellSpec Cell(string text, bool bold = false) => new(text, bold);

        private static CellSpec Fixed(string text) => new(text, Fixed: true);

        private static CellSpec Num(string text, bool bold = false) => new(text, bold, Fixed: true, Right: true);

        private const uint PageWidth = 11906U;
        private const uint PageMargin = 1134U;
        private const int CellMargin = 85; // twentieths of a point, left and right of a cell's text

        /// <summary>
        /// A table across the full text width with a fixed layout. Each column is at least as wide as its longest
        /// word (a one-line cell: its whole text), so no word or amount is broken; the rest of the width goes by
        /// weight. When even that does not fit, the table's type gets smaller.
        /// </summary>
        private void Table(string[] headers, double[] weights, IEnumerable<CellSpec[]> rows, bool numericHeaders = false)
        {
            const int usable = (int)(PageWidth - 2 * PageMargin); // twentieths of a point
            var list = rows.ToList();
            var headerCells = headers.Select((h, i) => new CellSpec(h, true, "FFFFFF",
                Right: numericHeaders && list.Count > 0 && list[0][i].Right)).ToArray();
            var all = list.Prepend(headerCells).ToList();
            int[] widths = [];
            var halfPoints = 20; // 10 pt
            for (; halfPoints >= 14; halfPoints -= 2)
            {
                var points = halfPoints / 2.0;
                var min = new int[headers.Length];
                foreach (var r in all)
                    for (var i = 0; i < r.Length; i++)
                    {
                        var text = r[i].Text;
                        var need = r[i].Fixed ? TextFit.Width(text, points, r[i].Bold)
                            : text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => TextFit.Width(w, points, r[i].Bold)).DefaultIfEmpty(0).Max();
                        min[i] = Math.Max(min[i], (int)Math.Ceiling(need * 20) + 2 * CellMargin + 20);
                    }
                var spare = usable - min.Sum();
                if (spare < 0 && halfPoints > 14) continue;
                var weightSum = weights.Sum();
                // Even the smallest type does not fit: every column gives up the same share (words may then break).
                widths = spare >= 0
                    ? min.Select((w, i) => w + (int)(spare * weights[i] / weightSum)).ToArray()
                    : min.Select(w => (int)((long)w * usable / min.Sum())).ToArray();
                break;
            }
            widths[^1] += usable - widths.Sum(); // rounding: the table is exactly the text width
            static BorderType B<TB>() where TB : BorderType, new() => new TB { Val = BorderValues.Single, Size = 4U, Color = "808080" };
            var table = new Table(
                new TableProperties(
                    new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                    new TableBorders(B<TopBorder>(), B<LeftBorder>(), B<BottomBorder>(), B<RightBorder>(), B<InsideHorizontalBorder>(), B<InsideVerticalBorder>()),
                    new TableLayout { Type = TableLayoutValues.Fixed },
                    new TableCellMarginDefault(
                        new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = CellMargin, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = CellMargin, Type = TableWidthValues.Dxa })),
                new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
            var size = halfPoints.ToString(CultureInfo.InvariantCulture);
            table.Append(Row(headerCells, widths, size, header: true));
            foreach (var r in list) table.Append(Row(r, widths, size, header: false));
            _body.Append(table);
            _body.Append(new Paragraph());
        }

        private static TableRow Row(CellSpec[] cells, int[] widths, string size, bool header)
        {
            var row = new TableRow();
            row.Append(header ? new TableRowProperties(new TableHeader(), new CantSplit()) : new TableRowProperties(new CantSplit()));
            for (var i = 0; i < cells.Length; i++)
            {
                var c = cells[i];
                var props = new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
                if (header) props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "1F3864" });
                if (c.Fixed) props.Append(new NoWrap());
                var run = Run(c.Text, c.Bold, colour: c.Colour);
                run.RunProperties!.Append(new FontSize { Val = size });
                var paraProps = new ParagraphProperties(new SpacingBetweenLines { After = "0" });
                if (c.Right) paraProps.Append(new Justification { Val = JustificationValues.Right });
                row.Append(new TableCell(props, new Paragraph(paraProps, run)));
            }
            return row;
        }

        // ---- pictures -----------------------------------------------------------------------------------------

        private void Picture(byte[] png, int widthPx, int heightPx, string description)
        {
            var image = _main.AddImagePart(ImagePartType.Png);
            using (var ms = new MemoryStream(png)) image.FeedData(ms);
            var rid = _main.GetIdOfPart(image);
            long cx = widthPx * EmuPerPixel, cy = heightPx * EmuPerPixel;
            var id = _pictureId++;
            var drawing = new Drawing(new DW.Inline(
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new DW.DocProperties { Id = id, Name = $"Picture {id}", Description = description },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(
                    new PIC.Picture(
                        new PIC.NonVisualPictureProperties(
                            new PIC.NonVisualDrawingProperties { Id = 0U, Name = $"chart{id}.png", Description = description },
                            new PIC.NonVisualPictureDrawingProperties()),
                        new PIC.BlipFill(new A.Blip { Embed = rid }, new A.Stretch(new A.FillRectangle())),
                        new PIC.ShapeProperties(
                            new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                            new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
            _body.Append(new Paragraph(new Run(drawing)));
        }

        // ---- styles -------------------------------------------------------------------------------------------

        private static Styles Styles(string lang)
        {
            static Style Heading(string id, string name, int level, int halfPoints) => new(
                new StyleName { Val = name },
                new BasedOn { Val = "Normal" },
                new NextParagraphStyle { Val = "Normal" },
                new UIPriority { Val = 9 },
                new PrimaryStyle(),
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "80" }, new OutlineLevel { Val = level }),
                new StyleRunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }))
            { Type = StyleValues.Paragraph, StyleId = id };

            return new Styles(
                new DocDefaults(
                    new RunPropertiesDefault(new RunPropertiesBaseStyle(
                        new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
                        new FontSize { Val = "22" },
                        new Languages { Val = lang })),
                    new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" }))),
                new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
                new Style(
                    new StyleName { Val = "Title" }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
                    new StyleParagraphProperties(new SpacingBetweenLines { After = "240" }),
                    new StyleRunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "48" }))
                { Type = StyleValues.Paragraph, StyleId = "Title" },
                Heading("Heading1", "heading 1", 0, 32),
                Heading("Heading2", "heading 2", 1, 26),
                Heading("Heading3", "heading 3", 2, 24));
        }
    }
}

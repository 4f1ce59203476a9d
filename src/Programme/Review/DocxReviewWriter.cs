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
            Para(Texts.Format("Review.ProgrammePeriod", _c, m.StartYear, m.EndYear));

            Styled("Heading1", T("Review.ProgrammeIndicators"));
            MetricsTable(m.ProgrammeMetrics);

            Styled("Heading1", T("Changes.Title"));
            Para(Texts.Format("Changes.Window", _c, Texts.Date(m.PreviousReview, _c), Texts.Date(m.MeetingDate, _c)), italic: true);
            var groups = ReviewFormat.Changes(m.Changes, _c);
            if (groups.Count == 0) Para(T("Changes.None"));
            foreach (var (heading, lines) in groups)
            {
                Styled("Heading3", heading);
                foreach (var l in lines) Bullet(l);
            }

            foreach (var wp in m.WorkPackages)
            {
                Styled("Heading1", ReviewFormat.WorkPackageHeading(wp, _c));
                if (wp.Responsible.Length > 0 || wp.Assignees.Count > 0)
                    Para(Texts.Format("Review.Responsible", _c, wp.Responsible.Length > 0 ? wp.Responsible : string.Join(", ", wp.Assignees)), italic: true);
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
            }

            Styled("Heading1", T("Review.Budget"));
            var total = Money.Sum(m.Budget.Select(b => b.Money));
            var budgetRows = m.Budget.Select(b => new[]
            {
                Cell(b.PillarCode), Cell($"{b.InvestmentCode} {b.Title}"), Cell(ReviewFormat.Euros(b.CostEstimate, _c)),
                Cell(ReviewFormat.Euros(b.Money.Planned, _c)), Cell(ReviewFormat.Euros(b.Money.Actual, _c)),
                Cell(ReviewFormat.Euros(b.Money.Forecast, _c)), Cell(ReviewFormat.Percent(b.Money.UsePercent, _c)),
            }).Append(
            [
                Cell(T("Review.Total"), true), Cell(""), Cell(ReviewFormat.Euros(m.Budget.Sum(b => b.CostEstimate), _c), true),
                Cell(ReviewFormat.Euros(total.Planned, _c), true), Cell(ReviewFormat.Euros(total.Actual, _c), true),
                Cell(ReviewFormat.Euros(total.Forecast, _c), true), Cell(ReviewFormat.Percent(total.UsePercent, _c), true),
            ]);
            Table([T("Review.Pillar"), T("Review.Investment"), T("Review.CostEstimate"), T("Review.Planned"), T("Review.Actual"), T("Review.Forecast"), T("Review.UsePercent")],
                [1, 4, 2, 2, 2, 2, 1.5], budgetRows);

            Styled("Heading1", T("Review.RiskMatrix"));
            Picture(ReviewCharts.RiskMatrixPng(m.Risks, _c, 600), 400, 400, T("Review.RiskMatrix"));
            if (m.Risks.Count == 0) Para(T("Review.NoRisks"));
            else
                Table([T("Review.WorkPackage"), T("Review.Risk"), T("Review.Probability"), T("Review.Impact"), T("Review.Score"), T("Review.Mitigation")],
                    [1.5, 4, 1.5, 1.5, 1, 4],
                    m.Risks.Select(r => new[] { Cell(r.WorkPackageCode ?? Texts.Get("Review.ProgrammeLevel", _c)), Cell(r.Description), Cell(r.Probability.ToString(_c)), Cell(r.Impact.ToString(_c)), Cell(r.Score.ToString(_c)), Cell(r.Mitigation) }));

            Styled("Heading1", T("Review.PlanChanges"));
            if (m.PlanChanges.Count == 0) Para(T("Review.NoPlanChanges"));
            else
                Table([T("Review.Date"), T("Review.WorkPackage"), T("Review.Description"), T("Review.Status")], [2, 1.5, 6, 2],
                    m.PlanChanges.Select(x => new[] { Cell(Texts.Date(x.Date, _c)), Cell(x.WorkPackageCode ?? T("Review.ProgrammeLevel")), Cell(x.Description), Cell(Texts.Get($"PlanChangeStatus.{x.Status}", _c)) }));

            Styled("Heading1", T("Review.Findings"));
            if (m.Findings.Count == 0) Para(T("Review.NoFindings"));
            foreach (var f in m.Findings) Bullet(f.Message(_c));

            _body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 709U, Footer = 709U, Gutter = 0U }));
        }

        private void MetricsTable(IReadOnlyList<MetricView> metrics)
        {
            if (metrics.Count == 0) { Para(T("Review.NoMetrics")); return; }
            Table([T("Review.Metric"), T("Review.Latest"), T("Review.Target"), T("Review.Light")], [3, 2, 2, 2],
                metrics.Select(x => new[]
                {
                    Cell(x.Name), Cell(ReviewFormat.Latest(x, _c)), Cell(ReviewFormat.Target(x, _c)),
                    new CellSpec("● " + ReviewFormat.Light(x.Light, _c), true, ReviewFormat.LightColour(x.Light)),
                }));
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

        private sealed record CellSpec(string Text, bool Bold = false, string? Colour = null);

        private static CellSpec Cell(string text, bool bold = false) => new(text, bold);

        private void Table(string[] headers, double[] weights, IEnumerable<CellSpec[]> rows)
        {
            const int usable = 11906 - 2 * 1134; // twentieths of a point
            var total = weights.Sum();
            var widths = weights.Select(w => (int)(usable * w / total)).ToArray();
            static BorderType B<TB>() where TB : BorderType, new() => new TB { Val = BorderValues.Single, Size = 4U, Color = "808080" };
            var table = new Table(
                new TableProperties(
                    new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                    new TableBorders(B<TopBorder>(), B<LeftBorder>(), B<BottomBorder>(), B<RightBorder>(), B<InsideHorizontalBorder>(), B<InsideVerticalBorder>())),
                new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
            table.Append(Row(headers.Select(h => new CellSpec(h, true, "FFFFFF")).ToArray(), widths, header: true));
            foreach (var r in rows) table.Append(Row(r, widths, header: false));
            _body.Append(table);
            _body.Append(new Paragraph());
        }

        private static TableRow Row(CellSpec[] cells, int[] widths, bool header)
        {
            var row = new TableRow();
            if (header) row.Append(new TableRowProperties(new TableHeader()));
            for (var i = 0; i < cells.Length; i++)
            {
                var props = new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
                if (header) props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "1F3864" });
                row.Append(new TableCell(props, new Paragraph(Run(cells[i].Text, cells[i].Bold, colour: cells[i].Colour))));
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

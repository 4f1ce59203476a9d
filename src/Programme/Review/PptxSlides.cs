using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.Domain;
using A = DocumentFormat.OpenXml.Drawing;

namespace Tilannekuva.Programme.Review;

public static partial class PptxReviewWriter
{
    private sealed partial class Deck
    {
        // Text-box insets (PowerPoint's defaults, written out so every renderer uses the same ones).
        private const long InsetX = 91440, InsetY = 45720;
        private const long BulletIndent = 285750;
        private const int SpaceBeforePoints = 3;

        /// <summary>A paragraph of a flowing text box. A light adds "● status" in its colour after the text.</summary>
        private sealed record Block(string Text, int Size, bool Bold = false, bool Italic = false, string? Colour = null,
            bool Bullet = false, bool KeepWithNext = false, TrafficLight? Light = null);

        private sealed record CellSpec(string Text, bool Bold = false, string? Colour = null, int Span = 1, bool Right = false);

        private static CellSpec Cell(string text, bool bold = false) => new(text, bold);

        private static CellSpec Num(string text, bool bold = false) => new(text, bold, Right: true);

        private CellSpec LightCell(TrafficLight light) => new("● " + ReviewFormat.Light(light, _c), true, ReviewFormat.LightColour(light));

        private static double Pt(long emu) => emu / (double)TextFit.EmuPerPoint;

        private static long Emu(double points) => (long)Math.Ceiling(points * TextFit.EmuPerPoint);

        private string BlockText(Block b) => b.Light is { } l ? $"{b.Text} ● {ReviewFormat.Light(l, _c)}" : b.Text;

        /// <summary>Height in points of a block in a text box of the given width (EMU).</summary>
        private double BlockHeight(Block b, long boxWidth)
        {
            var width = Pt(boxWidth - 2 * InsetX - (b.Bullet ? BulletIndent : 0));
            return SpaceBeforePoints + TextFit.Height(TextFit.Lines(BlockText(b), b.Size / 100.0, width, b.Bold || b.Light is not null), b.Size / 100.0);
        }

        /// <summary>
        /// Slides of flowing text under one title: as many blocks as fit on each, the rest on the next slide with
        /// "(jatkuu)" in its title. A heading never ends a slide; a paragraph taller than a whole slide is cut at
        /// word boundaries. The first slide can be narrower and carry extras (a chart, the risk matrix).
        /// </summary>
        private void Flow(string title, IReadOnlyList<Block> blocks, long? firstWidth = null, long? firstLeft = null,
            Func<SlideBuilder, long, IEnumerable<OpenXmlElement>>? firstExtras = null, bool titleSlide = false)
        {
            var queue = new List<Block>(blocks);
            var page = 0;
            do
            {
                var first = page == 0;
                var slideTitle = first ? title : ReviewFormat.Continued(title, _c);
                var width = first && firstWidth is { } fw ? fw : BodyWidth;
                var left = first && firstLeft is { } fl ? fl : Margin;
                Slide(slideTitle, (s, top) =>
                {
                    var boxTop = titleSlide ? Math.Max(top, 2286000) : top;
                    var available = Pt(SlideHeight - BottomMargin - boxTop - 2 * InsetY);
                    var taken = new List<Block>();
                    double used = 0;
                    while (queue.Count > 0)
                    {
                        var b = queue[0];
                        var h = BlockHeight(b, width);
                        if (used + h > available)
                        {
                            if (taken.Count == 0 || used == 0)
                            {
                                // Taller than a whole slide: cut it at word boundaries.
                                var lineHeight = TextFit.Height(1, b.Size / 100.0);
                                var maxLines = Math.Max(1, (int)((available - SpaceBeforePoints) / lineHeight));
                                var pieces = TextFit.SplitToLines(b.Text, b.Size / 100.0, Pt(width - 2 * InsetX - (b.Bullet ? BulletIndent : 0)), maxLines, b.Bold);
                                if (pieces.Count > 1)
                                {
                                    queue.RemoveAt(0);
                                    queue.InsertRange(0, pieces.Select((p, i) => b with { Text = p, Light = i == pieces.Count - 1 ? b.Light : null }));
                                    continue;
                                }
                                taken.Add(b); queue.RemoveAt(0);
                            }
                            else if (!b.Bullet && !b.KeepWithNext && SplitAt(b, width, available - used) is { } split)
                            {
                                // A long paragraph of prose fills the rest of the slide and goes on on the next.
                                queue.RemoveAt(0);
                                queue.InsertRange(0, split);
                                continue;
                            }
                            break;
                        }
                        // Keep a heading with what follows it.
                        if (b.KeepWithNext && queue.Count > 1 && taken.Count > 0 && used + h + BlockHeight(queue[1], width) > available) break;
                        taken.Add(b);
                        used += h;
                        queue.RemoveAt(0);
                    }
                    var shapes = new List<OpenXmlElement>();
                    if (taken.Count > 0)
                        shapes.Add(TextBox(s.NextId(), "Body", left, boxTop, width, SlideHeight - BottomMargin - boxTop, [.. taken.Select(Paragraph)]));
                    if (first && firstExtras is not null) shapes.AddRange(firstExtras(s, top));
                    return shapes;
                });
                page++;
            } while (queue.Count > 0);
        }

        /// <summary>
        /// The paragraph cut in two at a word boundary so that its first part fills <paramref name="room"/> points,
        /// or null when fewer than three lines would fit or fewer than two would be left for the next slide.
        /// </summary>
        private static Block[]? SplitAt(Block b, long boxWidth, double room)
        {
            var lineHeight = TextFit.Height(1, b.Size / 100.0);
            var fit = (int)((room - SpaceBeforePoints) / lineHeight);
            var width = Pt(boxWidth - 2 * InsetX);
            var total = TextFit.Lines(b.Text, b.Size / 100.0, width, b.Bold);
            if (fit < 3 || total - fit < 2) return null;
            var pieces = TextFit.SplitToLines(b.Text, b.Size / 100.0, width, fit, b.Bold);
            if (pieces.Count < 2) return null;
            return [b with { Text = pieces[0] }, b with { Text = string.Join(' ', pieces.Skip(1)) }];
        }

        /// <summary>A table over as many slides as its rows need, the header row repeated on each.</summary>
        private void TableSlides(string title, double[] weights, string[] headers, IEnumerable<CellSpec[]> rows)
        {
            var total = weights.Sum();
            var widths = weights.Select(w => (long)(BodyWidth * w / total)).ToArray();
            var header = headers.Select(h => new CellSpec(h, true, "FFFFFF")).ToArray();
            var queue = new Queue<CellSpec[]>(rows);
            var page = 0;
            do
            {
                Slide(page == 0 ? title : ReviewFormat.Continued(title, _c), (s, top) =>
                {
                    var available = SlideHeight - BottomMargin - top;
                    var headerHeight = RowHeight(header, widths);
                    var used = headerHeight;
                    var taken = new List<(CellSpec[] Row, long Height)>();
                    while (queue.Count > 0)
                    {
                        var h = RowHeight(queue.Peek(), widths);
                        if (taken.Count > 0 && used + h > available) break;
                        taken.Add((queue.Dequeue(), h));
                        used += h;
                    }
                    return [Table(s.NextId(), top, widths, (header, headerHeight), taken)];
                });
                page++;
            } while (queue.Count > 0);
        }

        private static long RowHeight(CellSpec[] cells, long[] widths)
        {
            double max = 0;
            var col = 0;
            foreach (var c in cells)
            {
                var width = widths.Skip(col).Take(c.Span).Sum();
                col += c.Span;
                max = Math.Max(max, TextFit.Height(TextFit.Lines(c.Text, TableSize / 100.0, Pt(width - 2 * InsetX), c.Bold), TableSize / 100.0));
            }
            return Emu(max) + 2 * InsetY + 12700;
        }

        private GraphicFrame Table(uint id, long y, long[] widths, (CellSpec[] Cells, long Height) header, List<(CellSpec[] Row, long Height)> rows)
        {
            var grid = new A.TableGrid(widths.Select(w => new A.GridColumn { Width = w }));
            var table = new A.Table(new A.TableProperties { FirstRow = true, BandRow = true }, grid);
            table.Append(Row(header.Cells, header.Height, isHeader: true));
            foreach (var (r, h) in rows) table.Append(Row(r, h, isHeader: false));
            return new GraphicFrame(
                new NonVisualGraphicFrameProperties(
                    new NonVisualDrawingProperties { Id = id, Name = $"Table {id}" },
                    new NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoGrouping = true }),
                    new ApplicationNonVisualDrawingProperties()),
                new Transform(new A.Offset { X = Margin, Y = y }, new A.Extents { Cx = widths.Sum(), Cy = header.Height + rows.Sum(r => r.Height) }),
                new A.Graphic(new A.GraphicData(table) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/table" }));
        }

        private A.TableRow Row(CellSpec[] cells, long height, bool isHeader)
        {
            var row = new A.TableRow { Height = height };
            foreach (var c in cells)
            {
                var paragraph = new A.Paragraph(Run(c.Text, TableSize, c.Bold, colour: c.Colour));
                if (c.Right) paragraph.PrependChild(new A.ParagraphProperties { Alignment = A.TextAlignmentTypeValues.Right });
                var props = new A.TableCellProperties { LeftMargin = (int)InsetX, RightMargin = (int)InsetX, TopMargin = (int)InsetY, BottomMargin = (int)InsetY };
                if (isHeader) props.Append(new A.SolidFill(new A.RgbColorModelHex { Val = "1F3864" }));
                var cell = new A.TableCell(new A.TextBody(new A.BodyProperties(), new A.ListStyle(), paragraph), props);
                if (c.Span > 1) cell.GridSpan = c.Span;
                row.Append(cell);
                for (var i = 1; i < c.Span; i++)
                    row.Append(new A.TableCell(new A.TextBody(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph()), new A.TableCellProperties()) { HorizontalMerge = true });
            }
            return row;
        }

        // ---- slides -------------------------------------------------------------------------------------------

        private sealed class SlideBuilder(SlidePart part)
        {
            private uint _id = 2; // 1 is the shape tree itself
            public SlidePart Part { get; } = part;
            public uint NextId() => _id++;
        }

        /// <summary>A slide with a title that fits (smaller type for a long one); the content starts below it.</summary>
        private void Slide(string title, Func<SlideBuilder, long, IEnumerable<OpenXmlElement>> content)
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
            var (size, height) = TitleFit(title);
            tree.Append(TitleShape(s.NextId(), title, size, height));
            tree.Append(content(s, Math.Max(BodyTop, TitleTop + height + 76200)));
            part.Slide = new Slide(new CommonSlideData(tree), new ColorMapOverride(new A.MasterColorMapping()));
            _slideIds.Append(new SlideId { Id = _nextSlideId++, RelationshipId = _pres.GetIdOfPart(part) });
        }

        /// <summary>The largest title size whose lines fit the title area; a very long title takes more room.</summary>
        private static (int Size, long Height) TitleFit(string title)
        {
            var width = Pt(BodyWidth - 2 * InsetX);
            foreach (var size in new[] { 2600, 2200, 1800, 1600 })
            {
                var h = Emu(TextFit.Height(TextFit.Lines(title, size / 100.0, width, bold: true), size / 100.0)) + 2 * InsetY;
                if (h <= TitleHeight) return (size, TitleHeight);
            }
            return (1400, Math.Max(TitleHeight, Emu(TextFit.Height(TextFit.Lines(title, 14, width, bold: true), 14)) + 2 * InsetY));
        }

        private Shape TitleShape(uint id, string text, int size, long height) => new(
            new NonVisualShapeProperties(
                new NonVisualDrawingProperties { Id = id, Name = "Title" },
                new NonVisualShapeDrawingProperties(new A.ShapeLocks { NoGrouping = true }),
                new ApplicationNonVisualDrawingProperties(new PlaceholderShape { Type = PlaceholderValues.Title })),
            new ShapeProperties(Xfrm(Margin, TitleTop, BodyWidth, height)),
            new TextBody(new A.BodyProperties
            {
                Anchor = A.TextAnchoringTypeValues.Bottom, Wrap = A.TextWrappingValues.Square,
                LeftInset = (int)InsetX, RightInset = (int)InsetX, TopInset = (int)InsetY, BottomInset = (int)InsetY,
            }, new A.ListStyle(), Para(text, size, bold: true, colour: "1F3864", spaceBefore: false)));

        private static Shape TextBox(uint id, string name, long x, long y, long cx, long cy, params A.Paragraph[] paragraphs)
        {
            var body = new TextBody(new A.BodyProperties
            {
                Wrap = A.TextWrappingValues.Square,
                LeftInset = (int)InsetX, RightInset = (int)InsetX, TopInset = (int)InsetY, BottomInset = (int)InsetY,
            }, new A.ListStyle());
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

        private A.Paragraph Para(string text, int size, bool bold = false, bool italic = false, string? colour = null, bool spaceBefore = true) =>
            new(new A.ParagraphProperties(new A.SpaceBefore(new A.SpacingPoints { Val = spaceBefore ? SpaceBeforePoints * 100 : 0 })), Run(text, size, bold, italic, colour));

        private A.Paragraph Paragraph(Block b)
        {
            if (!b.Bullet) return Para(b.Text, b.Size, b.Bold, b.Italic, b.Colour);
            var p = new A.Paragraph(
                new A.ParagraphProperties(new A.SpaceBefore(new A.SpacingPoints { Val = SpaceBeforePoints * 100 }), new A.CharacterBullet { Char = "•" })
                { LeftMargin = (int)BulletIndent, Indent = -(int)BulletIndent },
                Run(b.Text, b.Size, b.Bold, b.Italic, b.Colour));
            if (b.Light is { } light)
                p.Append(Run("● " + ReviewFormat.Light(light, _c), b.Size, bold: true, colour: ReviewFormat.LightColour(light)));
            return p;
        }
    }
}

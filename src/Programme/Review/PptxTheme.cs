using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Presentation;
using A = DocumentFormat.OpenXml.Drawing;

namespace Tilannekuva.Programme.Review;

public static partial class PptxReviewWriter
{
    private sealed partial class Deck
    {
        // ---- master, layout, theme (the package's own, so that PowerPoint opens it without repair) -------------

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

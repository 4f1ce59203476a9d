using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Tilannekuva.Localisation;
using Tilannekuva.SocialWork.Domain;

namespace Tilannekuva.SocialWork;

/// <summary>The structural social work report as a Word document for the county board (real heading styles, simple tables).</summary>
public static class DocxReportWriter
{
    public static byte[] ToBytes(SocialWorkReport report, CultureInfo c)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var lang = Texts.Language(c) switch { "sv" => "sv-FI", "en" => "en-GB", _ => "fi-FI" };
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(lang);
            var body = new Body();
            main.Document = new Document(body);
            Write(body, report, c);
        }
        return ms.ToArray();
    }

    private static void Write(Body body, SocialWorkReport r, CultureInfo c)
    {
        string T(string key) => Texts.Get(key, c);
        Styled(body, "Title", T("SocialWork.Report.Title") + " " + ReportText.PeriodName(r.Period, c));
        Para(body, Texts.Format("SocialWork.Report.Summary", c, r.Observations.ToString("N0", c), r.Clients.ToString("N0", c)));
        Para(body, Texts.Format("SocialWork.Report.SmallCells", c, r.MinimumCellSize));
        foreach (var (heading, rows, name) in ReportText.Breakdowns(r, c))
        {
            Styled(body, "Heading1", heading);
            Table(body, [T("SocialWork.Report.Item"), T("SocialWork.Report.Observations"), T("SocialWork.Report.Clients"),
                    T("SocialWork.Report.PreviousClients"), T("SocialWork.Report.Change")],
                rows.Select(x => new[] { name(x.Code), ReportText.Figure(x.Observations, c), ReportText.Figure(x.Clients, c),
                    ReportText.Figure(x.PreviousClients, c), ReportText.Change(x, c) }));
        }
        Styled(body, "Heading1", T("SocialWork.Report.Quotes"));
        if (r.Quotes.Count == 0) Para(body, T("SocialWork.Report.NoQuotes"));
        foreach (var q in r.Quotes)
            Para(body, $"”{q.Text}” ({CodeLists.CategoryName(q.Category, c)}, {CodeLists.ClientGroupName(q.ClientGroup, c)})", italic: true);
        Styled(body, "Heading1", T("SocialWork.Report.Proposals"));
        if (r.Proposals.Count == 0) Para(body, T("SocialWork.Report.NoProposals"));
        else
            Table(body, [T("SocialWork.Field.Category"), T("SocialWork.Field.ProposedAction"), T("SocialWork.Field.FollowUp"), T("SocialWork.Field.FollowUpNote")],
                r.Proposals.Select(p => new[] { CodeLists.CategoryName(p.Category, c), p.Action, CodeLists.FollowUpName(p.State, c), p.Note ?? "" }));
    }

    private static Run Run(string text, bool bold = false, bool italic = false, string? colour = null)
    {
        var props = new RunProperties();
        if (bold) props.Append(new Bold());
        if (italic) props.Append(new Italic());
        if (colour is not null) props.Append(new Color { Val = colour });
        return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static void Styled(Body body, string style, string text) =>
        body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }), Run(text)));

    private static void Para(Body body, string text, bool italic = false) => body.Append(new Paragraph(Run(text, italic: italic)));

    private static void Table(Body body, string[] headers, IEnumerable<string[]> rows)
    {
        static BorderType B<TB>() where TB : BorderType, new() => new TB { Val = BorderValues.Single, Size = 4U, Color = "808080" };
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(B<TopBorder>(), B<LeftBorder>(), B<BottomBorder>(), B<RightBorder>(), B<InsideHorizontalBorder>(), B<InsideVerticalBorder>())));
        table.Append(Row(headers, header: true));
        foreach (var r in rows) table.Append(Row(r, header: false));
        body.Append(table);
        body.Append(new Paragraph());
    }

    private static TableRow Row(string[] cells, bool header)
    {
        var row = new TableRow(header ? new TableRowProperties(new TableHeader(), new CantSplit()) : new TableRowProperties(new CantSplit()));
        foreach (var text in cells)
        {
            var props = new TableCellProperties();
            if (header) props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "1F3864" });
            row.Append(new TableCell(props, new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }),
                Run(text, bold: header, colour: header ? "FFFFFF" : null))));
        }
        return row;
    }

    private static Styles Styles(string lang)
    {
        static Style Heading(string id, string name, int level, int halfPoints) => new(
            new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new UIPriority { Val = 9 }, new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "80" }, new OutlineLevel { Val = level }),
            new StyleRunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };

        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
                    new FontSize { Val = "22" }, new Languages { Val = lang })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Title" }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
                new StyleParagraphProperties(new SpacingBetweenLines { After = "240" }),
                new StyleRunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "40" }))
            { Type = StyleValues.Paragraph, StyleId = "Title" },
            Heading("Heading1", "heading 1", 0, 30));
    }
}

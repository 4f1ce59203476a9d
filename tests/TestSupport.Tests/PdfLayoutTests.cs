using Tilannekuva.TestSupport;

namespace Tilannekuva.TestSupport.Tests;

/// <summary>The checks the rendered-review tests rely on, on hand-made layouts (no LibreOffice needed).</summary>
public sealed class PdfLayoutTests
{
    private static PdfLine Line(double y, params string[] words) =>
        new(words.Select((w, i) => new PdfWord(w, 10 + i * 40, y, 10 + i * 40 + 35, y + 10)).ToList());

    [Fact]
    public void A_figure_split_over_two_lines_is_broken_and_one_on_a_line_is_not()
    {
        var layout = new PdfLayout([new PdfPage(1, 595, 842,
        [
            Line(100, "Yhteensä", "2\u00A0756\u00A0090\u00A0€"),
            Line(120, "Toteutunut", "1", "234"),
            Line(140, "567", "€", "ja", "muuta"),
        ])]);
        Assert.Equal(["1 234 567 €"], layout.BrokenFigures(["2\u00A0756\u00A0090\u00A0€", "1\u00A0234\u00A0567\u00A0€", "9 999 €"]));
        Assert.Contains("Yhteensä 2 756 090 €", layout.Text);
    }

    [Fact]
    public void Words_past_the_edge_are_outside_the_page()
    {
        var layout = new PdfLayout([new PdfPage(1, 100, 100,
        [
            new PdfLine([new PdfWord("inside", 10, 10, 90, 20)]),
            new PdfLine([new PdfWord("below", 10, 95, 50, 108)]),
        ])]);
        var outside = Assert.Single(layout.WordsOutsidePage());
        Assert.StartsWith("page 1: below", outside);
    }
}

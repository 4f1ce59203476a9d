using Tilannekuva.Disclosure;
using Tilannekuva.SocialWork.Domain;
using Tilannekuva.TestSupport;

namespace Tilannekuva.SocialWork.Tests;

/// <summary>The DOCX report as a person sees it: rendered by LibreOffice, read back with pdftotext.</summary>
public sealed class DocxReportTests
{
    [Fact]
    public void The_rendered_report_has_names_not_keys_and_hides_small_cells()
    {
        var now = new List<Observation>();
        var rng = new Random(3);
        foreach (var area in new[] { "205", "765", "777" })
            for (var i = 0; i < 4; i++)
                now.Add(new Observation { ObservedOn = new DateOnly(2026, 2, 1 + i), Category = "loneliness", Area = area, ClientGroup = "older", ClientCount = 3 + rng.Next(3), Description = "Yksinäisyys kasvaa.", ProposedAction = "Etsivää työtä", FollowUp = FollowUpState.Done, Quoted = i == 0 && area == "205" });
        // Ristijärvi: 3 clients (the hidden cell), with a figure nowhere else in the report.
        now.Add(new Observation { ObservedOn = new DateOnly(2026, 3, 3), Category = "violence", Area = "697", ClientGroup = "immigrants", ClientCount = 3, Description = "Uhka.", ProposedAction = "" });
        var report = SocialWorkReport.Build(new ReportPeriod(2026, 1), now, [], new SmallCellRule(5));
        Assert.True(report.ByArea.Single(a => a.Code == "697").Hidden);

        var folder = Path.Combine(Path.GetTempPath(), "tk-sw-docx-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var docx = Path.Combine(folder, "report.docx");
            File.WriteAllBytes(docx, DocxReportWriter.ToBytes(report, System.Globalization.CultureInfo.GetCultureInfo("fi-FI")));
            var layout = OfficeRender.ReadLayout(OfficeRender.ToPdf([docx], Path.Combine(folder, "pdf"))[0]);
            var text = layout.Text;

            Assert.DoesNotContain("SocialWork.", text);
            Assert.Contains("Rakenteellisen sosiaalityön raportti", text);
            Assert.Contains("Yksinäisyys", text);
            Assert.Contains("Toteutettu", text);
            Assert.Contains("”Yksinäisyys kasvaa.”", text);
            // The row, read across the page at the height of the area's name: four hidden figures and no comparison.
            var page = layout.Pages.Single(p => p.Lines.Any(l => l.Words.Any(w => w.Text == "Ristijärvi")));
            var name = page.Lines.SelectMany(l => l.Words).Single(w => w.Text == "Ristijärvi");
            var row = string.Join(' ', page.Lines.SelectMany(l => l.Words).Where(w => Math.Abs(w.YMin - name.YMin) < 3).OrderBy(w => w.XMin).Select(w => w.Text));
            Assert.Equal("Ristijärvi – – – ei vertailua", row);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Reports;
using Tilannekuva.Programme.Tests.Fixtures;

namespace Tilannekuva.Programme.Tests.Reports;

public class MonthlyReportTests
{
    private static IReadOnlyList<MonthlyReportRow> Rows() =>
        MonthlyReport.Rows(new StandardProgramme().Programme, StandardProgramme.Meeting);

    [Fact]
    public void Rows_have_counts_budget_and_metric_states()
    {
        var rows = Rows();
        Assert.Equal(["TP1", "TP2", "TP1"], rows.Select(r => r.Code));
        var tp1 = rows[0];
        Assert.Equal(("P4", "INV1", "Digituki", "maarit"), (tp1.Pillar, tp1.Investment, tp1.Title, tp1.Responsible));
        Assert.Equal((1, 1, 1, 0), (tp1.ActionCounts[ActionStatus.Done], tp1.ActionCounts[ActionStatus.Ongoing], tp1.ActionCounts[ActionStatus.Postponed], tp1.ActionCounts[ActionStatus.Planned]));
        Assert.Equal(WorkPackageState.NeedsAttention, tp1.State);
        Assert.Equal((200_000m, 80_000m, 190_000m, (decimal?)40.0m), (tp1.Planned, tp1.Actual, tp1.Forecast, tp1.UsePercent));
        Assert.Equal((1, 1, 0), (tp1.MetricsOnTrack, tp1.MetricsOffTrack, tp1.MetricsNoData));

        Assert.Equal(WorkPackageState.NeedsAttention, rows[1].State); // NPS 10 against 30: red
        Assert.Equal(10.0m, rows[1].UsePercent);
        Assert.Equal(WorkPackageState.NotStarted, rows[2].State);
        Assert.Null(rows[2].UsePercent);
        Assert.Equal((0, 0, 1), (rows[2].MetricsOnTrack, rows[2].MetricsOffTrack, rows[2].MetricsNoData));
    }

    private static List<Dictionary<string, string>> ReadCsv(byte[] bytes, char separator)
    {
        using var reader = CsvReader.Create(new MemoryStream(bytes), new CsvReaderOptions { Separator = separator });
        var result = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            var headers = reader.Headers!;
            result.Add(Enumerable.Range(0, headers.Count).ToDictionary(i => headers[i], i => reader.GetString(i)));
        }
        return result;
    }

    [Fact]
    public void Finnish_csv_uses_bom_semicolons_and_decimal_comma()
    {
        var fi = CultureInfo.GetCultureInfo("fi-FI");
        using var ms = new MemoryStream();
        MonthlyReport.WriteCsv(Rows(), ms, fi);
        var bytes = ms.ToArray();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes.Take(3));
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("Pilari;Investointi;Työpaketti;Nimi;", text);

        var rows = ReadCsv(bytes, ';');
        Assert.Equal(3, rows.Count);
        Assert.Equal("Digituki", rows[0]["Nimi"]);
        Assert.Equal("200000,00", rows[0]["Budjetti suunniteltu €"]);
        Assert.Equal(190_000m, decimal.Parse(rows[0]["Budjetti ennuste €"], fi));
        Assert.Equal("40,00", rows[0]["Käyttöaste %"]);
        Assert.Equal("1", rows[0]["Toimenpiteet: siirretty"]);
        Assert.Equal("Vaatii huomiota", rows[0]["Tilanne"]);
        Assert.Equal("1", rows[0]["Mittarit: tavoitteessa"]);
        Assert.Equal("", rows[2]["Käyttöaste %"]);
        Assert.Equal("Ei aloitettu", rows[2]["Tilanne"]);
    }

    [Fact]
    public void English_csv_uses_commas_and_decimal_point()
    {
        var en = CultureInfo.GetCultureInfo("en-GB");
        using var ms = new MemoryStream();
        MonthlyReport.WriteCsv(Rows(), ms, en);
        var rows = ReadCsv(ms.ToArray(), ',');
        Assert.Equal("80000.00", rows[0]["Budget actual €"]);
        Assert.Equal("10.00", rows[1]["Use %"]);
        Assert.Equal("Needs attention", rows[1]["Status"]);
        Assert.Equal("1", rows[1]["Metrics: off track"]);
    }

    [Fact]
    public void Xlsx_reads_back_with_localised_headers_and_numbers()
    {
        var sv = CultureInfo.GetCultureInfo("sv-FI");
        using var ms = new MemoryStream();
        MonthlyReport.WriteXlsx(Rows(), ms, sv);
        ms.Position = 0;
        var rows = ms.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal("Digituki", rows[0]["Namn"]);
        Assert.Equal(200_000m, Convert.ToDecimal(rows[0]["Budget planerad €"], CultureInfo.InvariantCulture));
        Assert.Equal(40m, Convert.ToDecimal(rows[0]["Användning %"], CultureInfo.InvariantCulture));
        Assert.Equal(1, Convert.ToInt32(rows[1]["Mätare: efter mål"], CultureInfo.InvariantCulture));
        Assert.Equal("Inte påbörjat", rows[2]["Läge"]);
        Assert.Null(rows[2]["Användning %"]);
    }
}

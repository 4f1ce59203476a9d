using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace Tilannekuva.Programme.Reports;

/// <summary>
/// Any table as CSV or XLSX, the way Finnish offices open them: CSV in UTF-8 with a byte-order mark,
/// `;` and a decimal comma when the culture writes one (`,` and a point otherwise); XLSX with numbers as numbers.
/// </summary>
public static class TableWriter
{
    public static void WriteCsv(IReadOnlyList<string> headers, IEnumerable<object?[]> rows, Stream output, CultureInfo culture)
    {
        var decimalComma = culture.NumberFormat.NumberDecimalSeparator == ",";
        var numbers = decimalComma ? CultureInfo.GetCultureInfo("fi-FI") : CultureInfo.InvariantCulture;
        // CsvHelper writes UTF-8 without a byte-order mark; Excel needs one to read ä and ö.
        output.Write(Encoding.UTF8.Preamble);
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { Separator = decimalComma ? ';' : ',' }, leaveOpen: true);
        // Every cell through the one formula-escaping rule (Storage.CsvCell): text from people must not become a formula.
        foreach (var h in headers) csv.WriteField(Tilannekuva.Storage.CsvCell.Safe(h));
        csv.EndRecord();
        foreach (var row in rows)
        {
            foreach (var v in row)
                csv.WriteField(Tilannekuva.Storage.CsvCell.Safe(v switch
                {
                    null => "",
                    decimal d => d.ToString("0.00", numbers),
                    double d => d.ToString("0.####", numbers),
                    int or long => Convert.ToString(v, CultureInfo.InvariantCulture)!,
                    _ => Convert.ToString(v, culture) ?? "",
                }));
            csv.EndRecord();
        }
        csv.Flush();
    }

    public static void WriteXlsx(IReadOnlyList<string> headers, IEnumerable<object?[]> rows, Stream output, string sheetName)
    {
        var sheet = rows.Select(values =>
        {
            var d = new Dictionary<string, object?>(headers.Count);
            for (var i = 0; i < headers.Count; i++) d[headers[i]] = values[i];
            return d;
        }).ToList();
        if (sheet.Count == 0) sheet.Add(headers.ToDictionary(h => h, _ => (object?)null));
        MiniExcel.SaveAs(output, sheet, sheetName: sheetName, excelType: ExcelType.XLSX);
    }
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Web.Tests;

/// <summary>
/// Strict reading of messy exports through the door an operator uses, `tilannekuva import`: the exit
/// code and the one-line messages, never a stack trace, and what the store holds afterwards.
/// </summary>
[Collection(nameof(CliConsole))]
public sealed class IngestCliTests : IDisposable
{
    private readonly SqliteFile _file = new();

    public void Dispose() => _file.Dispose();

    private string[] Db(params string[] args) => [.. args, "--db", _file.ConnectionString, "--provider", "sqlite"];

    private string Write(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(_file.Folder, name);
        File.WriteAllBytes(path, (encoding ?? new UTF8Encoding(false)).GetBytes(text));
        return path;
    }

    private static Encoding Windows1252
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }

    private const string Units = "source_id,name,parent_id,kind,municipality_code\nR,Alue,,region,\nU1,Asema,R,unit,205\n";

    private static void NoStackTrace((int Code, string Output, string Error) run)
    {
        Assert.DoesNotContain("   at ", run.Error);
        Assert.DoesNotContain("Exception", run.Error);
        Assert.DoesNotContain("Unhandled", run.Error);
    }

    [Fact]
    public async Task A_Windows_1252_file_whose_first_a_umlaut_comes_after_a_mebibyte_is_read_as_Windows_1252()
    {
        var text = new StringBuilder("source_id,name,parent_id,kind,municipality_code\nR,Alue,,region,\n");
        for (var i = 0; text.Length < (1 << 20) + 1000; i++) text.Append($"T{i},Tiimi {i},R,team,\n");
        text.Append("U9,Pääterveysasema Kajaani,R,unit,205\n");
        var path = Write("units-1252.csv", text.ToString(), Windows1252);

        var run = await CliConsole.RunAsync(Db("import", "org_units", path));

        Assert.Equal(0, run.Code);
        await using var db = IndicatorsStorage.Open(_file.Options);
        Assert.Equal("Pääterveysasema Kajaani", (await db.OrgUnits.SingleAsync(u => u.SourceId == "U9")).Name);
        Assert.False(await db.OrgUnits.AnyAsync(u => u.Name.Contains('\uFFFD')));
    }

    [Fact]
    public async Task A_file_neither_UTF_8_nor_Windows_1252_is_refused_with_file_and_line()
    {
        var bytes = new List<byte>(Encoding.ASCII.GetBytes("source_id,name,parent_id,kind,municipality_code\nR,Alue,,region,\nU1,"));
        bytes.AddRange([0xC3, 0x81, 0x81]); // invalid UTF-8, and 0x81 is undefined in Windows-1252
        bytes.AddRange(Encoding.ASCII.GetBytes(",R,unit,\n"));
        var path = Path.Combine(_file.Folder, "broken.csv");
        File.WriteAllBytes(path, [.. bytes]);

        var run = await CliConsole.RunAsync(Db("import", "org_units", path));

        Assert.Equal(2, run.Code);
        Assert.Contains("broken.csv", run.Error);
        Assert.Contains("3", run.Error); // the line
        Assert.Single(run.Error.Trim().Split('\n'));
        NoStackTrace(run);
        await using var db = IndicatorsStorage.Open(_file.Options);
        Assert.Equal(0, await db.OrgUnits.CountAsync());
    }

    [Fact]
    public async Task Rows_with_too_many_or_too_few_fields_and_malformed_lines_are_rejected_and_reading_goes_on()
    {
        Assert.Equal(0, (await CliConsole.RunAsync(Db("import", "org_units", Write("units.csv", Units)))).Code);
        var contacts = Write("contacts.csv", """
            source_id,unit_id,received_at,channel,reason,outcome,callback_requested_at,callback_done_at,demand_class,handling_minutes
            C1,U1,2024-03-04 09:00,phone,ok,resolved,,,,5
            C2,U1,2024-03-04 09:00,phone,extra,resolved,,,,5,x,y
            C3,U1,2024-03-04 09:00,phone,short,resolved,,
            C4,U1,2024-03-04 09:00,phone,"unclosed,resolved,,,,5
            C5,U1,2024-03-04 09:00,phone,stray"quote,resolved,,,,5
            C6,U1,2024-03-04 09:00,phone,"fine, quoted",resolved,,,,5
            C7,U1,2024-03-04 09:00,phone,last,resolved,,,,5,
            """);
        var rejects = Path.Combine(_file.Folder, "rejects.csv");

        var run = await CliConsole.RunAsync(Db("import", "contacts", contacts, "--rejects", rejects, "--no-compute"));

        Assert.Equal(0, run.Code);
        NoStackTrace(run);
        var report = await File.ReadAllLinesAsync(rejects);
        // file;line;field;reason — one line per bad row, in file order, every one reported.
        Assert.Equal(["3", "4", "5", "6", "8"], report.Skip(1).Select(l => l.Split(';')[1]).ToArray());
        Assert.All(report.Skip(1), l => Assert.StartsWith("contacts.csv;", l));
        Assert.Contains("12", report[1]);   // 12 fields where the header has 10
        Assert.Contains("10", report[1]);
        Assert.Contains(";demand_class;", report[2]); // 8 of 10 fields: the first missing one is named
        Assert.Contains(";reason;", report[3]);       // the unclosed quote is in the reason field
        await using var db = IndicatorsStorage.Open(_file.Options);
        Assert.Equal(["C1", "C6"], await db.Contacts.OrderBy(c => c.SourceId).Select(c => c.SourceId).ToListAsync());
        Assert.Equal("fine, quoted", (await db.Contacts.SingleAsync(c => c.SourceId == "C6")).Reason);
    }

    [Fact]
    public async Task Empty_and_header_only_files_get_one_line_no_batch_and_no_recompute()
    {
        Assert.Equal(0, (await CliConsole.RunAsync(Db("import", "org_units", Write("units.csv", Units)))).Code);
        Assert.Equal(0, (await CliConsole.RunAsync(Db("import", "contacts", Write("one.csv",
            "source_id,unit_id,received_at,channel,reason,outcome,callback_requested_at,callback_done_at,demand_class,handling_minutes\nC1,U1,2024-03-04 09:00,chat,,resolved,,,,5\n")))).Code);
        // Values removed: a recompute would bring them back.
        await using (var db = IndicatorsStorage.Open(_file.Options))
        {
            Assert.True(await db.IndicatorValues.CountAsync() > 0);
            await db.IndicatorValues.ExecuteDeleteAsync();
        }
        int batches;
        await using (var db = IndicatorsStorage.Open(_file.Options)) batches = await db.ImportBatches.CountAsync();

        var empty = await CliConsole.RunAsync(Db("import", "contacts", Write("empty.csv", "")));
        var headerOnly = await CliConsole.RunAsync(Db("import", "contacts", Write("header.csv",
            "source_id,unit_id,received_at,channel,reason,outcome,callback_requested_at,callback_done_at,demand_class,handling_minutes\n")));

        Assert.Equal(2, empty.Code);
        Assert.Contains("empty.csv", empty.Error);
        Assert.Single(empty.Error.Trim().Split('\n'));
        NoStackTrace(empty);
        Assert.Equal(0, headerOnly.Code);
        Assert.Contains("header.csv", headerOnly.Output);
        Assert.Single(headerOnly.Output.Trim().Split('\n'));
        await using (var db = IndicatorsStorage.Open(_file.Options))
        {
            Assert.Equal(batches, await db.ImportBatches.CountAsync());
            Assert.Equal(0, await db.IndicatorValues.CountAsync());
        }
    }

    [Fact]
    public async Task Missing_file_and_unknown_kind_are_one_line_errors()
    {
        var missing = await CliConsole.RunAsync(Db("import", "contacts", Path.Combine(_file.Folder, "nope.csv")));
        Assert.Equal(2, missing.Code);
        Assert.Contains("nope.csv", missing.Error);
        NoStackTrace(missing);
        var kind = await CliConsole.RunAsync(Db("import", "kontaktit", Write("x.csv", Units)));
        Assert.Equal(2, kind.Code);
        NoStackTrace(kind);
    }
}

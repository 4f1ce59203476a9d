using System.Text;
using Tilannekuva.Indicators.Ingest;
using Tilannekuva.Indicators.Quality;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Indicators.Tests;

/// <summary>The data-quality report's commonest reject reasons per import, counted at import and stored with the batch.</summary>
public sealed class QualityReportTests : IDisposable
{
    private readonly SqliteFile _file = new();

    public void Dispose() => _file.Dispose();

    private string Write(string name, string text) => Support.WriteFile(_file.Folder, name, text);

    private const string Header = "source_id;unit_id;received_at;channel;outcome;callback_requested_at;callback_done_at;handling_minutes\n";

    [Fact]
    public async Task Each_import_lists_its_commonest_reject_reasons_with_counts_and_shares_of_its_rejects()
    {
        await using var db = await Support.OpenWithOneUnitAsync(_file);
        var now = new DateTime(2026, 12, 3, 12, 0, 0);
        // 3 future dates, 2 minutes out of bounds, 1 year 1927, 1 unknown channel code, 1 malformed line; 2 good rows.
        var first = Write("contacts-a.csv", Header + """
            A1;U1;1.12.2026 9:00;phone;resolved;;;5
            A2;U1;5.1.2027 9:00;phone;resolved;;;5
            A3;U1;6.1.2027 9:00;phone;resolved;;;5
            A4;U1;7.1.2027 9:00;phone;resolved;;;5
            A5;U1;1.3.2026 9:00;phone;resolved;;;9000
            A6;U1;2.3.2026 9:00;phone;resolved;;;8000
            A7;U1;5.1.1927 9:00;phone;resolved;;;5
            A8;U1;3.3.2026 9:00;pigeon;resolved;;;5
            A9;U1;4.3.2026 9:00;phone;resolved;"x"y;;5
            A10;U1;5.3.2026 9:00;phone;resolved;;;5
            """);
        var a = await new Importer(db).ImportAsync(SourceKind.Contacts, first, null, new ImportOptions { ImportTime = now });
        Assert.Equal(8, a.Rejected);
        // A second file with one reason only: listed under its own import.
        var b = await new Importer(db).ImportAsync(SourceKind.Contacts, Write("contacts-b.csv", Header + "B1;U1;8.1.2027 9:00;phone;resolved;;;5\nB2;U1;2.12.2026 9:00;phone;resolved;;;5\n"),
            null, new ImportOptions { ImportTime = now });

        var table = (await new QualityReport(db).BuildAsync()).Single(t => t.Key == "reject_reasons");
        Assert.Equal(["import", "kind", "file", "column", "reason", "rows", "share"], table.Columns);
        var rows = table.Rows.Select(r => ((long)r[0]!, (string)r[2]!, (string)r[3]!, (string)r[4]!, (int)r[5]!, (double?)r[6])).ToList();
        // Newest import first; within an import the commonest reason first, at most five.
        Assert.Equal((b.Batch.Id, "contacts-b.csv", "received_at", "InFuture", 1, 100.0), rows[0]);
        var ofA = rows.Where(r => r.Item1 == a.Batch.Id).ToList();
        Assert.Equal(QualityReport.ReasonsPerImport, ofA.Count);
        Assert.Equal(("received_at", "InFuture", 3, 37.5), (ofA[0].Item3, ofA[0].Item4, ofA[0].Item5, ofA[0].Item6));
        Assert.Equal(("handling_minutes", "MinutesOutOfBounds", 2, 25.0), (ofA[1].Item3, ofA[1].Item4, ofA[1].Item5, ofA[1].Item6));
        // Three single rejects tie: ordered by field, then reason.
        Assert.All(ofA.Skip(2), r => Assert.Equal((1, 12.5), (r.Item5, r.Item6)));
        Assert.Equal(3, ofA.Skip(2).Select(r => r.Item4).Distinct().Count());
        Assert.Equal(ofA.Skip(2).OrderBy(r => r.Item3, StringComparer.Ordinal).ThenBy(r => r.Item4, StringComparer.Ordinal), ofA.Skip(2));

        // Every reason code has a name in every language.
        foreach (var code in rows.Select(r => r.Item4).Distinct())
        foreach (var lang in new[] { "fi", "sv", "en" })
            Assert.NotEqual("Quality.Reason." + code, Localisation.Texts.Get("Quality.Reason." + code, new System.Globalization.CultureInfo(lang)));
    }

    [Fact]
    public async Task A_rolled_back_import_leaves_no_reject_reasons()
    {
        await using var db = await Support.OpenWithOneUnitAsync(_file);
        var path = Write("contacts.csv", Header + "C1;U1;5.1.2027 9:00;phone;resolved;;;5\nC2;U1;1.3.2026 9:00;phone;resolved;;;5\n");
        await Assert.ThrowsAnyAsync<Exception>(() => new Importer(db).ImportAsync(SourceKind.Contacts, path, null,
            new ImportOptions { ImportTime = new DateTime(2026, 12, 3), BeforeCommit = () => throw new IOException("disk gone") }));
        db.ChangeTracker.Clear();
        Assert.Empty(db.ImportRejectReasons);
        Assert.Empty((await new QualityReport(db).BuildAsync()).Single(t => t.Key == "reject_reasons").Rows);
    }
}

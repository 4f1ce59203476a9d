using System.Text;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Indicators.Ingest;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Indicators.Synthetic;
using Tilannekuva.TestSupport;
using static Tilannekuva.Indicators.Tests.Support;

namespace Tilannekuva.Indicators.Tests;

public sealed class ImportTests : IDisposable
{
    private readonly SqliteFile _file = new();
    private readonly Random _random = new(1234);

    public void Dispose() => _file.Dispose();

    private string Write(string name, string text, Encoding? encoding = null) => Support.WriteFile(_file.Folder, name, text, encoding);

    private Task<IndicatorsDbContext> OpenWithUnitsAsync() => Support.OpenWithOneUnitAsync(_file);

    private string Code() => SyntheticRegion.SyntheticIdentityCode(_random);

    [Fact]
    public async Task Bad_rows_are_rejected_with_file_line_field_and_reason_and_good_rows_stored()
    {
        await using var db = await OpenWithUnitsAsync();
        var path = Write("contacts.csv", """
            source_id;unit_id;received_at;channel;reason;outcome;callback_requested_at;callback_done_at;demand_class;handling_minutes
            Y1;U1;5.2.2024 9:00;phone;Lääkeasia;callback;5.2.2024 9:00;5.2.2024 11:30;failure;12,5
            Y2;U9;5.2.2024 9:00;phone;;resolved;;;;
            Y3;U1;31.2.2024 9:00;phone;;resolved;;;;
            Y4;U1;5.2.2024 9:00;pigeon;;resolved;;;;
            Y5;U1;5.2.2024 9:00;phone;;callback;5.2.2024 9:00;4.2.2024 9:00;;
            Y6;U1;5.2.2024 9:00;chat;;resolved;;;value;abc
            """);

        var result = await new Importer(db).ImportAsync(SourceKind.Contacts, path, null, new ImportOptions { Culture = new("en") });

        Assert.Equal((6, 1, 5, 0), (result.Read, result.Stored, result.Rejected, result.SkippedDuplicate));
        Assert.Contains(result.Rejects, r => r is { File: "contacts.csv", Line: 3, Field: "unit_id" } && r.Reason.Contains("U9"));
        Assert.Contains(result.Rejects, r => r is { Line: 4, Field: "received_at" } && r.Reason.Contains("31.2.2024"));
        Assert.Contains(result.Rejects, r => r is { Line: 5, Field: "channel" } && r.Reason.Contains("pigeon"));
        Assert.Contains(result.Rejects, r => r is { Line: 6, Field: "callback_done_at" });
        Assert.Contains(result.Rejects, r => r is { Line: 7, Field: "handling_minutes" });
        var stored = await db.Contacts.SingleAsync();
        Assert.Equal(12.5, stored.HandlingMinutes);
        Assert.Equal(("contacts.csv", 2), (stored.SourceFile, stored.SourceLine));
        var report = new StringWriter();
        result.WriteRejects(report);
        Assert.StartsWith("file;line;field;reason", report.ToString());
    }

    [Fact]
    public async Task Reimporting_the_same_file_changes_nothing()
    {
        await using var db = await OpenWithUnitsAsync();
        var path = Write("contacts.csv", "source_id;unit_id;received_at;channel;outcome\nY1;U1;2024-02-05T09:00:00;phone;resolved\nY2;U1;5.2.2024;chat;resolved\nY2;U1;5.2.2024;chat;resolved\n");

        var first = await new Importer(db).ImportAsync(SourceKind.Contacts, path, null, new ImportOptions());
        db.ChangeTracker.Clear();
        var second = await new Importer(db).ImportAsync(SourceKind.Contacts, path, null, new ImportOptions());

        Assert.Equal((2, 1), (first.Stored, first.SkippedDuplicate));
        Assert.Equal((0, 3), (second.Stored, second.SkippedDuplicate));
        Assert.Equal(2, await db.Contacts.CountAsync());
        Assert.Equal(3, await db.ImportBatches.CountAsync());
    }

    [Fact]
    public async Task A_failure_during_the_import_leaves_nothing_written()
    {
        await using var db = await OpenWithUnitsAsync();
        var path = Write("contacts.csv", "source_id;unit_id;received_at;channel;outcome\nY1;U1;5.2.2024 9:00;phone;resolved\n");

        await Assert.ThrowsAsync<IOException>(() => new Importer(db).ImportAsync(SourceKind.Contacts, path, null,
            new ImportOptions { BeforeCommit = () => throw new IOException("disk full") }));

        db.ChangeTracker.Clear();
        Assert.Equal(0, await db.Contacts.CountAsync());
        Assert.Equal(1, await db.ImportBatches.CountAsync()); // only the org units' batch
    }

    [Fact]
    public async Task A_malformed_line_is_rejected_and_the_rest_of_the_file_is_read()
    {
        await using var db = await OpenWithUnitsAsync();
        var path = Write("contacts.csv", "source_id;unit_id;received_at;channel;outcome\nY1;U1;5.2.2024 9:00;phone;resolved\n\"Y3;U1;5.2.2024 10:00;phone;resolved\nY2;U1;5.2.2024 9:30;phone;resolved\nY4;U1;5.2.2024 9:30;phone\n");

        var result = await new Importer(db).ImportAsync(SourceKind.Contacts, path, null, new ImportOptions());

        Assert.Equal([3, 5], result.Rejects.Select(r => r.Line));
        Assert.Equal(["source_id", "outcome"], result.Rejects.Select(r => r.Field));
        Assert.Equal(2, await db.Contacts.CountAsync());
    }

    [Fact]
    public async Task Windows_1252_with_comma_delimiter_and_a_mapping_is_read()
    {
        await using var db = await OpenWithUnitsAsync();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = Write("export.csv", "Tunnus,Yksikkö,Saapunut,Kanava,Tulos,Syy\nA1,U1,5.2.2024 9.15,Puhelin,Ratkaistu,Lääkeasia\n", Encoding.GetEncoding(1252));
        var mapping = ColumnMapping.Read(new MemoryStream(Encoding.UTF8.GetBytes("""
            { "kind": "contacts", "delimiter": ",",
              "columns": { "Tunnus": "source_id", "Yksikkö": "unit_id", "Saapunut": "received_at", "Kanava": "channel", "Tulos": "outcome", "Syy": "reason" },
              "values": { "channel": { "Puhelin": "phone" }, "outcome": { "Ratkaistu": "resolved" } } }
            """)), "test");

        var result = await new Importer(db).ImportAsync(SourceKind.Contacts, path, mapping, new ImportOptions());

        Assert.Empty(result.Rejects);
        var c = await db.Contacts.SingleAsync();
        Assert.Equal(("Lääkeasia", new DateTime(2024, 2, 5, 9, 15, 0)), (c.Reason, c.ReceivedAt));
    }

    [Fact]
    public async Task Json_export_is_read()
    {
        await using var db = await OpenWithUnitsAsync();
        var path = Write("contacts.json", """[{"source_id":"J1","unit_id":"U1","received_at":"2024-02-05T09:00:00","channel":"chat","outcome":"resolved","handling_minutes":4.5}]""");

        var result = await new Importer(db).ImportAsync(SourceKind.Contacts, path, null, new ImportOptions());

        Assert.Equal(1, result.Stored);
        Assert.Equal(4.5, (await db.Contacts.SingleAsync()).HandlingMinutes);
    }

    [Fact]
    public async Task Person_level_files_are_refused_without_a_pseudonym_key()
    {
        await using var db = await OpenWithUnitsAsync();
        var path = Write("assessments.csv", $"source_id;person_id;unit_id;assessed_at;channel;profession\nH1;{Code()};U1;5.2.2024 9:00;phone;nurse\n");
        await Assert.ThrowsAsync<InvalidOperationException>(() => new Importer(db).ImportAsync(SourceKind.Assessments, path, null, new ImportOptions()));
    }

    [Fact]
    public async Task Identity_codes_are_pseudonymised_and_never_stored_reported_or_logged()
    {
        await using var db = await OpenWithUnitsAsync();
        var good = Code();
        var bad = good[..10] + (good[10] == 'Y' ? 'X' : 'Y'); // wrong check character
        Assert.True(Ingest.IdentityCode.IsValid(good));
        var path = Write("assessments.csv", $"source_id;person_id;unit_id;assessed_at;channel;profession\nH1;{good};U1;5.2.2024 9:00;phone;nurse\nH2;{bad};U1;5.2.2024 9:00;phone;nurse\nH3;{good.ToLowerInvariant()};U1;6.2.2024 9:00;phone;nurse\n");
        var log = new StringWriter();

        var result = await new Importer(db).ImportAsync(SourceKind.Assessments, path, null, new ImportOptions
        {
            Pseudonymiser = Support.Pseudonymiser,
            Progress = p => log.WriteLine($"{p.Stage} {p.Rows}"),
        });
        result.WriteRejects(log);
        db.ChangeTracker.Clear();
        var rows = await db.Assessments.OrderBy(a => a.SourceId).ToListAsync();
        await db.Database.CloseConnectionAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Assert.Equal((2, 1), (result.Stored, result.Rejected));
        Assert.Equal(rows[0].PersonPseudonym, rows[1].PersonPseudonym); // the same person, however written
        Assert.Equal(Support.Pseudonymiser.Person(good), rows[0].PersonPseudonym);
        Assert.NotEqual(new Pseudonymiser("another-key-long-enough-000").Person(good), rows[0].PersonPseudonym);
        var text = log.ToString();
        Assert.DoesNotContain(good, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(bad, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(result.Rejects, r => r.Reason.Contains(bad[..6]));
        foreach (var file in Directory.GetFiles(_file.Folder, "*.db*"))
        {
            var bytes = Encoding.Latin1.GetString(File.ReadAllBytes(file));
            Assert.DoesNotContain(good, bytes, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(bad, bytes, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(good[..6] + good[7..10], bytes); // nor its digits without the sign
        }
    }

    [Fact]
    public async Task An_identity_code_in_the_wrong_column_is_masked_in_the_reject_report()
    {
        await using var db = await OpenWithUnitsAsync();
        var code = Code();
        var path = Write("contacts.csv", $"source_id;unit_id;received_at;channel;outcome\nY1;{code};5.2.2024 9:00;phone;resolved\n");

        var result = await new Importer(db).ImportAsync(SourceKind.Contacts, path, null, new ImportOptions());

        var reject = Assert.Single(result.Rejects);
        Assert.Equal("unit_id", reject.Field);
        Assert.DoesNotContain(code, reject.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Raw_file_is_kept_and_the_batch_records_its_hash()
    {
        await using var db = await OpenWithUnitsAsync();
        var path = Write("contacts.csv", "source_id;unit_id;received_at;channel;outcome\nY1;U1;5.2.2024 9:00;phone;resolved\n");
        var raw = Path.Combine(_file.Folder, "raw");

        var result = await new Importer(db).ImportAsync(SourceKind.Contacts, path, null, new ImportOptions { RawFolder = raw });

        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(result.Batch.RawCopyPath!));
        Assert.Equal(64, result.Batch.Sha256.Length);
    }

    [Fact]
    public async Task Missing_required_column_fails_the_whole_file_with_a_clear_error()
    {
        await using var db = await OpenWithUnitsAsync();
        var path = Write("contacts.csv", "source_id;unit_id;channel\nY1;U1;phone\n");
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => new Importer(db).ImportAsync(SourceKind.Contacts, path, null, new ImportOptions()));
        Assert.Contains("received_at", e.Message);
        Assert.Contains("contacts.csv", e.Message);
    }
}

public sealed class PostgresImportTests
{
    [Fact]
    public async Task Copy_import_is_idempotent_and_rolls_back_on_failure()
    {
        await using var server = await PostgresServer.CreateDatabaseAsync();
        await using var db = await IndicatorsStorage.OpenMigratedAsync(server.Options);
        using var folder = new SqliteFile();
        var units = Path.Combine(folder.Folder, "units.csv");
        File.WriteAllText(units, "source_id;name;parent_id;kind\nR;Alue;;region\nU1;Asema;R;unit\n");
        await new Importer(db).ImportAsync(SourceKind.OrgUnits, units, null, new ImportOptions());
        var path = Path.Combine(folder.Folder, "contacts.csv");
        File.WriteAllText(path, "source_id;unit_id;received_at;channel;outcome;handling_minutes\nY1;U1;5.2.2024 9:00;phone;resolved;3,5\nY2;U1;5.2.2024 10:00;chat;resolved;\n");

        db.ChangeTracker.Clear();
        await Assert.ThrowsAsync<IOException>(() => new Importer(db).ImportAsync(SourceKind.Contacts, path, null,
            new ImportOptions { BeforeCommit = () => throw new IOException("simulated") }));
        db.ChangeTracker.Clear();
        Assert.Equal(0, await db.Contacts.CountAsync());

        var first = await new Importer(db).ImportAsync(SourceKind.Contacts, path, null, new ImportOptions());
        db.ChangeTracker.Clear();
        var second = await new Importer(db).ImportAsync(SourceKind.Contacts, path, null, new ImportOptions());
        Assert.Equal((2, 0, 2), (first.Stored, second.Stored, second.SkippedDuplicate));
        Assert.Equal(2, await db.Contacts.CountAsync());

        // A later export overlaps the stored rows: COPY meets a stored source id, so the rows go
        // through the staging table; only the new one is stored and the reject is reported once.
        var overlapping = Path.Combine(folder.Folder, "contacts-2.csv");
        File.WriteAllText(overlapping, "source_id;unit_id;received_at;channel;outcome\nY3;U1;6.2.2024 9:00;phone;resolved\nY4;U9;6.2.2024 9:00;phone;resolved\nY1;U1;5.2.2024 9:00;phone;resolved\n");
        db.ChangeTracker.Clear();
        var third = await new Importer(db).ImportAsync(SourceKind.Contacts, overlapping, null, new ImportOptions());
        // Y1 comes again without its handling time, from a newer file: a correction, not a duplicate.
        Assert.Equal((3, 1, 1, 0, 1), (third.Read, third.Stored, third.Rejected, third.SkippedDuplicate, third.Updated));
        Assert.Equal(["Y1"], third.UpdatedIds);
        Assert.Equal(3, third.Rejects.Single().Line);
        db.ChangeTracker.Clear();
        Assert.Equal(["Y1", "Y2", "Y3"], await db.Contacts.OrderBy(c => c.SourceId).Select(c => c.SourceId).ToListAsync());
    }
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Indicators.Ingest;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Indicators.Tests;

/// <summary>Implausible rows (future visits, 1927, endless callbacks) are rejected with reasons and create no indicator periods.</summary>
public sealed class PlausibilityTests : IDisposable
{
    private readonly SqliteFile _file = new();

    public void Dispose() => _file.Dispose();

    private string Write(string name, string text) => Support.WriteFile(_file.Folder, name, text);

    private Task<IndicatorsDbContext> OpenWithUnitsAsync() => Support.OpenWithOneUnitAsync(_file);

    private const string Header = "source_id;unit_id;received_at;channel;outcome;callback_requested_at;callback_done_at;handling_minutes\n";

    [Fact]
    public async Task Future_too_early_and_too_long_rows_are_rejected_with_the_field_and_reason()
    {
        await using var db = await OpenWithUnitsAsync();
        var now = new DateTime(2026, 12, 3, 12, 0, 0);
        var path = Write("contacts.csv", Header + """
            Y1;U1;1.12.2026 9:00;phone;resolved;;;5
            Y2;U1;5.1.2027 9:00;phone;resolved;;;5
            Y3;U1;5.1.1927 9:00;phone;resolved;;;5
            Y4;U1;1.3.2026 9:00;phone;callback;1.3.2026 9:00;1.9.2026 9:00;5
            Y5;U1;1.3.2026 9:00;phone;resolved;;;9000
            Y6;U1;4.12.2026 11:00;phone;resolved;;;5
            """);

        var result = await new Importer(db).ImportAsync(SourceKind.Contacts, path, null, new ImportOptions { ImportTime = now });

        Assert.Equal([(2, "received_at"), (3, "received_at"), (4, "callback_done_at"), (5, "handling_minutes")],
            result.Rejects.Select(r => (r.Line - 1, r.Field)));
        Assert.Equal(["Y1", "Y6"], await db.Contacts.OrderBy(c => c.SourceId).Select(c => c.SourceId).ToListAsync()); // Y6: within a day's tolerance
        Assert.Contains("2027", result.Rejects[0].Reason);
    }

    [Fact]
    public async Task The_rules_are_configurable()
    {
        await using var db = await OpenWithUnitsAsync();
        var path = Write("contacts.csv", Header + "Y1;U1;5.1.1995 9:00;phone;resolved;;;5\nY2;U1;5.1.2001 9:00;phone;resolved;;;5\n");

        var result = await new Importer(db).ImportAsync(SourceKind.Contacts, path, null, new ImportOptions
        {
            Plausibility = PlausibilityRules.Default with { EarliestDate = new DateOnly(1990, 1, 1) },
        });

        Assert.Empty(result.Rejects);
        Assert.Equal(2, await db.Contacts.CountAsync());
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Disclosure;
using Tilannekuva.Feedback.Scrubbing;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Web.Tests.Security;

/// <summary>
/// Issue #13, finding 3: identity codes outside the person column (free text, source_id, a unit reference) were
/// stored in clear. Imported here through the CLI on SQLite and PostgreSQL; afterwards no stored text, no output
/// line and no reject report holds one. The codes are made at run time with a valid check character.
/// </summary>
[Collection(nameof(CliConsole))]
public sealed class IdentityCodeImportTests
{
    private static readonly string Code = IdentityCode.Create(new DateOnly(1985, 3, 14), 123);
    /// <summary>The same kind of code written with spaces, as people type them.</summary>
    private static readonly string Spaced = SpacedForm(IdentityCode.Create(new DateOnly(1972, 11, 2), 456));
    private static readonly string Dashed = IdentityCode.Create(new DateOnly(1990, 6, 30), 789).Replace('-', '\u2013');

    private static string SpacedForm(string code) => $"{code[..2]} {code[2..4]} {code[4..6]} {code[6]} {code[7..10]} {code[10]}";

    [Fact]
    public async Task On_SQLite_no_identity_code_is_stored_echoed_or_logged()
    {
        using var file = new SqliteFile();
        await ImportAndCheckAsync(file.Options, ["--db", file.ConnectionString, "--provider", "sqlite"], file.Folder);
    }

    [Fact]
    public async Task On_PostgreSQL_no_identity_code_is_stored_echoed_or_logged()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync("tk_sec");
        var folder = Directory.CreateTempSubdirectory("tk-sec-").FullName;
        try { await ImportAndCheckAsync(db.Options, ["--db", db.ConnectionString, "--provider", "postgres"], folder); }
        finally { Directory.Delete(folder, true); }
    }

    private static async Task ImportAndCheckAsync(DatabaseOptions options, string[] db, string folder)
    {
        Assert.True(PersonalData.HasIdentityCode(Code) && PersonalData.HasIdentityCode(Spaced) && PersonalData.HasIdentityCode(Dashed));
        var units = Path.Combine(folder, "units.csv");
        await File.WriteAllTextAsync(units, "source_id;name;parent_id;kind;municipality_code\n" +
            "R;Alue;;region;\n" +
            $"U1;Asema {Spaced};R;unit;205\n" +        // free text: scrubbed
            $"{Code};Asema 2;R;unit;205\n");          // an id column: rejected
        var contacts = Path.Combine(folder, "contacts.csv");
        await File.WriteAllTextAsync(contacts, "source_id;unit_id;received_at;channel;reason;outcome;callback_requested_at;callback_done_at;demand_class;handling_minutes\n" +
            $"C1;U1;5.2.2024 9:00;phone;Asiakas {Code} soitti, numero 040.222.3333 tai 358401239876;resolved;;;;\n" +
            $"{Dashed};U1;5.2.2024 9:00;phone;;resolved;;;;\n" +
            $"C3;{Spaced};5.2.2024 9:00;phone;;resolved;;;;\n" +
            $"C4;U1;5.2.2024 9:00;phone;Asiakas {Spaced};resolved;;;;\n");

        var first = await CliConsole.RunAsync(["import", "org_units", units, "--no-compute", .. db]);
        var second = await CliConsole.RunAsync(["import", "contacts", contacts, "--no-compute", .. db]);
        Assert.Equal((0, 0), (first.Code, second.Code));

        // Rejected naming line and field, never the value.
        Assert.Contains("units.csv:4 source_id", first.Error);
        Assert.Contains("contacts.csv:3 source_id", second.Error);
        Assert.Contains("contacts.csv:4 unit_id", second.Error);
        var reports = File.ReadAllText(units + ".rejects.csv") + File.ReadAllText(contacts + ".rejects.csv");
        foreach (var text in new[] { first.Output, first.Error, second.Output, second.Error, reports })
        {
            Assert.False(PersonalData.HasIdentityCode(text), text);
            Assert.DoesNotContain("140385", text);
        }

        await using var ctx = IndicatorsStorage.Open(options);
        var stored = (await ctx.OrgUnits.AsNoTracking().ToListAsync()).SelectMany(u => new[] { u.SourceId, u.Name, u.ParentId, u.MunicipalityCode })
            .Concat((await ctx.Contacts.AsNoTracking().ToListAsync()).SelectMany(c => new[] { c.SourceId, c.UnitId, c.Reason, c.SourceFile }))
            .OfType<string>().ToList();
        Assert.DoesNotContain(stored, s => PersonalData.HasIdentityCode(s));
        Assert.Contains("Asema [ID]", stored);
        Assert.Contains("Asiakas [ID] soitti, numero [PHONE] tai [PHONE]", stored);
        Assert.Contains("Asiakas [ID]", stored);
        // Every text column of the database, read raw: nothing shaped like a code with a valid check character.
        var conn = ctx.Database.GetDbConnection();
        await conn.OpenAsync();
        foreach (var table in new[] { "org_unit", "contact" })
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT * FROM {table}";
            await using DbDataReader reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++)
                    if (!reader.IsDBNull(i) && reader.GetValue(i) is string s) Assert.False(PersonalData.HasIdentityCode(s), $"{table}.{reader.GetName(i)}");
        }
    }

    [Fact]
    public async Task A_missing_mapping_file_gives_a_clear_message_not_a_stack_trace()
    {
        using var file = new SqliteFile();
        var csv = Path.Combine(file.Folder, "units.csv");
        await File.WriteAllTextAsync(csv, "source_id;name;parent_id;kind\nR;Alue;;region\n");
        var run = await CliConsole.RunAsync(["import", "org_units", csv, "--mapping", Path.Combine(file.Folder, "puuttuu.json"), "--db", file.ConnectionString, "--provider", "sqlite"]);
        Assert.Equal(2, run.Code);
        Assert.Contains("puuttuu.json", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.Storage;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Web.Tests;

/// <summary>`import plan` as a director types it: bad files refused with their exit code and nothing stored; removals need --replace; revisions listed and restored.</summary>
[Collection(nameof(CliConsole))]
public sealed class PlanImportCliTests
{
    private const string Plan = """
        Hankesuunnitelma
        Hankkeen nimi: Komentohanke Lehtola
         1. Hankkeen tarve
        Hoitoon pääsy on hidasta.

         4. Pilarit ja Investoinnit

        4.1 PILARI 4: Sosiaali- ja terveydenhuollon palvelujen saatavuuden vahvistaminen

        4.1.1 Investointi 1: Edistetään hoitotakuun toteutumista

        Työpaketti 1: Vastaanoton sujuvoittaminen
        Tavoitteet: Hoitoon pääsee viikossa.
        Toimenpiteet: 1) Kuvataan hoitoketjut. 2) Otetaan käyttöön takaisinsoitto.
        Kustannusarvio: 455 000 €
        Mittarit: Takaisinsoittojen määrä

        Työpaketti 2: Omaishoitajien tuki
        Toimenpiteet: 1) Perustetaan vertaisryhmät
        Kustannukset: 120 000 €
        Mittarit: Ryhmien määrä
        """;

    private static async Task<(int Programmes, int WorkPackages, int Audit)> CountsAsync(SqliteFile file)
    {
        await using var db = ProgrammeStorage.Open(file.Options, new FixedUserName("t"));
        await db.Database.MigrateAsync();
        return (await db.Programmes.CountAsync(), await db.WorkPackages.CountAsync(), await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Bad_files_are_refused_with_exit_code_2_and_nothing_is_stored()
    {
        using var file = new SqliteFile();
        string[] Db(params string[] args) => [.. args, "--db", file.ConnectionString, "--provider", "sqlite"];
        var before = await CountsAsync(file);
        var cases = new (string Name, byte[] Bytes, string Key, string[] Extra)[]
        {
            ("tyhja.txt", [], "PlanImport2.Refused.Empty", []),
            ("kuva.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], "PlanImport2.Refused.Binary", []),
            ("kuva.docx", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], "PlanImport2.Refused.UnreadableDocx", []),
            ("muistio.txt", Encoding.UTF8.GetBytes("Muistio\n1. Kokouksen avaus\nAvattiin.\n2. Hankkeen tarve\nTarve on suuri.\n"), "PlanImport2.Refused.NotAPlan", []),
            ("iso.txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Plan, 40))), "PlanImport2.Refused.TooLarge", ["--max-mb", "0.01"]),
        };
        foreach (var (name, bytes, key, extra) in cases)
        {
            var path = Path.Combine(file.Folder, name);
            await File.WriteAllBytesAsync(path, bytes);
            var run = await CliConsole.RunAsync(Db(["import", "plan", path, "--confirm", .. extra]));
            Assert.True(run.Code == 2, $"{name}: exit {run.Code}\n{run.Output}\n{run.Error}");
            var expected = Texts.Get(key);
            Assert.Contains(expected[(expected.IndexOf('{') + 3)..][..20], run.Error);
            Assert.Contains(name, run.Error);
            Assert.Equal(before, await CountsAsync(file));
        }
    }

    [Fact]
    public async Task Removing_needs_replace_and_a_revision_restores_the_programme()
    {
        using var file = new SqliteFile();
        string[] Db(params string[] args) => [.. args, "--db", file.ConnectionString, "--provider", "sqlite"];
        var v1 = Path.Combine(file.Folder, "lehtola.txt");
        await File.WriteAllTextAsync(v1, Plan);
        Assert.Equal(0, (await CliConsole.RunAsync(Db("import", "plan", v1, "--confirm"))).Code);
        var stored = await CountsAsync(file);
        Assert.Equal(2, stored.WorkPackages);

        var v2 = Path.Combine(file.Folder, "lehtola-v2.txt");
        await File.WriteAllTextAsync(v2, Plan[..Plan.IndexOf("Työpaketti 2:", StringComparison.Ordinal)]);
        var preview = await CliConsole.RunAsync(Db("import", "plan", v2));
        Assert.Equal(0, preview.Code);
        Assert.Contains(Texts.Format("PlanImport2.WouldRemove", null, "1 " + Texts.Get("PlanImport2.Kind.WorkPackage"))[..30], preview.Output);
        Assert.Contains("1 " + Texts.Get("PlanImport2.Kind.WorkPackage"), preview.Output);

        var refused = await CliConsole.RunAsync(Db("import", "plan", v2, "--confirm"));
        Assert.Equal(3, refused.Code);
        Assert.Contains("--replace", refused.Error);
        Assert.Equal(stored, await CountsAsync(file));

        var replaced = await CliConsole.RunAsync(Db("import", "plan", v2, "--confirm", "--replace"));
        Assert.Equal(0, replaced.Code);
        Assert.Contains("plan restore", replaced.Output);
        Assert.Equal(1, (await CountsAsync(file)).WorkPackages);

        var list = await CliConsole.RunAsync(Db("plan", "revisions", "Komentohanke Lehtola"));
        Assert.Equal(0, list.Code);
        var revision = System.Text.RegularExpressions.Regex.Match(list.Output, @"#(\d+)\s").Groups[1].Value;
        Assert.Contains("lehtola-v2.txt", list.Output);

        var restore = await CliConsole.RunAsync(Db("plan", "restore", revision));
        Assert.Equal(0, restore.Code);
        Assert.Equal(2, (await CountsAsync(file)).WorkPackages);
        await using (var db = ProgrammeStorage.Open(file.Options, new FixedUserName("t")))
            Assert.Equal(["TP1", "TP2"], await db.WorkPackages.OrderBy(w => w.Code).Select(w => w.Code).ToListAsync());

        Assert.Equal(4, (await CliConsole.RunAsync(Db("plan", "restore", "999"))).Code);
        Assert.Equal(4, (await CliConsole.RunAsync(Db("plan", "revisions", "Ei ole"))).Code);
    }
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.PlanImport;
using Tilannekuva.Programme.Storage;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Programme.Tests.PlanImport;

/// <summary>
/// What is not a plan is refused before anything is stored; an import onto a stored programme never removes
/// anything without replace, keeps the state before as a revision, and the revision restores it exactly.
/// </summary>
public sealed class PlanSafetyTests : IDisposable
{
    private readonly SqliteFile _file = new();

    private ProgrammeDbContext Open() => ProgrammeStorage.Open(_file.Options, new FixedUserName("tester"));

    public void Dispose() => _file.Dispose();

    private static PlanRefusal RefusalOf(byte[] bytes, string name, long max = PlanInput.DefaultMaxBytes)
    {
        var e = Assert.Throws<PlanRefusedException>(() => PlanImporter.Preview(new MemoryStream(bytes), name, null, max));
        Assert.Contains(name, e.Text(System.Globalization.CultureInfo.GetCultureInfo("fi")));
        return e.Reason;
    }

    [Fact]
    public void Empty_binary_oversized_and_broken_docx_files_are_refused_before_parsing()
    {
        Assert.Equal(PlanRefusal.Empty, RefusalOf([], "tyhja.txt"));
        Assert.Equal(PlanRefusal.Empty, RefusalOf("\n  \n\t\n"u8.ToArray(), "valit.txt"));
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
        Assert.Equal(PlanRefusal.Binary, RefusalOf(png, "kuva.txt"));
        Assert.Equal(PlanRefusal.Binary, RefusalOf("%PDF-1.7\n%âãÏÓ\n"u8.ToArray(), "suunnitelma.pdf"));
        Assert.Equal(PlanRefusal.UnreadableDocx, RefusalOf(png, "kuva.docx"));
        Assert.Equal(PlanRefusal.UnreadableDocx, RefusalOf("PK\u0003\u0004 not really a zip"u8.ToArray(), "rikki.docx"));
        // 21 MB of repeated lines: refused by size at the default limit, without reading on.
        var big = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Työpaketti 1: Sama rivi uudestaan ja uudestaan.\n", 21 * 1024 * 1024 / 48 + 1)));
        Assert.Equal(PlanRefusal.TooLarge, RefusalOf(big, "iso.txt"));
        Assert.Equal(PlanRefusal.TooLarge, RefusalOf(Encoding.UTF8.GetBytes(SyntheticPlans.Text), "pieni.txt", max: 1000));
    }

    [Fact]
    public void A_memo_or_a_final_report_is_not_a_plan()
    {
        const string memo = """
            Muistio 12.3.2025
            Läsnä: hankejohtaja, talousasiantuntija
            1. Kokouksen avaus
            Puheenjohtaja avasi kokouksen.
            2. Hankkeen tilanne
            Hanke etenee aikataulussa. Kustannukset 120 000 €.
            """;
        var preview = PlanImporter.Preview(new MemoryStream(Encoding.UTF8.GetBytes(memo)), "muistio.txt");
        Assert.Empty(preview.WorkPackages);
        var e = Assert.Throws<PlanRefusedException>(() => PlanImporter.EnsureIsPlan(preview));
        Assert.Equal(PlanRefusal.NotAPlan, e.Reason);
    }

    [SeedFact(SeedPlan.FinalReport)]
    public void The_final_report_in_the_seeds_is_not_a_plan()
    {
        var report = SeedPlan.Find(SeedPlan.FinalReport)!;
        var e = Assert.Throws<PlanRefusedException>(() => PlanImporter.EnsureIsPlan(PlanImporter.PreviewFile(report)));
        Assert.Equal(PlanRefusal.NotAPlan, e.Reason);
    }

    [Fact]
    public async Task Confirming_what_is_not_a_plan_stores_nothing()
    {
        await using var db = Open();
        await db.Database.MigrateAsync();
        var preview = PlanImporter.Preview("Hankkeen nimi: Muistio\n1. Hankkeen tarve\nEi työpaketteja.", "muistio.txt");
        await Assert.ThrowsAsync<PlanRefusedException>(() => PlanImporter.ConfirmAsync(db, preview));
        Assert.Equal(0, await db.Programmes.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public void Windows_1252_and_utf8_are_decided_on_the_whole_file()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cp1252 = Encoding.GetEncoding(1252).GetBytes(SyntheticPlans.Text.Replace("455 000 e", "455 000 €"));
        var fromAnsi = PlanImporter.Preview(new MemoryStream(cp1252), "ansi.txt");
        var fromUtf8 = PlanImporter.Preview(new MemoryStream(Encoding.UTF8.GetBytes(SyntheticPlans.Text.Replace("455 000 e", "455 000 €"))), "utf8.txt");
        Assert.Equal(PlanParserTests.Shape(fromUtf8), PlanParserTests.Shape(fromAnsi));
        Assert.DoesNotContain('\uFFFD', string.Join("", PlanParserTests.Shape(fromAnsi)));
        Assert.Contains(fromAnsi.WorkPackages, w => w.Title == "Omaishoitajien tuki");
    }

    [Fact]
    public async Task Removing_needs_replace_keeps_a_revision_and_the_revision_restores_everything()
    {
        int programmeId;
        await using (var db = Open())
        {
            await db.Database.MigrateAsync();
            programmeId = (await PlanImporter.ConfirmAsync(db, PlanImporter.Preview(SyntheticPlans.Text, "koivula.txt"))).ProgrammeId;
            // Follow-up data entered after the import: a measurement and a plan change pointing at a work package.
            var metric = await db.Metrics.FirstAsync(m => m.WorkPackageId == null);
            db.Measurements.Add(new Measurement { MetricId = metric.Id, Value = 71, Date = new DateOnly(2024, 9, 30), RecordedAt = DateTimeOffset.UtcNow, RecordedBy = "tester" });
            var wp2 = await db.WorkPackages.FirstAsync(w => w.Title == "Omaishoitajien tuki");
            db.PlanChanges.Add(new PlanChange { ProgrammeId = programmeId, WorkPackageId = wp2.Id, Description = "Ryhmät verkkoon", Date = new DateOnly(2024, 5, 1) });
            await db.SaveChangesAsync();
        }
        List<string> original;
        await using (var db = Open()) original = StoredShape((await db.LoadProgrammeAsync(programmeId))!);

        // The second version drops work package 2 and a risk.
        var smaller = SyntheticPlans.Text[..SyntheticPlans.Text.IndexOf("\nTyöpaketti 2: Omaishoitajien tuki", StringComparison.Ordinal)]
            + SyntheticPlans.Text[SyntheticPlans.Text.IndexOf("\n4.1.2 Investointi 2", StringComparison.Ordinal)..];
        smaller = smaller[..smaller.IndexOf("\nJärjestelmätoimittaja", StringComparison.Ordinal)];
        await using (var db = Open())
        {
            var preview = PlanImporter.Preview(smaller, "koivula-v2.txt");
            var removals = await PlanImporter.RemovalsAsync(db, preview);
            Assert.Equal(1, removals.Counts["WorkPackage"]);
            Assert.Equal(1, removals.Counts["Risk"]);
            Assert.True(removals.Counts["Metric"] >= 1);
            Assert.Contains("1 työpakettia", removals.Text(System.Globalization.CultureInfo.GetCultureInfo("fi")));
            var audit = await db.AuditEntries.CountAsync();

            var refused = await Assert.ThrowsAsync<PlanRemovalsNeedReplaceException>(() => PlanImporter.ConfirmAsync(db, preview));
            Assert.Equal(removals.Counts, refused.Removals.Counts);
            Assert.Equal(original, StoredShape((await db.LoadProgrammeAsync(programmeId))!));
            Assert.Equal(audit, await db.AuditEntries.CountAsync());
            Assert.Equal(0, await db.Revisions.CountAsync());

            var result = await PlanImporter.ConfirmAsync(db, preview, replace: true);
            Assert.NotNull(result.RevisionId);
            Assert.Equal(2, await db.WorkPackages.CountAsync()); // of 3
            Assert.Contains(await db.AuditEntries.ToListAsync(), e => e is { EntityType: nameof(ProgrammeRevision), Change: "Kept" } && e.ProgrammeId == programmeId);
        }
        await using (var db = Open())
        {
            var revisions = await PlanRevisions.ListAsync(db, programmeId);
            var kept = Assert.Single(revisions);
            Assert.Equal((3, 2, 1), (kept.WorkPackages, kept.Risks, kept.Measurements));
            var before = await PlanRevisions.RestoreAsync(db, kept.Id);
            Assert.Equal(2, before.WorkPackages);
        }
        await using (var db = Open())
        {
            Assert.Equal(original, StoredShape((await db.LoadProgrammeAsync(programmeId))!));
            var change = await db.PlanChanges.SingleAsync();
            Assert.Equal("Omaishoitajien tuki", (await db.WorkPackages.SingleAsync(w => w.Id == change.WorkPackageId)).Title);
            Assert.Equal(71m, (await db.Measurements.SingleAsync()).Value);
            Assert.Contains(await db.AuditEntries.ToListAsync(), e => e is { EntityType: nameof(ProgrammeRevision), Change: "Restored" });
            Assert.Equal(2, (await PlanRevisions.ListAsync(db, programmeId)).Count);
            await Assert.ThrowsAsync<RevisionNotFoundException>(() => PlanRevisions.RestoreAsync(db, 999));
        }
    }

    /// <summary>The stored tree with everything users see, ids left out.</summary>
    private static List<string> StoredShape(DevelopmentProgramme p)
    {
        var s = new List<string> { $"{p.Name} {p.StartYear}-{p.EndYear}", p.Description };
        foreach (var pi in p.Pillars)
            foreach (var i in pi.Investments)
                foreach (var w in i.WorkPackages)
                {
                    s.Add($"W {pi.Code}/{i.Code}/{w.Code} {w.Title} {w.CostEstimate:0} {w.Background}");
                    s.AddRange(w.Goals.Select(g => $"G {g.Text}"));
                    s.AddRange(w.Actions.Select(a => $"A {a.Number} {a.Title}"));
                    s.AddRange(w.Outputs.Select(o => $"O {o.Text}"));
                    s.AddRange(w.Milestones.Select(m => $"M {m.Period} {m.Due} {m.Text}"));
                    s.AddRange(w.Metrics.Select(m => $"WM {m.Name} {m.Kind}"));
                }
        s.AddRange(p.Metrics.Select(m => $"PM {m.Name} {PlanDiffTargets(m)} {string.Join(",", m.Measurements.Select(x => $"{x.Date}={x.Value:0.##}"))}"));
        s.AddRange(p.Risks.OrderBy(r => r.Description).Select(r => $"R {r.Description} {r.Probability} {r.Impact} {r.Score} {r.Mitigation} {r.Owner}"));
        return s;
    }

    private static string PlanDiffTargets(Metric m) => string.Join(";", m.Targets.OrderBy(t => t.DuePeriod).Select(t => $"{t.Value:0.##}@{t.DuePeriod}"));
}

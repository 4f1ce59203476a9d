using Microsoft.EntityFrameworkCore;
using Tilannekuva.Programme.PlanImport;
using Tilannekuva.Programme.Storage;
using Tilannekuva.Storage;

namespace Tilannekuva.Programme.Tests.PlanImport;

/// <summary>Confirming an import against a real SQLite file: one transaction, idempotent, differences shown first.</summary>
public sealed class PlanImporterTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"planimport-{Guid.NewGuid():N}.db");

    private ProgrammeDbContext Open() => ProgrammeStorage.Open(DatabaseOptions.SqliteFile(_path), new FixedUserName("tester"));

    public async Task InitializeAsync()
    {
        await using var db = Open();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Confirm_creates_then_reimport_changes_nothing()
    {
        int audit;
        await using (var db = Open())
        {
            var preview = PlanImporter.Preview(SyntheticPlans.Text, "koivula.txt");
            Assert.True((await PlanImporter.DiffAsync(db, preview)).IsNew);
            var result = await PlanImporter.ConfirmAsync(db, preview);
            Assert.True(result.Created);
            audit = await db.AuditEntries.CountAsync();
            Assert.True(audit > 0);
        }
        await using (var db = Open())
        {
            var id = await db.Programmes.Where(p => p.Name == "Testihanke Koivula").Select(p => p.Id).SingleAsync();
            var stored = (await db.LoadProgrammeAsync(id))!;
            Assert.Equal(PlanParserTests.Shape(PlanImporter.Preview(SyntheticPlans.Text, "koivula.txt"))
                    .Where(s => !s.StartsWith("PM ", StringComparison.Ordinal) && !s.StartsWith("K ", StringComparison.Ordinal)),
                ShapeOfStored(stored));
            Assert.Equal(2, stored.Risks.Count);
            Assert.Equal(9, stored.Risks[1].Score); // as written, not corrected
            Assert.Equal(5, await db.Metrics.CountAsync()); // 4 work-package metrics + 1 indicator, no values
            Assert.Equal(0, await db.Measurements.CountAsync());

            var again = PlanImporter.Preview(SyntheticPlans.Text, "koivula.txt");
            Assert.True((await PlanImporter.DiffAsync(db, again)).IsEmpty);
            var result = await PlanImporter.ConfirmAsync(db, again);
            Assert.False(result.Created);
            Assert.Equal(0, result.RowsWritten);
            Assert.Equal(audit, await db.AuditEntries.CountAsync());
        }
    }

    [Fact]
    public async Task Reimport_of_a_changed_plan_shows_the_differences_then_updates()
    {
        await using (var db = Open())
            await PlanImporter.ConfirmAsync(db, PlanImporter.Preview(SyntheticPlans.Text, "koivula.txt"));

        var changed = SyntheticPlans.Text
            .Replace("Kustannusarvio:   455 000 e", "Kustannusarvio:   460 000 e")
            .Replace(" 3) Otetaan käyttöön takaisinsoitto.", "")
            .Replace("2 4 9 Sopimukseen sanktiot.", "2 4 8 Sopimukseen sanktiot.");
        await using (var db = Open())
        {
            var preview = PlanImporter.Preview(changed, "koivula-v2.txt");
            var diff = await PlanImporter.DiffAsync(db, preview);
            Assert.Contains(diff.Entries, e => e is { Change: DiffChange.Changed, What: "Cost", Path: "Pilari 4 / 1 / TP1" } && e.After!.Contains("460"));
            Assert.Contains(diff.Entries, e => e is { Change: DiffChange.Removed, What: "Action" } && e.Before!.StartsWith("3) Otetaan", StringComparison.Ordinal));
            Assert.Contains(diff.Entries, e => e is { Change: DiffChange.Changed, What: "Risk" } && e.After!.Contains("= 8"));
            // Nothing stored yet.
            Assert.Equal(455_000m, await db.WorkPackages.Where(w => w.Code == "TP1" && w.Title == "Vastaanoton sujuvoittaminen").Select(w => w.CostEstimate).SingleAsync());

            // The plan drops action 3: removing it needs replace.
            await Assert.ThrowsAsync<PlanRemovalsNeedReplaceException>(() => PlanImporter.ConfirmAsync(db, preview));
            await PlanImporter.ConfirmAsync(db, preview, replace: true);
        }
        await using (var db = Open())
        {
            var wp = await db.WorkPackages.Include(w => w.Actions).SingleAsync(w => w.Title == "Vastaanoton sujuvoittaminen");
            Assert.Equal(460_000m, wp.CostEstimate);
            Assert.Equal(2, wp.Actions.Count);
            Assert.Equal(8, (await db.Risks.SingleAsync(r => r.Description == "Järjestelmätoimittaja viivästyy")).Score);
            Assert.True((await PlanImporter.DiffAsync(db, PlanImporter.Preview(changed, "koivula-v2.txt"))).IsEmpty);
        }
    }

    [SeedFact]
    public async Task Seed_plan_is_stored_once()
    {
        await using var db = Open();
        var result = await PlanImporter.ConfirmAsync(db, PlanImporter.PreviewFile(SeedPlan.Path!));
        Assert.True(result.Created);
        Assert.Equal(24, await db.WorkPackages.CountAsync());
        Assert.Equal(6, await db.Risks.CountAsync(r => r.ProgrammeId == result.ProgrammeId));
        var second = await PlanImporter.ConfirmAsync(db, PlanImporter.PreviewFile(SeedPlan.Path!));
        Assert.Equal(0, second.RowsWritten);
    }

    private static IEnumerable<string> ShapeOfStored(Tilannekuva.Programme.Domain.DevelopmentProgramme p)
    {
        var s = new List<string> { $"{p.Name} {p.StartYear}-{p.EndYear}", p.Description };
        foreach (var pi in p.Pillars)
        {
            s.Add($"P {pi.Code} {pi.Title}");
            foreach (var i in pi.Investments)
            {
                s.Add($"I {i.Code} {i.Title} {i.CostEstimate:0}");
                foreach (var w in i.WorkPackages)
                {
                    s.Add($"W {w.Code} {w.Title} {w.CostEstimate:0} {w.Background}");
                    s.AddRange(w.Goals.Select(g => $"G {g.Text}"));
                    s.AddRange(w.Actions.Select(a => $"A {a.Number} {a.Title}"));
                    s.AddRange(w.Outputs.Select(o => $"O {o.Text}"));
                    s.AddRange(w.Milestones.Select(m => $"M {m.Period} {m.Due} {m.Text}"));
                }
            }
        }
        s.AddRange(p.Risks.Select(r => $"R {r.Description} {r.Probability} {r.Impact} {r.Score} {r.Mitigation} {r.Owner}"));
        return s;
    }
}

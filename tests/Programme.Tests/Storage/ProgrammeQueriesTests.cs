using System.Collections;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Programme.Demo;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Storage;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Programme.Tests.Storage;

/// <summary>
/// <see cref="ProgrammeQueries.LoadProgrammeAsync"/> reads one table at a time and puts the graph together itself;
/// EF's include chain (<see cref="ProgrammeQueries.WithEverything"/>) is the second, independent read it must equal.
/// </summary>
public sealed class ProgrammeQueriesTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private readonly SqliteFile _file = new();

    private ProgrammeDbContext Open() => ProgrammeStorage.Open(_file.Options, new FixedUserName("tester"));

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task The_programme_read_table_by_table_equals_the_include_chain_and_holds_nothing_of_another_programme()
    {
        int id;
        await using (var db = Open())
        {
            await db.Database.MigrateAsync();
            // Another programme stored first, with children of every kind, must not leak into the demo's graph.
            var other = DemoProgramme.Build(Today);
            other.Name = "Toinen hanke";
            foreach (var metric in other.Pillars.SelectMany(p => p.Investments).SelectMany(i => i.WorkPackages).SelectMany(w => w.Metrics))
                other.Metrics.Add(metric);
            other.Risks.Add(new Risk { Description = "Toisen hankkeen riski", Probability = 2, Impact = 2, Score = 4 });
            db.Programmes.Add(other);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            id = (await DemoProgramme.LoadAsync(db, Today)).Id;
            // The demo has risks under its work packages only; one of the programme's own as well.
            db.Risks.Add(new Risk { ProgrammeId = id, Description = "Rahoituksen viivästyminen", Probability = 3, Impact = 4, Score = 12 });
            await db.SaveChangesAsync();
        }

        DevelopmentProgramme flat, included;
        await using (var db = Open()) flat = (await db.LoadProgrammeAsync(id))!;
        await using (var db = Open())
        {
            included = await db.Programmes.AsNoTracking().WithEverything().SingleAsync(p => p.Id == id);
            included.Metrics = included.Metrics.Where(m => m.WorkPackageId is null).ToList();
        }

        // The loader's order (before the comparison below re-sorts both): pillars, investments and work packages by
        // their order in the plan, milestones by due date.
        Assert.Equal(flat.Pillars.OrderBy(p => p.Order).ThenBy(p => p.Id).Select(p => p.Id), flat.Pillars.Select(p => p.Id));
        Assert.All(flat.Pillars, p => Assert.Equal(p.Investments.OrderBy(i => i.Order).ThenBy(i => i.Id).Select(i => i.Id), p.Investments.Select(i => i.Id)));
        Assert.All(flat.Pillars.SelectMany(p => p.Investments), i =>
            Assert.Equal(i.WorkPackages.OrderBy(w => w.Order).ThenBy(w => w.Id).Select(w => w.Id), i.WorkPackages.Select(w => w.Id)));
        Assert.All(flat.WorkPackages(), w => Assert.Equal(w.Milestones.OrderBy(m => m.Due).ThenBy(m => m.Id).Select(m => m.Id), w.Milestones.Select(m => m.Id)));

        Assert.Equal(Canonical(included), Canonical(flat));
        // Not equal by being empty: every collection of the graph has rows.
        var wps = flat.WorkPackages().ToList();
        Assert.All(new[]
        {
            flat.Pillars.Count, flat.Metrics.Count, flat.Risks.Count, flat.PlanChanges.Count, flat.ReviewMeetings.Count,
            flat.Pillars.Sum(p => p.Investments.Count), flat.Pillars.SelectMany(p => p.Investments).Sum(i => i.FinanceNotes.Count),
            wps.Sum(w => w.Assignments.Count), wps.Sum(w => w.Goals.Count), wps.Sum(w => w.Actions.Count),
            wps.SelectMany(w => w.Actions).Sum(a => a.History.Count), wps.Sum(w => w.Outputs.Count), wps.Sum(w => w.Milestones.Count),
            wps.Sum(w => w.BudgetLines.Count), wps.Sum(w => w.ProcurementLines.Count), wps.Sum(w => w.ReviewNotes.Count),
            wps.Sum(w => w.Metrics.Count), wps.Sum(w => w.Risks.Count),
            flat.Metrics.Sum(m => m.Targets.Count), wps.SelectMany(w => w.Metrics).Sum(m => m.Measurements.Count),
        }, n => Assert.True(n > 0));
        // The way back up, which the pages use (work package → investment → pillar).
        Assert.All(flat.Pillars, p => Assert.All(p.Investments, i =>
        {
            Assert.Same(p, i.Pillar);
            Assert.All(i.WorkPackages, w => Assert.Same(i, w.Investment));
        }));
        Assert.Null(await Load(99_999));
    }

    private async Task<DevelopmentProgramme?> Load(int id)
    {
        await using var db = Open();
        return await db.LoadProgrammeAsync(id);
    }

    /// <summary>The graph as JSON with every collection in key order, so two reads compare whatever order they came in.</summary>
    private static string Canonical(DevelopmentProgramme p)
    {
        SortById(p);
        return JsonSerializer.Serialize(p, new JsonSerializerOptions { WriteIndented = true });
    }

    private static void SortById(object node)
    {
        foreach (var property in node.GetType().GetProperties())
        {
            if (property.PropertyType == typeof(string) || property.GetValue(node) is not IList list || !property.CanWrite) continue;
            var items = list.Cast<object>().OrderBy(x => Convert.ToInt64(x.GetType().GetProperty("Id")!.GetValue(x))).ToList();
            list.Clear();
            foreach (var item in items)
            {
                list.Add(item);
                SortById(item);
            }
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Ingest;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Indicators.Synthetic;
using Tilannekuva.TestSupport;
using static Tilannekuva.Indicators.Tests.Support;

namespace Tilannekuva.Indicators.Tests;

/// <summary>Recomputing only the years an import touched must leave exactly what a full recompute gives.</summary>
public sealed class IncrementalRecomputeTests
{
    [Fact]
    public async Task Sqlite_recomputing_an_imports_years_equals_a_full_recompute()
    {
        using var file = new SqliteFile();
        await using var db = await IndicatorsStorage.OpenMigratedAsync(file.Options);
        await CheckAsync(db, file.Folder);
    }

    [Fact]
    public async Task Postgres_recomputing_an_imports_years_equals_a_full_recompute()
    {
        await using var server = await PostgresServer.CreateDatabaseAsync();
        await using var db = await IndicatorsStorage.OpenMigratedAsync(server.Options);
        using var folder = new SqliteFile(); // only for its temporary folder
        await CheckAsync(db, folder.Folder);
    }

    [Fact]
    public void The_window_is_whole_years_plus_the_weeks_across_their_ends()
    {
        var w = RecomputeWindow.ForEvents(new DateTime(2025, 6, 10, 9, 0, 0), new DateTime(2025, 12, 30, 9, 0, 0));
        Assert.Equal((new DateTime(2024, 12, 30), new DateTime(2026, 1, 5), 2025, 2026), (w.FactsFrom, w.FactsTo, w.FirstYear, w.EndYear));
    }

    private static async Task CheckAsync(IndicatorsDbContext db, string folder)
    {
        await LoadRegionAsync(db, Path.Combine(folder, "region"), population: 600, years: 2, seed: 7);
        await new IndicatorComputer(db).RecomputeAsync();
        db.ChangeTracker.Clear();
        var before = await db.IndicatorValues.AsNoTracking().ToListAsync();
        var unit = await db.OrgUnits.Where(u => u.Kind == OrgUnitKind.Unit).OrderBy(u => u.SourceId).Select(u => u.SourceId).FirstAsync();

        // Four more care-guarantee visits in 2025, three of them in the week that runs into 2026.
        var random = new Random(5);
        var person = SyntheticRegion.SyntheticIdentityCode(random);
        var path = Path.Combine(folder, "later-visits.csv");
        File.WriteAllText(path,
            "source_id;person_id;unit_id;occurred_at;urgency;contact_mode;profession;service;assessment_date;practitioner;care_plan_visit;certificate_only\n" +
            $"LATE1;{person};{unit};10.6.2025 9:00;non_urgent;physical;nurse;outpatient_care;2.6.2025;P1;0;0\n" +
            $"LATE2;{person};{unit};29.12.2025 9:00;non_urgent;phone;nurse;outpatient_care;20.12.2025;P1;0;0\n" +
            $"LATE3;{SyntheticRegion.SyntheticIdentityCode(random)};{unit};30.12.2025 10:00;non_urgent;physical;doctor;outpatient_care;30.12.2025;P2;0;0\n" +
            $"LATE4;{person};{unit};31.12.2025 11:00;non_urgent;physical;nurse;outpatient_care;1.12.2025;P2;0;0\n");
        db.ChangeTracker.Clear();
        var import = await new Importer(db).ImportAsync(SourceKind.Visits, path, null, new ImportOptions { Pseudonymiser = Support.Pseudonymiser });
        Assert.Equal(4, import.Stored);
        var window = IndicatorsService.Window(import);
        Assert.NotNull(window);

        await new IndicatorComputer(db).RecomputeAsync(window: window);
        db.ChangeTracker.Clear();
        var incremental = await db.IndicatorValues.AsNoTracking().ToListAsync();
        await new IndicatorComputer(db).RecomputeAsync();
        db.ChangeTracker.Clear();
        var full = await db.IndicatorValues.AsNoTracking().ToListAsync();

        Assert.Equal(Find(before, "care_guarantee_7d", "2025", "KAINUU")!.N + 4, Find(incremental, "care_guarantee_7d", "2025", "KAINUU")!.N);
        Assert.Equal(Find(before, "care_guarantee_7d", "2024", "KAINUU")!.N, Find(incremental, "care_guarantee_7d", "2024", "KAINUU")!.N);
        AssertSameValues(full, incremental);
    }
}

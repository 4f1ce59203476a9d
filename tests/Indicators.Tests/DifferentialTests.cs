using Tilannekuva.Indicators.Storage;
using Tilannekuva.TestSupport;
using static Tilannekuva.Indicators.Tests.Support;

namespace Tilannekuva.Indicators.Tests;

/// <summary>The SQL compiled for each database must give the reference evaluator's numbers on generated data.</summary>
public sealed class DifferentialTests
{
    [Fact]
    public async Task Sqlite_matches_the_reference_evaluator()
    {
        using var file = new SqliteFile();
        await using var db = await IndicatorsStorage.OpenMigratedAsync(file.Options);
        await LoadRegionAsync(db, Path.Combine(file.Folder, "region"), population: 600, years: 2, seed: 7);
        await AssertSqlMatchesReferenceAsync(db);
    }

    [Fact]
    public async Task Postgres_matches_the_reference_evaluator()
    {
        await using var server = await PostgresServer.CreateDatabaseAsync();
        await using var db = await IndicatorsStorage.OpenMigratedAsync(server.Options);
        using var folder = new SqliteFile(); // only for its temporary folder
        await LoadRegionAsync(db, Path.Combine(folder.Folder, "region"), population: 600, years: 2, seed: 7);
        await AssertSqlMatchesReferenceAsync(db);
    }

    [Fact]
    public async Task Synthetic_region_is_deterministic_and_near_the_care_guarantee_level()
    {
        using var a = new SqliteFile();
        using var b = new SqliteFile();
        var fa = new Synthetic.SyntheticRegion(300, 1, 42).Write(a.Folder);
        var fb = new Synthetic.SyntheticRegion(300, 1, 42).Write(b.Folder);
        foreach (var (x, y) in fa.Files.Zip(fb.Files))
            Assert.Equal(File.ReadAllBytes(x.File), File.ReadAllBytes(y.File));

        await using var db = await IndicatorsStorage.OpenMigratedAsync(a.Options);
        await LoadRegionAsync(db, Path.Combine(a.Folder, "again"), population: 3000, years: 1, seed: 42);
        var values = await ComputeAsync(db, "care_guarantee_7d");
        var total = Find(values, "care_guarantee_7d", "2025", "KAINUU");
        Assert.True(total is not null, string.Join("\n", values.Where(v => v.PeriodType == "year" && v.Dimension == "total").Select(v => $"{v.PeriodCode} {v.OrgUnitId} {v.Value}")));
        var share = total.Value!.Value;
        Assert.InRange(share, 62, 74);
    }
}

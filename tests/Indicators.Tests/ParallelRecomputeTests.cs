using Microsoft.EntityFrameworkCore;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.TestSupport;
using static Tilannekuva.Indicators.Tests.Support;

namespace Tilannekuva.Indicators.Tests;

/// <summary>PostgreSQL computes two groups of indicators on two connections; the result must be that of one connection, and a failure must change nothing.</summary>
public sealed class ParallelRecomputeTests
{
    private static string K(IndicatorValue v) =>
        $"{v.IndicatorCode}|{v.PeriodType}|{v.PeriodCode}|{v.OrgUnitId}|{v.Dimension}|{v.Category}|{v.Numerator}|{v.Denominator}|{v.Value}|{v.N}";

    [Fact]
    public async Task Two_connections_give_the_values_of_one()
    {
        await using var server = await PostgresServer.CreateDatabaseAsync();
        await using var db = await IndicatorsStorage.OpenMigratedAsync(server.Options);
        using var folder = new SqliteFile(); // only for its temporary folder
        await LoadRegionAsync(db, Path.Combine(folder.Folder, "region"), population: 600, years: 2, seed: 11);

        var single = await new IndicatorComputer(db) { SingleConnection = true }.RecomputeAsync();
        var one = await db.IndicatorValues.AsNoTracking().ToListAsync();
        var parallel = await new IndicatorComputer(db).RecomputeAsync();
        var two = await db.IndicatorValues.AsNoTracking().ToListAsync();

        Assert.True(one.Count > 1000, $"only {one.Count} values");
        Assert.Equal(single.Values, parallel.Values);
        AssertSameValues(one, two);
        Assert.Equal(IndicatorCatalogue.All.Select(d => d.Code).Order(), parallel.ByIndicator.Keys.Order());
        Assert.Equal(0, await StagingTablesAsync(db));
    }

    [Fact]
    public async Task A_failing_group_leaves_the_stored_values_and_no_staging_table()
    {
        await using var server = await PostgresServer.CreateDatabaseAsync();
        await using var db = await IndicatorsStorage.OpenMigratedAsync(server.Options);
        using var folder = new SqliteFile();
        await LoadRegionAsync(db, Path.Combine(folder.Folder, "region"), population: 300, years: 1, seed: 3);
        await new IndicatorComputer(db).RecomputeAsync();
        var before = (await db.IndicatorValues.AsNoTracking().ToListAsync()).Select(K).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(before);
        // A later import would change the numbers, if the failed recompute let any through.
        await db.Database.ExecuteSqlRawAsync("DELETE FROM visit WHERE id % 3 = 0");

        foreach (var failing in new[] { 0, 1 })
        {
            var computer = new IndicatorComputer(db)
            {
                // The failing group has staged all its values; the other may have too.
                AfterGroupForTest = async group => { if (group == failing) { await Task.Yield(); throw new InvalidOperationException("group " + group + " failed"); } },
            };
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => computer.RecomputeAsync());
            Assert.Equal($"group {failing} failed", error.Message);

            var after = (await db.IndicatorValues.AsNoTracking().ToListAsync()).Select(K).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(before, after);
            Assert.Equal(0, await StagingTablesAsync(db));
        }
        // And the next recompute works and sees the deletion.
        await new IndicatorComputer(db).RecomputeAsync();
        var again = (await db.IndicatorValues.AsNoTracking().ToListAsync()).Select(K).Order(StringComparer.Ordinal).ToList();
        Assert.NotEqual(before, again);
    }

    [Fact]
    public void The_groups_keep_fact_sources_together_and_balance_the_cost()
    {
        var groups = IndicatorComputer.Split(IndicatorCatalogue.All.ToList(), 2);
        Assert.Equal(2, groups.Count);
        Assert.Equal(IndicatorCatalogue.All.Count, groups.Sum(g => g.Count));
        // Continuity of care (the costliest) on one connection; the care guarantee indicators share their visit facts on the other.
        var continuity = groups.Single(g => g.Any(d => d.Code == "continuity_of_care"));
        Assert.DoesNotContain(continuity, d => d.Code.StartsWith("care_guarantee", StringComparison.Ordinal));
        Assert.DoesNotContain(continuity, d => d.Code.StartsWith("callback_delay", StringComparison.Ordinal));
    }

    private static async Task<int> StagingTablesAsync(IndicatorsDbContext db) =>
        await db.Database.SqlQueryRaw<int>($"SELECT count(*)::int AS \"Value\" FROM pg_tables WHERE tablename LIKE '{IndicatorComputer.StagingPrefix}%'").SingleAsync();
}

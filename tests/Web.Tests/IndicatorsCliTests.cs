using Microsoft.EntityFrameworkCore;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Localisation;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Web.Tests;

/// <summary>The indicator commands an analyst or operator types: the demo with a region of a chosen size, and `compute --print-sql`.</summary>
[Collection(nameof(CliConsole))]
public sealed class IndicatorsCliTests
{
    [Fact]
    public async Task Demo_loads_a_region_of_the_size_asked_for_once()
    {
        using var file = new SqliteFile();
        string[] Db(params string[] args) => [.. args, "--db", file.ConnectionString, "--provider", "sqlite"];

        var first = await CliConsole.RunAsync(Db("demo", "--population", "600", "--years", "1", "--seed", "3"));

        Assert.Equal(0, first.Code);
        Assert.Contains(Texts.Get("Cli.DemoLoaded"), first.Output);
        int visits, values;
        await using (var db = IndicatorsStorage.Open(file.Options))
        {
            visits = await db.Visits.CountAsync();
            values = await db.IndicatorValues.CountAsync();
            Assert.InRange(await db.Visits.Select(v => v.PersonPseudonym).Distinct().CountAsync(), 100, 600);
            Assert.True(values > 100, $"{values} values");
        }
        // 600 residents see a doctor or nurse about 2.4 times a year (the generator's rate): about 1,400 visits, not 20,000 residents' 48,000.
        Assert.InRange(visits, 600, 3_000);

        // Again on the same store: the region is kept as it is, and the output says so.
        var again = await CliConsole.RunAsync(Db("demo", "--population", "5000"));
        Assert.Equal(0, again.Code);
        Assert.Contains(Texts.Get("Cli.DemoRegionKept"), again.Output);
        await using (var db = IndicatorsStorage.Open(file.Options))
            Assert.Equal(visits, await db.Visits.CountAsync());
    }

    [Fact]
    public async Task Print_sql_shows_the_work_tables_and_statements_of_the_chosen_indicator_without_computing()
    {
        using var file = new SqliteFile();
        string[] Db(params string[] args) => [.. args, "--db", file.ConnectionString, "--provider", "sqlite"];
        // A small region loaded and computed, then its values removed: a compute would bring them back.
        Assert.Equal(0, (await CliConsole.RunAsync(Db("demo-region", "--population", "400", "--years", "1", "--out", Path.Combine(file.Folder, "region"), "--load"))).Code);
        await using (var loaded = IndicatorsStorage.Open(file.Options))
        {
            Assert.True(await loaded.IndicatorValues.CountAsync() > 100);
            await loaded.IndicatorValues.ExecuteDeleteAsync();
        }

        var printed = await CliConsole.RunAsync(Db("compute", "--indicator", "care_guarantee_7d", "--print-sql"));

        Assert.Equal(0, printed.Code);
        Assert.StartsWith("-- care_guarantee_7d", printed.Output);
        Assert.DoesNotContain("-- continuity_of_care", printed.Output);
        // SQLite's date functions, one scan into sums per day, and the statements writing the values.
        Assert.Contains("CREATE TEMP TABLE ic_sums_day_", printed.Output);
        Assert.Contains("date(f.at)", printed.Output);
        Assert.DoesNotContain("date_trunc", printed.Output);
        Assert.Contains("INSERT INTO indicator_value", printed.Output);
        await using var db = IndicatorsStorage.Open(file.Options);
        Assert.Equal(0, await db.IndicatorValues.CountAsync());
    }
}

using Microsoft.EntityFrameworkCore;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Web.Tests;

/// <summary>`compute --print-sql`: an analyst reads what a definition compiles to, and nothing is computed.</summary>
[Collection(nameof(CliConsole))]
public sealed class ComputeCliTests
{
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

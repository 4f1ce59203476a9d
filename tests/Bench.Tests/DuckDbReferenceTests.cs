using Tilannekuva.Bench;

namespace Tilannekuva.Bench.Tests;

/// <summary>
/// The benchmark's reference run as a differential test: a small synthetic region imported into a real
/// SQLite file by the product and loaded into DuckDB, every indicator computed by both, every value compared.
/// </summary>
public sealed class DuckDbReferenceTests
{
    [Fact]
    public async Task Every_indicator_value_of_the_product_equals_DuckDBs_plain_SQL()
    {
        var output = new StringWriter();
        var exit = await new IndicatorsBench(population: 3_000, years: 1, seed: 7, database: null, duckThreads: 2, output).RunAsync(CancellationToken.None);
        var text = output.ToString();
        Assert.True(exit == 0, text);
        Assert.DoesNotContain("FAILED", text);
        Assert.Contains("values: ", text);
        // Every step is printed with both times and the ratio.
        Assert.Matches(@"all \d+ indicators\s+[0-9.]+\s+[0-9.]+\s+[0-9.]+×", text);
        Assert.Matches(@"load: the five files, DuckDB with the checks\s+[0-9.]+\s+[0-9.]+\s+[0-9.]+×", text);
        // A lone indicator's step under a second on both sides shows the median of five runs of each.
        Assert.Matches(@"(?m)^t3 \(median of 5\)\s+[0-9.]+\s+[0-9.]+\s+[0-9.]+×", text);
        // The checked load stores what the product's import stores (a mismatch is printed with "!").
        Assert.DoesNotContain("  ! ", text);
        foreach (var code in new[] { "care_guarantee_7d", "callback_delay_p90", "continuity_of_care", "t3" })
            Assert.Matches($@"(?m)^{code}\s+[0-9,]+\s+[0-9,]+\s+[0-9,]+\s+0\s+0\s+0\s*$", text);
    }
}

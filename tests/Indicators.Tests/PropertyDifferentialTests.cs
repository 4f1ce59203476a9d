using Tilannekuva.Indicators.Storage;
using Tilannekuva.Indicators.Synthetic;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Indicators.Tests;

/// <summary>A seed-fixed slice of the property-based differential check (`tilannekuva bench differential --cases 1000000` runs the large one).</summary>
public sealed class PropertyDifferentialTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public async Task Sqlite_agrees_with_the_reference_on_edge_favouring_rows(int seed)
    {
        using var file = new SqliteFile();
        await using var db = await IndicatorsStorage.OpenMigratedAsync(file.Options);
        await DifferentialCheck.GenerateAsync(db, 4000, seed);
        var (cells, mismatches) = await DifferentialCheck.CompareAsync(db);
        Assert.True(cells > 1000, $"{cells} cells");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task Postgres_agrees_with_the_reference_on_edge_favouring_rows()
    {
        await using var server = await PostgresServer.CreateDatabaseAsync();
        await using var db = await IndicatorsStorage.OpenMigratedAsync(server.Options);
        await DifferentialCheck.GenerateAsync(db, 4000, 11);
        var (cells, mismatches) = await DifferentialCheck.CompareAsync(db);
        Assert.True(cells > 1000, $"{cells} cells");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }
}

using Tilannekuva.Comparison.Demo;
using Tilannekuva.Comparison.Export;
using Tilannekuva.Disclosure;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Indicators.Synthetic;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Comparison.Tests;

/// <summary>
/// A small county's own instance: the demo's sparse county (1,500 residents, long waits, many cells under 5) generated,
/// imported through the ordinary importer and computed in a SQLite file, once for the collection.
/// </summary>
public sealed class CountyFixture : IAsyncLifetime
{
    private readonly SqliteFile _file = new("county.db");

    public static readonly DateOnly End = new(2026, 11, 30);

    public IndicatorsDbContext Open() => IndicatorsStorage.Open(_file.Options);

    public string Folder => _file.Folder;

    public RegionShape Shape => ComparisonDemo.Counties[2].Shape;

    public async Task InitializeAsync()
    {
        await using var db = await IndicatorsStorage.OpenMigratedAsync(_file.Options);
        var (shape, population, seed) = ComparisonDemo.Counties[2];
        await DemoRegionLoader.ImportAsync(db, new SyntheticRegion(population, 1, seed, End, null, shape).Write(Path.Combine(_file.Folder, "files")));
        db.ChangeTracker.Clear();
        await RecomputeState.RecomputeAllAsync(db);
    }

    /// <summary>The county's export as its instance builds it (unsigned content).</summary>
    public async Task<ExportContent> ExportAsync(DateTimeOffset? at = null)
    {
        await using var db = Open();
        return await new CountyExporter(db).BuildAsync(null, SmallCellRule.Default, at ?? new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    }

    public Task DisposeAsync()
    {
        _file.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class CountyCollection : ICollectionFixture<CountyFixture>
{
    public const string Name = "a small county's instance";
}

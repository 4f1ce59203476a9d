using Tilannekuva.ContactSampling.Results;
using Tilannekuva.ContactSampling.Storage;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.ContactSampling.Tests;

/// <summary>A fresh database (SQLite file or PostgreSQL) with the Indicators and ContactSampling modules migrated and one org unit "U1" under "R".</summary>
public sealed class SamplingStore : IAsyncDisposable
{
    private readonly IAsyncDisposable? _pg;
    private readonly SqliteFile? _file;

    private SamplingStore(DatabaseOptions options, IAsyncDisposable? pg, SqliteFile? file)
    {
        Options = options;
        (_pg, _file) = (pg, file);
        Indicators = IndicatorsStorage.Open(options);
        Sampling = ContactSamplingStorage.Open(options, new FixedUserName("tester"));
    }

    public DatabaseOptions Options { get; }
    public IndicatorsDbContext Indicators { get; }
    public ContactSamplingDbContext Sampling { get; }

    public static async Task<SamplingStore> CreateAsync(bool postgres)
    {
        SamplingStore store;
        if (postgres)
        {
            var pg = await PostgresServer.CreateDatabaseAsync("tk_sampling");
            store = new SamplingStore(pg.Options, pg, null);
        }
        else
        {
            var file = new SqliteFile();
            store = new SamplingStore(file.Options, null, file);
        }
        await ModuleMigrator.MigrateAsync([store.Indicators, store.Sampling]);
        var batch = new ImportBatch { Kind = "org_unit", FileName = "units.csv", Sha256 = "0", StartedAt = DateTime.Now, FinishedAt = DateTime.Now };
        store.Indicators.ImportBatches.Add(batch);
        await store.Indicators.SaveChangesAsync();
        store.Indicators.OrgUnits.AddRange(
            new OrgUnit { SourceId = "R", Name = "Alue", Kind = OrgUnitKind.Region, SourceFile = "units.csv", ImportBatchId = batch.Id },
            new OrgUnit { SourceId = "U1", Name = "Terveysasema", ParentId = "R", Kind = OrgUnitKind.Unit, SourceFile = "units.csv", ImportBatchId = batch.Id });
        store.Indicators.OrgUnitAncestors.AddRange(
            new OrgUnitAncestor { AncestorId = "R", UnitId = "R", Depth = 0 },
            new OrgUnitAncestor { AncestorId = "U1", UnitId = "U1", Depth = 0 },
            new OrgUnitAncestor { AncestorId = "R", UnitId = "U1", Depth = 1 });
        await store.Indicators.SaveChangesAsync();
        return store;
    }

    public SamplingService Service(TimeProvider? clock = null) => new(Sampling, Indicators, SamplingSettings.Default, clock ?? TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        await Indicators.DisposeAsync();
        await Sampling.DisposeAsync();
        if (_pg is not null) await _pg.DisposeAsync();
        _file?.Dispose();
    }
}

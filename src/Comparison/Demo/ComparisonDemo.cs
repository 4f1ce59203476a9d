using Microsoft.EntityFrameworkCore;
using Tilannekuva.Comparison.Export;
using Tilannekuva.Comparison.Import;
using Tilannekuva.Comparison.Signing;
using Tilannekuva.Comparison.Storage;
using Tilannekuva.Disclosure;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Indicators.Synthetic;
using Tilannekuva.Storage;

namespace Tilannekuva.Comparison.Demo;

/// <summary>One demo county: its own instance's database (kept in the work folder) and the signed export it made.</summary>
public sealed record DemoCounty(string Id, string Name, DatabaseOptions Database, string ExportFile, ComparisonImportResult Import);

/// <summary>
/// The national comparison demo: three synthetic counties of different sizes and shapes, each generated, imported and
/// computed in its own instance's database (as a county runs it), exported, signed with its own new key and imported
/// into the comparison store with those keys trusted. The names are made up; the data is synthetic.
/// </summary>
public static class ComparisonDemo
{
    /// <summary>A large county with four areas and short waits, a middling one with two, and a small sparse one with long waits (many cells under 5).</summary>
    public static readonly IReadOnlyList<(RegionShape Shape, int Population, int Seed)> Counties =
    [
        (new RegionShape("HARJU", "Harjuseudun hyvinvointialue",
        [
            ("Harjula", "901", "Harjula", 0.38, ["Harjulan terveysasema", "Keskustan terveysasema"]),
            ("Mäntyvaara", "902", "Pohjoinen", 0.12, ["Mäntyvaaran terveysasema"]),
            ("Koivula", "903", "Pohjoinen", 0.08, ["Koivulan terveysasema"]),
            ("Rantasalo", "904", "Läntinen", 0.14, ["Rantasalon terveysasema"]),
            ("Kallioniemi", "905", "Läntinen", 0.07, ["Kallioniemen terveysasema"]),
            ("Honkavesi", "906", "Itäinen", 0.11, ["Honkaveden terveysasema"]),
            ("Lehtolahti", "907", "Itäinen", 0.06, ["Lehtolahden terveysasema"]),
            ("Vaaranpää", "908", "Itäinen", 0.04, ["Vaaranpään terveysasema"]),
        ], WaitScale: 0.75), 8_000, 11),
        (new RegionShape("JARVI", "Järvilaakson hyvinvointialue",
        [
            ("Järvelä", "911", "Järvelä", 0.55, ["Järvelän terveysasema", "Niemen terveysasema"]),
            ("Salmi", "912", "Maaseutu", 0.18, ["Salmen terveysasema"]),
            ("Kuusikko", "913", "Maaseutu", 0.15, ["Kuusikon terveysasema"]),
            ("Lampi", "914", "Maaseutu", 0.12, ["Lammen terveysasema"]),
        ], WaitScale: 1.3), 4_000, 22),
        (new RegionShape("TUNTURI", "Tunturi-Pohjan hyvinvointialue",
        [
            ("Tunturila", "921", "Etelä", 0.6, ["Tunturilan terveysasema"]),
            ("Jänkä", "922", "Etelä", 0.15, ["Jängän terveysasema"]),
            ("Poroharju", "923", "Pohjoinen erämaa", 0.15, ["Poroharjun terveysasema"]),
            ("Kaira", "924", "Pohjoinen erämaa", 0.1, ["Kairan terveysasema"]),
        ], WaitScale: 1.8), 1_500, 33),
    ];

    /// <summary>
    /// Runs the demo into <paramref name="target"/> unless it holds counties already (then nothing and an empty list).
    /// Each county's database and export stay in <paramref name="workFolder"/> (the caller deletes it).
    /// </summary>
    public static async Task<IReadOnlyList<DemoCounty>> LoadIfEmptyAsync(ComparisonDbContext target, string workFolder, DateOnly today, DateTime now,
        SmallCellRule rule, int years = 1, CancellationToken ct = default)
    {
        if (await target.Counties.AnyAsync(ct)) return [];
        var built = new List<(RegionShape Shape, DatabaseOptions Db, string File, string PublicPem)>();
        foreach (var (shape, population, seed) in Counties)
        {
            var folder = Path.Combine(workFolder, shape.Id.ToLowerInvariant());
            Directory.CreateDirectory(folder);
            var db = DatabaseOptions.SqliteFile(Path.Combine(folder, "county.db"));
            await using (var county = await IndicatorsStorage.OpenMigratedAsync(db, ct))
            {
                await DemoRegionLoader.ImportAsync(county, new SyntheticRegion(population, years, seed, today, now, shape).Write(Path.Combine(folder, "files")), ct);
                county.ChangeTracker.Clear();
                await RecomputeState.RecomputeAllAsync(county, ct: ct);
                var (privatePem, publicPem) = CountyKeys.Generate();
                using var key = System.Security.Cryptography.ECDsa.Create();
                key.ImportFromPem(privatePem);
                var content = await new CountyExporter(county).BuildAsync(null, rule, DateTimeOffset.UtcNow, ct);
                var file = Path.Combine(folder, $"{shape.Id}.comparison.json");
                await File.WriteAllTextAsync(file, ExportSigner.ToFileText(ExportSigner.Sign(content, key)), ct);
                built.Add((shape, db, file, publicPem));
            }
        }
        var trusted = new TrustedKeys(built.ToDictionary(b => b.Shape.Id, b => b.PublicPem), "demo");
        var importer = new ComparisonImporter(target, trusted, rule);
        var result = new List<DemoCounty>();
        foreach (var (shape, db, file, _) in built)
            result.Add(new DemoCounty(shape.Id, shape.Name, db, file, await importer.ImportFileAsync(file, ct)));
        return result;
    }
}

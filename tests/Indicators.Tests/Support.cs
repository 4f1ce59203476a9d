using Microsoft.EntityFrameworkCore;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Ingest;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Indicators.Synthetic;
using Tilannekuva.Storage;

namespace Tilannekuva.Indicators.Tests;

internal static class Support
{
    public const string Key = "test-key-that-is-long-enough-0123456789";
    public static readonly Pseudonymiser Pseudonymiser = new(Key);

    /// <summary>A source file in <paramref name="folder"/>, UTF-8 without a byte-order mark unless told otherwise.</summary>
    public static string WriteFile(string folder, string name, string text, System.Text.Encoding? encoding = null)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text, encoding ?? new System.Text.UTF8Encoding(false));
        return path;
    }

    /// <summary>A migrated store with region R → unit U1 imported from an org-unit file, as the import tests start.</summary>
    public static async Task<IndicatorsDbContext> OpenWithOneUnitAsync(TestSupport.SqliteFile file)
    {
        var db = await IndicatorsStorage.OpenMigratedAsync(file.Options);
        var units = WriteFile(file.Folder, "units.csv", "source_id;name;parent_id;kind;municipality_code\nR;Alue;;region;\nU1;Asema;R;unit;205\n");
        await new Importer(db).ImportAsync(SourceKind.OrgUnits, units, null, new ImportOptions());
        return db;
    }

    /// <summary>Region R → area A → units U1, U2.</summary>
    public static async Task SeedTreeAsync(IndicatorsDbContext db)
    {
        db.OrgUnits.AddRange(
            Unit("R", null, OrgUnitKind.Region), Unit("A", "R", OrgUnitKind.Area),
            Unit("U1", "A", OrgUnitKind.Unit), Unit("U2", "A", OrgUnitKind.Unit));
        await db.SaveChangesAsync();
        await OrgUnitTree.RebuildAsync(db);
    }

    private static OrgUnit Unit(string id, string? parent, OrgUnitKind kind) =>
        new() { SourceId = id, Name = id, ParentId = parent, Kind = kind, SourceFile = "test", SourceLine = 1 };

    private static int _next;

    public static Visit Visit(string unit, DateTime at, DateOnly? assessed, Urgency urgency = Urgency.NonUrgent,
        Profession profession = Profession.Nurse, ContactMode mode = ContactMode.Physical, Service service = Service.OutpatientCare,
        bool carePlan = false, bool certificate = false, string? assessmentId = null) => new()
        {
            SourceId = $"V{Interlocked.Increment(ref _next)}", SourceFile = "test", UnitId = unit, PersonPseudonym = "p", OccurredAt = at,
            AssessmentDate = assessed, AssessmentSourceId = assessmentId, Urgency = urgency, Profession = profession, ContactMode = mode,
            Service = service, CarePlanVisit = carePlan, CertificateOnly = certificate,
        };

    public static Contact Contact(string unit, DateTime at, ContactMode channel = ContactMode.Phone, DateTime? requested = null, DateTime? done = null,
        DemandClass? demand = null, double? minutes = null) => new()
        {
            SourceId = $"C{Interlocked.Increment(ref _next)}", SourceFile = "test", UnitId = unit, ReceivedAt = at, Channel = channel,
            Outcome = requested is null ? ContactOutcome.Resolved : ContactOutcome.Callback, CallbackRequestedAt = requested, CallbackDoneAt = done,
            DemandClass = demand, HandlingMinutes = minutes,
        };

    public static async Task<List<IndicatorValue>> ComputeAsync(IndicatorsDbContext db, params string[] codes)
    {
        await new IndicatorComputer(db).RecomputeAsync(codes.Select(IndicatorCatalogue.Get));
        return await db.IndicatorValues.AsNoTracking().ToListAsync();
    }

    public static IndicatorValue? Find(IEnumerable<IndicatorValue> values, string code, string period, string unit, string dimension = "total", string category = "") =>
        values.SingleOrDefault(v => v.IndicatorCode == code && v.PeriodCode == period && v.OrgUnitId == unit && v.Dimension == dimension && v.Category == category);

    /// <summary>Writes the synthetic region and imports it; returns the files.</summary>
    public static async Task<SyntheticFiles> LoadRegionAsync(IndicatorsDbContext db, string folder, int population, int years, int seed)
    {
        var files = new SyntheticRegion(population, years, seed).Write(folder);
        foreach (var (kind, file, mapping) in files.Files)
        {
            db.ChangeTracker.Clear();
            var result = await new Importer(db).ImportAsync(kind, file, mapping is null ? null : ColumnMapping.Load(mapping), new ImportOptions { Pseudonymiser = Pseudonymiser });
            Assert.True(result.Rejected == 0, $"{Path.GetFileName(file)}: {result.Rejected} rejected, first: {result.Rejects.FirstOrDefault()}");
            Assert.True(result.Stored > 0, $"{Path.GetFileName(file)}: nothing stored");
        }
        return files;
    }

    /// <summary>Compares the database's values with the reference evaluator's, row by row.</summary>
    public static async Task AssertSqlMatchesReferenceAsync(IndicatorsDbContext db)
    {
        await new IndicatorComputer(db).RecomputeAsync();
        var sql = await db.IndicatorValues.AsNoTracking().ToListAsync();
        var reference = await ReferenceEvaluator.EvaluateAsync(db, IndicatorCatalogue.All);
        AssertSameValues(reference, sql);
    }

    /// <summary>
    /// The same cells with the same numbers, up to the rounding of floating-point sums (the database
    /// may add in any order, so the last bits of a sum can differ from run to run).
    /// </summary>
    public static void AssertSameValues(IReadOnlyCollection<IndicatorValue> expected, IReadOnlyCollection<IndicatorValue> actual)
    {
        static string K(IndicatorValue v) => $"{v.IndicatorCode}|{v.PeriodType}|{v.PeriodCode}|{v.OrgUnitId}|{v.Dimension}|{v.Category}";
        var byActual = actual.ToDictionary(K);
        var byExpected = expected.ToDictionary(K);
        Assert.True(byExpected.Count > 100, $"expected many values, got {byExpected.Count}");
        Assert.Empty(byExpected.Keys.Except(byActual.Keys).Take(5));
        Assert.Empty(byActual.Keys.Except(byExpected.Keys).Take(5));
        foreach (var (key, r) in byExpected)
        {
            var s = byActual[key];
            Assert.True(Close(r.Numerator, s.Numerator), $"{key}: numerator {s.Numerator} ≠ {r.Numerator}");
            Assert.True(Close(r.Denominator, s.Denominator), $"{key}: denominator {s.Denominator} ≠ {r.Denominator}");
            Assert.True(Close(r.Value, s.Value), $"{key}: value {s.Value} ≠ {r.Value}");
            Assert.Equal(r.N, s.N);
        }
    }

    internal static bool Close(double? a, double? b) =>
        a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) <= 1e-9 * Math.Max(1, Math.Abs(a.Value));

    public static DatabaseOptions Sqlite(TestSupport.SqliteFile f) => f.Options;

    /// <summary>The first column of every row <paramref name="sql"/> returns, on the context's connection (opened for it if closed).</summary>
    public static async Task<List<string>> ListAsync(IndicatorsDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync();
        try { return await ListAsync(connection, sql); }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    /// <summary>The first column of every row <paramref name="sql"/> returns, on an open connection (in its transaction, if one is open).</summary>
    public static async Task<List<string>> ListAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        var list = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(reader.GetString(0));
        return list;
    }
}

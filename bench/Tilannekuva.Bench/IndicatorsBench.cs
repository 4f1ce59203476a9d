using System.Diagnostics;
using DuckDB.NET.Data;
using Microsoft.EntityFrameworkCore;
using PublicHoliday;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Ingest;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Indicators.Synthetic;
using Tilannekuva.Storage;

namespace Tilannekuva.Bench;

/// <summary>
/// One run, two engines: generates the synthetic region, imports it into the product's database
/// (SQLite or PostgreSQL) through the ordinary importer and into embedded DuckDB with plain SQL,
/// recomputes every indicator on both (each alone, then all together), checks that every value is
/// the same, and prints each step's product time, DuckDB time and their ratio with the machine's load
/// average beside it. On a shared machine absolute times move with the load; the ratio measured in
/// the same minute is what reproduces.
/// </summary>
public sealed class IndicatorsBench(int population, int years, int seed, DatabaseOptions? database, int duckThreads, TextWriter output)
{
    /// <summary>Relative tolerance for floating sums added in another order (continuity of care, person-years).</summary>
    private const double Tolerance = 1e-12;

    /// <summary>Only DuckDB's side, with the product's times shown as zero (for working on the reference SQL).</summary>
    public bool DuckDbOnly { get; init; }

    /// <summary>Only the load steps, with the benchmark process's CPU time at the end (for working on the import).</summary>
    public bool LoadOnly { get; init; }

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tilannekuva-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var options = database ?? DatabaseOptions.SqliteFile(Path.Combine(folder, "bench.db"));
        try
        {
            await using var product = await IndicatorsStorage.OpenMigratedAsync(options, ct);
            if (await product.OrgUnits.AnyAsync(ct))
            {
                Console.Error.WriteLine("The database holds data already: give an empty one (the bench loads its own region).");
                return 2;
            }
            var clock = Stopwatch.StartNew();
            var files = new SyntheticRegion(population, years, seed).Write(Path.Combine(folder, "files"));
            output.WriteLine($"{population:N0} residents × {years} year(s), seed {seed}: {files.Rows:N0} rows generated in {clock.Elapsed.TotalSeconds:0.0} s");
            output.WriteLine($"product: {options.Provider}; DuckDB {DuckDbVersion()} in memory, {duckThreads} threads; {Environment.ProcessorCount} cores");
            output.WriteLine();
            await using var duck = new DuckDBConnection("Data Source=:memory:");
            await duck.OpenAsync(ct);
            await ExecuteAsync(duck, $"SET threads = {duckThreads}", ct);
            // For working on the reference SQL: DuckDB's profile of each statement, appended to this file.
            var profile = Environment.GetEnvironmentVariable("TILANNEKUVA_BENCH_DUCKDB_PROFILE");
            if (!string.IsNullOrEmpty(profile)) await ExecuteAsync(duck, "PRAGMA enable_profiling = 'query_tree_optimizer'", ct);

            var table = new StepTable(output);
            table.Header();
            await LoadAsync(product, duck, files, table, ct);
            if (LoadOnly)
            {
                output.WriteLine($"benchmark process CPU (import, DuckDB, generation): {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s");
                return 0;
            }
            var first = new DateOnly(2025, 12, 31).AddYears(-years).AddDays(1);
            var holidays = Enumerable.Range(first.Year, years + 2)
                .SelectMany(y => new FinlandPublicHoliday().PublicHolidays(y).Select(DateOnly.FromDateTime)
                    // Midsummer Eve and Christmas Eve: not official holidays, but offices are closed (docs/indicators.md).
                    .Append(Enumerable.Range(19, 7).Select(d => new DateOnly(y, 6, d)).Single(d => d.DayOfWeek == DayOfWeek.Friday))
                    .Append(new DateOnly(y, 12, 24)));
            foreach (var sql in DuckDbIndicators.Calendar(holidays, first, new DateOnly(2025, 12, 31))) await ExecuteAsync(duck, sql, ct);
            await ExecuteAsync(duck, DuckDbIndicators.ValueTable, ct);

            // Each indicator alone: the product's recompute of that one definition against DuckDB's statement.
            var computer = new IndicatorComputer(product);
            var duckAlone = TimeSpan.Zero;
            var duckByCode = new Dictionary<string, TimeSpan>();
            foreach (var d in IndicatorCatalogue.All)
            {
                var p = DuckDbOnly ? null : await computer.RecomputeAsync([d], ct: ct);
                if (!string.IsNullOrEmpty(profile)) await ExecuteAsync(duck, $"PRAGMA profiling_output = '{profile}.{d.Code}.txt'", ct);
                var q = await TimeAsync(() => ExecuteAsync(duck, DuckDbIndicators.Sql(d.Code), ct));
                var (productTimes, duckTimes) = (new List<TimeSpan> { p?.Elapsed ?? TimeSpan.Zero }, new List<TimeSpan> { q });
                // A step under a second moves by half its time with what else the machine does: it is run
                // ShortStepRuns times on both sides, in turn, each product run from no stored values as the first.
                if (productTimes[0] < ShortStep && q < ShortStep)
                    for (var run = 1; run < ShortStepRuns; run++)
                    {
                        if (!DuckDbOnly)
                        {
                            await product.Database.ExecuteSqlAsync($"DELETE FROM indicator_value WHERE indicator_code = {d.Code}", ct);
                            productTimes.Add((await computer.RecomputeAsync([d], ct: ct)).Elapsed);
                        }
                        duckTimes.Add(await TimeAsync(() => ExecuteAsync(duck, DuckDbIndicators.Sql(d.Code), ct)));
                    }
                q = Median(duckTimes);
                table.Row(d.Code + (duckTimes.Count > 1 ? $" (median of {duckTimes.Count})" : ""), Median(productTimes), q);
                duckAlone += q;
                duckByCode[d.Code] = q;
            }
            // All together: the product's full recompute (its shared work tables and, on PostgreSQL, both connections).
            await ExecuteAsync(duck, DuckDbIndicators.ValueTable, ct);
            var all = DuckDbOnly ? null : await computer.RecomputeAsync(ct: ct);
            var duckAll = await TimeAsync(async () =>
            {
                foreach (var d in IndicatorCatalogue.All) await ExecuteAsync(duck, DuckDbIndicators.Sql(d.Code), ct);
            });
            table.Row($"all {IndicatorCatalogue.All.Count} indicators", all?.Elapsed ?? TimeSpan.Zero, duckAll);
            // What a user's recompute meets: each indicator alone again, its values stored by the full recompute and
            // replaced (the rows above start from none). DuckDB's side is the sum of its rows above.
            var (again, swaps) = (TimeSpan.Zero, TimeSpan.Zero);
            var slowest = new List<(string Code, TimeSpan Elapsed, TimeSpan Swap)>();
            if (!DuckDbOnly)
                foreach (var d in IndicatorCatalogue.All)
                {
                    var r = await computer.RecomputeAsync([d], ct: ct);
                    var swap = r.Steps.Where(s => s.Step == IndicatorComputer.SwapStep).Aggregate(TimeSpan.Zero, (a, s) => a + s.Time);
                    (again, swaps) = (again + r.Elapsed, swaps + swap);
                    slowest.Add((d.Code, r.Elapsed, swap));
                }
            table.Row("each alone again, values stored (sum)", again, duckAlone);
            // SQLite's serial path replaces each indicator's values inside its own step: no swap step to show.
            var swapped = swaps > TimeSpan.Zero;
            output.WriteLine((swapped ? $"  of which replacing the stored values: {swaps.TotalSeconds:0.00} s; slowest: " : "  slowest: ") +
                string.Join(", ", slowest.OrderByDescending(x => x.Elapsed).Take(4)
                    .Select(x => $"{x.Code} {x.Elapsed.TotalSeconds:0.00} s" + (swapped ? $" (swap {x.Swap.TotalSeconds:0.00})" : ""))));
            output.WriteLine();
            if (DuckDbOnly) return 0;
            if (options.Provider == DatabaseProvider.Postgres) await FloorAsync(product, duckByCode, ct);
            return await CheckAsync(product, duck, ct);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>PostgreSQL's floor beside DuckDB's whole statement for the indicators that stay over 2× (see <see cref="PostgresFloor"/>).</summary>
    private async Task FloorAsync(IndicatorsDbContext product, IReadOnlyDictionary<string, TimeSpan> duckByCode, CancellationToken ct)
    {
        output.WriteLine("PostgreSQL's floor: only reading and grouping each indicator's rows by day, unit and breakdown (best of 3, nothing written)");
        await using var connection = (System.Data.Common.DbConnection)((ICloneable)product.Database.GetDbConnection()).Clone();
        var floors = await PostgresFloor.MeasureAsync(connection, 3, ct);
        var table = new StepTable(output);
        foreach (var (code, floor) in floors.OrderBy(f => f.Key, StringComparer.Ordinal))
            table.Row("floor " + code, floor, duckByCode[code]);
        output.WriteLine();
    }

    /// <summary>
    /// The five files the indicators read, each imported by the product and loaded by DuckDB plainly;
    /// then the same files loaded by DuckDB with the import's checks (into a separate DuckDB database).
    /// </summary>
    private async Task LoadAsync(IndicatorsDbContext product, DuckDBConnection duck, SyntheticFiles files, StepTable table, CancellationToken ct)
    {
        var folder = files.Folder;
        var plain = DuckDbLoad.OrgUnits(folder).Concat(DuckDbLoad.Plain(folder)).ToDictionary(x => x.Table, x => x.Sql);
        var tables = new Dictionary<SourceKind, string[]>
        {
            [SourceKind.OrgUnits] = ["org_unit", "org_unit_ancestor"], [SourceKind.Assessments] = ["care_need_assessment"],
            [SourceKind.Visits] = ["visit"], [SourceKind.Contacts] = ["contact"], [SourceKind.Slots] = ["appointment_slot"],
        };
        var (productTotal, duckTotal) = (TimeSpan.Zero, TimeSpan.Zero);
        var stored = new Dictionary<string, int>();
        var duckByFile = new List<(string File, string Table, TimeSpan Duck)>();
        foreach (var (kind, file, mapping) in files.Files)
        {
            product.ChangeTracker.Clear();
            var clock = Stopwatch.StartNew();
            var result = DuckDbOnly ? null : await new Importer(product).ImportAsync(kind, file, mapping is null ? null : ColumnMapping.Load(mapping),
                new ImportOptions { Pseudonymiser = new Pseudonymiser(DemoRegionLoader.DemoPseudonymKey) }, ct);
            var p = clock.Elapsed;
            if (!tables.TryGetValue(kind, out var names)) continue; // waiting list and roster feed no indicator
            var q = await TimeAsync(async () => { foreach (var name in names) await ExecuteAsync(duck, plain[name], ct); });
            if (result is not null) stored[names[0]] = result.Stored;
            if (kind != SourceKind.OrgUnits) duckByFile.Add((Path.GetFileName(file), names[0], q));
            table.Row($"load {Path.GetFileName(file)}" + (result is null ? "" : $" ({result.Read:N0} rows)"), p, q);
            productTotal += p;
            duckTotal += q;
        }
        table.Row("load: the five files", productTotal, duckTotal);

        // DuckDB with the import's checks and hashed identity codes, beside the plain load.
        await using var checkedDb = new DuckDBConnection("Data Source=:memory:");
        await checkedDb.OpenAsync(ct);
        await ExecuteAsync(checkedDb, $"SET threads = {duckThreads}", ct);
        var validated = await TimeAsync(async () =>
        {
            foreach (var (_, sql) in DuckDbLoad.OrgUnits(folder).Concat(DuckDbLoad.Validated(folder))) await ExecuteAsync(checkedDb, sql, ct);
        });
        table.Row("load: the five files, DuckDB with the checks", productTotal, validated);
        foreach (var (name, count) in stored)
        {
            var plainRows = await ScalarAsync(duck, $"SELECT count(*) FROM {name}", ct);
            var checkedRows = await ScalarAsync(checkedDb, $"SELECT count(*) FROM {name}", ct);
            if (plainRows != count || checkedRows != count)
                output.WriteLine($"  ! {name}: product stored {count:N0} rows, DuckDB plain {plainRows:N0}, with checks {checkedRows:N0}");
        }
        if (!DuckDbOnly && product.Database.GetDbConnection() is Npgsql.NpgsqlConnection npgsql) await ImportFloorAsync(npgsql, duckByFile, ct);
    }

    /// <summary>PostgreSQL's import floor for each event file beside DuckDB's plain load of it (see <see cref="PostgresImportFloor"/>).</summary>
    private async Task ImportFloorAsync(Npgsql.NpgsqlConnection productConnection, IReadOnlyList<(string File, string Table, TimeSpan Duck)> files, CancellationToken ct)
    {
        output.WriteLine();
        output.WriteLine("PostgreSQL's import floor: the server's part of a first load of the same stored rows (binary COPY from memory, the same keys and indexes, ANALYZE; nothing parsed or checked)");
        await using var connection = (Npgsql.NpgsqlConnection)((ICloneable)productConnection).Clone();
        await connection.OpenAsync(ct);
        var table = new StepTable(output);
        var (floorTotal, duckTotal) = (TimeSpan.Zero, TimeSpan.Zero);
        foreach (var (file, name, duck) in files)
        {
            var (floor, rows, _) = await PostgresImportFloor.MeasureAsync(connection, name, ct);
            table.Row($"floor load {file} ({rows:N0} rows)", floor, duck);
            (floorTotal, duckTotal) = (floorTotal + floor, duckTotal + duck);
        }
        table.Row($"floor: the {files.Count} event files", floorTotal, duckTotal);
        output.WriteLine();
        table.Header();
    }

    /// <summary>Every value of the product against DuckDB's: the same keys, values equal or within 1e-12 (relative).</summary>
    private async Task<int> CheckAsync(IndicatorsDbContext product, DuckDBConnection duck, CancellationToken ct)
    {
        var codes = IndicatorCatalogue.All.Select(d => d.Code).ToList();
        var mine = await product.IndicatorValues.AsNoTracking().Where(v => codes.Contains(v.IndicatorCode)).ToListAsync(ct);
        var productValues = mine.ToDictionary(v => new Key(v.IndicatorCode, v.PeriodType, v.PeriodCode, v.OrgUnitId, v.Dimension, v.Category),
            v => new Numbers(v.Numerator, v.Denominator, v.Value, v.N));
        var reference = new Dictionary<Key, Numbers>();
        await using (var cmd = duck.CreateCommand())
        {
            cmd.CommandText = "SELECT indicator_code, period_type, period_code, org_unit_id, dimension, category, numerator, denominator, value, n FROM ref_value";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                double? D(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
                reference[new Key(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5))] =
                    new Numbers(D(6), D(7), D(8), reader.GetInt64(9));
            }
        }
        var failed = false;
        output.WriteLine($"{"indicator",-34} {"values",8} {"exact",8} {"≤1e-12",8} {"differ",8} {"missing",8} {"extra",8}");
        foreach (var code in codes)
        {
            var keys = productValues.Keys.Where(k => k.Code == code).Concat(reference.Keys.Where(k => k.Code == code)).ToHashSet();
            int exact = 0, close = 0, differ = 0, missing = 0, extra = 0;
            string? example = null;
            foreach (var key in keys)
            {
                var inProduct = productValues.TryGetValue(key, out var p);
                var inReference = reference.TryGetValue(key, out var r);
                if (!inProduct) { missing++; example ??= $"{key} missing from the product (DuckDB {r})"; continue; }
                if (!inReference) { extra++; example ??= $"{key} not in DuckDB (product {p})"; continue; }
                switch (Compare(p!, r!))
                {
                    case 0: exact++; break;
                    case 1: close++; break;
                    default: differ++; example ??= $"{key}: product {p}, DuckDB {r}"; break;
                }
            }
            var ok = differ + missing + extra == 0;
            var note = ok ? "" : "  FAILED";
            output.WriteLine($"{code,-34} {keys.Count,8:N0} {exact,8:N0} {close,8:N0} {differ,8:N0} {missing,8:N0} {extra,8:N0}{note}");
            if (!ok && example is not null) output.WriteLine($"    e.g. {example}");
            if (!ok) failed = true;
        }
        output.WriteLine(failed ? "values: the product and DuckDB DIFFER" : $"values: {productValues.Count:N0} from the product, {reference.Count:N0} from DuckDB; equal");
        return failed ? 1 : 0;
    }

    private sealed record Key(string Code, string PeriodType, string PeriodCode, string OrgUnit, string Dimension, string Category)
    {
        public override string ToString() => $"{Code} {PeriodType} {PeriodCode} {OrgUnit} {Dimension}={Category}";
    }

    private sealed record Numbers(double? Numerator, double? Denominator, double? Value, long N);

    /// <summary>0: identical; 1: every number within the tolerance; 2: different.</summary>
    private static int Compare(Numbers a, Numbers b)
    {
        if (a.N != b.N) return 2;
        var worst = 0;
        foreach (var (x, y) in new[] { (a.Numerator, b.Numerator), (a.Denominator, b.Denominator), (a.Value, b.Value) })
        {
            if (x is null || y is null) { if (x is not null || y is not null) return 2; continue; }
            if (x.Value.Equals(y.Value)) continue;
            if (Math.Abs(x.Value - y.Value) <= Tolerance * Math.Max(Math.Abs(x.Value), Math.Abs(y.Value))) worst = 1;
            else return 2;
        }
        return worst;
    }

    /// <summary>A lone indicator's step shorter than this on both sides is run <see cref="ShortStepRuns"/> times and its median shown.</summary>
    private static readonly TimeSpan ShortStep = TimeSpan.FromSeconds(1);
    private const int ShortStepRuns = 5;

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    private static async Task<TimeSpan> TimeAsync(Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        return clock.Elapsed;
    }

    private static async Task ExecuteAsync(DuckDBConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(DuckDBConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string DuckDbVersion() => typeof(DuckDBConnection).Assembly.GetName().Version?.ToString() ?? "";
}

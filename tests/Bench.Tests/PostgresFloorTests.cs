using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Indicators.Synthetic;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Bench.Tests;

/// <summary>
/// The benchmark's PostgreSQL floor is only a floor if it reads the indicator's rows: on a real PostgreSQL database,
/// each floor statement's fact count and numerator, summed over all its groups, equal the region's stored year values
/// of that indicator (the product's compiled SQL computed them), and the measurement runs and times every statement.
/// </summary>
public sealed class PostgresFloorTests
{
    [Fact]
    public async Task Each_floor_statement_reads_the_same_rows_as_its_indicator()
    {
        await using var server = await PostgresServer.CreateDatabaseAsync();
        try
        {
            await using var db = await IndicatorsStorage.OpenMigratedAsync(server.Options, CancellationToken.None);
            await ImportRegionAsync(db);
            await new IndicatorComputer(db).RecomputeAsync();
            var roots = await db.OrgUnits.Where(u => u.ParentId == null).Select(u => u.SourceId).ToListAsync();

            await using var connection = new NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync();
            foreach (var (code, select) in PostgresFloor.Statements)
            {
                var stored = await db.IndicatorValues.AsNoTracking()
                    .Where(v => v.IndicatorCode == code && v.PeriodType == "year" && v.Dimension == SqlCompiler.Total && roots.Contains(v.OrgUnitId))
                    .ToListAsync();
                Assert.NotEmpty(stored);
                await using var cmd = new NpgsqlCommand($"SELECT sum(f.n), sum(f.num) FROM ({select}) f", connection);
                await using var reader = await cmd.ExecuteReaderAsync();
                Assert.True(await reader.ReadAsync());
                var (n, num) = (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture));
                Assert.True(n > 0, code);
                Assert.Equal(stored.Sum(v => v.N), n);
                // Minutes are summed in another order than the product's day, month and year sums.
                Assert.Equal(stored.Sum(v => v.Numerator), num, 1e-9 * Math.Max(1, Math.Abs(num)));
                await reader.CloseAsync();
                // The timed form counts every group: none is lost to its row test (a NULL column drops it).
                Assert.Equal(await CountAsync(connection, $"SELECT count(*) FROM ({select}) f"), await CountAsync(connection, PostgresFloor.Measured(select)));
            }
            await connection.CloseAsync();

            await using var measured = new NpgsqlConnection(server.ConnectionString);
            var floors = await PostgresFloor.MeasureAsync(measured, 1, CancellationToken.None);
            Assert.Equal(PostgresFloor.Statements.Keys.Order(), floors.Keys.Order());
            Assert.All(floors.Values, t => Assert.True(t > TimeSpan.Zero));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
        }
    }

    [Fact]
    public async Task The_import_floor_writes_every_stored_row_into_a_copy_of_the_table_with_its_indexes_and_drops_it()
    {
        await using var server = await PostgresServer.CreateDatabaseAsync();
        try
        {
            await using (var db = await IndicatorsStorage.OpenMigratedAsync(server.Options, CancellationToken.None))
                await ImportRegionAsync(db);
            await using var connection = new NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync();
            foreach (var table in new[] { "care_need_assessment", "visit", "contact", "appointment_slot" })
            {
                var stored = await CountAsync(connection, $"SELECT count(*) FROM {table}");
                Assert.True(stored > 0, table);
                var indexes = await CountAsync(connection, $"SELECT count(*) FROM pg_index WHERE indrelid = '{table}'::regclass");
                Assert.True(indexes >= 3, table); // the key, the unique source id, at least one secondary index
                var (elapsed, rows, copyIndexes) = await PostgresImportFloor.MeasureAsync(connection, table, CancellationToken.None);
                Assert.True(elapsed > TimeSpan.Zero, table);
                Assert.Equal(stored, rows);
                Assert.Equal(indexes, copyIndexes);
                Assert.Equal(stored, await CountAsync(connection, $"SELECT count(*) FROM {table}"));
                Assert.Equal(0, await CountAsync(connection, $"SELECT count(*) FROM pg_class WHERE relname = 'import_floor_{table}'"));
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
        }
    }

    [Fact]
    public async Task The_benchmark_prints_the_import_floor_of_each_event_file_beside_DuckDBs_load_on_PostgreSQL()
    {
        await using var server = await PostgresServer.CreateDatabaseAsync();
        var output = new StringWriter();
        var exit = await new IndicatorsBench(population: 3_000, years: 1, seed: 7, database: server.Options, duckThreads: 2, output) { LoadOnly = true }
            .RunAsync(CancellationToken.None);
        NpgsqlConnection.ClearAllPools();
        var text = output.ToString();
        Assert.True(exit == 0, text);
        foreach (var file in new[] { "assessments", "visits", "contacts", "slots" })
            Assert.Matches($@"(?m)^floor load {file}\.csv \([0-9,]+ rows\)\s+[0-9.]+\s+[0-9.]+\s+[0-9.]+×", text);
        Assert.Matches(@"(?m)^floor: the 4 event files\s+[0-9.]+\s+[0-9.]+\s+[0-9.]+×", text);
    }

    /// <summary>The 3,000-resident synthetic region imported into <paramref name="db"/>; its export files are deleted once loaded.</summary>
    private static async Task ImportRegionAsync(IndicatorsDbContext db)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tilannekuva-floor-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await DemoRegionLoader.ImportAsync(db, new SyntheticRegion(3_000, 1, 7).Write(folder));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

using System.Data.Common;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Tilannekuva.Indicators.Catalogue;

namespace Tilannekuva.Indicators.Computation;

/// <summary>
/// The values of a percentile indicator, selected by the application from the indicator's work table of the
/// measure's rows (day, unit, breakdown values, value). The database scans the facts into that table (on Citus, on the
/// workers); this step rolls each row up to every group it belongs to (period of each type, each org-unit ancestor,
/// total and each breakdown) and picks the ranks in one pass over the rows in value order, as DuckDB's quantile does
/// by hashing rows into groups. PostgreSQL and SQLite can only get there in SQL by aggregating and sorting every
/// (group, value) pair: at 300,000 residents 4.5 million joined rows, 6–9 s against DuckDB's 1 s (issue #20,
/// docs/benchmarks.md).
/// </summary>
/// <param name="Rows">The work table of rows (columns bp: the day, unit_id, c0…, m, c: how many rows have that value).</param>
/// <param name="Categories">How many breakdown columns (c0, c1, …) the table has.</param>
/// <param name="Periods">The period types selected, each derived from the rows' days.</param>
/// <param name="Dimensions">Breakdown names, in column order.</param>
/// <param name="Target">The table the values go to.</param>
public sealed record PercentileSelection(string IndicatorCode, double Percentile, string Rows, int Categories,
    IReadOnlyList<PeriodType> Periods, IReadOnlyList<string> Dimensions, string Target)
{
    /// <summary>The rows the step reads, in the order <see cref="RunAsync"/> expects (also what <c>compute --print-sql</c> shows).</summary>
    public string RowsSql => $"SELECT b.bp, b.unit_id{string.Concat(Enumerable.Range(0, Categories).Select(i => $", b.c{i}"))}, b.m, b.c FROM {Rows} b";

    public const string AncestorsSql = "SELECT unit_id, ancestor_id FROM org_unit_ancestor";

    /// <summary>A readable account of the step for <c>compute --print-sql</c> (a comment and the queries it runs).</summary>
    public string Describe() =>
        $"-- {IndicatorCode}: percentile {Percentile.ToString(CultureInfo.InvariantCulture)} per {string.Join(", ", Periods.Select(SqlCompiler.Code))} × org unit × "
        + $"{string.Join(", ", Dimensions.Prepend(SqlCompiler.Total))}, selected by the application from\n{RowsSql};\n{AncestorsSql};\n"
        + $"-- and written to {Target} (linear interpolation between the ranks below and above p × (n − 1), as percentile_cont)";

    /// <summary>Reads the measure's rows, selects the percentile of every group and writes the values; returns how many.</summary>
    public async Task<int> RunAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        var ancestors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await using (var cmd = Command(connection, transaction, AncestorsSql))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                var unit = reader.GetString(0);
                if (!ancestors.TryGetValue(unit, out var list)) ancestors[unit] = list = [];
                list.Add(reader.GetString(1));
            }

        var rows = await MeasureRows.ReadAsync(connection, transaction, RowsSql, Categories, ct);
        var values = new List<Value>();
        foreach (var period in Periods)
        {
            var periodOf = rows.BasePeriods.Select(bp => PeriodCode(period, bp)).ToArray();
            for (var dimension = -1; dimension < Categories; dimension++)
                values.AddRange(Select(rows, ancestors, periodOf, period, dimension));
        }
        await WriteAsync(connection, transaction, values, ct);
        return values.Count;
    }

    private readonly record struct Value(string PeriodType, string PeriodCode, string OrgUnit, string Dimension, string Category, double V, long N);

    /// <summary>The values of one period type and breakdown (dimension −1: the total).</summary>
    private List<Value> Select(MeasureRows rows, Dictionary<string, List<string>> ancestors, string[] periodOf, PeriodType period, int dimension)
    {
        // Each cell (base period, unit, categories) belongs to one group per ancestor of its unit.
        var groups = new Dictionary<(string Period, string Unit, string Category), int>();
        var keys = new List<(string Period, string Unit, string Category)>();
        var cellGroups = new int[rows.Cells.Count][];
        for (var cell = 0; cell < rows.Cells.Count; cell++)
        {
            var (bp, unit, categories) = rows.Cells[cell];
            var key = (Period: periodOf[bp], Category: dimension < 0 ? "" : categories[dimension]);
            var of = ancestors.TryGetValue(unit, out var list) ? list : [];
            cellGroups[cell] = new int[of.Count];
            for (var a = 0; a < of.Count; a++)
            {
                var group = (key.Period, of[a], key.Category);
                if (!groups.TryGetValue(group, out var g))
                {
                    groups[group] = g = keys.Count;
                    keys.Add(group);
                }
                cellGroups[cell][a] = g;
            }
        }

        var total = new long[keys.Count];
        for (var i = 0; i < rows.Count; i++)
            foreach (var g in cellGroups[rows.Cell[i]]) total[g] += rows.C[i];
        var lo = new long[keys.Count];
        var frac = new double[keys.Count];
        for (var g = 0; g < keys.Count; g++)
        {
            // The same arithmetic as the SQL it replaces, so values stay bit-identical.
            var position = Percentile * (total[g] - 1);
            lo[g] = (long)Math.Floor(position);
            frac[g] = position - Math.Floor(position);
        }
        var below = new double[keys.Count];
        var above = new double[keys.Count];
        var cumulative = new long[keys.Count];
        // Rows in value order: a group's rows hold ranks cumulative … cumulative + c − 1 of its values.
        foreach (var i in rows.ByValue)
        {
            var m = rows.M[i];
            var c = rows.C[i];
            foreach (var g in cellGroups[rows.Cell[i]])
            {
                var first = cumulative[g];
                var next = first + c;
                if (first <= lo[g] && lo[g] < next) below[g] = m * (1 - frac[g]);
                if (first <= lo[g] + 1 && lo[g] + 1 < next) above[g] = m * frac[g];
                cumulative[g] = next;
            }
        }
        var periodType = SqlCompiler.Code(period);
        var dimensionName = dimension < 0 ? SqlCompiler.Total : Dimensions[dimension];
        return keys.Select((k, g) => new Value(periodType, k.Period, k.Unit, dimensionName, k.Category, below[g] + above[g], total[g])).ToList();
    }

    /// <summary>The code of the period of a type that a day ("2024-05-08") falls in: "2024-05-06" (its week's Monday), "2024-05", "2024Q2", "2024".</summary>
    internal static string PeriodCode(PeriodType period, string day) => period switch
    {
        PeriodType.Week => WeekPeriod.CodeOf(DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
        PeriodType.Month => day[..7],
        PeriodType.Quarter => day[..4] + "Q" + ((int.Parse(day.AsSpan(5, 2), CultureInfo.InvariantCulture) + 2) / 3).ToString(CultureInfo.InvariantCulture),
        _ => day[..4],
    };

    private async Task WriteAsync(DbConnection connection, DbTransaction? transaction, List<Value> values, CancellationToken ct)
    {
        if (connection is NpgsqlConnection npgsql)
        {
            await using var import = await npgsql.BeginBinaryImportAsync($"COPY {Target} ({SqlCompiler.ValueColumns}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var v in values)
            {
                await import.StartRowAsync(ct);
                await import.WriteAsync(IndicatorCode, NpgsqlDbType.Text, ct);
                await import.WriteAsync(v.PeriodType, NpgsqlDbType.Text, ct);
                await import.WriteAsync(v.PeriodCode, NpgsqlDbType.Text, ct);
                await import.WriteAsync(v.OrgUnit, NpgsqlDbType.Text, ct);
                await import.WriteAsync(v.Dimension, NpgsqlDbType.Text, ct);
                await import.WriteAsync(v.Category, NpgsqlDbType.Text, ct);
                await import.WriteAsync(v.V, NpgsqlDbType.Double, ct);
                await import.WriteNullAsync(ct);
                await import.WriteAsync(v.V, NpgsqlDbType.Double, ct);
                await import.WriteAsync(v.N, NpgsqlDbType.Bigint, ct);
            }
            await import.CompleteAsync(ct);
            return;
        }
        await using var cmd = Command(connection, transaction,
            $"INSERT INTO {Target} ({SqlCompiler.ValueColumns}) VALUES ($code, $type, $period, $unit, $dimension, $category, $v, NULL, $v, $n)");
        var parameters = new[] { "$code", "$type", "$period", "$unit", "$dimension", "$category", "$v", "$n" }.Select(name =>
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            cmd.Parameters.Add(p);
            return p;
        }).ToArray();
        parameters[0].Value = IndicatorCode;
        foreach (var v in values)
        {
            parameters[1].Value = v.PeriodType;
            parameters[2].Value = v.PeriodCode;
            parameters[3].Value = v.OrgUnit;
            parameters[4].Value = v.Dimension;
            parameters[5].Value = v.Category;
            parameters[6].Value = v.V;
            parameters[7].Value = v.N;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        return cmd;
    }

    /// <summary>The measure's rows as columns: each row's cell (day, unit, categories), value and count, and the rows' order by value.</summary>
    private sealed class MeasureRows
    {
        public List<string> BasePeriods { get; } = [];
        public List<(int BasePeriod, string Unit, string[] Categories)> Cells { get; } = [];
        public int[] Cell { get; private set; } = [];
        public double[] M { get; private set; } = [];
        public int[] C { get; private set; } = [];
        public int[] ByValue { get; private set; } = [];
        public int Count => Cell.Length;

        public static async Task<MeasureRows> ReadAsync(DbConnection connection, DbTransaction? transaction, string sql, int categories, CancellationToken ct)
        {
            var result = new MeasureRows();
            var periods = new Dictionary<string, int>(StringComparer.Ordinal);
            var cells = new Dictionary<(int, string, string), int>();
            var cellOf = new List<int>();
            var m = new List<double>();
            var c = new List<int>();
            await using var cmd = Command(connection, transaction, sql);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var bp = reader.GetString(0);
                if (!periods.TryGetValue(bp, out var p))
                {
                    periods[bp] = p = result.BasePeriods.Count;
                    result.BasePeriods.Add(bp);
                }
                var unit = reader.GetString(1);
                // Categories are never null: the compiler writes 'unknown' for a missing one.
                var values = new string[categories];
                for (var i = 0; i < categories; i++) values[i] = reader.GetString(2 + i);
                // One key string per cell: categories are few and short.
                var key = (p, unit, string.Join('\u001f', values));
                if (!cells.TryGetValue(key, out var cell))
                {
                    cells[key] = cell = result.Cells.Count;
                    result.Cells.Add((p, unit, values));
                }
                cellOf.Add(cell);
                m.Add(reader.GetDouble(2 + categories));
                c.Add(Convert.ToInt32(reader.GetValue(3 + categories), CultureInfo.InvariantCulture));
            }
            result.Cell = [.. cellOf];
            result.M = [.. m];
            result.C = [.. c];
            var order = Enumerable.Range(0, result.M.Length).ToArray();
            var keys = (double[])result.M.Clone();
            Array.Sort(keys, order);
            result.ByValue = order;
            return result;
        }
    }
}

using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.Indicators.Computation;

/// <param name="Steps">Time of each work table and statement, in order (for the benchmark: where the time goes).</param>
public sealed record ComputeResult(int Values, TimeSpan Elapsed, IReadOnlyDictionary<string, TimeSpan> ByIndicator, IReadOnlyList<(string Step, TimeSpan Time)> Steps);

/// <summary>
/// Recomputes indicator values in the database from the canonical tables: for each indicator,
/// deletes its cached values and runs its compiled statements, all in one transaction, so readers
/// see either the old or the new numbers.
/// </summary>
public sealed class IndicatorComputer(IndicatorsDbContext db)
{
    public Dialect Dialect => db.Database.IsNpgsql() ? Dialect.Postgres : Dialect.Sqlite;

    /// <param name="window">
    /// Recompute only the periods of this window (<see cref="RecomputeWindow.ForEvents"/> of an
    /// import's event times); values outside it are left as they are. Null: everything.
    /// </param>
    public async Task<ComputeResult> RecomputeAsync(IEnumerable<IndicatorDefinition>? definitions = null, Action<string>? progress = null,
        CancellationToken ct = default, RecomputeWindow? window = null)
    {
        var clock = Stopwatch.StartNew();
        var list = (definitions ?? IndicatorCatalogue.All).ToList();
        // A fact source read by several indicators is materialised once (the visit source joins the assessments).
        var shared = list.GroupBy(d => d.Source).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        // A window's values go through a work table first: the edges of its fact span yield partial
        // months (and years) outside the window, which must not replace the stored ones.
        const string windowed = "ic_window_values";
        var plans = list.Select(d => (Definition: d, Plan: SqlCompiler.Plan(d, Dialect, shared, window, window is null ? "indicator_value" : windowed))).ToList();
        var strategy = db.Database.CreateExecutionStrategy();
        var total = 0;
        var byIndicator = new Dictionary<string, TimeSpan>();
        var steps = new List<(string, TimeSpan)>();
        await strategy.ExecuteAsync(async () =>
        {
            total = 0;
            byIndicator.Clear();
            steps.Clear();
            var created = new List<string>();
            var connection = db.Database.GetDbConnection();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var transaction = tx.GetDbTransaction();
            if (Dialect == Dialect.Postgres)
            {
                // The work tables group hundreds of thousands of rows: with the default 4 MB they spill to
                // disk. JIT compilation costs more than it saves on these one-off statements. Both
                // settings end with the transaction.
                await ExecuteAsync(connection, transaction, "SET LOCAL work_mem = '256MB'", ct);
                await ExecuteAsync(connection, transaction, "SET LOCAL jit = off", ct);
            }
            if (window is not null)
            {
                var temp = Dialect == Dialect.Postgres ? "CREATE TEMP TABLE " + windowed + " ON COMMIT DROP AS " : "CREATE TEMP TABLE " + windowed + " AS ";
                await ExecuteAsync(connection, transaction, temp + $"SELECT {SqlCompiler.ValueColumns} FROM indicator_value WHERE 1 = 0", ct);
                created.Add(windowed);
            }
            foreach (var (d, plan) in plans)
            {
                progress?.Invoke(d.Code);
                var started = clock.Elapsed;
                var code = "'" + d.Code.Replace("'", "''") + "'";
                await ExecuteAsync(connection, transaction, $"DELETE FROM indicator_value WHERE indicator_code = {code}" + (window is null ? "" : " AND " + window.Covers()), ct);
                foreach (var table in plan.Tables.Where(t => !created.Contains(t.Name)))
                {
                    var tableStarted = clock.Elapsed;
                    var temp = Dialect == Dialect.Postgres ? $"CREATE TEMP TABLE {table.Name} ON COMMIT DROP AS " : $"CREATE TEMP TABLE {table.Name} AS ";
                    await ExecuteAsync(connection, transaction, temp + table.Select, ct);
                    // Without statistics the planner guesses a work table's size and picks nested loops.
                    if (Dialect == Dialect.Postgres) await ExecuteAsync(connection, transaction, "ANALYZE " + table.Name, ct);
                    created.Add(table.Name);
                    steps.Add(($"{d.Code}: work table {table.Name}", clock.Elapsed - tableStarted));
                }
                for (var i = 0; i < plan.Statements.Count; i++)
                {
                    var statementStarted = clock.Elapsed;
                    var rows = await ExecuteAsync(connection, transaction, plan.Statements[i], ct);
                    if (window is null) total += rows;
                    steps.Add(($"{d.Code}: statement {i + 1}", clock.Elapsed - statementStarted));
                }
                if (window is not null)
                {
                    total += await ExecuteAsync(connection, transaction,
                        $"INSERT INTO indicator_value ({SqlCompiler.ValueColumns}) SELECT {SqlCompiler.ValueColumns} FROM {windowed} WHERE {window.Covers()}", ct);
                    await ExecuteAsync(connection, transaction, "DELETE FROM " + windowed, ct);
                }
                byIndicator[d.Code] = clock.Elapsed - started;
            }
            // SQLite keeps temporary tables for the connection's life; PostgreSQL drops them at commit.
            if (Dialect == Dialect.Sqlite)
                foreach (var name in created) await ExecuteAsync(connection, transaction, "DROP TABLE temp." + name, ct);
            await tx.CommitAsync(ct);
        });
        return new ComputeResult(total, clock.Elapsed, byIndicator, steps);
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}

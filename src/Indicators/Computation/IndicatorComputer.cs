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

    public async Task<ComputeResult> RecomputeAsync(IEnumerable<IndicatorDefinition>? definitions = null, Action<string>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var list = (definitions ?? IndicatorCatalogue.All).ToList();
        // A fact source read by several indicators is materialised once (the visit source joins the assessments).
        var shared = list.GroupBy(d => d.Source).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var plans = list.Select(d => (Definition: d, Plan: SqlCompiler.Plan(d, Dialect, shared))).ToList();
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
            foreach (var (d, plan) in plans)
            {
                progress?.Invoke(d.Code);
                var started = clock.Elapsed;
                await ExecuteAsync(connection, transaction, "DELETE FROM indicator_value WHERE indicator_code = '" + d.Code.Replace("'", "''") + "'", ct);
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
                    total += await ExecuteAsync(connection, transaction, plan.Statements[i], ct);
                    steps.Add(($"{d.Code}: statement {i + 1}", clock.Elapsed - statementStarted));
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

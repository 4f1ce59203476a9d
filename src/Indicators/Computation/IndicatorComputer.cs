using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.Indicators.Computation;

public sealed record ComputeResult(int Values, TimeSpan Elapsed, IReadOnlyDictionary<string, TimeSpan> ByIndicator);

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
        var strategy = db.Database.CreateExecutionStrategy();
        var total = 0;
        var byIndicator = new Dictionary<string, TimeSpan>();
        await strategy.ExecuteAsync(async () =>
        {
            total = 0;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var connection = db.Database.GetDbConnection();
            if (Dialect == Dialect.Postgres)
            {
                // The percentiles and the continuity index sort and hash hundreds of thousands of rows
                // per statement: with the default 4 MB they spill to disk. JIT compilation costs more
                // than it saves on these one-off statements. Both settings end with the transaction.
                await ExecuteAsync(connection, tx.GetDbTransaction(), "SET LOCAL work_mem = '128MB'", ct);
                await ExecuteAsync(connection, tx.GetDbTransaction(), "SET LOCAL jit = off", ct);
            }
            foreach (var d in list)
            {
                progress?.Invoke(d.Code);
                var started = clock.Elapsed;
                await ExecuteAsync(connection, tx.GetDbTransaction(), "DELETE FROM indicator_value WHERE indicator_code = '" + d.Code.Replace("'", "''") + "'", ct);
                foreach (var sql in SqlCompiler.Compile(d, Dialect))
                    total += await ExecuteAsync(connection, tx.GetDbTransaction(), sql, ct);
                byIndicator[d.Code] = clock.Elapsed - started;
            }
            await tx.CommitAsync(ct);
        });
        return new ComputeResult(total, clock.Elapsed, byIndicator);
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

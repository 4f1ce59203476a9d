using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.Indicators.Computation;

/// <param name="Steps">Time of each work table and statement, in order (for the benchmark: where the time goes).</param>
/// <param name="Timeline">On PostgreSQL's parallel path: which connection ran each step, from when to when (for the benchmark: how well the connections share the work).</param>
public sealed record ComputeResult(int Values, TimeSpan Elapsed, IReadOnlyDictionary<string, TimeSpan> ByIndicator, IReadOnlyList<(string Step, TimeSpan Time)> Steps,
    IReadOnlyList<(int Connection, string Step, TimeSpan Start, TimeSpan End)>? Timeline = null);

/// <summary>
/// Recomputes indicator values in the database from the canonical tables by running each
/// indicator's compiled work tables and statements; readers see either all old or all new numbers.
/// On PostgreSQL the steps of all indicators are shared by <see cref="Connections"/> connections
/// (the server's cores); SQLite, a single writer, runs them on one.
/// </summary>
public sealed class IndicatorComputer(IndicatorsDbContext db)
{
    public Dialect Dialect => db.Database.IsNpgsql() ? Dialect.Postgres : Dialect.Sqlite;

    /// <summary>The dialect to compile for: <see cref="Dialect.Citus"/> on a database whose event tables Citus distributes.</summary>
    public async Task<Dialect> DialectAsync(CancellationToken ct = default) =>
        await Storage.CitusLayout.IsCitusAsync(db, ct) ? Dialect.Citus : Dialect;

    /// <summary>For tests: run PostgreSQL on one connection as SQLite does (to compare with the parallel path).</summary>
    internal bool SingleConnection { get; init; }

    /// <summary>For tests: called on each connection of the parallel path when no step is left for it, before the swap (to inject a failure).</summary>
    internal Func<int, Task>? AfterWorkerForTest { get; init; }

    /// <summary>For tests: called on the main connection with the staged values' table in the swap's transaction, before anything is replaced.</summary>
    internal Func<DbConnection, string, Task>? BeforeSwapForTest { get; init; }

    /// <summary>PostgreSQL connections computing at once: the database server's cores (2 on the benchmark machine).</summary>
    public int Connections { get; init; } = 2;

    /// <summary>The step of <see cref="ComputeResult.Steps"/> that writes the staged values into indicator_value.</summary>
    public const string SwapStep = "replace stored values";

    /// <summary>Prefix of the work and staging tables of the parallel path (regular unlogged tables, see <see cref="RecomputeParallelAsync"/>).</summary>
    internal const string StagingPrefix = "ic_stage_";

    /// <param name="window">
    /// Recompute only the periods of this window (<see cref="RecomputeWindow.ForEvents"/> of an
    /// import's event times); values outside it are left as they are. Null: everything.
    /// </param>
    public async Task<ComputeResult> RecomputeAsync(IEnumerable<IndicatorDefinition>? definitions = null, Action<string>? progress = null,
        CancellationToken ct = default, RecomputeWindow? window = null)
    {
        var list = (definitions ?? IndicatorCatalogue.All).ToList();
        var dialect = await DialectAsync(ct);
        var clock = Stopwatch.StartNew();
        // Inside a caller's transaction the other connections would not see its rows: one connection then
        // (on Citus too: its work tables are then temporary coordinator tables, nothing distributed).
        var result = dialect != Dialect.Sqlite && !SingleConnection && db.Database.CurrentTransaction is null
            ? await RecomputeParallelAsync(list, progress, ct, window, dialect)
            : await RecomputeSerialAsync(list, progress, ct, window, dialect);
        ImportMetrics.RecomputeSeconds.Record(clock.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("window", window is null ? "all" : "years"));
        return result;
    }

    // A window's values go through a work table first: the edges of its fact span yield partial
    // months (and years) outside the window, which must not replace the stored ones.
    private const string Windowed = "ic_window_values";

    /// <summary>One connection, one transaction: SQLite (a single writer) and the tests' reference path.</summary>
    private async Task<ComputeResult> RecomputeSerialAsync(List<IndicatorDefinition> list, Action<string>? progress, CancellationToken ct, RecomputeWindow? window, Dialect dialect)
    {
        var clock = Stopwatch.StartNew();
        var strategy = db.Database.CreateExecutionStrategy();
        var total = 0;
        var byIndicator = new Dictionary<string, TimeSpan>();
        var steps = new List<(string, TimeSpan)>();
        await strategy.ExecuteAsync(async () =>
        {
            byIndicator.Clear();
            steps.Clear();
            var connection = db.Database.GetDbConnection();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var transaction = tx.GetDbTransaction();
            total = await RunOnOneConnectionAsync(connection, transaction, list, window, clock, byIndicator, steps, progress, ct, dialect);
            await tx.CommitAsync(ct);
        });
        return new ComputeResult(total, clock.Elapsed, byIndicator, steps);
    }

    /// <summary>
    /// PostgreSQL: temporary tables are per session and parallel workers cannot read them, so one
    /// backend would do all the work on one core. Here the work tables and statements of all the
    /// indicators form one graph (a step reads the tables whose names its SQL holds), and
    /// <see cref="Connections"/> connections take its ready steps, the one with most steps waiting
    /// on it first, until all are done. The work tables are unlogged regular tables, so every
    /// connection sees them once created; the values go to an unlogged staging table. Then one short
    /// transaction on the main connection replaces the stored values from it, so readers see either
    /// all old or all new numbers. The run's tables are dropped in every outcome.
    /// </summary>
    private async Task<ComputeResult> RecomputeParallelAsync(List<IndicatorDefinition> list, Action<string>? progress, CancellationToken ct, RecomputeWindow? window,
        Dialect dialect)
    {
        var clock = Stopwatch.StartNew();
        var prefix = StagingPrefix + Guid.NewGuid().ToString("N")[..12] + "_";
        var values = prefix + "values";
        var graph = RecomputeGraph.Build(list, prefix, values, window, dialect);
        var main = db.Database.GetDbConnection();
        var created = new List<string>();
        var steps = new List<(string, TimeSpan)>();
        var timeline = new List<(int, string, TimeSpan, TimeSpan)>();
        var byIndicator = list.ToDictionary(d => d.Code, _ => TimeSpan.Zero);
        var total = 0;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await Calendar.WorkingDayTable.EnsureAsync(main, null, ct);
            await ExecuteAsync(main, null, $"CREATE UNLOGGED TABLE {values} AS SELECT {SqlCompiler.ValueColumns} FROM indicator_value WHERE 1 = 0", ct);
            created.Add(values);
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var started = new HashSet<string>();
            var workers = Enumerable.Range(0, Connections).Select(w => Task.Run(async () =>
            {
                try
                {
                    // A clone keeps the credentials (an opened connection's string loses the password).
                    // Session settings end when the pool resets the connection (DISCARD ALL).
                    await using var connection = (DbConnection)((ICloneable)main).Clone();
                    await connection.OpenAsync(cancel.Token);
                    // WorkSettings, and parallel workers only for a lone indicator. Every work table's
                    // CREATE is its own transaction: without waiting for each commit's WAL flush (the
                    // tables are unlogged and dropped at the end; the stored values are replaced on
                    // the main connection, which keeps waiting) a small indicator's steps are not
                    // queued behind the disk (issue #20).
                    await ExecuteAsync(connection, null, StatementSettings(list.Count, dialect) + "; SET synchronous_commit = off", cancel.Token);
                    while (graph.Next(cancel.Token) is { } step)
                    {
                        await step.WhenReady(cancel.Token);
                        lock (started)
                            if (started.Add(step.Indicator)) progress?.Invoke(step.Indicator);
                        var stepStarted = clock.Elapsed;
                        if (step.Selection is { } selection) await selection.RunAsync(connection, null, cancel.Token);
                        else
                            foreach (var command in CitusSql.Commands(step.Sql)) await ExecuteAsync(connection, null, command, cancel.Token);
                        if (step.Creates is { } table)
                        {
                            lock (created) created.Add(table);
                            // Without statistics the planner guesses a work table's size and picks nested loops.
                            await ExecuteAsync(connection, null, "ANALYZE " + table, cancel.Token);
                        }
                        var time = clock.Elapsed - stepStarted;
                        lock (steps)
                        {
                            steps.Add((step.Label, time));
                            timeline.Add((w + 1, step.Label, stepStarted, clock.Elapsed));
                            byIndicator[step.Indicator] += time;
                        }
                        step.Done();
                    }
                    if (AfterWorkerForTest is not null) await AfterWorkerForTest(w);
                }
                catch
                {
                    cancel.Cancel(); // the other connections' work is of no use any more
                    throw;
                }
            }, cancel.Token)).ToList();
            try { await Task.WhenAll(workers); }
            catch
            {
                // Report the connection that failed, not the ones it cancelled.
                var failed = workers.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).ToList();
                var first = failed.FirstOrDefault(e => e is not OperationCanceledException) ?? failed.FirstOrDefault();
                if (first is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
                throw;
            }

            var swapStarted = clock.Elapsed;
            await using (var tx = await main.BeginTransactionAsync(ct))
            {
                // Hash joins only. Without statistics on the staged values the planner guessed a few rows and compared
                // every stored value with every staged one (a nested-loop anti join): 0.6–1.0 s for T3's 4,347 values
                // against 5 ms with a hash join. With them it chose merge joins, which sort both sides by six text keys
                // in the database's collation: 0.37 s of a care-guarantee recompute against 0.08 s hashed. With both
                // turned off the staged table needs no ANALYZE (4–11 ms of a lone recompute): the planner sizes the
                // hash from the table's pages. The work connections' other settings hold here too (docs/benchmarks.md,
                // "Eighth round", "Twelfth round").
                await ExecuteAsync(main, tx, WorkSettings("SET LOCAL") + "; SET LOCAL enable_mergejoin = off; SET LOCAL enable_nestloop = off", ct);
                if (BeforeSwapForTest is not null) await BeforeSwapForTest(main, values);
                var codes = string.Join(", ", list.Select(d => "'" + d.Code.Replace("'", "''") + "'"));
                // A window's facts span yields partial edge periods outside it, which must not replace stored ones.
                if (window is not null) await ExecuteAsync(main, tx, $"DELETE FROM {values} WHERE NOT {window.Covers()}", ct);
                var scope = $"v.indicator_code IN ({codes})" + (window is null ? "" : " AND " + window.Covers("v."));
                foreach (var statement in ReplaceStatements(values, scope)) await ExecuteAsync(main, tx, statement, ct);
                total = await ExecuteScalarAsync(main, tx, $"SELECT count(*) FROM {values}", ct);
                await tx.CommitAsync(ct);
            }
            steps.Add((SwapStep, clock.Elapsed - swapStarted));
        }
        finally
        {
            // Also a table whose CREATE reached the server just as a cancellation stopped its connection.
            await using (var cmd = main.CreateCommand())
            {
                cmd.CommandText = $"SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND starts_with(tablename, '{prefix}')";
                await using var reader = await cmd.ExecuteReaderAsync(CancellationToken.None);
                while (await reader.ReadAsync(CancellationToken.None))
                    if (!created.Contains(reader.GetString(0))) created.Add(reader.GetString(0));
            }
            // One statement, one commit, instead of one per table.
            if (created.Count > 0)
                await ExecuteAsync(main, null, "DROP TABLE IF EXISTS " + string.Join(", ", created), CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
        return new ComputeResult(total, clock.Elapsed, byIndicator, steps, timeline);
    }

    /// <summary>
    /// The statements that make the stored values in <paramref name="scope"/> (a condition on <c>indicator_value v</c>) equal to
    /// the staged ones in <paramref name="values"/>. Only what changed is written: rewriting every row made the unique
    /// index check each new row against its deleted twin (0.3 s of 0.6 s for 77,000 values), and most values of a
    /// recompute after an import are the same as before. Each statement reads only the recomputed indicators' stored
    /// values (scope, by the unique index): hashing all of indicator_value was most of a small indicator's recompute (issue #20).
    /// </summary>
    internal static IReadOnlyList<string> ReplaceStatements(string values, string scope)
    {
        const string same = "v.indicator_code = s.indicator_code AND v.period_type = s.period_type AND v.period_code = s.period_code " +
                            "AND v.org_unit_id = s.org_unit_id AND v.dimension = s.dimension AND v.category = s.category";
        return
        [
            $"DELETE FROM indicator_value v WHERE {scope} AND NOT EXISTS (SELECT 1 FROM {values} s WHERE {same})",
            $"""
            UPDATE indicator_value v SET numerator = s.numerator, denominator = s.denominator, value = s.value, n = s.n
            FROM {values} s
            WHERE {scope} AND {same} AND (v.numerator, v.denominator, v.value, v.n) IS DISTINCT FROM (s.numerator, s.denominator, s.value, s.n)
            """,
            $"""
            INSERT INTO indicator_value ({SqlCompiler.ValueColumns})
            SELECT {SqlCompiler.ValueColumns} FROM {values} s
            WHERE NOT EXISTS (SELECT 1 FROM indicator_value v WHERE {scope} AND {same})
            """,
        ];
    }

    /// <summary>
    /// Settings for the statements that build and read work tables, as <paramref name="set"/> ("SET" for a session,
    /// "SET LOCAL" for a transaction). The work tables group hundreds of thousands of rows: with the default 4 MB of
    /// work_mem they spill to disk. JIT compilation costs more than it saves on these one-off statements. The
    /// planner needs a work table's size more than fine histograms: a tenth of the default sample makes ANALYZE of a
    /// 700,000-row table 13 ms instead of 100 ms.
    /// </summary>
    private static string WorkSettings(string set) => $"{set} work_mem = '256MB'; {set} jit = off; {set} default_statistics_target = 10";

    /// <summary>
    /// The session settings of a PostgreSQL connection computing <paramref name="indicators"/> indicators'
    /// statements (<see cref="WorkSettings"/>, <see cref="ParallelQuerySettings"/>); the benchmark measures
    /// PostgreSQL's floor under the same.
    /// </summary>
    public static string StatementSettings(int indicators, Dialect dialect) => WorkSettings("SET") + "; " + ParallelQuerySettings(indicators, dialect);

    /// <summary>
    /// The connections already keep the server's cores busy when several indicators are recomputed, so their
    /// statements run without parallel workers. A lone indicator's steps mostly form one chain (a fact scan, then
    /// small roll-ups), which left the second core idle: its statements may take one parallel worker, and the
    /// planner is told that passing rows from the worker is cheap (0.001 instead of 0.1 per row), because at the
    /// default it keeps the aggregating scans serial. Measured in docs/benchmarks.md, "Seventh round".
    /// </summary>
    internal static string ParallelQuerySettings(int indicators, Dialect dialect) =>
        indicators == 1 && dialect == Dialect.Postgres
            ? "SET max_parallel_workers_per_gather = 1; SET parallel_tuple_cost = 0.001"
            : "SET max_parallel_workers_per_gather = 0";

    /// <summary>Computes the indicators in the caller's transaction, each replacing its stored values; returns the rows written.</summary>
    private static async Task<int> RunOnOneConnectionAsync(DbConnection connection, DbTransaction transaction, List<IndicatorDefinition> list, RecomputeWindow? window,
        Stopwatch clock, Dictionary<string, TimeSpan> byIndicator, List<(string, TimeSpan)> steps, Action<string>? progress, CancellationToken ct, Dialect dialect)
    {
        var postgres = dialect != Dialect.Sqlite;
        // A fact source read by several indicators is materialised once (the visit source joins the assessments).
        var shared = list.GroupBy(d => d.Source).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var plans = list.Select(d => (Definition: d, Plan: SqlCompiler.Plan(d, dialect, shared, window, window is null ? "indicator_value" : Windowed))).ToList();
        var total = 0;
        var created = new List<string>();
        if (postgres)
        {
            // The work connections' settings (WorkSettings), ending with the transaction.
            await ExecuteAsync(connection, transaction, WorkSettings("SET LOCAL"), ct);
        }
        // The callback indicators join the working-day calendar.
        await Calendar.WorkingDayTable.EnsureAsync(connection, transaction, ct);
        if (window is not null)
        {
            var temp = postgres ? "CREATE TEMP TABLE " + Windowed + " ON COMMIT DROP AS " : "CREATE TEMP TABLE " + Windowed + " AS ";
            await ExecuteAsync(connection, transaction, temp + $"SELECT {SqlCompiler.ValueColumns} FROM indicator_value WHERE 1 = 0", ct);
            created.Add(Windowed);
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
                var temp = postgres ? $"CREATE TEMP TABLE {table.Name} ON COMMIT DROP AS " : $"CREATE TEMP TABLE {table.Name} AS ";
                await ExecuteAsync(connection, transaction, temp + table.Select, ct);
                // Without statistics the planner guesses a work table's size and picks nested loops.
                if (postgres) await ExecuteAsync(connection, transaction, "ANALYZE " + table.Name, ct);
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
            for (var i = 0; i < plan.Selections.Count; i++)
            {
                var selectionStarted = clock.Elapsed;
                var rows = await plan.Selections[i].RunAsync(connection, transaction, ct);
                if (window is null) total += rows;
                steps.Add(($"{d.Code}: percentiles {i + 1}", clock.Elapsed - selectionStarted));
            }
            if (window is not null)
            {
                total += await ExecuteAsync(connection, transaction,
                    $"INSERT INTO indicator_value ({SqlCompiler.ValueColumns}) SELECT {SqlCompiler.ValueColumns} FROM {Windowed} WHERE {window.Covers()}", ct);
                await ExecuteAsync(connection, transaction, "DELETE FROM " + Windowed, ct);
            }
            byIndicator[d.Code] = clock.Elapsed - started;
        }
        // SQLite keeps temporary tables for the connection's life; PostgreSQL drops them at commit.
        if (!postgres)
            foreach (var name in created) await ExecuteAsync(connection, transaction, "DROP TABLE temp." + name, ct);
        return total;
    }

    private static async Task<int> ExecuteScalarAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}

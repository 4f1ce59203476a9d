using Tilannekuva.Indicators.Catalogue;

namespace Tilannekuva.Indicators.Computation;

/// <summary>
/// The work tables and statements of a parallel PostgreSQL recompute as a graph: a step reads the
/// work tables whose names its SQL holds, and may start once they exist. Connections ask
/// <see cref="Next"/> for a step until none is left.
/// </summary>
internal sealed class RecomputeGraph
{
    internal sealed class Step
    {
        /// <summary>The indicator the step is first needed for (its time is counted there).</summary>
        public required string Indicator { get; init; }
        public required string Label { get; init; }
        public required string Sql { get; init; }
        /// <summary>A percentile the application selects from the measure's rows (its <see cref="Sql"/> is the rows it reads); null for SQL steps.</summary>
        public PercentileSelection? Selection { get; init; }
        /// <summary>The work table the step creates; null for a statement writing values.</summary>
        public string? Creates { get; init; }
        public required IReadOnlyList<Step> Needs { get; init; }
        /// <summary>How many steps need this one, directly or through others: the larger, the sooner it should run.</summary>
        public int Waiting { get; set; }

        private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task WhenReady(CancellationToken ct) => Task.WhenAll(Needs.Select(n => n.done.Task)).WaitAsync(ct);
        public void Done() => done.TrySetResult();

        internal bool IsDone => done.Task.IsCompleted;
        /// <summary>Taken by a connection (under the graph's lock).</summary>
        internal bool Started { get; set; }
    }

    private readonly List<Step> steps;

    private RecomputeGraph(List<Step> steps) => this.steps = steps;

    public IReadOnlyList<Step> Steps => steps;

    /// <summary>
    /// The graph of the indicators' plans on PostgreSQL. Work tables are named <paramref name="prefix"/>
    /// + their plan name (one per run, so runs and connections do not collide); statements write to
    /// <paramref name="values"/>. A table two indicators need (the same SQL, so the same name) is one step.
    /// </summary>
    public static RecomputeGraph Build(IReadOnlyList<IndicatorDefinition> list, string prefix, string values, RecomputeWindow? window, Dialect dialect = Dialect.Postgres)
    {
        var shared = list.GroupBy(d => d.Source).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var plans = list.Select(d => (Definition: d, Plan: SqlCompiler.Plan(d, dialect, shared, window, values))).ToList();
        var names = plans.SelectMany(p => p.Plan.Tables).Select(t => t.Name).Distinct().ToList();
        string Rename(string sql) => names.Aggregate(sql, (x, name) => x.Replace(name, prefix + name, StringComparison.Ordinal));
        var tables = new Dictionary<string, Step>();
        List<Step> Reads(string sql) => tables.Where(t => sql.Contains(t.Key, StringComparison.Ordinal)).Select(t => t.Value).ToList();

        var steps = new List<Step>();
        foreach (var (d, plan) in plans)
        {
            foreach (var table in plan.Tables.Where(t => !tables.ContainsKey(t.Name)))
            {
                var step = new Step
                {
                    Indicator = d.Code, Label = $"{d.Code}: work table {table.Name}", Creates = prefix + table.Name,
                    Sql = CitusSql.Create(prefix + table.Name, Rename(table.Select), table.DistributeBy), Needs = Reads(table.Select),
                };
                tables[table.Name] = step;
                steps.Add(step);
            }
            steps.AddRange(plan.Statements.Select((sql, i) => new Step
            {
                Indicator = d.Code, Label = $"{d.Code}: statement {i + 1}", Sql = Rename(sql), Needs = Reads(sql),
            }));
            steps.AddRange(plan.Selections.Select((s, i) => new Step
            {
                Indicator = d.Code, Label = $"{d.Code}: percentiles {i + 1}", Sql = Rename(s.RowsSql), Needs = Reads(s.RowsSql),
                Selection = s with { Rows = Rename(s.Rows) },
            }));
        }

        // Steps come in dependency order, so each step's dependants are known when it is reached from the end.
        var below = steps.ToDictionary(s => s, _ => new HashSet<Step>());
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            foreach (var need in steps[i].Needs)
            {
                below[need].Add(steps[i]);
                below[need].UnionWith(below[steps[i]]);
            }
            steps[i].Waiting = below[steps[i]].Count;
        }
        return new RecomputeGraph(steps);
    }

    /// <summary>
    /// The next step to run: a ready one (its tables exist) with most steps waiting on it; when none
    /// is ready, one whose tables are being created (the caller awaits <see cref="Step.WhenReady"/>).
    /// Null when every step has been taken.
    /// </summary>
    public Step? Next(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        lock (steps)
        {
            var open = steps.Where(s => !s.Started).ToList();
            var next = open.Where(s => s.Needs.All(n => n.IsDone)).MaxBy(s => s.Waiting)
                       ?? open.Where(s => s.Needs.All(n => n.Started)).MaxBy(s => s.Waiting);
            if (next is not null) next.Started = true;
            return next;
        }
    }
}

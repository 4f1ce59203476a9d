namespace Tilannekuva.Indicators.Computation;

/// <summary>
/// What the indicator SQL does differently on Citus (<see cref="Dialect.Citus"/>; docs/citus.md). The
/// statements are PostgreSQL's; only where rows live changes:
/// <list type="bullet">
/// <item>The visit source joins a visit's care-need assessment within the person's shard (the same
/// source id and the same person pseudonym): both tables are distributed by the pseudonym and
/// co-located, so the join runs on the workers without moving rows.</item>
/// <item>Work tables of per-person rows — the visit facts, continuity's visits per person and provider
/// (<c>ic_numbered</c>) and per-person sums (<c>ic_persons_*</c>) — are distributed by person,
/// co-located with the visits, and filled by <c>INSERT … SELECT</c>, which Citus runs as one task per
/// shard on the workers. They keep the pseudonym instead of a row number: numbering people would
/// pull them all to the coordinator.</item>
/// <item>Everything else (per-unit sums, ranks, periods) is small and is a plain table on the
/// coordinator: Citus aggregates each shard on its worker and combines the partial results. A
/// percentile's rows of its measure are a coordinator table too: the application reads them all anyway.
/// A union of tables that are not co-located is aggregated table by table (<see cref="SumPerLeg"/>, which
/// SQLite and PostgreSQL use too).</item>
/// </list>
/// </summary>
public static class CitusSql
{
    /// <summary>The base table per-person work tables are co-located with.</summary>
    public const string ColocateWith = "visit";

    /// <summary>Between the commands of one work-table step (<see cref="Commands"/>).</summary>
    public const string NextCommand = "\n;\n-- next command\n";

    /// <summary>The work table, distributed by its person column on Citus (when the source has people).</summary>
    public static WorkTable PerPerson(WorkTable table, Dialect dialect, FactSource? source = null) =>
        dialect == Dialect.Citus && (source is null || source.Field("person") is not null) ? table with { DistributeBy = "person" } : table;

    /// <summary>A fact source's FROM for Citus: the visit's assessment is looked up in the same person's shard.</summary>
    public static string From(FactSource source, string postgresFrom) => source.Name == FactSource.Visit.Name
        ? postgresFrom.Replace("ON a.source_id = v.assessment_source_id", "ON a.source_id = v.assessment_source_id AND a.person_pseudonym = v.person_pseudonym", StringComparison.Ordinal)
        : postgresFrom;

    /// <summary>
    /// The SQL that creates a work table as a regular unlogged table (see <see cref="IndicatorComputer"/>'s
    /// parallel path), commands separated by <see cref="NextCommand"/>. A distributed one is created
    /// empty, distributed, then filled, each its own command: filling it in the transaction that
    /// created its shards would make Citus run the shards one after another.
    /// </summary>
    public static string Create(string name, string select, string? distributeBy) => distributeBy is null
        ? $"CREATE UNLOGGED TABLE {name} AS {select}"
        : string.Join(NextCommand,
            $"CREATE UNLOGGED TABLE {name} AS SELECT * FROM ({select}) q WITH NO DATA",
            $"SELECT create_distributed_table('{name}', '{distributeBy}', colocate_with => '{ColocateWith}')",
            $"INSERT INTO {name} SELECT * FROM ({select}) q");

    /// <summary>
    /// A per-unit aggregate over a fact source that is a UNION ALL of tables Citus does not co-locate
    /// (<see cref="FactSource.VisitOrContact"/>: visits by person, contacts by source id). PostgreSQL's
    /// form aggregates the union, which Citus can only do by pulling both tables' rows to the
    /// coordinator; on Citus each table is aggregated by itself (partial aggregates per shard on the
    /// workers) and the small results are concatenated. The result may hold a key once per table:
    /// every reader of a ratio's sums sums them again (<see cref="SqlCompiler"/>'s Ratio, RatioFromDays).
    /// <paramref name="facts"/> is the source's rows as the compiler reads them (its FROM, maybe
    /// inside a window's filter); <paramref name="aggregate"/> makes the aggregate over some rows.
    /// SQLite takes the same form: it groups by sorting, and sorting each table's rows by itself was a third
    /// faster than sorting their union (remote contact share's day table at 100,000 residents 1.05 → 0.68–0.80 s;
    /// docs/benchmarks.md, "Seventh round"). PostgreSQL too: each table's groups are estimated from its own
    /// day-group statistics, where the union's were overestimated twelvefold (162,068 for 13,048); remote contact
    /// share's day table in psql 574–701 → 505–636 ms ("Twelfth round").
    /// </summary>
    public static string SumPerLeg(FactSource source, Dialect dialect, string facts, Func<string, string> aggregate)
    {
        var union = source.From(dialect);
        // Not the union's own rows (e.g. a materialised copy): aggregated as they are.
        if (source.Name != FactSource.VisitOrContact.Name || !facts.Contains(union, StringComparison.Ordinal))
            return aggregate(facts);
        return string.Join("\nUNION ALL\n", union.Split("UNION ALL", StringSplitOptions.TrimEntries)
            .Select(leg => aggregate(facts.Replace(union, leg, StringComparison.Ordinal))));
    }

    /// <summary>The separate commands of a step's SQL.</summary>
    public static IEnumerable<string> Commands(string sql) => sql.Split(NextCommand, StringSplitOptions.RemoveEmptyEntries);
}

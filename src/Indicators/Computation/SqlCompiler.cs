using System.Globalization;
using System.Text;
using System.Text.Json;
using Tilannekuva.Indicators.Catalogue;

namespace Tilannekuva.Indicators.Computation;

/// <summary>A temporary table an indicator's statements read. Its name is a hash of its SQL, so two indicators that need the same table (median and p90 of one measure, every visit indicator's fact rows) share one.</summary>
public sealed record WorkTable(string Name, string Select)
{
    /// <summary>Citus only: the column the table is distributed by (co-located with the visits); null: a coordinator table (<see cref="CitusSql"/>).</summary>
    public string? DistributeBy { get; init; }
}

/// <summary>What recomputes one indicator: the work tables to create (if not yet there), then the INSERT statements and the percentile selections.</summary>
public sealed record CompiledIndicator(IReadOnlyList<WorkTable> Tables, IReadOnlyList<string> Statements, IReadOnlyList<PercentileSelection> Selections)
{
    public IEnumerable<string> AllSql => Tables.Select(t => t.Select).Concat(Statements).Concat(Selections.Select(s => s.RowsSql));
}

/// <summary>
/// Compiles an indicator definition to SQL for SQLite or PostgreSQL, in two stages. First one scan
/// of the fact rows aggregates them to a small base table per unit, base period (month, or week for
/// weekly values) and the values of every breakdown at once. Then one INSERT … SELECT per period type
/// and breakdown derives quarters and years from months and rolls units up the org-unit tree
/// (org_unit_ancestor), so every level comes from the same small table:
/// ratios and distributions keep sums; percentiles keep the measure's rows by day, from which the
/// application derives the periods and selects the ranks (<see cref="PercentileSelection"/>); continuity keeps counts per person and provider.
/// </summary>
public static partial class SqlCompiler
{
    public const string Total = "total";

    public const string ValueColumns = "indicator_code, period_type, period_code, org_unit_id, dimension, category, numerator, denominator, value, n";

    // The target table is put in when the plan is made (see Plan's target).
    private const string InsertInto = "INSERT INTO @values (" + ValueColumns + ")";

    /// <summary>Every SQL text that recomputes the indicator, work tables first (for inspection and tests).</summary>
    public static IEnumerable<string> Compile(IndicatorDefinition d, Dialect dialect) => Plan(d, dialect).AllSql;

    /// <summary>
    /// The work tables and statements of one indicator (run after deleting its old values).
    /// <paramref name="sharedSources"/> names fact sources that are materialised once into a work
    /// table because several indicators of the run read them (the visit source joins the assessments).
    /// </summary>
    /// <param name="window">Only the facts and periods of this window (an import's years); null: everything.</param>
    /// <param name="target">The table the values go to (indicator_value, or a work table to be filtered).</param>
    public static CompiledIndicator Plan(IndicatorDefinition d, Dialect dialect, IReadOnlySet<string>? sharedSources = null,
        RecomputeWindow? window = null, string target = "indicator_value")
    {
        var source = FactSource.Get(d.Source);
        var tables = new List<WorkTable>();
        var from = window is null ? source.From(dialect) : $"SELECT * FROM ({source.From(dialect)}) w WHERE {window.FactCondition("w", dialect)}";
        string facts;
        if (source.Materialise && sharedSources?.Contains(source.Name) == true)
        {
            var fact = CitusSql.PerPerson(Table("facts_" + source.Name, from), dialect, source);
            tables.Add(fact);
            facts = fact.Name;
        }
        else facts = "(" + from + ")";
        var statements = new List<string>();
        var selections = new List<PercentileSelection>();
        var basePeriods = d.PeriodTypes.Select(BasePeriod).Distinct().ToList();
        // Weeks and months of a ratio both come from one scan of the facts into sums per day.
        var days = d.Shape == IndicatorShape.Ratio && basePeriods.Count > 1 ? RatioDays(d, source, facts, dialect) : null;
        if (days is not null) tables.Add(days);
        if (d.Shape == IndicatorShape.Percentile)
        {
            // Every period type from one table of the measure's rows by day (the application derives the periods).
            var rows = PercentileRows(d, source, facts, dialect);
            tables.Add(rows);
            selections.Add(new PercentileSelection(d.Code, d.Percentile!.Value, rows.Name, d.Dimensions.Count, d.PeriodTypes, d.Dimensions, target));
            basePeriods = [];
        }
        foreach (var basePeriod in basePeriods)
        {
            var periods = d.PeriodTypes.Where(p => BasePeriod(p) == basePeriod).ToList();
            var b = d.Shape switch
            {
                IndicatorShape.Ratio when days is not null => RatioFromDays(d, days, dialect, basePeriod),
                IndicatorShape.Ratio => RatioBase(d, source, facts, dialect, basePeriod),
                IndicatorShape.Distribution => DistributionBase(d, source, facts, dialect, basePeriod),
                IndicatorShape.Continuity => ContinuityBase(d, source, facts, dialect, basePeriod, tables),
                _ => throw new InvalidOperationException(d.Shape.ToString()),
            };
            tables.Add(b);
            var periodCodes = d.Shape == IndicatorShape.Continuity ? Periods(b) : null;
            if (periodCodes is not null) tables.Add(periodCodes);
            // Sums over a small base table: every period type and breakdown in one statement (one round
            // trip and one plan instead of one per period type and breakdown; issue #20).
            if (d.Shape == IndicatorShape.Distribution)
            {
                statements.Add(OneStatement(periods.Select(period => Distribution(d, b, period))));
                continue;
            }
            if (d.Shape == IndicatorShape.Ratio)
            {
                statements.Add(OneStatement(periods.SelectMany(period => Breakdowns(d).Select(x => Ratio(d, b, period, x.Dimension, x.Column)))));
                continue;
            }
            foreach (var period in periods)
            {
                foreach (var (dimension, column) in Breakdowns(d))
                {
                    var pu = CitusSql.PerPerson(PersonTable(b, period, column, dialect), dialect);
                    tables.Add(pu);
                    statements.Add(Continuity(d, b, periodCodes!, pu, period, dimension, column));
                }
            }
        }
        return new CompiledIndicator(tables, statements.Select(x => x.Replace("INSERT INTO @values (", $"INSERT INTO {target} (", StringComparison.Ordinal)).ToList(), selections);
    }

    /// <summary>The finest period a period type is derived from: weeks from weeks, months, quarters and years from months.</summary>
    public static PeriodType BasePeriod(PeriodType p) => p == PeriodType.Week ? PeriodType.Week : PeriodType.Month;

    /// <summary>The total and each breakdown, with the base table's column holding its category.</summary>
    private static IEnumerable<(string Dimension, string Column)> Breakdowns(IndicatorDefinition d) =>
        new[] { (Total, "''") }.Concat(d.Dimensions.Select((x, i) => (x, $"b.c{i}")));

    /// <summary>The base table's breakdown columns: ", &lt;category of dimension i&gt; AS ci".</summary>
    private static string CategoryColumns(IndicatorDefinition d, FactSource source, Dialect dialect) =>
        string.Concat(d.Dimensions.Select((x, i) => $", {Category(source, x, dialect)} AS c{i}"));

    private static string GroupPositions(int count) => string.Join(", ", Enumerable.Range(1, count));

    private static WorkTable RatioBase(IndicatorDefinition d, FactSource source, string facts, Dialect dialect, PeriodType basePeriod) =>
        Table("sums_" + Code(basePeriod), CitusSql.SumPerLeg(source, dialect, facts, legFacts => ByBasePeriod(basePeriod, dialect, RatioSums(d, source, legFacts, dialect))));

    /// <summary>A ratio's sums per day (column at: the day's start), for weeks and months to be summed from.</summary>
    private static WorkTable RatioDays(IndicatorDefinition d, FactSource source, string facts, Dialect dialect) =>
        Table("sums_day", CitusSql.SumPerLeg(source, dialect, facts,
            legFacts => $"SELECT {(dialect == Dialect.Sqlite ? "date(f.at)" : "date_trunc('day', f.at)")} AS at, {RatioSums(d, source, legFacts, dialect)}"));

    /// <summary>The columns after the period, FROM, WHERE and GROUP BY of a ratio's sums over its facts.</summary>
    private static string RatioSums(IndicatorDefinition d, FactSource source, string facts, Dialect dialect)
    {
        var numeratorCondition = Conditions(source, d.Numerator.Filters, dialect);
        var numerator = d.Numerator.Sum is { } sum
            ? $"COALESCE(SUM(CASE WHEN {numeratorCondition} THEN COALESCE({source.Field(sum)!.Sql(dialect)}, 0) ELSE 0 END), 0)"
            : $"SUM(CASE WHEN {numeratorCondition} THEN 1 ELSE 0 END)";
        var denominator = d.Denominator.Constant is not null ? "0" : $"SUM(CASE WHEN {Conditions(source, d.Denominator.Filters, dialect)} THEN 1 ELSE 0 END)";
        return $"""
            f.unit_id{CategoryColumns(d, source, dialect)},
                   CAST({numerator} AS DOUBLE PRECISION) AS num, CAST({denominator} AS DOUBLE PRECISION) AS den, COUNT(*) AS n
            FROM {facts} f
            WHERE {Conditions(source, d.Filters, dialect)}
            GROUP BY {GroupPositions(2 + d.Dimensions.Count)}
            """;
    }

    /// <summary>A ratio's base table summed from its days.</summary>
    private static WorkTable RatioFromDays(IndicatorDefinition d, WorkTable days, Dialect dialect, PeriodType basePeriod)
    {
        var categories = string.Concat(d.Dimensions.Select((_, i) => $", f.c{i}"));
        return Table("sums_" + Code(basePeriod), ByBasePeriod(basePeriod, dialect, $"""
            f.unit_id{categories}, SUM(f.num) AS num, SUM(f.den) AS den, CAST(SUM(f.n) AS BIGINT) AS n
            FROM {days.Name} f
            GROUP BY {GroupPositions(2 + d.Dimensions.Count)}
            """));
    }

    /// <summary>One INSERT of the values of several SELECTs (each a period type and breakdown over the same base table).</summary>
    private static string OneStatement(IEnumerable<string> selects) => InsertInto + "\n" + string.Join("\nUNION ALL\n", selects);

    /// <summary>The values of one period type and breakdown of a ratio, from its base table (a SELECT for <see cref="OneStatement"/>).</summary>
    private static string Ratio(IndicatorDefinition d, WorkTable b, PeriodType period, string dimension, string category)
    {
        var den = d.Denominator.Constant is { } k ? $"CAST({Number(k)} AS DOUBLE PRECISION)" : "SUM(b.den)";
        return $"""
            SELECT {Text(d.Code)}, {Text(Code(period))}, g.period_code, g.org_unit_id, {Text(dimension)}, g.category,
                   g.num, g.den, CASE WHEN g.den <> 0 THEN {Number(d.Factor)} * g.num / g.den END, g.n
            FROM (
              SELECT {Derive(period, "b.bp")} AS period_code, oa.ancestor_id AS org_unit_id, {category} AS category,
                     SUM(b.num) AS num, {den} AS den, SUM(b.n) AS n
              FROM {b.Name} b JOIN org_unit_ancestor oa ON oa.unit_id = b.unit_id
              GROUP BY {GroupBy(period, category)}
            ) g
            """;
    }

    private static WorkTable DistributionBase(IndicatorDefinition d, FactSource source, string facts, Dialect dialect, PeriodType basePeriod)
    {
        var measure = source.Field(d.Measure!)!.Sql(dialect);
        var bin = new StringBuilder("CASE");
        for (var i = d.Bins.Count - 1; i >= 0; i--) bin.Append(CultureInfo.InvariantCulture, $" WHEN {measure} >= {d.Bins[i]} THEN {Text(d.BinLabel(i))}");
        bin.Append(" END");
        return Table("bins", ByBasePeriod(basePeriod, dialect, $"""
            f.unit_id, {bin} AS c0, COUNT(*) AS c
            FROM {facts} f
            WHERE {Conditions(source, d.Filters, dialect)} AND {measure} >= {d.Bins[0]}
            GROUP BY 1, 2, 3
            """));
    }

    private static string Distribution(IndicatorDefinition d, WorkTable b, PeriodType period) => $"""
        SELECT {Text(d.Code)}, {Text(Code(period))}, g.period_code, g.org_unit_id, {Text(DistributionDimension(d))}, g.category,
               g.num, g.den, {Number(d.Factor)} * g.num / g.den, g.den
        FROM (
          SELECT u.period_code, u.org_unit_id, u.category, CAST(SUM(u.c) AS DOUBLE PRECISION) AS num,
                 CAST(SUM(SUM(u.c)) OVER (PARTITION BY u.period_code, u.org_unit_id) AS DOUBLE PRECISION) AS den
          FROM (
            SELECT {Derive(period, "b.bp")} AS period_code, oa.ancestor_id AS org_unit_id, b.c0 AS category, b.c
            FROM {b.Name} b JOIN org_unit_ancestor oa ON oa.unit_id = b.unit_id
          ) u
          GROUP BY u.period_code, u.org_unit_id, u.category
        ) g
        """;

    /// <summary>
    /// The measure's rows, each with its day, unit and breakdown values (read by <see cref="PercentileSelection"/>,
    /// which derives weeks, months, quarters and years from the day and counts equal values together). Not grouped:
    /// a continuous measure (callback hours) has almost one group per row, and hashing them cost three times the scan
    /// (issue #20, docs/benchmarks.md "Ninth round"); one table serves every period type, one scan of the facts.
    /// </summary>
    private static WorkTable PercentileRows(IndicatorDefinition d, FactSource source, string facts, Dialect dialect)
    {
        var measure = source.Field(d.Measure!)!.Sql(dialect);
        var day = dialect == Dialect.Sqlite ? "date(f.at)" : "to_char(f.at, 'YYYY-MM-DD')";
        return Table("measure_rows", $"""
            SELECT {day} AS bp, f.unit_id{CategoryColumns(d, source, dialect)},
                   CAST({measure} AS DOUBLE PRECISION) AS m, 1 AS c
            FROM {facts} f
            WHERE {Conditions(source, d.Filters, dialect)} AND {measure} IS NOT NULL
            """);
    }

    /// <summary>org_unit_ancestor with a number for each ancestor.</summary>
    private static readonly WorkTable OrgKeys = Table("orgs", """
        SELECT oa.unit_id, oa.ancestor_id, CAST(k.ak AS BIGINT) AS ak
        FROM org_unit_ancestor oa
        JOIN (SELECT x.ancestor_id, ROW_NUMBER() OVER (ORDER BY x.ancestor_id) AS ak FROM (SELECT DISTINCT ancestor_id FROM org_unit_ancestor) x) k
          ON k.ancestor_id = oa.ancestor_id
        """);

    /// <summary>The base periods of a base table: code and number.</summary>
    private static WorkTable Periods(WorkTable b) => Table("periods", $"SELECT DISTINCT b.bp, b.bn FROM {b.Name} b");

    /// <summary>The number of the period of a type that a base period number falls in (months: y × 100 + m; weeks stay).</summary>
    private static string Renumber(PeriodType period, string bn) => period switch
    {
        PeriodType.Quarter => $"(({bn}) / 100 * 10 + (({bn}) % 100 + 2) / 3)",
        PeriodType.Year => $"(({bn}) / 100)",
        _ => bn,
    };

    /// <summary>Period codes by number for one period type, from a base table's periods.</summary>
    private static string PeriodCodes(PeriodType period, WorkTable periods) =>
        $"(SELECT DISTINCT {Renumber(period, "b.bn")} AS pn, {Derive(period, "b.bp")} AS period_code FROM {periods.Name} b)";

    /// <summary>A number unique to each period of a type, from a base period code ("2024-05" or the week's "2024-05-06").</summary>
    private static string PeriodNumber(PeriodType period, string bp)
    {
        string Part(int start, int length) => $"CAST(substr({bp}, {start}, {length}) AS BIGINT)";
        return period switch
        {
            PeriodType.Week => $"({Part(1, 4)} * 10000 + {Part(6, 2)} * 100 + {Part(9, 2)})",
            PeriodType.Month => $"({Part(1, 4)} * 100 + {Part(6, 2)})",
            PeriodType.Quarter => $"({Part(1, 4)} * 10 + ({Part(6, 2)} + 2) / 3)",
            _ => Part(1, 4),
        };
    }

    /// <summary>
    /// Visits per base period, unit, breakdown values, person and provider, with people, providers,
    /// units and periods as numbers: the per-person sums group this table several times, and integers
    /// group faster than pseudonyms. Adds the numbering tables to <paramref name="tables"/>.
    /// </summary>
    private static WorkTable ContinuityBase(IndicatorDefinition d, FactSource source, string facts, Dialect dialect, PeriodType basePeriod, List<WorkTable> tables)
    {
        var person = source.Field(d.Person!)!.Sql(dialect);
        var provider = source.Field(d.Provider!)!.Sql(dialect);
        var where = $"{Conditions(source, d.Filters, dialect)} AND {person} IS NOT NULL AND {provider} IS NOT NULL";
        // Someone with one visit in all the facts has fewer than two in every period and counts nowhere: left out here.
        // Citus: the per-person tables are distributed by the pseudonym itself (CitusSql.PersonKey), no numbering.
        var people = Table("people", $"""
            SELECT x.person, CAST(ROW_NUMBER() OVER () AS INTEGER) AS pk
            FROM (SELECT {person} AS person FROM {facts} f WHERE {where} GROUP BY {person} HAVING COUNT(*) >= 2) x
            """);
        var providers = Table("providers", $"""
            SELECT x.provider, CAST(ROW_NUMBER() OVER () AS INTEGER) AS pk FROM (SELECT DISTINCT {provider} AS provider FROM {facts} f WHERE {where}) x
            """);
        var citus = dialect == Dialect.Citus;
        tables.AddRange(citus ? [providers, OrgKeys] : [people, providers, OrgKeys]);
        var visits = ByBasePeriod(basePeriod, dialect, $"""
            f.unit_id{CategoryColumns(d, source, dialect)}, {(citus ? person : "p.pk")} AS person, q.pk AS provider, CAST(COUNT(*) AS INTEGER) AS nj
            FROM {facts} f{(citus ? "" : $" JOIN {people.Name} p ON p.person = {person}")} JOIN {providers.Name} q ON q.provider = {provider}
            WHERE {where}
            GROUP BY {GroupPositions(4 + d.Dimensions.Count)}
            """);
        return CitusSql.PerPerson(Table("numbered", $"""
            SELECT v.*, CAST({PeriodNumber(basePeriod, "v.bp")} AS INTEGER) AS bn, CAST(o.ak AS INTEGER) AS uk
            FROM ({visits}) v
            JOIN {OrgKeys.Name} o ON o.unit_id = v.unit_id AND o.ancestor_id = v.unit_id
            """), dialect);
    }

    /// <summary>
    /// Per period, category and person with N ≥ 2: the visit count N, the sum of squares S of the
    /// visits per provider, and the first and last unit the person was seen in (equal: seen in one
    /// unit only). Counts are INTEGER on purpose: PostgreSQL sums BIGINT into NUMERIC, which made these
    /// aggregations a third slower; one person's visits to one provider in a year stay far below
    /// 46,340 (√2³¹).
    /// </summary>
    private static WorkTable PersonTable(WorkTable b, PeriodType period, string category, Dialect dialect)
    {
        var byCategory = category.StartsWith("b.", StringComparison.Ordinal);
        var pn = Renumber(period, "b.bn");
        // Citus: the month's two-step form reads its CTE twice, which Citus runs through the coordinator;
        // the one-GROUP-BY form below groups by person throughout and stays on the workers.
        if (BasePeriod(period) == period && dialect != Dialect.Citus)
        {
            // In a base period (a month) nine in ten people have one visit: N first, and the provider
            // counts only for those with two or more.
            return Table("persons_" + Code(period), $"""
                WITH t AS (
                  SELECT b.bn AS pn, {category} AS category, b.person, CAST(SUM(b.nj) AS INTEGER) AS n, MIN(b.uk) AS unit_min, MAX(b.uk) AS unit_max
                  FROM {b.Name} b
                  GROUP BY b.bn{(byCategory ? ", " + category : "")}, b.person
                  HAVING SUM(b.nj) >= 2
                )
                SELECT t.pn, t.category, t.person, t.n, q.s, t.unit_min, t.unit_max
                FROM t JOIN (
                  SELECT j.pn, j.category, j.person, CAST(SUM(j.nj * j.nj) AS INTEGER) AS s
                  FROM (
                    SELECT t.pn, t.category, t.person, b.provider, CAST(SUM(b.nj) AS INTEGER) AS nj
                    FROM {b.Name} b JOIN t ON t.pn = b.bn AND t.person = b.person{(byCategory ? $" AND t.category = {category}" : "")}
                    GROUP BY t.pn, t.category, t.person, b.provider
                  ) j
                  GROUP BY j.pn, j.category, j.person
                ) q ON q.pn = t.pn AND q.category = t.category AND q.person = t.person
                """);
        }
        return Table("persons_" + Code(period), $"""
            SELECT p.pn, p.category, p.person, CAST(SUM(p.nj) AS INTEGER) AS n, CAST(SUM(p.nj * p.nj) AS INTEGER) AS s,
                   MIN(p.unit_min) AS unit_min, MAX(p.unit_max) AS unit_max
            FROM (
              SELECT {pn} AS pn, {category} AS category, b.person, CAST(SUM(b.nj) AS INTEGER) AS nj,
                     MIN(b.uk) AS unit_min, MAX(b.uk) AS unit_max
              FROM {b.Name} b
              GROUP BY {pn}{(byCategory ? ", " + category : "")}, b.person, b.provider
            ) p
            GROUP BY p.pn, p.category, p.person
            HAVING SUM(p.nj) >= 2
            """);
    }

    /// <summary>
    /// COC = mean over people with N ≥ 2 of (S − N) / (N (N − 1)). A person seen in one unit only has
    /// the same index at that unit and every level above it, so those indices are summed per unit and
    /// the sums rolled up; people seen in several units get their provider counts rolled up first.
    /// </summary>
    private static string Continuity(IndicatorDefinition d, WorkTable b, WorkTable periods, WorkTable pu, PeriodType period, string dimension, string category) => $"""
        {InsertInto}
        SELECT {Text(d.Code)}, {Text(Code(period))}, pc.period_code, c.org_unit_id, {Text(dimension)}, c.category,
               c.num, c.den, {Number(d.Factor)} * c.num / c.den, c.den
        FROM (
          SELECT r.pn, r.org_unit_id, r.category, SUM(r.num) AS num, SUM(r.den) AS den
          FROM (
            SELECT s.pn, oa.ancestor_id AS org_unit_id, s.category, s.num, s.den
            FROM (
              SELECT u.pn, u.unit_min AS uk, u.category,
                     SUM(CAST(u.s - u.n AS DOUBLE PRECISION) / (u.n * (u.n - 1))) AS num, CAST(COUNT(*) AS DOUBLE PRECISION) AS den
              FROM {pu.Name} u
              WHERE u.unit_min = u.unit_max AND u.n >= 2
              GROUP BY u.pn, u.unit_min, u.category
            ) s
            JOIN {OrgKeys.Name} self ON self.ak = s.uk AND self.unit_id = self.ancestor_id
            JOIN org_unit_ancestor oa ON oa.unit_id = self.unit_id
            UNION ALL
            SELECT q.pn, q.org_unit_id, q.category,
                   SUM(CAST(q.s - q.n AS DOUBLE PRECISION) / (q.n * (q.n - 1))) AS num, CAST(COUNT(*) AS DOUBLE PRECISION) AS den
            FROM (
              SELECT j.pn, j.org_unit_id, j.category, j.person, SUM(j.nj) AS n, SUM(j.nj * j.nj) AS s
              FROM (
                SELECT m.pn, oa.ancestor_id AS org_unit_id, m.category, m.person, b.provider, CAST(SUM(b.nj) AS INTEGER) AS nj
                FROM {pu.Name} m
                JOIN {b.Name} b ON {Renumber(period, "b.bn")} = m.pn AND {category} = m.category AND b.person = m.person
                JOIN org_unit_ancestor oa ON oa.unit_id = b.unit_id
                WHERE m.unit_min <> m.unit_max
                GROUP BY m.pn, oa.ancestor_id, m.category, m.person, b.provider
              ) j
              GROUP BY j.pn, j.org_unit_id, j.category, j.person
              HAVING SUM(j.nj) >= 2
            ) q
            GROUP BY q.pn, q.org_unit_id, q.category
          ) r
          GROUP BY r.pn, r.org_unit_id, r.category
        ) c
        JOIN {PeriodCodes(period, periods)} pc ON pc.pn = c.pn
        """;

    /// <summary>GROUP BY of the period code, org unit and category (a constant category is not grouped).</summary>
    private static string GroupBy(PeriodType period, string category) =>
        $"{Derive(period, "b.bp")}, oa.ancestor_id" + (category.StartsWith("b.", StringComparison.Ordinal) ? ", " + category : "");

    /// <summary>The period code derived from a base period code: a quarter or year from "2024-05", a week or month as it is.</summary>
    private static string Derive(PeriodType period, string bp) => period switch
    {
        PeriodType.Quarter => $"(substr({bp}, 1, 4) || 'Q' || ((CAST(substr({bp}, 6, 2) AS INTEGER) + 2) / 3))",
        PeriodType.Year => $"substr({bp}, 1, 4)",
        _ => bp,
    };

    /// <summary>A work table named by its role (for reading timings) and a hash of its SQL (so equal tables are one).</summary>
    private static WorkTable Table(string role, string select) =>
        new($"ic_{role}_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(select)))[..12], select);

    public static string DistributionDimension(IndicatorDefinition d) => d.Measure + "_bin";

    public static string Code(PeriodType p) => p.ToString().ToLowerInvariant();

    /// <summary>
    /// A base table's SELECT: the base period code as bp, then <paramref name="rest"/> (its other
    /// columns, FROM, WHERE and a GROUP BY whose position 1 is the period). PostgreSQL groups by the
    /// truncated timestamp and formats the code after grouping: to_char on every fact row cost a third
    /// of the scan. SQLite's period expressions are text already.
    /// </summary>
    private static string ByBasePeriod(PeriodType basePeriod, Dialect dialect, string rest)
    {
        if (dialect == Dialect.Sqlite) return $"SELECT {PeriodExpression(basePeriod, dialect)} AS bp, {rest}";
        var (unit, format) = basePeriod == PeriodType.Week ? ("week", "YYYY-MM-DD") : ("month", "YYYY-MM");
        return $"SELECT to_char(x.bpt, '{format}') AS bp, x.* FROM (SELECT date_trunc('{unit}', f.at) AS bpt, {rest}) x";
    }

    /// <summary>The period code of f.at: "2024-05-06" (the week's Monday), "2024-05", "2024Q2", "2024".</summary>
    public static string PeriodExpression(PeriodType p, Dialect dialect) => (p, dialect) switch
    {
        // 'weekday 0' moves forward to Sunday (or stays on one); six days back is that week's Monday.
        (PeriodType.Week, Dialect.Sqlite) => "date(f.at, 'weekday 0', '-6 days')",
        (PeriodType.Week, _) => "to_char(date_trunc('week', f.at), 'YYYY-MM-DD')",
        (PeriodType.Month, Dialect.Sqlite) => "strftime('%Y-%m', f.at)",
        (PeriodType.Quarter, Dialect.Sqlite) => "(strftime('%Y', f.at) || 'Q' || ((CAST(strftime('%m', f.at) AS INTEGER) + 2) / 3))",
        (PeriodType.Year, Dialect.Sqlite) => "strftime('%Y', f.at)",
        (PeriodType.Month, _) => "to_char(f.at, 'YYYY-MM')",
        (PeriodType.Quarter, _) => "to_char(f.at, 'YYYY\"Q\"Q')",
        (PeriodType.Year, _) => "to_char(f.at, 'YYYY')",
        _ => throw new ArgumentOutOfRangeException(nameof(p)),
    };

    private static string Category(FactSource source, string dimension, Dialect dialect) =>
        dimension == Total ? "''" : $"COALESCE(CAST({source.Field(dimension)!.Sql(dialect)} AS TEXT), 'unknown')";

    private static string Conditions(FactSource source, IReadOnlyList<Filter> filters, Dialect dialect) =>
        filters.Count == 0 ? "1 = 1" : string.Join(" AND ", filters.Select(f => Condition(source, f, dialect)));

    private static string Condition(FactSource source, Filter f, Dialect dialect)
    {
        var e = "(" + source.Field(f.Field)!.Sql(dialect) + ")";
        return f.Op switch
        {
            "eq" => $"{e} = {Literal(f.Value!.Value)}",
            "ne" => $"{e} <> {Literal(f.Value!.Value)}",
            "lt" => $"{e} < {Literal(f.Value!.Value)}",
            "le" => $"{e} <= {Literal(f.Value!.Value)}",
            "gt" => $"{e} > {Literal(f.Value!.Value)}",
            "ge" => $"{e} >= {Literal(f.Value!.Value)}",
            "in" => $"{e} IN ({string.Join(", ", f.Value!.Value.EnumerateArray().Select(Literal))})",
            "not_in" => $"{e} NOT IN ({string.Join(", ", f.Value!.Value.EnumerateArray().Select(Literal))})",
            "is_null" => $"{e} IS NULL",
            "not_null" => $"{e} IS NOT NULL",
            _ => throw new InvalidDataException($"unknown operator {f.Op}"),
        };
    }

    private static string Literal(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => Text(v.GetString()!),
        JsonValueKind.Number => WholeOrNumber(v.GetDouble()),
        JsonValueKind.True => "TRUE",
        JsonValueKind.False => "FALSE",
        _ => throw new InvalidDataException($"unsupported literal {v}"),
    };

    private static string Text(string s) => "'" + s.Replace("'", "''") + "'";

    private static string Number(double x) => x.ToString("0.0###############", CultureInfo.InvariantCulture);

    // A whole threshold is written as an integer: PostgreSQL compares a day count (date - date, an integer) with
    // `7.0` by casting every row's count to numeric, a sixth of a care-guarantee scan (issue #20). Comparing with
    // `7` gives the same rows on both databases, whatever the field's type.
    private static string WholeOrNumber(double x) =>
        Math.Abs(x) < 1e15 && x == Math.Floor(x) ? ((long)x).ToString(CultureInfo.InvariantCulture) : Number(x);
}

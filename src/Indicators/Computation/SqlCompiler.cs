using System.Globalization;
using System.Text;
using System.Text.Json;
using Tilannekuva.Indicators.Catalogue;

namespace Tilannekuva.Indicators.Computation;

/// <summary>
/// Compiles an indicator definition to one INSERT … SELECT per period type and breakdown, for
/// SQLite or PostgreSQL. Org-unit levels come from joining org_unit_ancestor, so one statement
/// yields the unit, its municipality, area and region at once.
/// </summary>
public static class SqlCompiler
{
    public const string Total = "total";

    private const string InsertInto =
        "INSERT INTO indicator_value (indicator_code, period_type, period_code, org_unit_id, dimension, category, numerator, denominator, value, n)";

    /// <summary>Every statement that recomputes the indicator (run after deleting its old values).</summary>
    public static IEnumerable<string> Compile(IndicatorDefinition d, Dialect dialect)
    {
        foreach (var period in d.PeriodTypes)
        {
            if (d.Shape == IndicatorShape.Distribution)
            {
                yield return Distribution(d, dialect, period);
                continue;
            }
            foreach (var dimension in new[] { Total }.Concat(d.Dimensions))
                yield return d.Shape switch
                {
                    IndicatorShape.Ratio => Ratio(d, dialect, period, dimension),
                    IndicatorShape.Percentile => Percentile(d, dialect, period, dimension),
                    IndicatorShape.Continuity => Continuity(d, dialect, period, dimension),
                    _ => throw new InvalidOperationException(d.Shape.ToString()),
                };
        }
    }

    private static string Ratio(IndicatorDefinition d, Dialect dialect, PeriodType period, string dimension)
    {
        var source = FactSource.Get(d.Source);
        var numeratorCondition = Conditions(source, d.Numerator.Filters, dialect);
        var numerator = d.Numerator.Sum is { } sum
            ? $"COALESCE(SUM(CASE WHEN {numeratorCondition} THEN COALESCE({source.Field(sum)!.Sql(dialect)}, 0) ELSE 0 END), 0)"
            : $"SUM(CASE WHEN {numeratorCondition} THEN 1 ELSE 0 END)";
        var denominator = d.Denominator.Constant is { } c
            ? Number(c)
            : $"SUM(CASE WHEN {Conditions(source, d.Denominator.Filters, dialect)} THEN 1 ELSE 0 END)";
        // Sums are additive: aggregate per unit first, then roll the small result up the org-unit tree.
        return $"""
            {InsertInto}
            SELECT {Text(d.Code)}, {Text(Code(period))}, g.period_code, g.org_unit_id, {Text(dimension)}, g.category,
                   g.num, g.den, CASE WHEN g.den <> 0 THEN {Number(d.Factor)} * g.num / g.den END, g.n
            FROM (
              SELECT u.period_code, oa.ancestor_id AS org_unit_id, u.category, SUM(u.num) AS num, {(d.Denominator.Constant is { } k ? $"CAST({Number(k)} AS DOUBLE PRECISION)" : "SUM(u.den)")} AS den, SUM(u.n) AS n
              FROM (
                SELECT {PeriodExpression(period, dialect)} AS period_code, f.unit_id, {Category(source, dimension, dialect)} AS category,
                       CAST({numerator} AS DOUBLE PRECISION) AS num, CAST({denominator} AS DOUBLE PRECISION) AS den, COUNT(*) AS n
                FROM ({source.From(dialect)}) f
                WHERE {Conditions(source, d.Filters, dialect)}
                GROUP BY 1, 2, 3
              ) u
              JOIN org_unit_ancestor oa ON oa.unit_id = u.unit_id
              GROUP BY u.period_code, oa.ancestor_id, u.category
            ) g
            """;
    }

    private static string Percentile(IndicatorDefinition d, Dialect dialect, PeriodType period, string dimension)
    {
        var source = FactSource.Get(d.Source);
        var measure = source.Field(d.Measure!)!.Sql(dialect);
        if (dialect == Dialect.Postgres)
        {
            // Collect each unit's values into an array once (no 4x fan-out over the org-unit tree),
            // then per (period, org unit, category) let percentile_cont sort only that group's plain
            // doubles: much cheaper than one window sort of every row at every level.
            return $$"""
                {{InsertInto}}
                WITH u AS MATERIALIZED (
                  SELECT {{PeriodExpression(period, dialect)}} AS period_code, f.unit_id, {{Category(source, dimension, dialect)}} AS category,
                         array_agg(CAST({{measure}} AS DOUBLE PRECISION)) AS ms
                  FROM ({{source.From(dialect)}}) f
                  WHERE {{Conditions(source, d.Filters, dialect)}} AND {{measure}} IS NOT NULL
                  GROUP BY 1, 2, 3
                )
                SELECT {{Text(d.Code)}}, {{Text(Code(period))}}, k.period_code, k.org_unit_id, {{Text(dimension)}}, k.category, q.v, NULL, q.v, q.n
                FROM (
                  SELECT DISTINCT u.period_code, oa.ancestor_id AS org_unit_id, u.category
                  FROM u JOIN org_unit_ancestor oa ON oa.unit_id = u.unit_id
                ) k
                CROSS JOIN LATERAL (
                  SELECT COUNT(*) AS n, percentile_cont({{Number(d.Percentile!.Value)}}) WITHIN GROUP (ORDER BY x.m) AS v
                  FROM u JOIN org_unit_ancestor oa ON oa.unit_id = u.unit_id CROSS JOIN LATERAL unnest(u.ms) AS x(m)
                  WHERE u.period_code = k.period_code AND u.category = k.category AND oa.ancestor_id = k.org_unit_id
                ) q
                """;
        }
        var position = $"(CAST({Number(d.Percentile!.Value)} AS DOUBLE PRECISION) * (x.cnt - 1))";
        var floor = dialect == Dialect.Sqlite ? $"CAST({position} AS INTEGER)" : $"FLOOR({position})";
        return $"""
            {InsertInto}
            SELECT {Text(d.Code)}, {Text(Code(period))}, z.period_code, z.org_unit_id, {Text(dimension)}, z.category, z.v, NULL, z.v, z.n
            FROM (
              SELECT y.period_code, y.org_unit_id, y.category, MAX(y.cnt) AS n,
                     SUM(CASE WHEN y.rn = y.lo THEN y.m * (1 - y.frac) WHEN y.rn = y.lo + 1 THEN y.m * y.frac ELSE 0 END) AS v
              FROM (
                SELECT x.*, {floor} AS lo, {position} - {floor} AS frac
                FROM (
                  SELECT b.*, ROW_NUMBER() OVER (PARTITION BY b.period_code, b.org_unit_id, b.category ORDER BY b.m) - 1 AS rn,
                         COUNT(*) OVER (PARTITION BY b.period_code, b.org_unit_id, b.category) AS cnt
                  FROM (
                    SELECT e.period_code, oa.ancestor_id AS org_unit_id, e.category, e.m
                    FROM (
                      SELECT {PeriodExpression(period, dialect)} AS period_code, f.unit_id,
                             {Category(source, dimension, dialect)} AS category, CAST({measure} AS DOUBLE PRECISION) AS m
                      FROM ({source.From(dialect)}) f
                      WHERE {Conditions(source, d.Filters, dialect)} AND {measure} IS NOT NULL
                    ) e
                    JOIN org_unit_ancestor oa ON oa.unit_id = e.unit_id
                  ) b
                ) x
              ) y
              GROUP BY y.period_code, y.org_unit_id, y.category
            ) z
            """;
    }

    private static string Continuity(IndicatorDefinition d, Dialect dialect, PeriodType period, string dimension)
    {
        var source = FactSource.Get(d.Source);
        var person = source.Field(d.Person!)!.Sql(dialect);
        var provider = source.Field(d.Provider!)!.Sql(dialect);
        // Visits per person and provider are additive over units. Most people are seen in one unit
        // only in a period: their index is the same at that unit and every level above it, so their
        // indices are summed per unit and only those small sums are rolled up the tree. People seen
        // in several units get the full roll-up of their per-provider counts.
        return $"""
            WITH g AS (
              SELECT b.*, CASE WHEN MIN(b.unit_id) OVER (PARTITION BY b.period_code, b.category, b.person)
                                  = MAX(b.unit_id) OVER (PARTITION BY b.period_code, b.category, b.person) THEN 1 ELSE 0 END AS single_unit
              FROM (
                SELECT {PeriodExpression(period, dialect)} AS period_code, f.unit_id, {Category(source, dimension, dialect)} AS category,
                       {person} AS person, {provider} AS provider, COUNT(*) AS nj
                FROM ({source.From(dialect)}) f
                WHERE {Conditions(source, d.Filters, dialect)} AND {person} IS NOT NULL AND {provider} IS NOT NULL
                GROUP BY 1, 2, 3, 4, 5
              ) b
            )
            {InsertInto}
            SELECT {Text(d.Code)}, {Text(Code(period))}, c.period_code, c.org_unit_id, {Text(dimension)}, c.category,
                   c.num, c.den, {Number(d.Factor)} * c.num / c.den, c.den
            FROM (
              SELECT r.period_code, r.org_unit_id, r.category, SUM(r.num) AS num, SUM(r.den) AS den
              FROM (
                SELECT s.period_code, oa.ancestor_id AS org_unit_id, s.category, s.num, s.den
                FROM (
                  SELECT p.period_code, p.unit_id, p.category,
                         SUM(CAST(p.s - p.n AS DOUBLE PRECISION) / (p.n * (p.n - 1))) AS num, CAST(COUNT(*) AS DOUBLE PRECISION) AS den
                  FROM (
                    SELECT g.period_code, g.unit_id, g.category, g.person, SUM(g.nj) AS n, SUM(g.nj * g.nj) AS s
                    FROM g WHERE g.single_unit = 1
                    GROUP BY g.period_code, g.unit_id, g.category, g.person
                    HAVING SUM(g.nj) >= 2
                  ) p
                  GROUP BY p.period_code, p.unit_id, p.category
                ) s
                JOIN org_unit_ancestor oa ON oa.unit_id = s.unit_id
                UNION ALL
                SELECT p.period_code, p.org_unit_id, p.category,
                       SUM(CAST(p.s - p.n AS DOUBLE PRECISION) / (p.n * (p.n - 1))) AS num, CAST(COUNT(*) AS DOUBLE PRECISION) AS den
                FROM (
                  SELECT j.period_code, j.org_unit_id, j.category, j.person, SUM(j.nj) AS n, SUM(j.nj * j.nj) AS s
                  FROM (
                    SELECT g.period_code, oa.ancestor_id AS org_unit_id, g.category, g.person, g.provider, SUM(g.nj) AS nj
                    FROM g JOIN org_unit_ancestor oa ON oa.unit_id = g.unit_id
                    WHERE g.single_unit = 0
                    GROUP BY g.period_code, oa.ancestor_id, g.category, g.person, g.provider
                  ) j
                  GROUP BY j.period_code, j.org_unit_id, j.category, j.person
                  HAVING SUM(j.nj) >= 2
                ) p
                GROUP BY p.period_code, p.org_unit_id, p.category
              ) r
              GROUP BY r.period_code, r.org_unit_id, r.category
            ) c
            """;
    }

    private static string Distribution(IndicatorDefinition d, Dialect dialect, PeriodType period)
    {
        var source = FactSource.Get(d.Source);
        var measure = source.Field(d.Measure!)!.Sql(dialect);
        var bin = new StringBuilder("CASE");
        for (var i = d.Bins.Count - 1; i >= 0; i--) bin.Append(CultureInfo.InvariantCulture, $" WHEN {measure} >= {d.Bins[i]} THEN {Text(d.BinLabel(i))}");
        bin.Append(" END");
        return $"""
            {InsertInto}
            SELECT {Text(d.Code)}, {Text(Code(period))}, g.period_code, g.org_unit_id, {Text(DistributionDimension(d))}, g.category,
                   g.num, g.den, {Number(d.Factor)} * g.num / g.den, g.den
            FROM (
              SELECT u.period_code, oa.ancestor_id AS org_unit_id, u.category, CAST(SUM(u.c) AS DOUBLE PRECISION) AS num,
                     CAST(SUM(SUM(u.c)) OVER (PARTITION BY u.period_code, oa.ancestor_id) AS DOUBLE PRECISION) AS den
              FROM (
                SELECT {PeriodExpression(period, dialect)} AS period_code, f.unit_id, {bin} AS category, COUNT(*) AS c
                FROM ({source.From(dialect)}) f
                WHERE {Conditions(source, d.Filters, dialect)} AND {measure} >= {d.Bins[0]}
                GROUP BY 1, 2, 3
              ) u
              JOIN org_unit_ancestor oa ON oa.unit_id = u.unit_id
              GROUP BY u.period_code, oa.ancestor_id, u.category
            ) g
            """;
    }

    public static string DistributionDimension(IndicatorDefinition d) => d.Measure + "_bin";

    public static string Code(PeriodType p) => p.ToString().ToLowerInvariant();

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
        JsonValueKind.Number => Number(v.GetDouble()),
        JsonValueKind.True => "TRUE",
        JsonValueKind.False => "FALSE",
        _ => throw new InvalidDataException($"unsupported literal {v}"),
    };

    private static string Text(string s) => "'" + s.Replace("'", "''") + "'";

    private static string Number(double x) => x.ToString("0.0###############", CultureInfo.InvariantCulture);
}

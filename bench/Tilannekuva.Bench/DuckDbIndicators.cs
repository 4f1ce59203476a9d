using Tilannekuva.Indicators.Catalogue;

namespace Tilannekuva.Bench;

/// <summary>
/// The indicators as plain DuckDB SQL, written from the definitions in DESIGN.md, not from the
/// product's compiler: every fact row is joined to its unit's org levels and period types and grouped
/// (GROUPING SETS for the breakdowns), percentiles with quantile_cont, continuity of care per person.
/// Only the period types and breakdowns of each indicator are taken from the product's catalogue
/// (they are configuration, not the definition). Each statement inserts into ref_value, whose columns
/// are those of the product's indicator_value.
/// </summary>
public static class DuckDbIndicators
{
    public const string ValueTable = """
        CREATE OR REPLACE TABLE ref_value (indicator_code VARCHAR, period_type VARCHAR, period_code VARCHAR, org_unit_id VARCHAR,
          dimension VARCHAR, category VARCHAR, numerator DOUBLE, denominator DOUBLE, value DOUBLE, n BIGINT)
        """;

    /// <summary>Per indicator code: the SQL that computes all its values.</summary>
    public static string Sql(string code) => code switch
    {
        "care_guarantee_7d" => CareGuarantee(code, 7),
        "care_guarantee_14d" => CareGuarantee(code, 14),
        "care_guarantee_3m" => CareGuarantee(code, 90), // "≤ 3 months" read as 90 days, as the catalogue does
        "care_guarantee_wait_distribution" => WaitDistribution(code),
        "remote_contact_share" => Ratio(code, """
            SELECT unit_id, occurred_at AS at, contact_mode, profession, 'visit' AS event_kind FROM visit
            UNION ALL
            SELECT unit_id, received_at, channel, NULL, 'contact' FROM contact
            """, "contact_mode IN ('chat', 'video', 'e_message', 'e_service')", ["event_kind", "profession"], factor: 100),
        "callback_delay_median" => CallbackDelay(code, 0.5),
        "callback_delay_p90" => CallbackDelay(code, 0.9),
        "callback_same_day_share" => Ratio(code, """
            SELECT c.unit_id, c.received_at AS at, c.channel, c.callback_done_at IS NOT NULL AND CAST(c.callback_done_at AS DATE) <= d.due AS in_time
            FROM contact c JOIN due_day d ON d.day = CAST(c.callback_requested_at AS DATE)
            WHERE c.callback_requested_at IS NOT NULL
            """, "in_time", ["channel"], factor: 100),
        "callback_same_day_share_of_made" => Ratio(code, """
            SELECT c.unit_id, c.received_at AS at, c.channel, CAST(c.callback_done_at AS DATE) <= d.due AS in_time
            FROM contact c JOIN due_day d ON d.day = CAST(c.callback_requested_at AS DATE)
            WHERE c.callback_requested_at IS NOT NULL AND c.callback_done_at IS NOT NULL
            """, "in_time", ["channel"], factor: 100),
        "t3" => Ratio(code, """
            SELECT unit_id, observed_at AS at, profession, CAST(starts_at AS DATE) - CAST(observed_at AS DATE) AS t3_days
            FROM appointment_slot
            WHERE NOT is_booked AND bookable_by = 'public' AND starts_at >= observed_at
            QUALIFY row_number() OVER (PARTITION BY unit_id, profession, observed_at ORDER BY starts_at) = 3
            """, null, ["profession"], factor: 1, sum: "t3_days"),
        "failure_demand_share" => Ratio(code, "SELECT unit_id, received_at AS at, channel, demand_class FROM contact WHERE demand_class IS NOT NULL",
            "demand_class = 'failure'", ["channel"], factor: 100),
        // Person-years: failure-demand minutes over one person's yearly working minutes (1,600 h).
        "failure_demand_htv" => Ratio(code, "SELECT unit_id, received_at AS at, channel, handling_minutes FROM contact WHERE demand_class = 'failure'",
            null, ["channel"], factor: 1, sum: "handling_minutes", constantDenominator: 1600 * 60),
        "continuity_of_care" => Continuity(code),
        _ => throw new InvalidOperationException($"no DuckDB reference for {code}"),
    };

    /// <summary>
    /// Finnish working days: a request made on a Saturday, Sunday or public holiday falls due on the
    /// next working day. due_day maps every calendar day of the data to the day its requests fall due.
    /// </summary>
    public static IEnumerable<string> Calendar(IEnumerable<DateOnly> holidays, DateOnly first, DateOnly last)
    {
        yield return "CREATE OR REPLACE TABLE holiday (day DATE)";
        var list = holidays.Where(h => h >= first && h <= last.AddDays(30)).Select(h => $"(DATE '{h:yyyy-MM-dd}')").ToList();
        if (list.Count > 0) yield return "INSERT INTO holiday VALUES " + string.Join(", ", list);
        yield return $"""
            CREATE OR REPLACE TABLE due_day AS
            WITH days AS (SELECT CAST(d AS DATE) AS day FROM range(DATE '{first:yyyy-MM-dd}', DATE '{last.AddDays(30):yyyy-MM-dd}', INTERVAL 1 DAY) t(d)),
                 working AS (SELECT day FROM days WHERE isodow(day) <= 5 AND day NOT IN (SELECT day FROM holiday))
            SELECT d.day, MIN(w.day) AS due FROM days d JOIN working w ON w.day >= d.day AND w.day < d.day + 20 GROUP BY d.day
            """;
    }

    private static string CareGuarantee(string code, int days) =>
        Ratio(code, CareGuaranteeVisits, $"wait_days <= {days}", ["profession", "contact_mode"], factor: 100);

    /// <summary>Completed non-urgent primary outpatient visits with a care-need assessment (its date given or from the linked assessment), care-plan and certificate-only visits excluded.</summary>
    private const string CareGuaranteeVisits = """
        SELECT * FROM (
          SELECT v.unit_id, v.occurred_at AS at, v.profession, v.contact_mode,
                 CAST(v.occurred_at AS DATE) - COALESCE(v.assessment_date, CAST(a.assessed_at AS DATE)) AS wait_days
          FROM visit v LEFT JOIN care_need_assessment a ON a.source_id = v.assessment_source_id
          WHERE v.service = 'outpatient_care' AND v.urgency = 'non_urgent' AND NOT v.care_plan_visit AND NOT v.certificate_only)
        WHERE wait_days >= 0
        """;

    private static IndicatorDefinition Definition(string code) => IndicatorCatalogue.Get(code);

    /// <summary>The fact rows with their period codes (week's Monday, month, quarter, year) computed once.</summary>
    private static string WithPeriods(string facts) => $"""
        SELECT x.*, strftime(date_trunc('week', x.at), '%Y-%m-%d') AS wk, strftime(x.at, '%Y-%m') AS mo,
               strftime(x.at, '%Y') || 'Q' || quarter(x.at) AS qu, strftime(x.at, '%Y') AS yr
        FROM ({facts}) x
        """;

    private static string PeriodTypes(string code) =>
        "(VALUES " + string.Join(", ", Definition(code).PeriodTypes.Select(p => $"('{p.ToString().ToLowerInvariant()}')")) + ") p(period_type)";

    private const string PeriodCode = "CASE p.period_type WHEN 'week' THEN f.wk WHEN 'month' THEN f.mo WHEN 'quarter' THEN f.qu ELSE f.yr END";

    private static string Category(string field) => $"COALESCE(CAST(f.{field} AS VARCHAR), 'unknown')";

    /// <summary>GROUPING SETS of the total and each breakdown, with the dimension's name and the category.</summary>
    private static (string Sets, string Dimension, string Category) Breakdowns(IReadOnlyList<string> dimensions)
    {
        const string keys = "p.period_type, period_code, a.ancestor_id";
        var sets = $"GROUPING SETS (({keys})" + string.Concat(dimensions.Select(d => $", ({keys}, {Category(d)})")) + ")";
        var dimension = dimensions.Count == 0 ? "'total'"
            : "CASE " + string.Concat(dimensions.Select(d => $"WHEN GROUPING({Category(d)}) = 0 THEN '{d}' ")) + "ELSE 'total' END";
        var category = dimensions.Count == 0 ? "''" : $"COALESCE({string.Join(", ", dimensions.Select(Category))}, '')";
        return (sets, dimension, category);
    }

    /// <summary>
    /// factor × numerator / denominator per period, org unit and breakdown; the numerator counts rows
    /// meeting <paramref name="numerator"/> or sums <paramref name="sum"/>. The facts are first summed
    /// per unit, day and breakdown values (counts and sums add up), then rolled up.
    /// </summary>
    private static string Ratio(string code, string facts, string? numerator, IReadOnlyList<string> dimensions, double factor, string? sum = null, double? constantDenominator = null)
    {
        var (sets, dimension, category) = Breakdowns(dimensions);
        var num = sum is not null ? $"COALESCE(SUM({(numerator is null ? $"f.{sum}" : $"CASE WHEN {numerator} THEN f.{sum} END")}), 0)"
            : $"SUM(CASE WHEN {numerator} THEN 1 ELSE 0 END)";
        var den = constantDenominator is { } k ? $"CAST({k} AS DOUBLE)" : "SUM(f.n)";
        var keys = string.Concat(dimensions.Select(d => $", f.{d}"));
        return $"""
            INSERT INTO ref_value
            SELECT '{code}', period_type, period_code, org_unit_id, dimension, category, num, den,
                   CASE WHEN den <> 0 THEN CAST({factor} AS DOUBLE) * num / den END, n
            FROM (
              SELECT p.period_type, {PeriodCode} AS period_code, a.ancestor_id AS org_unit_id, {dimension} AS dimension, {category} AS category,
                     SUM(f.num) AS num, {den} AS den, SUM(f.n) AS n
              FROM ({WithPeriods($"SELECT f.unit_id, CAST(f.at AS DATE) AS at{keys}, CAST({num} AS DOUBLE) AS num, COUNT(*) AS n FROM ({facts}) f GROUP BY ALL")}) f
              JOIN org_unit_ancestor a ON a.unit_id = f.unit_id
              CROSS JOIN {PeriodTypes(code)}
              GROUP BY {sets})
            """;
    }

    private static string CallbackDelay(string code, double p)
    {
        var (sets, dimension, category) = Breakdowns(["channel"]);
        return $"""
            INSERT INTO ref_value
            SELECT '{code}', period_type, period_code, org_unit_id, dimension, category, v, NULL, v, n
            FROM (
              SELECT p.period_type, {PeriodCode} AS period_code, a.ancestor_id AS org_unit_id, {dimension} AS dimension, {category} AS category,
                     quantile_cont(f.hours, {p}) AS v, COUNT(*) AS n
              FROM ({WithPeriods("""
                SELECT unit_id, received_at AS at, channel, date_diff('second', callback_requested_at, callback_done_at) / 3600.0 AS hours
                FROM contact WHERE callback_requested_at IS NOT NULL AND callback_done_at IS NOT NULL
                """)}) f
              JOIN org_unit_ancestor a ON a.unit_id = f.unit_id
              CROSS JOIN {PeriodTypes(code)}
              GROUP BY {sets})
            """;
    }

    private static string WaitDistribution(string code) => $"""
        INSERT INTO ref_value
        SELECT '{code}', period_type, period_code, org_unit_id, 'wait_days_bin', bin, c, SUM(c) OVER w, CAST(100 AS DOUBLE) * c / SUM(c) OVER w, SUM(c) OVER w
        FROM (
          SELECT p.period_type, {PeriodCode} AS period_code, a.ancestor_id AS org_unit_id,
                 CASE WHEN f.wait_days = 0 THEN '0' WHEN f.wait_days <= 7 THEN '1-7' WHEN f.wait_days <= 14 THEN '8-14' WHEN f.wait_days <= 28 THEN '15-28'
                      WHEN f.wait_days <= 90 THEN '29-90' WHEN f.wait_days <= 180 THEN '91-180' ELSE '181-' END AS bin,
                 CAST(COUNT(*) AS DOUBLE) AS c
          FROM ({WithPeriods(CareGuaranteeVisits)}) f
          JOIN org_unit_ancestor a ON a.unit_id = f.unit_id
          CROSS JOIN {PeriodTypes(code)}
          GROUP BY ALL)
        WINDOW w AS (PARTITION BY period_type, period_code, org_unit_id)
        """;

    /// <summary>
    /// Bice–Boxerman: per person with N ≥ 2 primary outpatient visits in the group, (Σ nⱼ² − N) / (N (N − 1))
    /// over the providers j; the mean over those people. Visits are first counted per unit, month,
    /// profession, person and provider; people, providers, org units and periods are numbered, so the
    /// big grouping (every period type and org level) groups integers, not strings (with strings
    /// DuckDB took minutes here on the loaded benchmark machine).
    /// </summary>
    private static string Continuity(string code) => $"""
        INSERT INTO ref_value
        WITH visits AS (
          SELECT unit_id, date_trunc('month', occurred_at) AS at, COALESCE(profession, 'unknown') AS profession, person, practitioner AS provider, COUNT(*) AS nj
          FROM visit WHERE service = 'outpatient_care' AND person IS NOT NULL AND practitioner IS NOT NULL
          GROUP BY ALL),
        people AS (SELECT person, row_number() OVER () AS pk FROM (SELECT DISTINCT person FROM visits)),
        providers AS (SELECT provider, row_number() OVER () AS qk FROM (SELECT DISTINCT provider FROM visits)),
        professions AS (SELECT profession, row_number() OVER () AS ck FROM (SELECT DISTINCT profession FROM visits)),
        orgs AS (SELECT id, row_number() OVER () AS ok FROM org_unit),
        periods AS (
          SELECT DISTINCT p.period_type, {PeriodCode} AS period_code, f.at,
                 dense_rank() OVER (ORDER BY p.period_type, {PeriodCode}) AS tk
          FROM ({WithPeriods("SELECT DISTINCT v.at FROM visits v")}) f CROSS JOIN {PeriodTypes(code)}),
        x AS (
          SELECT t.tk, o.ok, c.ck, pe.pk, pr.qk, f.nj
          FROM visits f
          JOIN people pe ON pe.person = f.person JOIN providers pr ON pr.provider = f.provider JOIN professions c ON c.profession = f.profession
          JOIN org_unit_ancestor a ON a.unit_id = f.unit_id JOIN orgs o ON o.id = a.ancestor_id
          JOIN periods t ON t.at = f.at),
        j AS (
          SELECT tk, ok, 0 AS ck, pk, qk, SUM(nj) AS nj FROM x GROUP BY ALL
          UNION ALL
          SELECT tk, ok, ck, pk, qk, SUM(nj) FROM x GROUP BY ALL),
        q AS (SELECT tk, ok, ck, pk, SUM(nj) AS n, SUM(nj * nj) AS s FROM j GROUP BY ALL HAVING SUM(nj) >= 2),
        g AS (SELECT tk, ok, ck, SUM(CAST(s - n AS DOUBLE) / CAST(n * (n - 1) AS DOUBLE)) AS num, CAST(COUNT(*) AS DOUBLE) AS den FROM q GROUP BY ALL)
        SELECT '{code}', t.period_type, t.period_code, o.id, CASE WHEN g.ck = 0 THEN 'total' ELSE 'profession' END, COALESCE(c.profession, ''),
               g.num, g.den, CAST(1 AS DOUBLE) * g.num / g.den, g.den
        FROM g JOIN (SELECT DISTINCT period_type, period_code, tk FROM periods) t ON t.tk = g.tk JOIN orgs o ON o.ok = g.ok
        LEFT JOIN professions c ON c.ck = g.ck
        """;
}

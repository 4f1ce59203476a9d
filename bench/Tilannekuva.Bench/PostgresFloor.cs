using System.Data.Common;
using System.Diagnostics;
using Tilannekuva.Indicators.Computation;

namespace Tilannekuva.Bench;

/// <summary>
/// PostgreSQL's floor for the indicators that stay over 2× DuckDB when computed alone: the cheapest statement
/// we found that reads an indicator's rows and groups them by day, unit and breakdown (the grain every one
/// of its values is summed from), with nothing rolled up to weeks, months or org levels and nothing
/// written. Whatever the product does on top of it, its time cannot be below this one; when the floor is
/// already over 2× DuckDB's whole statement, so is any product on this server at these settings
/// (issue #20, docs/benchmarks.md "Tenth round"). Tried and not faster: grouping by <c>date_trunc('day', …)</c>,
/// columns reordered so the grouped ones come first, two parallel workers on two cores.
/// </summary>
public static class PostgresFloor
{
    /// <summary>The product's settings for a lone indicator's statements.</summary>
    private static readonly string Settings = IndicatorComputer.StatementSettings(1, Dialect.Postgres);

    private const string CallbackRows = """
        FROM contact c LEFT JOIN working_day wd ON wd.day = c.callback_requested_at::date
        WHERE c.callback_requested_at IS NOT NULL
        """;

    private const string RemoteModes = "'chat', 'video', 'e_message', 'e_service'";

    private static string CareGuarantee(int days) => $"""
        SELECT v.occurred_at::date, v.unit_id, v.profession, v.contact_mode, count(*) AS n,
               sum(CASE WHEN v.occurred_at::date - COALESCE(v.assessment_date, a.assessed_at::date) <= {days} THEN 1 ELSE 0 END) AS num
        FROM visit v LEFT JOIN care_need_assessment a ON a.source_id = v.assessment_source_id
        WHERE v.service = 'outpatient_care' AND v.urgency = 'non_urgent' AND NOT v.care_plan_visit AND NOT v.certificate_only
          AND v.occurred_at::date - COALESCE(v.assessment_date, a.assessed_at::date) >= 0
        GROUP BY 1, 2, 3, 4
        """;

    /// <summary>
    /// Per indicator code: its floor statement (a SELECT whose rows are counted, not fetched; every column computed). Each
    /// group's fact count is <c>n</c> and its numerator's sum <c>num</c>, so a test can hold them against the stored values.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Statements = new Dictionary<string, string>
    {
        ["callback_same_day_share"] = $"""
            SELECT c.received_at::date, c.unit_id, c.channel, count(*) AS n,
                   sum(CASE WHEN c.callback_done_at::date <= wd.due_day THEN 1 ELSE 0 END) AS num
            {CallbackRows}
            GROUP BY 1, 2, 3
            """,
        ["callback_same_day_share_of_made"] = $"""
            SELECT c.received_at::date, c.unit_id, c.channel, count(*) AS n,
                   sum(CASE WHEN c.callback_done_at::date <= wd.due_day THEN 1 ELSE 0 END) AS num
            {CallbackRows} AND c.callback_done_at IS NOT NULL
            GROUP BY 1, 2, 3
            """,
        ["care_guarantee_14d"] = CareGuarantee(14),
        ["care_guarantee_3m"] = CareGuarantee(90),
        ["care_guarantee_7d"] = CareGuarantee(7),
        ["failure_demand_htv"] = """
            SELECT c.received_at::date, c.unit_id, c.channel, count(*) AS n, sum(c.handling_minutes) AS num
            FROM contact c WHERE c.demand_class = 'failure'
            GROUP BY 1, 2, 3
            """,
        ["failure_demand_share"] = """
            SELECT c.received_at::date, c.unit_id, c.channel, count(*) AS n, sum(CASE WHEN c.demand_class = 'failure' THEN 1 ELSE 0 END) AS num
            FROM contact c WHERE c.demand_class IS NOT NULL
            GROUP BY 1, 2, 3
            """,
        // Visits and contacts each grouped by themselves, as the product's day table does (CitusSql.SumPerLeg). No NULL
        // column: the measurement's row test (Measured) would find every contact row NULL and skip the leg unread.
        ["remote_contact_share"] = $"""
            SELECT v.occurred_at::date, v.unit_id, 'visit' AS kind, v.profession, count(*) AS n,
                   sum(CASE WHEN v.contact_mode IN ({RemoteModes}) THEN 1 ELSE 0 END) AS num
            FROM visit v GROUP BY 1, 2, 4
            UNION ALL
            SELECT c.received_at::date, c.unit_id, 'contact', 'unknown', count(*), sum(CASE WHEN c.channel IN ({RemoteModes}) THEN 1 ELSE 0 END)
            FROM contact c GROUP BY 1, 2
            """,
        ["t3"] = """
            SELECT s.observed_at::date, s.unit_id, s.profession, count(*) AS n, sum(s.t3_days) AS num
            FROM (SELECT unit_id, profession, observed_at, starts_at::date - observed_at::date AS t3_days,
                         row_number() OVER (PARTITION BY unit_id, profession, observed_at ORDER BY starts_at) AS rn
                  FROM appointment_slot WHERE NOT is_booked AND bookable_by = 'public' AND starts_at >= observed_at) s
            WHERE s.rn = 3
            GROUP BY 1, 2, 3
            """,
    };

    /// <summary>
    /// The statement that is timed: the groups of <paramref name="select"/> counted. The row reference keeps every column:
    /// PostgreSQL drops a subquery's unused outputs (and then a left join whose columns nobody reads), and `count(*)` alone
    /// measured a scan without the sums. A group with a NULL column would not be counted (`floor IS NOT NULL` holds only
    /// when none of its columns is NULL), and the planner may then skip reading its rows: the floor statements have
    /// none, and the test counts the groups both ways.
    /// </summary>
    public static string Measured(string select) => $"SELECT count(*) FROM ({select}) floor WHERE floor IS NOT NULL";

    /// <summary>The best of <paramref name="runs"/> runs of each floor statement on <paramref name="connection"/> (opened and closed here).</summary>
    public static async Task<IReadOnlyDictionary<string, TimeSpan>> MeasureAsync(DbConnection connection, int runs, CancellationToken ct)
    {
        var best = new Dictionary<string, TimeSpan>();
        await connection.OpenAsync(ct);
        try
        {
            await ExecuteAsync(connection, Settings, ct);
            foreach (var (code, select) in Statements)
                for (var i = 0; i < runs; i++)
                {
                    var clock = Stopwatch.StartNew();
                    await ExecuteAsync(connection, Measured(select), ct);
                    best[code] = i == 0 ? clock.Elapsed : TimeSpan.FromTicks(Math.Min(best[code].Ticks, clock.Elapsed.Ticks));
                }
            await ExecuteAsync(connection, "RESET ALL", ct);
        }
        finally
        {
            await connection.CloseAsync();
        }
        return best;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

namespace Tilannekuva.Indicators.Computation;

/// <summary>The SQL the compiler emits: SQLite, PostgreSQL, or PostgreSQL for Citus (docs/citus.md: PostgreSQL's SQL with per-person work tables distributed).</summary>
public enum Dialect { Sqlite, Postgres, Citus }

/// <summary>
/// One row an indicator counts, as the reference evaluator sees it (the SQL sees the same row as
/// the source's subquery). Codes are the canonical snake_case strings.
/// </summary>
public sealed class Fact
{
    public required string UnitId { get; init; }
    /// <summary>The time that decides the period.</summary>
    public DateTime At { get; init; }
    public string EventKind { get; init; } = "";
    public string? Person { get; init; }
    public string? Urgency { get; init; }
    public string? ContactMode { get; init; }
    public string? Profession { get; init; }
    public string? Service { get; init; }
    public string? Practitioner { get; init; }
    public bool CarePlanVisit { get; init; }
    public bool CertificateOnly { get; init; }
    public DateOnly? AssessmentDate { get; init; }
    public string? Outcome { get; init; }
    public string? DemandClass { get; init; }
    public double? HandlingMinutes { get; init; }
    public DateTime? CallbackRequestedAt { get; init; }
    public DateTime? CallbackDoneAt { get; init; }
    /// <summary>The working day the callback request falls due (<see cref="Calendar.FinnishWorkingDays.DueDay"/>).</summary>
    public DateOnly? CallbackDueDay { get; init; }
    public double? T3Days { get; init; }
}

/// <summary>A field of a fact source: its SQL expression over the source row <c>f</c> per dialect, and its C# value.</summary>
public sealed record FactField(string Name, string Sqlite, string Postgres, Func<Fact, object?> Value)
{
    public string Sql(Dialect d) => d == Dialect.Sqlite ? Sqlite : Postgres;

    public static FactField Column(string name, Func<Fact, object?> value) => new(name, "f." + name, "f." + name, value);
}

/// <summary>
/// The rows an indicator can be defined over, with the fields filters, measures and breakdowns may
/// name. The subquery selects at least unit_id and at; the fields compute from its columns.
/// </summary>
public sealed class FactSource(string name, string sqliteFrom, string postgresFrom, IReadOnlyList<FactField> fields, bool materialise = false)
{
    public string Name => name;

    /// <summary>
    /// Whether a recompute copies the source's rows once into a work table when several indicators
    /// read it: worth it for a join (visits with their assessments), not for one table's columns,
    /// which each reader scans as fast as it would scan the copy.
    /// </summary>
    public bool Materialise => materialise;
    public IReadOnlyList<FactField> Fields => fields;
    public string From(Dialect d) => d == Dialect.Sqlite ? sqliteFrom : d == Dialect.Citus ? CitusSql.From(this, postgresFrom) : postgresFrom;
    public FactField? Field(string field) => fields.FirstOrDefault(f => f.Name == field);

    public static FactSource Get(string name) => All.FirstOrDefault(s => s.Name == name) ?? throw new InvalidDataException($"Unknown fact source '{name}'");

    public static readonly FactSource Visit = new("visit",
        """
        SELECT v.unit_id, v.occurred_at AS at, v.person_pseudonym AS person, v.urgency, v.contact_mode, v.profession, v.service,
               v.practitioner, v.care_plan_visit, v.certificate_only, COALESCE(v.assessment_date, date(a.assessed_at)) AS assessment_date
        FROM visit v LEFT JOIN care_need_assessment a ON a.source_id = v.assessment_source_id
        """,
        """
        SELECT v.unit_id, v.occurred_at AS at, v.person_pseudonym AS person, v.urgency, v.contact_mode, v.profession, v.service,
               v.practitioner, v.care_plan_visit, v.certificate_only, COALESCE(v.assessment_date, a.assessed_at::date) AS assessment_date
        FROM visit v LEFT JOIN care_need_assessment a ON a.source_id = v.assessment_source_id
        """,
        [
            FactField.Column("urgency", f => f.Urgency),
            FactField.Column("contact_mode", f => f.ContactMode),
            FactField.Column("profession", f => f.Profession),
            FactField.Column("service", f => f.Service),
            FactField.Column("person", f => f.Person),
            FactField.Column("practitioner", f => f.Practitioner),
            new("care_plan_visit", "f.care_plan_visit <> 0", "f.care_plan_visit", f => f.CarePlanVisit),
            new("certificate_only", "f.certificate_only <> 0", "f.certificate_only", f => f.CertificateOnly),
            new("has_assessment", "(f.assessment_date IS NOT NULL)", "(f.assessment_date IS NOT NULL)", f => f.AssessmentDate is not null),
            // Calendar days from the assessment to the visit; a same-day visit waits 0 days.
            new("wait_days",
                "CAST(julianday(date(f.at)) - julianday(f.assessment_date) AS INTEGER)",
                "(f.at::date - f.assessment_date)",
                f => f.AssessmentDate is { } a ? (double)(DateOnly.FromDateTime(f.At).DayNumber - a.DayNumber) : null),
        ], materialise: true);

    public static readonly FactSource Contact = new("contact",
        """
        SELECT c.unit_id, c.received_at AS at, c.channel, c.outcome, c.demand_class, c.handling_minutes,
               c.callback_requested_at, c.callback_done_at, wd.due_day AS callback_due_day
        FROM contact c LEFT JOIN working_day wd ON wd.day = date(c.callback_requested_at)
        """,
        """
        SELECT c.unit_id, c.received_at AS at, c.channel, c.outcome, c.demand_class, c.handling_minutes,
               c.callback_requested_at, c.callback_done_at, wd.due_day AS callback_due_day
        FROM contact c LEFT JOIN working_day wd ON wd.day = c.callback_requested_at::date
        """,
        [
            FactField.Column("channel", f => f.ContactMode),
            FactField.Column("outcome", f => f.Outcome),
            FactField.Column("demand_class", f => f.DemandClass),
            FactField.Column("handling_minutes", f => f.HandlingMinutes),
            new("callback_requested", "(f.callback_requested_at IS NOT NULL)", "(f.callback_requested_at IS NOT NULL)", f => f.CallbackRequestedAt is not null),
            new("callback_done", "(f.callback_done_at IS NOT NULL)", "(f.callback_done_at IS NOT NULL)", f => f.CallbackDoneAt is not null),
            new("callback_hours",
                "((strftime('%s', f.callback_done_at) - strftime('%s', f.callback_requested_at)) / 3600.0)",
                "(date_part('epoch', f.callback_done_at - f.callback_requested_at) / 3600.0)",
                f => f is { CallbackDoneAt: { } d, CallbackRequestedAt: { } r } ? (d - r).TotalSeconds / 3600.0 : null),
            // Called back by the end of the working day the request falls due (working_day: a request
            // on a Saturday, Sunday or holiday falls due the next working day). Never called back: false,
            // so a request left unanswered counts against the share. A request outside the calendar's
            // years has no due day: unknown (null), in the SQL and the reference alike.
            new("callback_same_day",
                "(f.callback_done_at IS NOT NULL AND date(f.callback_done_at) <= f.callback_due_day)",
                "(f.callback_done_at IS NOT NULL AND f.callback_done_at::date <= f.callback_due_day)",
                f => f.CallbackDoneAt is not { } d ? false : f.CallbackDueDay is { } due ? DateOnly.FromDateTime(d) <= due : null),
        ]);

    public static readonly FactSource VisitOrContact = new("visit_or_contact",
        """
        SELECT v.unit_id, v.occurred_at AS at, v.contact_mode, v.profession, 'visit' AS event_kind FROM visit v
        UNION ALL
        SELECT c.unit_id, c.received_at AS at, c.channel AS contact_mode, NULL AS profession, 'contact' AS event_kind FROM contact c
        """,
        """
        SELECT v.unit_id, v.occurred_at AS at, v.contact_mode, v.profession, 'visit' AS event_kind FROM visit v
        UNION ALL
        SELECT c.unit_id, c.received_at AS at, c.channel AS contact_mode, NULL AS profession, 'contact' AS event_kind FROM contact c
        """,
        [
            FactField.Column("contact_mode", f => f.ContactMode),
            FactField.Column("profession", f => f.Profession),
            FactField.Column("event_kind", f => f.EventKind),
        ]);

    /// <summary>
    /// One T3 measurement per slot snapshot (unit × profession × observed_at): calendar days from
    /// the measurement moment to the third free slot bookable for non-urgent care. A snapshot with
    /// fewer than three free slots yields no measurement.
    /// </summary>
    public static readonly FactSource T3Measurement = new("t3_measurement",
        """
        SELECT s.unit_id, s.observed_at AS at, s.profession, s.t3_days FROM (
          SELECT unit_id, profession, observed_at, CAST(julianday(date(starts_at)) - julianday(date(observed_at)) AS INTEGER) AS t3_days,
                 ROW_NUMBER() OVER (PARTITION BY unit_id, profession, observed_at ORDER BY starts_at) AS rn
          FROM appointment_slot WHERE is_booked = 0 AND bookable_by = 'public' AND starts_at >= observed_at) s
        WHERE s.rn = 3
        """,
        """
        SELECT s.unit_id, s.observed_at AS at, s.profession, s.t3_days FROM (
          SELECT unit_id, profession, observed_at, (starts_at::date - observed_at::date) AS t3_days,
                 ROW_NUMBER() OVER (PARTITION BY unit_id, profession, observed_at ORDER BY starts_at) AS rn
          FROM appointment_slot WHERE NOT is_booked AND bookable_by = 'public' AND starts_at >= observed_at) s
        WHERE s.rn = 3
        """,
        [
            FactField.Column("profession", f => f.Profession),
            FactField.Column("t3_days", f => f.T3Days),
        ]);

    public static readonly IReadOnlyList<FactSource> All = [Visit, Contact, VisitOrContact, T3Measurement];

    /// <summary>
    /// The T3 measurements over some of the slot snapshots only (a steering board's units and recent days):
    /// the same definition, with <c>appointment_slot</c> replaced by <paramref name="slotRows"/>, a SELECT of its rows.
    /// </summary>
    public static string T3MeasurementOver(Dialect dialect, string slotRows) =>
        T3Measurement.From(dialect).Replace("FROM appointment_slot", $"FROM ({slotRows}) slots", StringComparison.Ordinal);
}

namespace Tilannekuva.Bench;

/// <summary>
/// Loads the synthetic region's export files into DuckDB with plain SQL: the same CSV files the
/// product imports, with the visit file's Finnish headers and national codes mapped as its mapping
/// file says. Two ways, timed apart: a plain load (parse, map, type) and a load with the checks the
/// product's import makes (identity code check character, known unit, parseable dates and codes,
/// callback not before its request, visit not before its assessment, one row per source id) and the
/// identity code replaced by a keyed hash. DuckDB has no HMAC; SHA-256 of key and code stands in.
/// </summary>
public static class DuckDbLoad
{
    private const string Stamp = "'%-d.%-m.%Y %-H:%M'";

    private static string Csv(string folder, string file, string encoding = "utf-8") =>
        $"read_csv('{Path.Combine(folder, file).Replace("'", "''")}', delim = ';', header = true, all_varchar = true, encoding = '{encoding}')";

    /// <summary>The org units and their closure (every unit with itself and each unit above it), as org_unit_ancestor in the product.</summary>
    public static IEnumerable<(string Table, string Sql)> OrgUnits(string folder) =>
    [
        ("org_unit", $"CREATE TABLE org_unit AS SELECT source_id AS id, NULLIF(parent_id, '') AS parent_id, kind FROM {Csv(folder, "org_units.csv")}"),
        ("org_unit_ancestor", """
            CREATE TABLE org_unit_ancestor AS
            WITH RECURSIVE a(unit_id, ancestor_id) AS (
              SELECT id, id FROM org_unit
              UNION ALL
              SELECT a.unit_id, o.parent_id FROM a JOIN org_unit o ON o.id = a.ancestor_id WHERE o.parent_id IS NOT NULL)
            SELECT * FROM a
            """),
    ];

    private static string VisitColumns(string person) => $"""
        KayntiID AS source_id, {person} AS person, Toimipiste AS unit_id, strptime(Kayntiaika, {Stamp}) AS occurred_at,
        CASE Kiireellisyys WHEN 'K' THEN 'urgent' WHEN 'E' THEN 'non_urgent' END AS urgency,
        CASE Yhteystapa WHEN 'R10' THEN 'physical' WHEN 'R20' THEN 'home_visit' WHEN 'R50' THEN 'phone' WHEN 'R52' THEN 'e_message'
                        WHEN 'R55' THEN 'video' WHEN 'R56' THEN 'chat' END AS contact_mode,
        CASE Ammattiryhma WHEN 'lääkäri' THEN 'doctor' WHEN 'hoitaja' THEN 'nurse' WHEN 'muu' THEN 'other' END AS profession,
        CASE Palvelu WHEN 'avosairaanhoito' THEN 'outpatient_care' WHEN 'suun terveydenhuolto' THEN 'oral_care' WHEN 'mielenterveys' THEN 'mental_health' END AS service,
        NULLIF(HTA_ID, '') AS assessment_source_id, CAST(strptime(NULLIF(HTA_pvm, ''), '%-d.%-m.%Y') AS DATE) AS assessment_date,
        NULLIF(Hoitaja, '') AS practitioner, Hoitosuunnitelma = '1' AS care_plan_visit, Todistus = '1' AS certificate_only
        """;

    private const string ContactColumns = $"""
        source_id, unit_id, strptime(received_at, {Stamp}) AS received_at, channel, NULLIF(reason, '') AS reason, outcome,
        strptime(NULLIF(callback_requested_at, ''), {Stamp}) AS callback_requested_at, strptime(NULLIF(callback_done_at, ''), {Stamp}) AS callback_done_at,
        NULLIF(demand_class, '') AS demand_class, CAST(replace(handling_minutes, ',', '.') AS DOUBLE) AS handling_minutes
        """;

    private const string SlotColumns = $"""
        source_id, unit_id, profession, strptime(starts_at, {Stamp}) AS starts_at, bookable_by, is_booked = '1' AS is_booked,
        strptime(observed_at, {Stamp}) AS observed_at
        """;

    private const string AssessmentColumns = $"source_id, person_id AS person, unit_id, strptime(assessed_at, {Stamp}) AS assessed_at, channel, profession";

    /// <summary>The four event files as the indicators need them: parse, map, type; nothing checked.</summary>
    public static IEnumerable<(string Table, string Sql)> Plain(string folder) =>
    [
        ("care_need_assessment", $"CREATE TABLE care_need_assessment AS SELECT {AssessmentColumns} FROM {Csv(folder, "assessments.csv")}"),
        ("visit", $"CREATE TABLE visit AS SELECT {VisitColumns("Henkilotunnus")} FROM {Csv(folder, "visits.csv")}"),
        ("contact", $"CREATE TABLE contact AS SELECT {ContactColumns} FROM {Csv(folder, "contacts.csv", "latin-1")}"),
        ("appointment_slot", $"CREATE TABLE appointment_slot AS SELECT {SlotColumns} FROM {Csv(folder, "slots.csv")}"),
    ];

    // The product's identity-code rule: ddmmyy, century sign, individual number, check character of the nine digits mod 31.
    private static string IdentityProblem(string code) =>
        $"CASE WHEN NOT regexp_full_match({code}, '[0-9]{{6}}[-+A-FYXWVU][0-9]{{3}}[0-9A-Y]') THEN 'identity code' " +
        $"WHEN substr('0123456789ABCDEFHJKLMNPRSTUVWXY', CAST(CAST(substr({code}, 1, 6) || substr({code}, 8, 3) AS BIGINT) % 31 AS INTEGER) + 1, 1) <> substr({code}, 11, 1) " +
        "THEN 'check character' END";

    /// <summary>A bad value in a checked load becomes NULL (and a problem) instead of stopping the load.</summary>
    private static string Tolerant(string columns) =>
        columns.Replace("strptime(", "try_strptime(", StringComparison.Ordinal).Replace("CAST(replace(", "TRY_CAST(replace(", StringComparison.Ordinal);

    private const string Key = "'synthetic-demo-region-key-not-for-real-data'";

    /// <summary>
    /// The same tables with the import's checks: each row's first problem is recorded (rows with one
    /// are left out and counted), duplicates of a source id kept once, identity codes hashed.
    /// </summary>
    public static IEnumerable<(string Table, string Sql)> Validated(string folder) =>
    [
        ("care_need_assessment", $"""
            CREATE TABLE care_need_assessment AS
            WITH r AS (SELECT *, {IdentityProblem("person_id")} AS identity_problem FROM {Csv(folder, "assessments.csv")}),
                 t AS (SELECT {Tolerant(AssessmentColumns).Replace("person_id AS person", $"sha256({Key} || person_id) AS person")},
                              COALESCE(identity_problem,
                                       CASE WHEN source_id IS NULL OR source_id = '' THEN 'source id'
                                            WHEN unit_id NOT IN (SELECT id FROM org_unit) THEN 'unknown unit'
                                            WHEN try_strptime(assessed_at, {Stamp}) IS NULL THEN 'assessed_at' END) AS problem
                       FROM r)
            SELECT * EXCLUDE (problem) FROM t WHERE problem IS NULL QUALIFY row_number() OVER (PARTITION BY source_id) = 1
            """),
        ("visit", $"""
            CREATE TABLE visit AS
            WITH r AS (SELECT *, {IdentityProblem("Henkilotunnus")} AS identity_problem FROM {Csv(folder, "visits.csv")}),
                 t AS (SELECT {Tolerant(VisitColumns($"sha256({Key} || Henkilotunnus)"))}, identity_problem, Kayntiaika, HTA_pvm FROM r),
                 c AS (SELECT * EXCLUDE (identity_problem, Kayntiaika, HTA_pvm),
                              COALESCE(identity_problem,
                                       CASE WHEN source_id IS NULL OR source_id = '' THEN 'source id'
                                            WHEN unit_id NOT IN (SELECT id FROM org_unit) THEN 'unknown unit'
                                            WHEN try_strptime(Kayntiaika, {Stamp}) IS NULL THEN 'occurred_at'
                                            WHEN HTA_pvm <> '' AND try_strptime(HTA_pvm, '%-d.%-m.%Y') IS NULL THEN 'assessment_date'
                                            WHEN urgency IS NULL OR contact_mode IS NULL OR profession IS NULL OR service IS NULL THEN 'code'
                                            WHEN assessment_date > CAST(occurred_at AS DATE) THEN 'visit before assessment' END) AS problem
                       FROM t)
            SELECT * EXCLUDE (problem) FROM c WHERE problem IS NULL QUALIFY row_number() OVER (PARTITION BY source_id) = 1
            """),
        ("contact", $"""
            CREATE TABLE contact AS
            WITH r AS (SELECT * FROM {Csv(folder, "contacts.csv", "latin-1")}),
                 t AS (SELECT {Tolerant(ContactColumns)},
                              CASE WHEN source_id IS NULL OR source_id = '' THEN 'source id'
                                   WHEN unit_id NOT IN (SELECT id FROM org_unit) THEN 'unknown unit'
                                   WHEN try_strptime(received_at, {Stamp}) IS NULL THEN 'received_at'
                                   WHEN callback_requested_at <> '' AND try_strptime(callback_requested_at, {Stamp}) IS NULL THEN 'callback_requested_at'
                                   WHEN callback_done_at <> '' AND try_strptime(callback_done_at, {Stamp}) IS NULL THEN 'callback_done_at'
                                   WHEN try_cast(replace(handling_minutes, ',', '.') AS DOUBLE) IS NULL AND handling_minutes <> '' THEN 'handling_minutes'
                                   WHEN channel NOT IN ('phone', 'chat', 'e_service', 'e_message', 'video', 'physical') THEN 'channel'
                                   WHEN outcome NOT IN ('callback', 'resolved', 'visit_booked', 'redirected') THEN 'outcome'
                                   WHEN callback_done_at <> '' AND callback_requested_at = '' THEN 'callback without request'
                                   WHEN strptime(NULLIF(callback_done_at, ''), {Stamp}) < strptime(NULLIF(callback_requested_at, ''), {Stamp}) THEN 'callback before request' END AS problem
                       FROM r)
            SELECT * EXCLUDE (problem) FROM t WHERE problem IS NULL QUALIFY row_number() OVER (PARTITION BY source_id) = 1
            """),
        ("appointment_slot", $"""
            CREATE TABLE appointment_slot AS
            WITH r AS (SELECT * FROM {Csv(folder, "slots.csv")}),
                 t AS (SELECT {Tolerant(SlotColumns)},
                              CASE WHEN source_id IS NULL OR source_id = '' THEN 'source id'
                                   WHEN unit_id NOT IN (SELECT id FROM org_unit) THEN 'unknown unit'
                                   WHEN try_strptime(starts_at, {Stamp}) IS NULL OR try_strptime(observed_at, {Stamp}) IS NULL THEN 'time'
                                   WHEN is_booked NOT IN ('0', '1') THEN 'is_booked' END AS problem
                       FROM r)
            SELECT * EXCLUDE (problem) FROM t WHERE problem IS NULL QUALIFY row_number() OVER (PARTITION BY source_id) = 1
            """),
    ];
}

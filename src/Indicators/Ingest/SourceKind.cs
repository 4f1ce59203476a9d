using Tilannekuva.Indicators.Domain;

namespace Tilannekuva.Indicators.Ingest;

/// <summary>The kinds of export file the import understands; the name is what the CLI takes.</summary>
public enum SourceKind { OrgUnits, Assessments, Visits, Contacts, Slots, WaitingList, Roster }

/// <summary>How a canonical field's text is read.</summary>
public enum FieldType
{
    Text,
    /// <summary>A Finnish personal identity code; replaced by its keyed pseudonym, never stored.</summary>
    IdentityCode,
    /// <summary>Any other identifier that must not be stored as such (a practitioner's id); stored keyed-hashed.</summary>
    Hashed,
    /// <summary>Id of an org unit that must already exist (or come in the same org-unit file).</summary>
    UnitRef,
    Date,
    DateTime,
    Bool,
    Number,
    /// <summary>A whole number, zero or more (head counts).</summary>
    Count,
    Code,
}

/// <param name="Name">Canonical field name used in mapping files.</param>
/// <param name="Column">Column in the canonical table.</param>
public sealed record CanonicalField(string Name, string Column, FieldType Type, bool Required, Type? CodeType = null)
{
    public bool IsPersonal => Type is FieldType.IdentityCode or FieldType.Hashed;
}

/// <summary>A canonical table and the fields an import fills in it, in column order.</summary>
public sealed record CanonicalTable(SourceKind Kind, string Table, IReadOnlyList<CanonicalField> Fields)
{
    /// <summary>
    /// Rows are snapshots that change under the same source id (waiting list, roster): a newer file
    /// updates a stored row whose values differ, instead of skipping it as a duplicate.
    /// </summary>
    public bool Snapshot { get; init; }

    /// <summary>Whether indicator values are computed from this table (otherwise an import needs no recompute).</summary>
    public bool FeedsIndicators { get; init; } = true;

    public bool HasPersonalData => Fields.Any(f => f.IsPersonal);

    public CanonicalField? Field(string name) => Fields.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Columns every imported row also carries, after the fields.</summary>
    public static readonly string[] TraceColumns = ["source_file", "source_line", "import_batch_id"];

    public IEnumerable<string> Columns => Fields.Select(f => f.Column).Concat(TraceColumns);

    public static CanonicalTable For(SourceKind kind) => kind switch
    {
        SourceKind.OrgUnits => OrgUnits,
        SourceKind.Assessments => Assessments,
        SourceKind.Visits => Visits,
        SourceKind.Contacts => Contacts,
        SourceKind.Slots => Slots,
        SourceKind.WaitingList => WaitingList,
        SourceKind.Roster => Roster,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static SourceKind ParseKind(string name)
    {
        var code = name.Replace('-', '_').ToLowerInvariant();
        foreach (var k in Enum.GetValues<SourceKind>())
            if (Codes.Of(k) == code) return k;
        throw new ArgumentException($"Unknown kind '{name}'; expected one of {string.Join(", ", Enum.GetValues<SourceKind>().Select(k => Codes.Of(k)))}");
    }

    private static CanonicalField F(string name, FieldType type, bool required = true, string? column = null, Type? codes = null) =>
        new(name, column ?? name, type, required, codes);

    private static CanonicalField C<T>(string name, bool required = true) where T : struct, Enum => F(name, FieldType.Code, required, codes: typeof(T));

    public static readonly CanonicalTable OrgUnits = new(SourceKind.OrgUnits, "org_unit",
    [
        F("source_id", FieldType.Text), F("name", FieldType.Text), F("parent_id", FieldType.UnitRef, required: false),
        C<OrgUnitKind>("kind"), F("municipality_code", FieldType.Text, required: false),
    ]);

    public static readonly CanonicalTable Assessments = new(SourceKind.Assessments, "care_need_assessment",
    [
        F("source_id", FieldType.Text), F("person_id", FieldType.IdentityCode, column: "person_pseudonym"),
        F("unit_id", FieldType.UnitRef), F("assessed_at", FieldType.DateTime),
        C<ContactMode>("channel"), C<Profession>("profession"),
    ]);

    public static readonly CanonicalTable Visits = new(SourceKind.Visits, "visit",
    [
        F("source_id", FieldType.Text), F("person_id", FieldType.IdentityCode, column: "person_pseudonym"),
        F("unit_id", FieldType.UnitRef), F("occurred_at", FieldType.DateTime),
        C<Urgency>("urgency"), C<ContactMode>("contact_mode"), C<Profession>("profession"), C<Service>("service"),
        F("assessment_source_id", FieldType.Text, required: false), F("assessment_date", FieldType.Date, required: false),
        F("practitioner", FieldType.Hashed, required: false),
        F("care_plan_visit", FieldType.Bool), F("certificate_only", FieldType.Bool),
    ]);

    public static readonly CanonicalTable Contacts = new(SourceKind.Contacts, "contact",
    [
        F("source_id", FieldType.Text), F("unit_id", FieldType.UnitRef), F("received_at", FieldType.DateTime),
        C<ContactMode>("channel"), F("reason", FieldType.Text, required: false), C<ContactOutcome>("outcome"),
        F("callback_requested_at", FieldType.DateTime, required: false), F("callback_done_at", FieldType.DateTime, required: false),
        C<DemandClass>("demand_class", required: false), F("handling_minutes", FieldType.Number, required: false),
    ]);

    public static readonly CanonicalTable Slots = new(SourceKind.Slots, "appointment_slot",
    [
        F("source_id", FieldType.Text), F("unit_id", FieldType.UnitRef), C<Profession>("profession"),
        F("starts_at", FieldType.DateTime), F("bookable_by", FieldType.Text), F("is_booked", FieldType.Bool),
        F("observed_at", FieldType.DateTime),
    ]);

    public static readonly CanonicalTable WaitingList = new(SourceKind.WaitingList, "waiting_list_entry",
    [
        F("source_id", FieldType.Text), F("person_id", FieldType.IdentityCode, column: "person_pseudonym"),
        F("unit_id", FieldType.UnitRef), F("added_date", FieldType.Date),
        F("assessment_date", FieldType.Date, required: false), F("removed_date", FieldType.Date, required: false),
        C<Profession>("profession"),
    ]) { Snapshot = true, FeedsIndicators = false };

    /// <summary>The roster's source id may be left out: then it is the natural key unit|day|profession (see RowParser).</summary>
    public static readonly CanonicalTable Roster = new(SourceKind.Roster, "staffing_roster_entry",
    [
        F("source_id", FieldType.Text, required: false), F("unit_id", FieldType.UnitRef), F("day", FieldType.Date),
        C<Profession>("profession"), F("planned", FieldType.Count), F("present", FieldType.Count),
    ]) { Snapshot = true, FeedsIndicators = false };
}

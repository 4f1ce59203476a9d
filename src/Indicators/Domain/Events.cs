namespace Tilannekuva.Indicators.Domain;

// Times are wall-clock Finnish time as the source systems export them (no offset): the
// indicators count calendar days and working days in Finland.

/// <summary>Hoidon tarpeen arviointi: the care-need assessment that starts the care-guarantee clock.</summary>
public sealed class CareNeedAssessment : ImportedEvent
{
    /// <summary>Keyed hash of the identity code; the code itself is never stored.</summary>
    public required string PersonPseudonym { get; set; }
    public DateTime AssessedAt { get; set; }
    public ContactMode Channel { get; set; }
    public Profession Profession { get; set; }
}

/// <summary>Käynti: a completed visit or remote contact recorded in the patient record.</summary>
public sealed class Visit : ImportedEvent
{
    public required string PersonPseudonym { get; set; }
    public DateTime OccurredAt { get; set; }
    public Urgency Urgency { get; set; }
    public ContactMode ContactMode { get; set; }
    public Profession Profession { get; set; }
    public Service Service { get; set; }
    /// <summary>Source id of the care-need assessment the visit follows, when the export links them.</summary>
    public string? AssessmentSourceId { get; set; }
    /// <summary>Date of the care-need assessment, when the export gives it directly.</summary>
    public DateOnly? AssessmentDate { get; set; }
    /// <summary>Pseudonym of the professional seen (for continuity of care).</summary>
    public string? Practitioner { get; set; }
    public bool CarePlanVisit { get; set; }
    public bool CertificateOnly { get; set; }
}

/// <summary>Yhteydenotto: a contact to the unit (phone, chat, e-service …) and what came of it.</summary>
public sealed class Contact : ImportedEvent
{
    public DateTime ReceivedAt { get; set; }
    public ContactMode Channel { get; set; }
    public string? Reason { get; set; }
    public ContactOutcome Outcome { get; set; }
    public DateTime? CallbackRequestedAt { get; set; }
    public DateTime? CallbackDoneAt { get; set; }
    public DemandClass? DemandClass { get; set; }
    public double? HandlingMinutes { get; set; }
}

/// <summary>An appointment slot as seen in a snapshot taken at <see cref="ObservedAt"/> (for T3).</summary>
public sealed class AppointmentSlot : ImportedEvent
{
    public Profession Profession { get; set; }
    public DateTime StartsAt { get; set; }
    /// <summary>Who may book it: "public" (any non-urgent booking) or e.g. "internal", "urgent".</summary>
    public required string BookableBy { get; set; }
    public bool IsBooked { get; set; }
    public DateTime ObservedAt { get; set; }
}

/// <summary>
/// Jonotilanne: one person waiting for a non-urgent appointment at a unit, as the queue system's
/// snapshot shows it. The entry stays with its source id while it changes (assessed, removed), so a
/// newer snapshot updates the row instead of adding one.
/// </summary>
public sealed class WaitingListEntry : ImportedEvent
{
    public required string PersonPseudonym { get; set; }
    public DateOnly AddedDate { get; set; }
    /// <summary>Date of the care-need assessment; the care-guarantee clock runs from it.</summary>
    public DateOnly? AssessmentDate { get; set; }
    /// <summary>Set once the person has left the list (seen, cancelled, moved).</summary>
    public DateOnly? RemovedDate { get; set; }
    public Profession Profession { get; set; }
}

/// <summary>
/// Työvuorolista / henkilöstövahvuus: how many of a profession a unit planned for a day and how many
/// are present. Updated during the day (sick leave, a stand-in arrives), so rows are snapshots too.
/// </summary>
public sealed class StaffingRosterEntry : ImportedEvent
{
    public DateOnly Day { get; set; }
    public Profession Profession { get; set; }
    public int Planned { get; set; }
    public int Present { get; set; }
}

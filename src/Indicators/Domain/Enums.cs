namespace Tilannekuva.Indicators.Domain;

public enum OrgUnitKind { Region, Area, Municipality, Unit, Team }

public enum Urgency { Urgent, NonUrgent }

/// <summary>How a visit or contact took place (mapped from the national contact-type codes).</summary>
public enum ContactMode { Physical, HomeVisit, Phone, Video, Chat, EMessage, EService, Other }

public enum Profession { Doctor, Nurse, Other }

public enum Service { OutpatientCare, OralCare, MentalHealth, Other }

public enum ContactOutcome { Resolved, Callback, VisitBooked, Redirected }

/// <summary>Classification of a contact for failure demand (häiriökysyntä); unclassified contacts have none.</summary>
public enum DemandClass { Value, Failure }

public static class ContactModes
{
    /// <summary>Modes counted as remote electronic service in the remote-contact share.</summary>
    public static readonly ContactMode[] Electronic = [ContactMode.Chat, ContactMode.Video, ContactMode.EMessage, ContactMode.EService];
}

namespace Tilannekuva.ServiceTray.Domain;

/// <summary>
/// A service (palvelu) as the tray keeps it, read from PTV or from an association listing. Stored as
/// JSON in <c>tray_entry.data</c>; the record's property order is the JSON order, so the content hash
/// that decides "changed" is stable.
/// </summary>
public sealed record TrayService
{
    public required string SourceId { get; init; }
    public LocalisedText Name { get; init; } = LocalisedText.Empty;
    public LocalisedText Summary { get; init; } = LocalisedText.Empty;
    public LocalisedText Description { get; init; } = LocalisedText.Empty;
    /// <summary>How to use the service (PTV "UserInstruction").</summary>
    public LocalisedText Instructions { get; init; } = LocalisedText.Empty;
    /// <summary>PTV serviceChargeType: "Free", "Charged" or "Other"; null when the source does not say.</summary>
    public string? ChargeType { get; init; }
    public LocalisedText ChargeInfo { get; init; } = LocalisedText.Empty;
    public IReadOnlyList<Coded> ServiceClasses { get; init; } = [];
    public IReadOnlyList<Coded> TargetGroups { get; init; } = [];
    public IReadOnlyList<Coded> LifeEvents { get; init; } = [];
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>PTV areaType: "Nationwide", "NationwideExceptAlandIslands" or "LimitedType" (then <see cref="Municipalities"/>).</summary>
    public string? AreaType { get; init; }
    public IReadOnlyList<Coded> Municipalities { get; init; } = [];
    /// <summary>Source ids of the organisations responsible for (or producing) the service.</summary>
    public IReadOnlyList<string> OrganisationIds { get; init; } = [];
    /// <summary>The organiser named in an association listing, where there is no organisation record.</summary>
    public LocalisedText ProviderName { get; init; } = LocalisedText.Empty;
    /// <summary>Source ids of the channels the service is given through.</summary>
    public IReadOnlyList<string> ChannelIds { get; init; } = [];

    public bool IsFree => ChargeType == "Free";

    public bool IsNationwide => AreaType is "Nationwide" or "NationwideExceptAlandIslands";
}

/// <summary>An organisation (organisaatio) from PTV.</summary>
public sealed record TrayOrganisation
{
    public required string SourceId { get; init; }
    public LocalisedText Name { get; init; } = LocalisedText.Empty;
    public string? BusinessCode { get; init; }
    public string? Type { get; init; }
    public Coded? Municipality { get; init; }
    public IReadOnlyList<WebLink> WebPages { get; init; } = [];
}

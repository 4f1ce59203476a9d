namespace Tilannekuva.ServiceTray.Domain;

/// <summary>
/// A service channel (asiointikanava): a service location with an address and opening hours, an
/// e-service, a phone line, a web page or a printable form. PTV serviceChannelType values are kept.
/// </summary>
public sealed record TrayChannel
{
    public required string SourceId { get; init; }
    /// <summary>"ServiceLocation", "EChannel", "Phone", "WebPage" or "PrintableForm".</summary>
    public required string Type { get; init; }
    public string? OrganisationId { get; init; }
    public LocalisedText Name { get; init; } = LocalisedText.Empty;
    public LocalisedText Summary { get; init; } = LocalisedText.Empty;
    public LocalisedText Description { get; init; } = LocalisedText.Empty;
    public IReadOnlyList<Address> Addresses { get; init; } = [];
    public IReadOnlyList<Phone> Phones { get; init; } = [];
    public IReadOnlyList<WebLink> WebPages { get; init; } = [];
    public IReadOnlyList<string> Emails { get; init; } = [];
    public IReadOnlyList<ServiceHours> Hours { get; init; } = [];
    /// <summary>True when the source states the place is accessible (PTV: accessibility information given; listings: the mapped column).</summary>
    public bool Accessible { get; init; }
    public LocalisedText AccessibilityNote { get; init; } = LocalisedText.Empty;
    public IReadOnlyList<string> ServiceIds { get; init; } = [];

    public static readonly string[] Types = ["ServiceLocation", "EChannel", "Phone", "WebPage", "PrintableForm"];

    /// <summary>The visiting address ("Location"), else the first one.</summary>
    public Address? VisitingAddress => Addresses.FirstOrDefault(a => a.Type == "Location") ?? Addresses.FirstOrDefault();
}

/// <summary>A street address; coordinates in WGS84 degrees (PTV's ETRS-TM35FIN metres are converted on import).</summary>
public sealed record Address
{
    public string Type { get; init; } = "Location";
    public LocalisedText Street { get; init; } = LocalisedText.Empty;
    public string? StreetNumber { get; init; }
    public string? PostalCode { get; init; }
    public LocalisedText PostOffice { get; init; } = LocalisedText.Empty;
    public Coded? Municipality { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public LocalisedText AdditionalInfo { get; init; } = LocalisedText.Empty;

    public string StreetLine(string lang) => string.Join(' ', new[] { Street.Get(lang), StreetNumber }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

public sealed record Phone(string Number, string? Prefix, LocalisedText Info, string? ChargeType)
{
    /// <summary>The number as dialled from abroad when a prefix is given ("+358 8 6156 0000"), else as written.</summary>
    public string Display => Prefix is { Length: > 0 } ? $"{Prefix} {Number.TrimStart('0')}" : Number;
}

public sealed record WebLink(string Url, LocalisedText Name);

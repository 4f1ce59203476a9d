namespace Tilannekuva.ServiceTray.Collections;

/// <summary>A curated collection of services for a target group ("Omaishoitajan palvelut"), kept by a service editor.</summary>
public sealed class TrayCollection
{
    public long Id { get; set; }
    /// <summary>The address part: /palvelut/kokoelmat/{slug}; lower-case letters, digits and hyphens.</summary>
    public string Slug { get; set; } = "";
    public string NameFi { get; set; } = "";
    public string NameSv { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string DescriptionFi { get; set; } = "";
    public string DescriptionSv { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    /// <summary>The services' tray entry ids, in the editor's order.</summary>
    public List<long> ServiceIds { get; set; } = [];
    public DateTimeOffset ChangedAt { get; set; }
    public string ChangedBy { get; set; } = "";

    public string Name(string lang) => lang switch { "sv" when NameSv.Length > 0 => NameSv, "en" when NameEn.Length > 0 => NameEn, _ => NameFi };

    public string Description(string lang) => lang switch { "sv" when DescriptionSv.Length > 0 => DescriptionSv, "en" when DescriptionEn.Length > 0 => DescriptionEn, _ => DescriptionFi };
}

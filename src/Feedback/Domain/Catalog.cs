namespace Tilannekuva.Feedback.Domain;

/// <summary>A place where services are given (toimipiste), of one provider (the county or a contractor).</summary>
public sealed class ServicePoint
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string ProviderCode { get; set; } = "";
    public string ProviderName { get; set; } = "";
    /// <summary>The org unit (Indicators' org_unit id) the service point is, when known: links feedback to a unit's steering board.</summary>
    public string? OrgUnitId { get; set; }
}

/// <summary>A service (palvelu), e.g. outpatient care; names in fi, sv, en.</summary>
public sealed class Service
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string NameFi { get; set; } = "";
    public string NameSv { get; set; } = "";
    public string NameEn { get; set; } = "";

    public string Name(string language) => language switch { "sv" => NameSv, "en" => NameEn, _ => NameFi };
}

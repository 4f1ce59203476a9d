namespace Tilannekuva.ServiceTray.Domain;

/// <summary>A text in Finnish, Swedish and English; any may be missing. <see cref="Get"/> falls back to Finnish, then to whichever exists.</summary>
public sealed record LocalisedText(string? Fi = null, string? Sv = null, string? En = null)
{
    public static readonly LocalisedText Empty = new();

    public string? Exact(string lang) => lang switch { "sv" => Sv, "en" => En, _ => Fi };

    public string Get(string lang) => Exact(lang) ?? Fi ?? Sv ?? En ?? "";

    public bool IsEmpty => Fi is null && Sv is null && En is null;

    public IEnumerable<string> All() => new[] { Fi, Sv, En }.OfType<string>();

    public LocalisedText With(string lang, string? value) => lang switch
    {
        "fi" => this with { Fi = value },
        "sv" => this with { Sv = value },
        "en" => this with { En = value },
        _ => this,
    };
}

/// <summary>A code from a national code list (service class P…, target group KR…, life event KE…, municipality 205) with its name.</summary>
public sealed record Coded(string Code, LocalisedText Name);

namespace Tilannekuva.ServiceTray.Search;

/// <summary>What a resident asks: words, language and filters. Every filter is optional.</summary>
public sealed record TrayQuery
{
    public string? Text { get; init; }
    public string Language { get; init; } = "fi";
    /// <summary>Municipality code (205): services offered there (its own, the region's that cover it, nationwide).</summary>
    public string? Municipality { get; init; }
    /// <summary>Postal code: orders by distance from it (the mean of the catalogue's addresses in it) and, when its municipality is known, filters to it.</summary>
    public string? PostalCode { get; init; }
    public string? TargetGroup { get; init; }
    public string? ServiceClass { get; init; }
    public string? ChannelType { get; init; }
    public bool FreeOnly { get; init; }
    public bool AccessibleOnly { get; init; }
    public bool OpenNow { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 20;
}

public sealed record TrayHit(TrayItem Item, float Score, double? Kilometres, bool OpenNow);

/// <summary>The hits of a page, how many there were in all, and whether the words had to be loosened (any instead of all) to find any.</summary>
public sealed record TrayResult(IReadOnlyList<TrayHit> Hits, int Total, bool Loosened);

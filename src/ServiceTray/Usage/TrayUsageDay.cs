namespace Tilannekuva.ServiceTray.Usage;

/// <summary>What was counted: a search, a search with no result (key: its scrubbed words), a service page view (key: target group code), a referral (key: target group code).</summary>
public enum UsageKind { Search, NoResult, View, Referral }

/// <summary>One daily count: no person, no cookie, no address; only the day, the kind, a key and how many.</summary>
public sealed class TrayUsageDay
{
    public long Id { get; set; }
    public DateOnly Day { get; set; }
    public UsageKind Kind { get; set; }
    /// <summary>"" for plain searches; the scrubbed words of a search with no result; the target group code of a view or referral.</summary>
    public string Key { get; set; } = "";
    public int Count { get; set; }
}

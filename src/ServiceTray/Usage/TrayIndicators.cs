using Microsoft.EntityFrameworkCore;
using Tilannekuva.ServiceTray.Referrals;
using Tilannekuva.ServiceTray.Storage;

namespace Tilannekuva.ServiceTray.Usage;

/// <summary>One indicator figure of the tray: code, the breakdown key ("" for the total; a target group, unit or service id) and the value.</summary>
public sealed record TrayIndicatorValue(string Code, string Key, double? Value, int Count);

/// <summary>A figure the tray gives: code, text key of its name, unit.</summary>
public sealed record TrayIndicatorDefinition(string Code, string NameKey, string Unit);

/// <summary>
/// The tray's figures for the indicator engine and the dashboards, in the shape of the feedback module's
/// <c>IFeedbackIndicators</c>: a fixed list of codes, values computed for a period from the daily counts and the referrals.
/// </summary>
public interface ITrayIndicators
{
    IReadOnlyList<TrayIndicatorDefinition> Definitions { get; }

    /// <summary>Values for [from, to]; <paramref name="by"/>: "" total, "targetGroup", "unit" or "service" (referral codes; usage codes by target group only).</summary>
    Task<IReadOnlyList<TrayIndicatorValue>> ComputeAsync(string code, DateOnly from, DateOnly to, string by = "", CancellationToken ct = default);
}

public sealed class TrayIndicators(ServiceTrayDbContext db, Referrals.Referrals referrals, UsageCounter counter) : ITrayIndicators
{
    public const string Searches = "tray.searches";
    public const string NoResult = "tray.searches.noresult";
    public const string Views = "tray.views";
    public const string ReferralsMade = "tray.referrals";
    public const string ShareArrived = "tray.referrals.arrived";

    public IReadOnlyList<TrayIndicatorDefinition> Definitions { get; } =
    [
        new(Searches, "TrayWork.Indicator.Searches", ""),
        new(NoResult, "TrayWork.Indicator.NoResult", ""),
        new(Views, "TrayWork.Indicator.Views", ""),
        new(ReferralsMade, "TrayWork.Indicator.Referrals", ""),
        new(ShareArrived, "TrayWork.Indicator.Arrived", "%"),
    ];

    public async Task<IReadOnlyList<TrayIndicatorValue>> ComputeAsync(string code, DateOnly from, DateOnly to, string by = "", CancellationToken ct = default)
    {
        await counter.FlushAsync(db, ct);
        if (code is ReferralsMade or ShareArrived)
        {
            var counts = await referrals.CountsAsync(from, to, ct);
            Func<ReferralCount, string> key = by switch
            {
                "targetGroup" => c => c.TargetGroup, "unit" => c => c.Unit, "service" => c => c.ServiceId.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => _ => "",
            };
            return counts.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var made = g.Sum(c => c.Made);
                var arrived = g.Sum(c => c.Arrived);
                return code == ReferralsMade ? new TrayIndicatorValue(code, g.Key, made, made)
                    : new TrayIndicatorValue(code, g.Key, made == 0 ? null : Math.Round(100.0 * arrived / made, 1), made);
            }).ToList();
        }
        var kind = code switch
        {
            Searches => UsageKind.Search, NoResult => UsageKind.NoResult, Views => UsageKind.View,
            _ => throw new ArgumentException($"Unknown tray indicator {code}.", nameof(code)),
        };
        var rows = await db.UsageDays.AsNoTracking().Where(u => u.Kind == kind && u.Day >= from && u.Day <= to).ToListAsync(ct);
        // Views are counted once with the key "" (all) and once per target group of the service.
        var byKey = kind == UsageKind.View && by == "targetGroup";
        if (kind == UsageKind.View) rows = rows.Where(r => byKey ? r.Key.Length > 0 : r.Key.Length == 0).ToList();
        return rows.GroupBy(r => byKey ? r.Key : "").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TrayIndicatorValue(code, g.Key, g.Sum(r => r.Count), g.Sum(r => r.Count))).ToList();
    }
}

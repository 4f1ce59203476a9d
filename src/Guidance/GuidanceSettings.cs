using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Tilannekuva.Guidance;

/// <summary>
/// Settings "Guidance:*": BotConfidence (0–1, default 0.5: below it the bot hands off), RetentionDays (default 90),
/// AllowedOrigins (sites that may embed the chat: CORS for /chat/hub), MinutesPerChat (the wait estimate per chat ahead, default 5),
/// RetentionIntervalHours (how often the retention job runs, default 6; 0 turns it off).
/// </summary>
public sealed record GuidanceSettings(double BotConfidence = 0.5, int RetentionDays = 90, string[]? AllowedOrigins = null, double MinutesPerChat = 5,
    double RetentionIntervalHours = 6)
{
    public string[] Origins => AllowedOrigins ?? [];

    public static GuidanceSettings From(IConfiguration c)
    {
        static double D(string? s, double d) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : d;
        var origins = c.GetSection("Guidance:AllowedOrigins").GetChildren().Select(x => x.Value).OfType<string>().ToList();
        if (c["Guidance:AllowedOrigins"] is { Length: > 0 } one) origins.AddRange(one.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries));
        return new GuidanceSettings(
            Math.Clamp(D(c["Guidance:BotConfidence"], 0.5), 0, 1),
            int.TryParse(c["Guidance:RetentionDays"], out var days) && days > 0 ? days : 90,
            origins.Select(o => o.TrimEnd('/')).Distinct().ToArray(),
            D(c["Guidance:MinutesPerChat"], 5),
            D(c["Guidance:RetentionIntervalHours"], 6));
    }
}

namespace Tilannekuva.Guidance.Bot;

/// <summary>A service the bot offers when no article is confident: the service-tray entry, its name and summary, and how sure the match is (0–1, the same measure as articles').</summary>
public sealed record ServiceSuggestion(int TrayEntryId, string Name, string Summary, double Confidence);

/// <summary>
/// The bot's second source (the service tray). Defined here so the Guidance module does not depend on the tray's storage; the web
/// application implements it over the tray's search. Absent (null) when no source is registered: the bot then hands off as before.
/// </summary>
public interface IServiceSource
{
    Task<ServiceSuggestion?> SuggestAsync(string lang, string question, CancellationToken ct);
}

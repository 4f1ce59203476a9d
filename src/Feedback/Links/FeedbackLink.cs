using System.Text.RegularExpressions;
using Tilannekuva.Feedback.Domain;

namespace Tilannekuva.Feedback.Links;

/// <summary>
/// What a feedback link or QR code stands for: who gives the service (provider), where (service
/// point), what (service), how the respondent came (channel), optionally the team, the audience
/// (adult or child questionnaire), and a link id (one per printed code, kiosk or SMS).
/// The link is signed, so nobody can make one for another unit.
/// </summary>
public sealed partial record FeedbackLink(
    string ProviderCode, string ServicePointCode, string ServiceCode, Channel Channel,
    string? Team, Audience Audience, string LinkId)
{
    /// <summary>Codes are short and plain so the signed payload needs no escaping.</summary>
    public static bool IsValidCode(string? code) => code is { Length: > 0 and <= 40 } && CodePattern().IsMatch(code);

    /// <summary>Null when every part is valid; otherwise the name of the first invalid part.</summary>
    public string? InvalidPart() =>
        !IsValidCode(ProviderCode) ? nameof(ProviderCode)
        : !IsValidCode(ServicePointCode) ? nameof(ServicePointCode)
        : !IsValidCode(ServiceCode) ? nameof(ServiceCode)
        : Team is not null && !IsValidCode(Team) ? nameof(Team)
        : !IsValidCode(LinkId) ? nameof(LinkId)
        : null;

    public static string NewLinkId() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();

    [GeneratedRegex("^[A-Za-z0-9._-]+$")] private static partial Regex CodePattern();
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Tilannekuva.Feedback.Domain;

namespace Tilannekuva.Feedback.Links;

/// <summary>
/// Signs and verifies feedback links: token = base64url(payload) "." base64url(HMAC-SHA256(key, payload)[0..16]).
/// The payload is "1|provider|servicePoint|service|channel|team|audience|linkId". A token whose
/// signature does not match, or that does not parse, is rejected as a whole.
/// </summary>
public sealed class LinkSigner
{
    private const int MacBytes = 16; // 128 bits is plenty against forgery and keeps the QR code small
    private readonly byte[] _key;

    public LinkSigner(byte[] key)
    {
        if (key.Length < 16) throw new ArgumentException("The feedback signing key must be at least 16 bytes.", nameof(key));
        _key = key;
    }

    public string Sign(FeedbackLink link)
    {
        if (link.InvalidPart() is { } bad) throw new ArgumentException($"Invalid {bad} in feedback link.", nameof(link));
        var payload = Encoding.UTF8.GetBytes(string.Join('|', "1", link.ProviderCode, link.ServicePointCode, link.ServiceCode,
            ChannelCode(link.Channel), link.Team ?? "", link.Audience == Audience.Child ? "c" : "a", link.LinkId));
        return WebEncoders.Base64UrlEncode(payload) + "." + WebEncoders.Base64UrlEncode(Mac(payload));
    }

    public bool TryVerify(string? token, out FeedbackLink link)
    {
        link = null!;
        if (string.IsNullOrEmpty(token) || token.Length > 400) return false;
        var dot = token.IndexOf('.');
        if (dot <= 0 || dot == token.Length - 1) return false;
        byte[] payload, mac;
        try
        {
            payload = WebEncoders.Base64UrlDecode(token[..dot]);
            mac = WebEncoders.Base64UrlDecode(token[(dot + 1)..]);
        }
        catch (FormatException)
        {
            return false;
        }
        if (mac.Length != MacBytes || !CryptographicOperations.FixedTimeEquals(mac, Mac(payload))) return false;
        var parts = Encoding.UTF8.GetString(payload).Split('|');
        if (parts.Length != 8 || parts[0] != "1" || ParseChannel(parts[4]) is not { } channel) return false;
        var audience = parts[6] switch { "a" => Audience.Adult, "c" => Audience.Child, _ => (Audience?)null };
        if (audience is null) return false;
        link = new FeedbackLink(parts[1], parts[2], parts[3], channel, parts[5].Length == 0 ? null : parts[5], audience.Value, parts[7]);
        return link.InvalidPart() is null;
    }

    private byte[] Mac(byte[] payload) => HMACSHA256.HashData(_key, payload)[..MacBytes];

    private static string ChannelCode(Channel c) => c switch { Channel.Web => "w", Channel.Qr => "q", Channel.Kiosk => "k", Channel.Sms => "s", _ => "w" };

    private static Channel? ParseChannel(string s) => s switch { "w" => Channel.Web, "q" => Channel.Qr, "k" => Channel.Kiosk, "s" => Channel.Sms, _ => null };
}

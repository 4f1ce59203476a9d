using System.Security.Cryptography;
using System.Text;

namespace Tilannekuva.Boards;

/// <summary>Board tokens: random, shown once, stored only as SHA-256 (like personal API tokens).</summary>
public static class BoardTokens
{
    public const string Prefix = "bt_";

    public static string New() => Prefix + RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 32);

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Constant-time comparison of a presented token with a stored hash.</summary>
    public static bool Matches(string? token, string? storedHash) =>
        token is { Length: > 0 } && storedHash is { Length: 64 } &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(storedHash));
}

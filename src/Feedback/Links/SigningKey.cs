using System.Security.Cryptography;
using System.Text;

namespace Tilannekuva.Feedback.Links;

/// <summary>
/// Where the link-signing key comes from: configuration <c>Feedback:SigningKey</c> or the environment
/// variable <c>TILANNEKUVA_FEEDBACK_KEY</c> (any string of at least 16 characters; base64 of 32 random
/// bytes recommended). Without either, a random key is generated on first run and kept in
/// <c>feedback-signing.key</c> in the data folder, so printed QR codes stay valid across restarts.
/// Every instance serving the same county must share the key.
/// </summary>
public static class SigningKey
{
    public const string ConfigurationKey = "Feedback:SigningKey";
    public const string EnvironmentVariable = "TILANNEKUVA_FEEDBACK_KEY";
    public const string FileName = "feedback-signing.key";

    public static byte[] Resolve(string? configured, string dataFolder)
    {
        var value = !string.IsNullOrWhiteSpace(configured) ? configured : Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            if (value.Trim().Length < 16)
                throw new InvalidOperationException($"{ConfigurationKey} / {EnvironmentVariable} must be at least 16 characters long.");
            return Encoding.UTF8.GetBytes(value.Trim());
        }
        Directory.CreateDirectory(dataFolder);
        var path = Path.Combine(dataFolder, FileName);
        if (File.Exists(path)) return Encoding.UTF8.GetBytes(File.ReadAllText(path).Trim());
        var generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        try
        {
            using var f = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            f.Write(Encoding.UTF8.GetBytes(generated));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            return Encoding.UTF8.GetBytes(File.ReadAllText(path).Trim());
        }
        return Encoding.UTF8.GetBytes(generated);
    }
}

using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Tilannekuva.Comparison.Signing;

/// <summary>
/// The keys of the national comparison: each county signs its exports with its own private key (ECDSA P-256, PKCS#8
/// PEM, kept by the county: <c>Comparison:SigningKeyFile</c>); the comparison instance trusts one public key per county
/// (SubjectPublicKeyInfo PEM files named <c>&lt;county id&gt;.pem</c> in <c>Comparison:TrustedKeysFolder</c>). ECDSA
/// P-256 because .NET signs and verifies it with no extra package on every platform the product runs on (Ed25519 would
/// need one) and it is what public-sector PKI and JOSE ("ES256") already use.
/// </summary>
public static partial class CountyKeys
{
    /// <summary>A new key pair: the private key as PKCS#8 PEM and the public key as SubjectPublicKeyInfo PEM.</summary>
    public static (string PrivatePem, string PublicPem) Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (key.ExportPkcs8PrivateKeyPem(), key.ExportSubjectPublicKeyInfoPem());
    }

    /// <summary>The private key from a PEM file; the message names the file when it is missing or not a P-256 key.</summary>
    public static ECDsa LoadPrivate(string path)
    {
        if (!File.Exists(path))
            throw new ComparisonKeyException(path, "Comparison.Key.Missing");
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new ComparisonKeyException(path, "Comparison.Key.NotPrivate", e.Message);
        }
        RequireP256(key, path);
        return key;
    }

    /// <summary>A public key from PEM text (the file's name for messages).</summary>
    public static ECDsa LoadPublic(string pem, string source)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new ComparisonKeyException(source, "Comparison.Key.NotPublic", e.Message);
        }
        RequireP256(key, source);
        return key;
    }

    /// <summary>"sha256:" and the hex SHA-256 of the key's SubjectPublicKeyInfo (DER).</summary>
    public static string Fingerprint(ECDsa key) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));

    /// <summary>County ids name files and rows: letters, digits, '-' and '_', at most 40.</summary>
    public static bool IsValidCountyId(string id) => CountyId().IsMatch(id);

    private static void RequireP256(ECDsa key, string source)
    {
        if (key.KeySize != 256)
            throw new ComparisonKeyException(source, "Comparison.Key.NotP256", key.KeySize);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")] private static partial Regex CountyId();
}

/// <summary>A key file is missing or unreadable; the message names it.</summary>
public sealed class ComparisonKeyException(string source, string key, params object?[] args) : Exception($"{source}: {Tilannekuva.Localisation.Texts.Format(key, null, args)}");

/// <summary>
/// The public keys the comparison instance trusts, one per county id: from a folder of <c>&lt;id&gt;.pem</c> files, or
/// given in code (the demo, tests).
/// </summary>
public sealed class TrustedKeys
{
    private readonly Dictionary<string, string> _pems;

    public TrustedKeys(IReadOnlyDictionary<string, string> pemsByCounty, string where)
    {
        _pems = new Dictionary<string, string>(pemsByCounty, StringComparer.Ordinal);
        Where = where;
    }

    /// <summary>Where the keys come from, for messages ("folder data/comparison/trusted").</summary>
    public string Where { get; }

    public IReadOnlyCollection<string> Counties => _pems.Keys;

    /// <summary>Every <c>*.pem</c> in the folder (its name without .pem is the county id); none when the folder is missing.</summary>
    public static TrustedKeys FromFolder(string folder)
    {
        var pems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
            foreach (var file in Directory.EnumerateFiles(folder, "*.pem"))
                pems[Path.GetFileNameWithoutExtension(file)] = File.ReadAllText(file);
        return new TrustedKeys(pems, folder);
    }

    /// <summary>The county's key, or null when it has none here.</summary>
    public ECDsa? For(string countyId) =>
        _pems.TryGetValue(countyId, out var pem) ? CountyKeys.LoadPublic(pem, $"{countyId}.pem ({Where})") : null;
}

using System.Security.Cryptography;
using System.Text.Json;
using Tilannekuva.Comparison.Export;

namespace Tilannekuva.Comparison.Signing;

/// <summary>Signs an export's canonical bytes, and reads and verifies a signed file.</summary>
public static class ExportSigner
{
    public static SignedExport Sign(ExportContent content, ECDsa key) =>
        new(content, new ExportSignature(ExportSignature.Es256, CountyKeys.Fingerprint(key),
            Convert.ToBase64String(key.SignData(ExportJson.CanonicalBytes(content), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))));

    /// <summary>The signed export as the file's text (indented JSON; the signature covers the canonical form, not the spacing).</summary>
    public static string ToFileText(SignedExport export) => JsonSerializer.Serialize(export, ExportJson.File);

    /// <summary>
    /// Reads a signed export and verifies it against the county's trusted key. Every refusal is a
    /// <see cref="ExportRejectedException"/> whose message names <paramref name="source"/> and says what is wrong:
    /// not an export, an unknown county, another key, or content changed after signing.
    /// </summary>
    public static SignedExport ReadVerified(string text, string source, TrustedKeys trusted)
    {
        SignedExport? export;
        try
        {
            export = JsonSerializer.Deserialize<SignedExport>(text, ExportJson.File);
        }
        catch (JsonException e)
        {
            throw new ExportRejectedException(source, "Comparison.Reject.NotExport", e.Message);
        }
        if (export is null) throw new ExportRejectedException(source, "Comparison.Reject.NotExport", "");
        var content = export.Content;
        if (content.Format != ExportContent.FormatV1)
            throw new ExportRejectedException(source, "Comparison.Reject.Format", content.Format, ExportContent.FormatV1);
        if (!CountyKeys.IsValidCountyId(content.County.Id))
            throw new ExportRejectedException(source, "Comparison.Reject.CountyId", content.County.Id);
        if (export.Signature.Algorithm != ExportSignature.Es256)
            throw new ExportRejectedException(source, "Comparison.Reject.Algorithm", export.Signature.Algorithm, ExportSignature.Es256);
        using var key = trusted.For(content.County.Id)
            ?? throw new ExportRejectedException(source, "Comparison.Reject.UnknownCounty", content.County.Id, content.County.Name, trusted.Where);
        var fingerprint = CountyKeys.Fingerprint(key);
        if (!string.Equals(fingerprint, export.Signature.KeyFingerprint, StringComparison.Ordinal))
            throw new ExportRejectedException(source, "Comparison.Reject.OtherKey", export.Signature.KeyFingerprint, content.County.Id, fingerprint);
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(export.Signature.Value);
        }
        catch (FormatException)
        {
            throw new ExportRejectedException(source, "Comparison.Reject.SignatureText");
        }
        if (!key.VerifyData(ExportJson.CanonicalBytes(content), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            throw new ExportRejectedException(source, "Comparison.Reject.Tampered", content.County.Id);
        return export;
    }
}

/// <summary>A file the comparison instance will not import; the message begins with the file's name.</summary>
public sealed class ExportRejectedException(string source, string key, params object?[] args) : Exception($"{source}: {Tilannekuva.Localisation.Texts.Format(key, null, args)}")
{
    public string FileName { get; } = source;

    /// <summary>The text key of the reason (tests tell refusals apart by it).</summary>
    public string Reason { get; } = key;
}

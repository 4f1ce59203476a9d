using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tilannekuva.Comparison.Export;

/// <summary>
/// What a county sends to the national comparison instance (vertailu): its indicator values as aggregated cells,
/// never person-level rows. The content is signed as a whole (see <see cref="SignedExport"/>). Version 1 of the format;
/// a reader refuses a property it does not know, so nothing unsigned can ride along.
/// </summary>
public sealed record ExportContent
{
    public const string FormatV1 = "tilannekuva.comparison-export.v1";

    public required string Format { get; init; }
    public required ExportCounty County { get; init; }
    /// <summary>When the county's instance wrote the export (UTC).</summary>
    public required DateTimeOffset ExportedAt { get; init; }
    public required DataTime DataTime { get; init; }
    /// <summary>The minimum cell size (pienin julkaistava solukoko) the county applied: no cell resting on fewer is given a value.</summary>
    public required int MinimumCellSize { get; init; }
    /// <summary>Cells sorted by indicator, period type, period, level, unit (the canonical order).</summary>
    public required IReadOnlyList<ExportCell> Cells { get; init; }
}

/// <summary>The county: the id it signs under (its root org unit's code unless configured) and its name.</summary>
public sealed record ExportCounty(string Id, string Name);

/// <summary>
/// How current the county's figures are: its newest event (Finnish wall-clock time, as the source systems write it) and
/// its last finished import (UTC). Null when the county has no such data.
/// </summary>
public sealed record DataTime(DateTime? LatestEvent, DateTimeOffset? LastImport);

/// <summary>
/// One aggregated value: indicator × period × org unit (the county itself or one of its areas). A suppressed cell
/// carries neither value nor n (it rests on too few, or would let one that does be worked out by subtraction).
/// </summary>
public sealed record ExportCell(string Indicator, string PeriodType, string Period, string Level, string Unit, string UnitName, double? Value, long? N, bool Suppressed);

/// <summary>Org levels in an export.</summary>
public static class ExportLevel
{
    /// <summary>The whole county (hyvinvointialue).</summary>
    public const string County = "county";
    /// <summary>An area (alue) of the county.</summary>
    public const string Area = "area";
}

/// <summary>The file: the content and an ECDSA P-256 / SHA-256 signature over its canonical bytes.</summary>
public sealed record SignedExport(ExportContent Content, ExportSignature Signature);

/// <summary>
/// Algorithm "ES256" (ECDSA over P-256 with SHA-256, the signature as r‖s, base64); <see cref="KeyFingerprint"/> is
/// "sha256:" and the hex SHA-256 of the signer's public key (SubjectPublicKeyInfo, DER), so a person can compare it with
/// the key the comparison instance trusts.
/// </summary>
public sealed record ExportSignature(string Algorithm, string KeyFingerprint, string Value)
{
    public const string Es256 = "ES256";
}

/// <summary>
/// The one serialisation of the format: camelCase, properties in declared order, no whitespace in the signed bytes,
/// unknown properties refused. Signing and verifying both serialise <see cref="ExportContent"/> with it, so the bytes
/// signed are a function of the content alone (the canonical form), however the file was indented.
/// </summary>
public static class ExportJson
{
    public static readonly JsonSerializerOptions Canonical = Options(indented: false);
    public static readonly JsonSerializerOptions File = Options(indented: true);

    private static JsonSerializerOptions Options(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = indented,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The bytes the signature covers: the content in canonical form, UTF-8.</summary>
    public static byte[] CanonicalBytes(ExportContent content) => JsonSerializer.SerializeToUtf8Bytes(content, Canonical);

    /// <summary>SHA-256 of the canonical bytes, hex: the same export always has the same hash (idempotent import).</summary>
    public static string ContentHash(ExportContent content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(CanonicalBytes(content)));
}

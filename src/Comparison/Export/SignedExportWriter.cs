using Tilannekuva.Comparison.Signing;

namespace Tilannekuva.Comparison.Export;

/// <summary>The county side, as the CLI and the API run it: build the export from this instance's values, sign it with the configured key.</summary>
public sealed class SignedExportWriter(CountyExporter exporter, ComparisonSettings settings)
{
    /// <summary>The signed file's text and its content. Throws <see cref="ComparisonKeyException"/> when the key is missing or unreadable.</summary>
    public async Task<(string Text, ExportContent Content)> WriteAsync(CancellationToken ct = default)
    {
        using var key = CountyKeys.LoadPrivate(settings.SigningKeyFile);
        var content = await exporter.BuildAsync(string.IsNullOrWhiteSpace(settings.CountyId) ? null : settings.CountyId, settings.Rule, DateTimeOffset.UtcNow, ct);
        return (ExportSigner.ToFileText(ExportSigner.Sign(content, key)), content);
    }

    /// <summary>"KAINUU-comparison-20261203T1905Z.json".</summary>
    public static string FileName(ExportContent content) => $"{content.County.Id}-comparison-{content.ExportedAt.UtcDateTime:yyyyMMdd'T'HHmm}Z.json";
}

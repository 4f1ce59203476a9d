using System.Globalization;
using Tilannekuva.Indicators;
using Tilannekuva.Indicators.Ingest;

namespace Tilannekuva.Web.Indicators;

/// <summary>
/// Hands an uploaded export file to the Indicators module (one transaction, idempotent, recompute after);
/// used by the analysts' upload page and the API. The upload is kept under its own name so that the
/// reject report names the file the analyst knows, and removed afterwards.
/// </summary>
public sealed class ImportRunner(IndicatorsService indicators)
{
    public async Task<ImportResult> RunAsync(SourceKind kind, string fileName, Stream content, Stream? mapping, CultureInfo culture, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("tilannekuva-upload-");
        try
        {
            var path = Path.Combine(folder.FullName, SafeName(fileName));
            await using (var file = File.Create(path)) await content.CopyToAsync(file, ct);
            var (result, _) = await indicators.ImportAsync(kind, path, mapping is null ? null : ColumnMapping.Read(mapping, "mapping"), culture: culture, ct: ct);
            return result;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The upload's own name when it is a plain file name; "..", ".", control characters (NUL), path characters or
    /// more than 200 characters are refused with a message (InvalidDataException: the page and the API answer 400).
    /// </summary>
    public static string SafeName(string? fileName)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length is 0 or > 200 || name is "." or ".." || name.Any(char.IsControl) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0
            || name.IndexOfAny(['\\', '/', ':', '*', '?', '"', '<', '>', '|']) >= 0)
            throw new InvalidDataException(Localisation.Texts.Get("Security.Upload.BadName"));
        return name;
    }
}

using System.Globalization;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Ingest;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.Web.Indicators;

/// <summary>
/// Runs an uploaded export file through the importer (one transaction, idempotent) and recomputes the
/// indicators; used by the analysts' upload page and the API. The pseudonym key comes from
/// configuration "Ingest:PseudonymKey" or TILANNEKUVA_PSEUDONYM_KEY; raw files go to "Ingest:RawFolder" (default data/raw).
/// </summary>
public sealed class ImportRunner(IndicatorsDbContext db, IConfiguration config)
{
    public async Task<ImportResult> RunAsync(SourceKind kind, string fileName, Stream content, Stream? mapping, CultureInfo culture, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("tilannekuva-upload-");
        try
        {
            // Keep the uploaded name: the reject report names the file the analyst knows.
            var path = Path.Combine(folder.FullName, Path.GetFileName(fileName));
            await using (var file = File.Create(path)) await content.CopyToAsync(file, ct);
            var key = config["Ingest:PseudonymKey"] ?? Environment.GetEnvironmentVariable(Pseudonymiser.EnvironmentVariable);
            var result = await new Importer(db).ImportAsync(kind, path, mapping is null ? null : ColumnMapping.Read(mapping, "mapping"), new ImportOptions
            {
                Pseudonymiser = string.IsNullOrEmpty(key) ? null : new Pseudonymiser(key),
                RawFolder = config["Ingest:RawFolder"] ?? Path.Combine("data", "raw"),
                Culture = culture,
            }, ct);
            if (result.Stored > 0) await new IndicatorComputer(db).RecomputeAsync(ct: ct);
            return result;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

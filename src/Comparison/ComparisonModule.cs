using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Comparison.Import;
using Tilannekuva.Comparison.Reading;
using Tilannekuva.Comparison.Signing;
using Tilannekuva.Comparison.Storage;
using Tilannekuva.Storage;

namespace Tilannekuva.Comparison;

public static class ComparisonModule
{
    /// <summary>Storage, settings (section "Comparison"), the reader, the exporter and the importer. Needs the Indicators module registered.</summary>
    public static IServiceCollection AddComparison(this IServiceCollection services, IConfiguration config, DatabaseOptions db)
    {
        services.AddComparisonStorage(db);
        var settings = ComparisonSettings.From(config);
        services.AddSingleton(settings);
        services.AddScoped(sp => new ComparisonReader(sp.GetRequiredService<ComparisonDbContext>(), settings.Rule));
        services.AddScoped<Export.CountyExporter>();
        services.AddScoped<Export.SignedExportWriter>();
        services.AddScoped(sp => new ComparisonImporter(sp.GetRequiredService<ComparisonDbContext>(), TrustedKeys.FromFolder(settings.TrustedKeysFolder), settings.Rule));
        return services;
    }
}

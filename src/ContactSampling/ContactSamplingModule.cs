using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tilannekuva.ContactSampling.Results;
using Tilannekuva.ContactSampling.Storage;
using Tilannekuva.Storage;

namespace Tilannekuva.ContactSampling;

public static class ContactSamplingModule
{
    /// <summary>Storage, settings ("ContactSampling:Minutes:&lt;channel&gt;", "ContactSampling:HoursPerPersonYear") and the service. Needs the Indicators module registered.</summary>
    public static IServiceCollection AddContactSampling(this IServiceCollection services, IConfiguration config, DatabaseOptions db)
    {
        services.AddContactSamplingStorage(db);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(SamplingSettings.From(config));
        services.AddScoped<SamplingService>();
        return services;
    }
}

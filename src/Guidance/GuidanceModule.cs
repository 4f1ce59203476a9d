using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tilannekuva.Guidance.Bot;
using Tilannekuva.Guidance.Retention;
using Tilannekuva.Guidance.Storage;
using Tilannekuva.Storage;
using Tilannekuva.Storage.Jobs;

namespace Tilannekuva.Guidance;

public static class GuidanceModule
{
    public static IServiceCollection AddGuidance(this IServiceCollection services, IConfiguration config, DatabaseOptions db)
    {
        services.AddGuidanceStorage(db);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(GuidanceSettings.From(config));
        services.AddSingleton<KnowledgeBot>();
        services.AddSingleton(_ => new MessageWriter(db));
        services.AddScoped<GuidanceService>();
        services.AddScoped<Admin.KnowledgeBase>();
        services.AddScoped<Admin.TeamAdmin>();
        services.AddSingleton<IScheduledJob, RetentionJob>();
        return services;
    }
}

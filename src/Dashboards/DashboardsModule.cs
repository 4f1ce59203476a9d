using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tilannekuva.Dashboards;

public static class DashboardsModule
{
    /// <summary>The dashboards (options from section "Dashboards"). Needs the Indicators, Feedback and Programme services.</summary>
    public static IServiceCollection AddDashboards(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<DashboardOptions>(config.GetSection(DashboardOptions.Section));
        services.AddMemoryCache();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<DashboardBuilder>();
        services.AddScoped<DashboardService>();
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tilannekuva.Disclosure;
using Tilannekuva.SocialWork.Storage;
using Tilannekuva.Storage;

namespace Tilannekuva.SocialWork;

/// <summary>Settings (section "SocialWork").</summary>
public sealed class SocialWorkSettings
{
    public const string Section = "SocialWork";

    /// <summary>Counts by area resting on fewer clients than this are hidden (with complementary suppression). Default 5.</summary>
    public int MinimumCellSize { get; set; } = 5;

    public SmallCellRule Rule => new(Math.Max(1, MinimumCellSize));
}

public static class SocialWorkModule
{
    public static IServiceCollection AddSocialWork(this IServiceCollection services, IConfiguration config, DatabaseOptions db)
    {
        services.AddSocialWorkStorage(db);
        var settings = new SocialWorkSettings();
        config.GetSection(SocialWorkSettings.Section).Bind(settings);
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<SocialWorkService>();
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Tilannekuva.Feedback;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Indicators.Results;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Programme.Storage;
using Tilannekuva.ServiceTray;
using Tilannekuva.ServiceTray.Storage;
using Tilannekuva.Storage;
using Tilannekuva.Web.Indicators;

namespace Tilannekuva.Cli;

/// <summary>
/// The services of the commands that read the store and write a file (report review|monthly) without
/// the web host: only the programme, indicator and feedback modules, and only their migrations checked.
/// Building the whole web application (Razor pages, authentication, every module's EF model) and
/// checking all five modules' migrations was most of such a command's start-up (issue #20).
/// </summary>
public static class StoreServices
{
    /// <summary>The same configuration sources the web host reads (appsettings*.json beside the assemblies, environment variables).</summary>
    public static IConfiguration Configuration()
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
    }

    /// <summary>Programme, indicators (results and the computed metric values of the reports), feedback and the service tray, with their migrations applied if any are pending.</summary>
    public static async Task<ServiceProvider> ForReportsAsync(DatabaseOptions db, CancellationToken ct)
    {
        var config = Configuration();
        var services = new ServiceCollection();
        services.AddSingleton(config);
        services.AddSingleton(db);
        services.AddLogging(b => b.AddConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddScoped<ICurrentUserName>(_ => new FixedUserName(Environment.UserName is { Length: > 0 } u ? u : "cli"));
        services.AddProgrammeStorage(db);
        services.AddIndicatorsStorage(db);
        services.AddScoped<IndicatorResults>();
        services.AddFeedback(config, db);
        services.AddServiceTray(config, db);
        services.AddScoped<Programme.Review.IComputedMetricValues, IndicatorMetricValues>();
        var provider = services.BuildServiceProvider();
        StartupTrace.Mark("report: service provider built");
        await using var scope = provider.CreateAsyncScope();
        await ModuleMigrator.MigrateAsync(scope.ServiceProvider, [typeof(ProgrammeDbContext), typeof(IndicatorsDbContext), typeof(FeedbackDbContext), typeof(ServiceTrayDbContext)], ct);
        return provider;
    }
}

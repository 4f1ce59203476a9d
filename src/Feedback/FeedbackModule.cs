using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tilannekuva.Feedback.Links;
using Tilannekuva.Feedback.Questionnaires;
using Tilannekuva.Feedback.Reporting;
using Tilannekuva.Feedback.Sms;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Feedback.Submission;
using Tilannekuva.Storage;

namespace Tilannekuva.Feedback;

public static class FeedbackModule
{
    /// <summary>Everything the Feedback module needs: storage, options (section "Feedback"), the link signer and the services.</summary>
    public static IServiceCollection AddFeedback(this IServiceCollection services, IConfiguration config, DatabaseOptions db)
    {
        services.AddFeedbackStorage(db);
        services.Configure<FeedbackOptions>(config.GetSection(FeedbackOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new LinkSigner(SigningKey.Resolve(config[SigningKey.ConfigurationKey], DataFolder(db, config))));
        services.AddSingleton<QuestionnaireCatalog>();
        services.AddSingleton<SubmissionThrottle>();
        services.AddScoped<FeedbackSubmissions>();
        services.AddScoped<QuestionnaireComposer>();
        services.AddScoped<Tilannekuva.Feedback.Pulse.PulseService>();
        services.AddScoped<FeedbackResults>();
        services.AddScoped<IFeedbackIndicators, FeedbackIndicators>();
        services.AddScoped<FeedbackOverview>();
        services.AddScoped<Tilannekuva.Feedback.ServicePoints.ServicePointCatalog>();
        services.TryAddSingleton<ISmsGateway>(sp => new FileSmsGateway(Path.Combine(DataFolder(db, config), "sms")));
        services.AddScoped<SmsSendJob>();
        services.AddSingleton(SmsFolderSettings.From(config));
        services.AddSingleton<Tilannekuva.Storage.Jobs.IScheduledJob, SmsFolderJob>();
        return services;
    }

    /// <summary>Where the module keeps files (signing key, development SMS outbox): "Feedback:DataFolder", else the SQLite file's folder, else ./data.</summary>
    public static string DataFolder(DatabaseOptions db, IConfiguration config)
    {
        if (config["Feedback:DataFolder"] is { Length: > 0 } configured) return configured;
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            var source = new SqliteConnectionStringBuilder(db.ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(source));
            if (!string.IsNullOrEmpty(folder)) return folder;
        }
        return Path.GetFullPath("data");
    }

    public static FeedbackOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<FeedbackOptions>>().Value;
}

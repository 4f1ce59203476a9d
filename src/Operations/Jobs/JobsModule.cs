using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Tilannekuva.Storage;
using Tilannekuva.Storage.Jobs;

namespace Tilannekuva.Operations.Jobs;

public static class JobsModule
{
    /// <summary>
    /// The scheduler: Quartz.NET with its ADO job store in the app's database (tables from <see cref="JobSchema"/>).
    /// PostgreSQL (and Citus): clustered, so instances share one timetable and a job never runs on two at once.
    /// SQLite: a single instance's store in the same file.
    /// </summary>
    public static IServiceCollection AddTilannekuvaJobs(this IServiceCollection services, IConfiguration config, DatabaseOptions db)
    {
        var settings = config.GetSection("Operations:Jobs").Get<JobSettings>() ?? new();
        services.AddSingleton(settings);
        services.AddSingleton<JobHistory>();
        services.AddSingleton<IScheduledJob, RecomputeJob>();
        services.AddSingleton<IScheduledJob, BackupJob>();
        services.AddTransient<TimetableJob>();
        services.AddQuartz(q =>
        {
            q.UseDefaultThreadPool(4);
            q.UsePersistentStore(s =>
            {
                if (db.IsNpgsql)
                {
                    s.UsePostgres(db.ConnectionString);
                    s.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(settings.CheckinSeconds));
                }
                else s.UseSqlite(db.ConnectionString);
            });
        });
        services.AddSingleton<JobScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<JobScheduler>());
        return services;
    }
}

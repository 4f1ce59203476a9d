using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tilannekuva.Indicators;
using Tilannekuva.Operations.Backups;
using Tilannekuva.Storage;
using Tilannekuva.Storage.Jobs;

namespace Tilannekuva.Operations.Jobs;

/// <summary>The recompute of indicator windows an import left pending (a failed recompute is retried so): every Operations:Jobs:RecomputeMinutes.</summary>
internal sealed class RecomputeJob(JobSettings settings) : IScheduledJob
{
    public string Name => "recompute";
    public TimeSpan Every => settings.RecomputeMinutes > 0 ? TimeSpan.FromMinutes(settings.RecomputeMinutes) : TimeSpan.Zero;

    public Task RunAsync(IServiceProvider services, CancellationToken ct) => services.GetRequiredService<IndicatorsService>().CompletePendingAsync(ct);
}

/// <summary>Scheduled backups with retention (Operations:Backup:IntervalHours, Keep); off when IntervalHours is 0.</summary>
internal sealed class BackupJob(DatabaseOptions db, BackupSettings backup, ILogger<BackupJob> log) : IScheduledJob
{
    public string Name => "backup";
    public TimeSpan Every => backup.IntervalHours > 0 ? TimeSpan.FromHours(backup.IntervalHours) : TimeSpan.Zero;

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var result = await Backups.Backups.BackupAsync(db, backup.Folder, backup, ct);
        var pruned = Backups.Backups.Prune(backup.Folder, backup.Keep);
        log.LogInformation("Backup {File} ({Seconds:0.0} s); {Pruned} old backups deleted", Path.GetFileName(result.File), result.Duration.TotalSeconds, pruned.Count);
    }
}

namespace Tilannekuva.Operations.Backups;

/// <summary>
/// Where backups go and how many are kept (configuration "Operations:Backup:*", environment variables
/// TILANNEKUVA_BACKUP_*). Bound once at start-up; the CLI's options override single values.
/// </summary>
public sealed record BackupSettings
{
    public const string DefaultFolder = "data/backups";

    /// <summary>Folder of the backup files (TILANNEKUVA_BACKUP_FOLDER).</summary>
    public string Folder { get; init; } = DefaultFolder;

    /// <summary>Hours between scheduled backups while the app runs; 0 turns them off (TILANNEKUVA_BACKUP_INTERVAL_HOURS).</summary>
    public double IntervalHours { get; init; } = 24;

    /// <summary>How many of the newest backups retention keeps (TILANNEKUVA_BACKUP_KEEP); older ones are deleted after each scheduled backup.</summary>
    public int Keep { get; init; } = 14;

    /// <summary>Whether `migrate` (and `serve`, which migrates) takes a backup before it applies a migration to an existing store.</summary>
    public bool BeforeMigrate { get; init; } = true;

    /// <summary>Folder of pg_dump / pg_restore (TILANNEKUVA_PG_BIN); default: the PATH, else the newest /usr/lib/postgresql/*/bin.</summary>
    public string? PgBinFolder { get; init; }

    public static BackupSettings From(Microsoft.Extensions.Configuration.IConfiguration config)
    {
        var s = new BackupSettings();
        var section = config.GetSection("Operations:Backup");
        string? Get(string key, string env) => section[key] is { Length: > 0 } v ? v : Environment.GetEnvironmentVariable(env);
        return s with
        {
            Folder = Get("Folder", "TILANNEKUVA_BACKUP_FOLDER") ?? s.Folder,
            IntervalHours = Get("IntervalHours", "TILANNEKUVA_BACKUP_INTERVAL_HOURS") is { } h ? double.Parse(h, System.Globalization.CultureInfo.InvariantCulture) : s.IntervalHours,
            Keep = Get("Keep", "TILANNEKUVA_BACKUP_KEEP") is { } k ? int.Parse(k, System.Globalization.CultureInfo.InvariantCulture) : s.Keep,
            BeforeMigrate = Get("BeforeMigrate", "TILANNEKUVA_BACKUP_BEFORE_MIGRATE") is { } b ? bool.Parse(b) : s.BeforeMigrate,
            PgBinFolder = Get("PgBinFolder", "TILANNEKUVA_PG_BIN"),
        };
    }
}

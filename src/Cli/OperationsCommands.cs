using System.CommandLine;
using System.Globalization;
using Tilannekuva.Localisation;
using Tilannekuva.Operations.Backups;
using Tilannekuva.Operations.Schema;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Cli;

/// <summary>migrate, backup, restore: the operator's commands (docs/operations.md). Failures are one line on stderr and exit code 2.</summary>
public static class OperationsCommands
{
    public static IEnumerable<Command> Build() => [Migrate(), Backup(), Restore()];

    private static Command Migrate()
    {
        var noBackup = new Option<bool>("--no-backup") { Description = "Do not take a backup before changing an existing store (default: Operations:Backup:BeforeMigrate, on)" };
        var cmd = new Command("migrate", "Create or upgrade the database schema of every module (refuses a store newer than this binary; backs up first)") { noBackup };
        cmd.SetAction(async (r, ct) => await GuardAsync(async () =>
        {
            await using var app = CliApp.Services(r);
            var backup = await Startup.MigrateAsync(app.Services, ct, r.GetValue(noBackup) ? false : null);
            if (backup is not null) Console.WriteLine(Texts.Format("Ops.BackupBeforeMigrate", null, backup.File));
            Console.WriteLine(Texts.Get("Cli.Migrated"));
            return 0;
        }));
        return cmd;
    }

    private static Command Backup()
    {
        var folder = new Option<string?>("--out") { Description = "Folder for the backup (default: Operations:Backup:Folder, data/backups)" };
        var keep = new Option<int?>("--keep") { Description = "Afterwards delete all but this many newest backups in the folder" };
        var cmd = new Command("backup", "Back the store up while it runs (SQLite: online backup; PostgreSQL: pg_dump -Fc)") { folder, keep };
        cmd.SetAction(async (r, ct) => await GuardAsync(async () =>
        {
            await using var app = CliApp.Services(r);
            var settings = app.Services.GetRequiredService<BackupSettings>();
            var target = r.GetValue(folder) ?? settings.Folder;
            var result = await Backups.BackupAsync(CliApp.Database(r), target, settings, ct);
            Console.WriteLine(Texts.Format("Ops.BackupDone", null, result.File, result.StartedAt.ToString("u", CultureInfo.InvariantCulture),
                result.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture), (result.Bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture)));
            if (r.GetValue(keep) is { } k)
                foreach (var deleted in Backups.Prune(target, k)) Console.WriteLine(Texts.Format("Ops.BackupPruned", null, deleted));
            return 0;
        }));
        return cmd;
    }

    private static Command Restore()
    {
        var file = new Argument<FileInfo>("file") { Description = "A backup written by `backup`" };
        var replace = new Option<bool>("--replace") { Description = "Replace a store that holds data (default: refuse)" };
        var cmd = new Command("restore", "Restore a backup into the configured store (a new one by default), then migrate it") { file, replace };
        cmd.SetAction(async (r, ct) => await GuardAsync(async () =>
        {
            await using var app = CliApp.Services(r);
            var settings = app.Services.GetRequiredService<BackupSettings>();
            var took = await Backups.RestoreAsync(CliApp.Database(r), r.GetValue(file)!.FullName, r.GetValue(replace), settings, ct);
            // A backup of an older version is brought up to this binary's schema (no second backup of what was just restored).
            await Startup.MigrateAsync(app.Services, ct, backupBeforeMigrate: false);
            Console.WriteLine(Texts.Format("Ops.RestoreDone", null, r.GetValue(file)!.FullName, took.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)));
            return 0;
        }));
        return cmd;
    }

    /// <summary>Runs a command; the operator's errors become one line and exit code 2.</summary>
    internal static async Task<int> GuardAsync(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception e) when (e is BackupException or SchemaNewerThanBinaryException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }
}

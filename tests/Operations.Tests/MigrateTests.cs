using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Tilannekuva.Access.Storage;
using Tilannekuva.Operations.Backups;
using Tilannekuva.Operations.Schema;
using Tilannekuva.Programme.Storage;
using Tilannekuva.Web.Hosting;

namespace Tilannekuva.Operations.Tests;

/// <summary>`migrate` refuses a store newer than the binary and backs an existing store up before changing it.</summary>
[Collection(nameof(CliCollection))]
public sealed class MigrateTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_and_serve_refuse_a_store_a_newer_version_has_migrated_and_change_nothing(string provider)
    {
        await using var store = await Store.CreateAsync(provider);
        Assert.Equal(0, (await CliRun.RunAsync("migrate", "--db", store.ConnectionString)).Code);
        await using (var programme = ProgrammeStorage.Open(store.Options))
        {
            // What a newer version's migration leaves in the module's history table.
            var history = programme.GetService<IHistoryRepository>();
            await programme.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow("29990101000000_FromANewerVersion", "99.0.0")));
        }
        var folder = Path.Combine(store.Folder, "backups");
        Environment.SetEnvironmentVariable("TILANNEKUVA_BACKUP_FOLDER", folder);
        try
        {
            var (code, output, error) = await CliRun.RunAsync("migrate", "--db", store.ConnectionString);
            Assert.Equal(2, code);
            Assert.Contains("29990101000000_FromANewerVersion", error);
            Assert.DoesNotContain("   at ", error);
            Assert.DoesNotContain(".sqlite", output);
            Assert.DoesNotContain(".pgdump", output);
            Assert.False(Directory.Exists(folder)); // refused before anything, the backup included

            await using var app = Web.Hosting.TilannekuvaWeb.Build(["--Logging:LogLevel:Default=Warning"], store.Options);
            var refused = await Assert.ThrowsAsync<SchemaNewerThanBinaryException>(() => Startup.MigrateAsync(app.Services));
            Assert.Contains(refused.Modules, m => m.IsNewerThanBinary && m.Context.Contains("Programme", StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TILANNEKUVA_BACKUP_FOLDER", null);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_backs_an_existing_store_up_before_it_applies_anything(string provider)
    {
        await using var store = await Store.CreateAsync(provider);
        Assert.Equal(0, (await CliRun.RunAsync("migrate", "--db", store.ConnectionString)).Code);
        // An older store: the Access module only at its first migration.
        string first;
        await using (var access = AccessStorage.Open(store.Options))
        {
            var all = access.Database.GetMigrations().ToList();
            Assert.True(all.Count >= 2);
            first = all[0];
            await access.GetService<IMigrator>().MigrateAsync(first);
        }
        var folder = Path.Combine(store.Folder, "backups");
        Environment.SetEnvironmentVariable("TILANNEKUVA_BACKUP_FOLDER", folder);
        try
        {
            var (code, output, error) = await CliRun.RunAsync("migrate", "--db", store.ConnectionString);
            Assert.True(code == 0, error);
            var backup = Assert.Single(Backups.Backups.List(folder));
            Assert.Contains(backup.FullName, output);

            // The backup is the store as it was before: Access at its first migration only.
            await using var restored = await Store.CreateAsync(provider);
            await Backups.Backups.RestoreAsync(restored.Options, backup.FullName, replace: false, new BackupSettings());
            await using var old = AccessStorage.Open(restored.Options);
            Assert.Equal([first], await old.Database.GetAppliedMigrationsAsync());
            await using var now = AccessStorage.Open(store.Options);
            Assert.Empty(await now.Database.GetPendingMigrationsAsync());

            // Nothing to apply: no backup. --no-backup: none either.
            Assert.Equal(0, (await CliRun.RunAsync("migrate", "--db", store.ConnectionString)).Code);
            Assert.Single(Backups.Backups.List(folder));
            await using (var access = AccessStorage.Open(store.Options)) await access.GetService<IMigrator>().MigrateAsync(first);
            Assert.Equal(0, (await CliRun.RunAsync("migrate", "--no-backup", "--db", store.ConnectionString)).Code);
            Assert.Single(Backups.Backups.List(folder));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TILANNEKUVA_BACKUP_FOLDER", null);
        }
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Indicators;
using Tilannekuva.Indicators.Ingest;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Operations.Backups;

namespace Tilannekuva.Operations.Tests;

/// <summary>
/// A backup taken while the app writes holds everything acknowledged before the backup started: feedback
/// submissions through HTTP and imports through the service, on both databases; restored into a new store.
/// </summary>
[Collection(nameof(CliCollection))]
public sealed class BackupTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_backup_taken_while_the_app_writes_restores_everything_acknowledged_before_it_started(string provider)
    {
        await using var store = await Store.CreateAsync(provider);
        await using var app = await OpsApp.StartAsync(store.Options, migrate: true, feedbackDemo: true,
            "--Feedback:PerLinkPerMinute=1000000", "--Feedback:PerServicePointPerMinute=1000000");
        var acknowledged = new ConcurrentQueue<(Guid Id, DateTimeOffset At)>();
        var imports = new ConcurrentQueue<(string Unit, DateTimeOffset At)>();
        using var stop = new CancellationTokenSource();
        var token = app.FeedbackToken();

        // Four clients submit feedback as fast as they can; each 201 is an acknowledgement, timed when it arrived.
        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var client = app.Client();
            while (!stop.IsCancellationRequested)
            {
                var id = Guid.NewGuid();
                var response = await client.PostAsJsonAsync("/api/v1/feedback/responses", new
                {
                    token, submissionId = id, recommendation = 9, answers = new Dictionary<string, int> { ["AV1"] = 4 }, language = "fi",
                });
                if (response.StatusCode == HttpStatusCode.Created) acknowledged.Enqueue((id, DateTimeOffset.UtcNow));
                else Assert.Fail($"submission answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        })).ToList();
        // Imports of org-unit files, one after another, each with a unit of its own.
        var importer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var unit = $"U{i}";
                var path = Path.Combine(store.Folder, $"units-{i}.csv");
                await File.WriteAllTextAsync(path, $"source_id,name,parent_id,kind,municipality_code\nR,Alue,,region,\n{unit},Asema {i},R,unit,205\n");
                var (result, _) = await app.InScopeAsync(sp => sp.GetRequiredService<IndicatorsService>().ImportAsync(SourceKind.OrgUnits, path, null));
                Assert.Empty(result.Rejects);
                imports.Enqueue((unit, DateTimeOffset.UtcNow));
            }
        });

        await WaitUntil(() => acknowledged.Count >= 50 && imports.Count >= 2);
        var backup = await Backups.Backups.BackupAsync(store.Options, Path.Combine(store.Folder, "backups"), new BackupSettings());
        var afterBackup = acknowledged.Count;
        await WaitUntil(() => acknowledged.Count >= afterBackup + 20);
        await stop.CancelAsync();
        await Task.WhenAll([.. writers, importer]);

        await using var restored = await Store.CreateAsync(provider);
        var (code, output, error) = await CliRun.RunAsync("restore", backup.File, "--db", restored.ConnectionString);
        Assert.True(code == 0, output + error);

        var before = acknowledged.Where(a => a.At < backup.StartedAt).Select(a => a.Id).ToHashSet();
        Assert.True(before.Count >= 50);
        await using (var feedback = FeedbackStorage.Open(restored.Options))
        {
            var ids = (await feedback.Responses.Select(r => r.Id).ToListAsync()).ToHashSet();
            var missing = before.Where(id => !ids.Contains(id)).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} of {before.Count} acknowledged responses missing");
            // And the backup is one moment: nothing acknowledged after it had finished... may be there or not, but
            // no response exists in the copy that the live store does not have.
            await using var live = FeedbackStorage.Open(store.Options);
            var liveIds = (await live.Responses.Select(r => r.Id).ToListAsync()).ToHashSet();
            Assert.Subset(liveIds, ids);
        }
        var unitsBefore = imports.Where(i => i.At < backup.StartedAt).Select(i => i.Unit).ToList();
        Assert.NotEmpty(unitsBefore);
        await using (var indicators = IndicatorsStorage.Open(restored.Options))
        {
            var units = (await indicators.OrgUnits.Select(u => u.SourceId).ToListAsync()).ToHashSet();
            var missingUnits = unitsBefore.Where(u => !units.Contains(u)).ToList();
            Assert.True(missingUnits.Count == 0, string.Join(", ", missingUnits));
            // Every import in the copy is whole: its batch and its unit are there together.
            var batches = await indicators.ImportBatches.CountAsync();
            Assert.True(batches >= unitsBefore.Count);
        }
    }

    [Fact]
    public async Task Restore_refuses_a_store_that_holds_data_and_retention_keeps_the_newest()
    {
        await using var store = await Store.CreateAsync("sqlite");
        await using (var app = await OpsApp.StartAsync(store.Options)) { }
        var folder = Path.Combine(store.Folder, "backups");
        var files = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            files.Add((await Backups.Backups.BackupAsync(store.Options, folder, new BackupSettings())).File);
            await Task.Delay(5);
        }
        var (code, _, error) = await CliRun.RunAsync("restore", files[0], "--db", store.ConnectionString);
        Assert.Equal(2, code);
        Assert.Contains("--replace", error);
        Assert.DoesNotContain("   at ", error);

        Assert.Equal(2, Backups.Backups.Prune(folder, keep: 1).Count);
        Assert.Equal([Path.GetFileName(files[2])], Backups.Backups.List(folder).Select(f => f.Name));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(120);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException();
            await Task.Delay(20);
        }
    }
}

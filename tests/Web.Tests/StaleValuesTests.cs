using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Cli;
using Tilannekuva.Indicators.Results;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Web.Tests;

/// <summary>
/// No stale numbers: a real `tilannekuva import` process killed (SIGKILL) between its commit and its
/// recompute leaves its window pending in the store; readers see "out of date since"; the next import of
/// another year completes it, and the values are those of a full recompute.
/// </summary>
[Collection(nameof(CliConsole))]
public sealed class StaleValuesTests : IDisposable
{
    private readonly SqliteFile _file = new();

    public void Dispose() => _file.Dispose();

    private string[] Db(params string[] args) => [.. args, "--db", _file.ConnectionString, "--provider", "sqlite"];

    private const string Header = "source_id,unit_id,received_at,channel,reason,outcome,callback_requested_at,callback_done_at,demand_class,handling_minutes\n";

    private string Contacts(string name, int year, string prefix)
    {
        var text = new StringBuilder(Header);
        for (var i = 0; i < 40; i++)
        {
            var at = new DateTime(year, 1 + i % 12, 3 + i % 20, 9, 0, 0);
            text.Append($"{prefix}{i},U{1 + i % 2},{at:yyyy-MM-dd HH:mm},{(i % 3 == 0 ? "chat" : "phone")},,callback,{at:yyyy-MM-dd HH:mm},{(i % 4 == 0 ? "" : at.AddHours(i % 30).ToString("yyyy-MM-dd HH:mm"))},,5\n");
        }
        var path = Path.Combine(_file.Folder, name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public async Task A_kill_between_commit_and_recompute_leaves_the_window_pending_until_the_next_import_completes_it()
    {
        var units = Path.Combine(_file.Folder, "units.csv");
        File.WriteAllText(units, "source_id,name,parent_id,kind,municipality_code\nR,Alue,,region,\nU1,Asema 1,R,unit,205\nU2,Asema 2,R,unit,205\n");
        Assert.Equal(0, (await CliConsole.RunAsync(Db("import", "org_units", units))).Code);
        Assert.Equal(0, (await CliConsole.RunAsync(Db("import", "contacts", Contacts("c2024.csv", 2024, "A")))).Code);

        // A real process, killed with SIGKILL once its import has committed.
        var marker = Path.Combine(_file.Folder, "committed");
        var cli = Path.Combine(AppContext.BaseDirectory, "tilannekuva.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in Db(cli, "import", "contacts", Contacts("c2025.csv", 2025, "B"))) start.ArgumentList.Add(a);
        start.Environment[IndicatorsCommands.HoldAfterCommitVariable] = marker;
        using (var process = Process.Start(start)!)
        {
            var clock = Stopwatch.StartNew();
            while (!File.Exists(marker) && !process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120)) await Task.Delay(100);
            Assert.True(File.Exists(marker), "the import did not reach its commit: " + (process.HasExited ? await process.StandardError.ReadToEndAsync() : "timeout"));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        await using (var db = IndicatorsStorage.Open(_file.Options))
        {
            Assert.Equal(40, await db.Contacts.CountAsync(c => c.SourceId.StartsWith("B")));       // committed
            var pending = await db.PendingRecomputes.SingleAsync();                                 // and its recompute pending
            Assert.Equal((2025, 2026), (pending.FirstYear, pending.EndYear));
            Assert.False(await db.IndicatorValues.AnyAsync(v => v.PeriodCode == "2025"));           // stale: never computed
            Assert.NotNull(await new IndicatorResults(db).OutOfDateSinceAsync());                   // and readers are told
        }

        // The next import (another year) completes every pending window.
        Assert.Equal(0, (await CliConsole.RunAsync(Db("import", "contacts", Contacts("c2023.csv", 2023, "C")))).Code);

        List<string> afterImport;
        await using (var db = IndicatorsStorage.Open(_file.Options))
        {
            Assert.Equal(0, await db.PendingRecomputes.CountAsync());
            Assert.Null(await new IndicatorResults(db).OutOfDateSinceAsync());
            Assert.True(await db.IndicatorValues.AnyAsync(v => v.PeriodCode == "2025" && v.IndicatorCode == "callback_same_day_share"));
            afterImport = await Cells(db);
        }
        // Exactly what a full recompute gives.
        Assert.Equal(0, (await CliConsole.RunAsync(Db("compute"))).Code);
        await using (var db = IndicatorsStorage.Open(_file.Options))
            Assert.Equal(await Cells(db), afterImport);
    }

    [Fact]
    public async Task Import_with_no_compute_stays_pending_and_compute_completes_it()
    {
        var units = Path.Combine(_file.Folder, "units.csv");
        File.WriteAllText(units, "source_id,name,parent_id,kind,municipality_code\nR,Alue,,region,\nU1,Asema 1,R,unit,205\nU2,Asema 2,R,unit,205\n");
        Assert.Equal(0, (await CliConsole.RunAsync(Db("import", "org_units", units, "--no-compute"))).Code);
        Assert.Equal(0, (await CliConsole.RunAsync(Db("import", "contacts", Contacts("c2024.csv", 2024, "A"), "--no-compute"))).Code);
        await using (var db = IndicatorsStorage.Open(_file.Options)) Assert.Equal(2, await db.PendingRecomputes.CountAsync());
        Assert.Equal(0, (await CliConsole.RunAsync(Db("compute"))).Code);
        await using (var db = IndicatorsStorage.Open(_file.Options))
        {
            Assert.Equal(0, await db.PendingRecomputes.CountAsync());
            Assert.True(await db.IndicatorValues.AnyAsync(v => v.PeriodCode == "2024"));
        }
    }

    private static async Task<List<string>> Cells(IndicatorsDbContext db) =>
        (await db.IndicatorValues.AsNoTracking().ToListAsync())
            .Select(v => $"{v.IndicatorCode}|{v.PeriodType}|{v.PeriodCode}|{v.OrgUnitId}|{v.Dimension}|{v.Category}|{v.Numerator:R}|{v.Denominator:R}|{v.N}")
            .Order(StringComparer.Ordinal).ToList();
}

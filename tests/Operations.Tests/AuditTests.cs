using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Access;
using Tilannekuva.Access.Storage;
using Tilannekuva.Programme.Demo;
using Tilannekuva.Programme.Storage;

namespace Tilannekuva.Operations.Tests;

/// <summary>The audit logs are hash-chained; `audit verify` finds a changed or deleted row; rows are forwarded as RFC 5424 syslog.</summary>
[Collection(nameof(CliCollection))]
public sealed class AuditTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Audit_verify_passes_an_untouched_log_and_names_the_first_changed_or_deleted_row(string provider)
    {
        await using var store = await Store.CreateAsync(provider);
        await using (var app = await OpsApp.StartAsync(store.Options))
        {
            await app.InScopeAsync(sp => DemoProgramme.LoadAsync(sp.GetRequiredService<ProgrammeDbContext>(), new DateOnly(2026, 11, 30)));
            // Accounts from parallel requests: the chain must still follow the ids (writers take turns).
            await Task.WhenAll(Enumerable.Range(0, 8).Select(i => app.InScopeAsync(sp => sp.GetRequiredService<Accounts>().CreateAsync($"kayttaja{i}", Role.Viewer))));
        }
        var intact = await CliRun.RunAsync("audit", "verify", "--db", store.ConnectionString);
        Assert.True(intact.Code == 0, intact.Output + intact.Error);
        Assert.Contains("audit_entry", intact.Output);
        Assert.Contains("account_audit", intact.Output);

        long changed, deletedBefore;
        await using (var programme = ProgrammeStorage.Open(store.Options))
        {
            var ids = await programme.AuditEntries.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
            Assert.True(ids.Count > 20, $"{ids.Count} programme audit rows");
            Assert.All(await programme.AuditEntries.Select(a => a.Hash).ToListAsync(), h => Assert.Matches("^[0-9a-f]{64}$", h!));
            changed = ids[ids.Count / 2];
            // Someone with database access rewrites what a change did.
            await programme.Database.ExecuteSqlRawAsync("UPDATE audit_entry SET \"After\" = {0} WHERE \"Id\" = {1}", "{\"Name\":\"muutettu\"}", changed);
        }
        await using (var access = AccessStorage.Open(store.Options))
        {
            var ids = await access.AuditEntries.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
            deletedBefore = ids[3];
            await access.Database.ExecuteSqlRawAsync("DELETE FROM account_audit WHERE \"Id\" = {0}", ids[2]);
        }
        var broken = await CliRun.RunAsync("audit", "verify", "--db", store.ConnectionString);
        Assert.Equal(1, broken.Code);
        Assert.Contains($"audit_entry: chain broken at row {changed}", broken.Output.Replace("ketju katkeaa rivillä", "chain broken at row"));
        Assert.Contains($"account_audit: chain broken at row {deletedBefore}", broken.Output.Replace("ketju katkeaa rivillä", "chain broken at row"));
        Assert.Contains("board_audit", broken.Output); // the untouched table is still reported intact
    }

    [Fact]
    public async Task New_audit_rows_reach_a_syslog_listener_as_RFC_5424_with_their_hash()
    {
        using var listener = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)listener.Client.LocalEndPoint!).Port;
        await using var store = await Store.CreateAsync("sqlite");
        await using var app = await OpsApp.StartAsync(store.Options, migrate: true, feedbackDemo: false,
            $"--Operations:AuditForwarding:Syslog=udp://127.0.0.1:{port}", "--Operations:AuditForwarding:IntervalSeconds=0.2",
            $"--Operations:AuditForwarding:CursorFile={Path.Combine(store.Folder, "cursor.json")}");
        await app.InScopeAsync(sp => sp.GetRequiredService<Accounts>().CreateAsync("valvoja7", Role.Analyst));
        var hash = await app.InScopeAsync(sp => sp.GetRequiredService<AccessDbContext>().AuditEntries.Where(a => a.Account == "valvoja7").Select(a => a.Hash).SingleAsync());

        string? message = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (message is null)
        {
            var datagram = await listener.ReceiveAsync(timeout.Token);
            var text = Encoding.UTF8.GetString(datagram.Buffer);
            if (text.Contains("valvoja7", StringComparison.Ordinal)) message = text;
        }
        // <PRI>VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD] MSG; PRI 109 = facility 13 (log audit) × 8 + severity 5 (notice).
        Assert.Matches(@"^<109>1 \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \S+ tilannekuva - account_audit \[audit@32473 table=""account_audit"" id=""\d+"" actor=""[^""]*"" action=""Created"" target=""valvoja7"" hash=""[0-9a-f]{64}""\] ", message);
        Assert.EndsWith(" Created valvoja7", message);
        Assert.Contains($"hash=\"{hash}\"", message);
    }
}

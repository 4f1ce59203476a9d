using System.Diagnostics;
using Tilannekuva.ServiceTray.Demo;
using Tilannekuva.ServiceTray.Domain;
using Tilannekuva.ServiceTray.Import;
using Tilannekuva.ServiceTray.Search;
using Xunit.Abstractions;

namespace Tilannekuva.ServiceTray.Tests;

/// <summary>
/// 20,000 services (the demo tray copied 205 times under new ids, with their places) stored on SQLite, indexed and searched.
/// Prints the figures; the bounds asserted are loose (a loaded shared machine), the aims are in docs/servicetray.md.
/// </summary>
public class ScaleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Twenty_thousand_services_import_and_search()
    {
        var demo = TrayDemo.Snapshot();
        var big = new TraySnapshot("scale", "scale");
        big.Kinds.UnionWith(demo.Kinds);
        for (var copy = 0; big.Services.Count < 20_000; copy++)
        {
            foreach (var s in demo.Services.Values)
                big.Services[$"{s.SourceId}-{copy}"] = s with { SourceId = $"{s.SourceId}-{copy}", ChannelIds = s.ChannelIds.Select(c => $"{c}-{copy}").ToList() };
            foreach (var c in demo.Channels.Values)
                big.Channels[$"{c.SourceId}-{copy}"] = c with { SourceId = $"{c.SourceId}-{copy}" };
        }
        await using var store = await TrayStore.CreateAsync(postgres: false);
        var clock = Stopwatch.StartNew();
        var result = await store.StoreAsync(big);
        var import = clock.Elapsed;
        clock.Restart();
        await using var db = store.Open();
        using var index = new TrayIndex(await TrayCatalog.LoadAsync(db));
        var build = clock.Elapsed;
        string[] queries = ["omaishoitajille", "ikääntyneiden liikuntaryhmät", "omaishiotajille", "vesijumppa", "perhekerho", "mielenterveys", "tasapaino", "nuorten liikunta"];
        var times = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var q = new TrayQuery { Text = queries[i % queries.Length], PostalCode = i % 2 == 0 ? "87100" : null, OpenNow = i % 5 == 0 };
            clock.Restart();
            var r = index.Search(q, new DateTime(2026, 12, 3, 10, 15, 0));
            times.Add(clock.Elapsed.TotalMilliseconds);
            Assert.True(r.Total > 0 || q.OpenNow, q.Text);
        }
        times.Sort();
        double P(double p) => times[(int)Math.Ceiling(p * times.Count) - 1];
        output.WriteLine($"{big.Services.Count} services, {big.Channels.Count} channels: import {import.TotalSeconds:0.0} s ({result.Added} rows), index {build.TotalSeconds:0.0} s, search p50 {P(0.5):0.0} ms, p95 {P(0.95):0.0} ms, max {times[^1]:0.0} ms");
        Assert.True(import < TimeSpan.FromMinutes(2));
        Assert.True(P(0.95) < 1000);
    }
}

using Tilannekuva.ServiceTray.Import;

namespace Tilannekuva.ServiceTray.Demo;

/// <summary>
/// A large synthetic tray for measuring: the demo tray copied under new ids (services and their places) until it
/// holds <c>count</c> services. Used by <c>bench tray</c> and the scale test.
/// </summary>
public static class TrayScale
{
    public static TraySnapshot Snapshot(int count, string source = "scale")
    {
        var demo = TrayDemo.Snapshot();
        var big = new TraySnapshot(source, source);
        big.Kinds.UnionWith(demo.Kinds);
        foreach (var o in demo.Organisations.Values) big.Organisations[o.SourceId] = o;
        for (var copy = 0; big.Services.Count < count; copy++)
        {
            foreach (var s in demo.Services.Values)
            {
                if (big.Services.Count >= count) break;
                big.Services[$"{s.SourceId}-{copy}"] = s with { SourceId = $"{s.SourceId}-{copy}", ChannelIds = s.ChannelIds.Select(c => $"{c}-{copy}").ToList() };
            }
            foreach (var c in demo.Channels.Values)
                big.Channels[$"{c.SourceId}-{copy}"] = c with { SourceId = $"{c.SourceId}-{copy}", ServiceIds = c.ServiceIds.Select(s => $"{s}-{copy}").ToList() };
        }
        return big;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tilannekuva.Storage.Jobs;

namespace Tilannekuva.ServiceTray.Tests;

/// <summary>The PTV refresh is a job on the app's scheduler ("servicetray-ptv"), on only with a URL, and a failed fetch fails the run.</summary>
public sealed class PtvJobTests
{
    private static ServiceProvider Services(TrayStore store, params (string Key, string Value)[] settings) =>
        new ServiceCollection().AddLogging()
            .AddServiceTray(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build(), store.Options)
            .BuildServiceProvider();

    [Fact]
    public async Task The_PTV_refresh_is_a_scheduled_job_only_with_a_url_and_an_unreachable_interface_fails_the_run()
    {
        await using var store = await TrayStore.CreateAsync(postgres: false);
        await using (var off = Services(store))
            Assert.Equal(TimeSpan.Zero, Assert.Single(off.GetServices<IScheduledJob>(), j => j.Name == "servicetray-ptv").Every);
        await using var on = Services(store, ("ServiceTray:Ptv:Url", "http://127.0.0.1:9/api"), ("ServiceTray:Ptv:IntervalHours", "6"));
        var job = Assert.Single(on.GetServices<IScheduledJob>(), j => j.Name == "servicetray-ptv");
        Assert.Equal(TimeSpan.FromHours(6), job.Every);
        Assert.IsAssignableFrom<IFirstRunSoon>(job);
        await using var scope = on.CreateAsyncScope();
        await Assert.ThrowsAsync<HttpRequestException>(() => job.RunAsync(scope.ServiceProvider, CancellationToken.None));
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.Operations.Tests;

/// <summary>/health/live and /health/ready through real HTTP on both databases.</summary>
public sealed class HealthTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(OpsApp app, string path)
    {
        using var client = app.Client();
        var response = await client.GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_migrated_store_is_live_and_ready(string provider)
    {
        await using var store = await Store.CreateAsync(provider);
        await using var app = await OpsApp.StartAsync(store.Options);

        var (liveStatus, live) = await GetAsync(app, "/health/live");
        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal("Healthy", live.GetProperty("status").GetString());

        var (readyStatus, ready) = await GetAsync(app, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("recompute").GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_store_with_migrations_pending_is_live_but_not_ready(string provider)
    {
        await using var store = await Store.CreateAsync(provider);
        if (provider == "sqlite")
            using (var create = new Microsoft.Data.Sqlite.SqliteConnection(store.ConnectionString)) create.Open(); // an empty file, as an unmigrated store is
        await using var app = await OpsApp.StartAsync(store.Options, migrate: false);

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(app, "/health/live")).Status);
        var (status, ready) = await GetAsync(app, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("migrations pending", ready.GetProperty("checks").GetProperty("database").GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_fresh_pending_recompute_is_degraded_and_a_stale_one_is_not_ready()
    {
        await using var store = await Store.CreateAsync("sqlite");
        await using var app = await OpsApp.StartAsync(store.Options, migrate: true, feedbackDemo: false, "--Operations:Health:PendingRecomputeMinutes=30");
        await AddPendingAsync(app, DateTime.Now.AddMinutes(-2));

        var (status, ready) = await GetAsync(app, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", ready.GetProperty("checks").GetProperty("recompute").GetProperty("status").GetString());
        Assert.Equal(1, ready.GetProperty("checks").GetProperty("recompute").GetProperty("data").GetProperty("pendingWindows").GetInt32());

        // A recompute that has been pending for 45 minutes failed or never ran: the instance must not take traffic as if all were well.
        await AddPendingAsync(app, DateTime.Now.AddMinutes(-45));
        (status, ready) = await GetAsync(app, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", ready.GetProperty("checks").GetProperty("recompute").GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_answers_without_a_sign_in_and_says_nothing_of_the_connection()
    {
        await using var store = await Store.CreateAsync("postgres");
        await using var app = await OpsApp.StartAsync(store.Options);
        using var client = app.Client();
        var body = await client.GetStringAsync("/health/ready");
        Assert.DoesNotContain("Password", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("127.0.0.1", body);
        Assert.DoesNotContain("tk_ops", body);
    }

    private static Task<int> AddPendingAsync(OpsApp app, DateTime since) => app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<IndicatorsDbContext>();
        db.PendingRecomputes.Add(new PendingRecompute { FirstYear = 2026, EndYear = 2027, Since = since });
        return await db.SaveChangesAsync();
    });
}

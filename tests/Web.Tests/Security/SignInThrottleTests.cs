using System.Diagnostics;
using System.Net;
using Tilannekuva.Access;

namespace Tilannekuva.Web.Tests.Security;

/// <summary>The app with small sign-in limits, so a test reaches the waits and the lock in seconds.</summary>
public sealed class ThrottledApp : SqliteApp
{
    protected override bool Demo => false;

    protected override string[] ExtraArgs =>
    [
        "--Security:SignIn:AccountFreeFailures=2", "--Security:SignIn:AccountLockFailures=4", "--Security:SignIn:MaxDelaySeconds=1",
        "--Security:SignIn:AddressFreeFailures=6", "--Security:SignIn:AddressLockFailures=1000",
    ];

    public async Task CreateAsync(string user, Role role = Role.Viewer)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(Services);
        var accounts = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Accounts>(scope.ServiceProvider);
        await accounts.CreateAsync(user, role);
        Assert.Null(await accounts.SetPasswordAsync(user, Password));
    }
}

/// <summary>Limits high enough that the timing test's failures are all checked.</summary>
public sealed class UnthrottledApp : SqliteApp
{
    protected override bool Demo => false;

    protected override string[] ExtraArgs => ["--Security:SignIn:AccountFreeFailures=1000", "--Security:SignIn:AddressFreeFailures=1000"];
}

/// <summary>Issue #13, finding 4: 60 wrong passwords in 6 s, then the right one worked. Now: waits, then a lock.</summary>
public sealed class SignInThrottleTests(ThrottledApp app) : IClassFixture<ThrottledApp>
{
    private async Task<(HttpStatusCode Status, string Html)> TryAsync(string user, string password)
    {
        var r = await TestApp.PostLoginAsync(app.NewClient(), user, password);
        return (r.StatusCode, await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Failures_bring_growing_waits_then_a_lock_that_even_the_right_password_cannot_pass()
    {
        await app.CreateAsync("guessed");
        for (var i = 0; i < 3; i++)
            Assert.Contains("Käyttäjätunnus tai salasana on väärin", (await TryAsync("guessed", $"arvaus-numero-{i}")).Html);
        // The third failure asks for a wait: at once even the right password is refused, without being checked.
        var early = await TryAsync("guessed", TestApp.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, early.Status);
        Assert.Contains("sekunnin kuluttua", early.Html);
        await Task.Delay(1100);
        Assert.Contains("Käyttäjätunnus tai salasana on väärin", (await TryAsync("guessed", "arvaus-numero-3")).Html);
        // The fourth failure locked the account.
        var locked = await TryAsync("guessed", TestApp.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.Status);
        Assert.Contains("lukittu", locked.Html);
        await Task.Delay(1100);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TryAsync("guessed", TestApp.Password)).Status);

        // The lock is in the account log; an admin's reset lifts it with a new one-time password.
        var admin = await app.SignInAsync("admin");
        var page = await admin.GetStringAsync("/admin/users");
        Assert.Contains("kirjautuminen lukittu", page);
        var token = TestApp.AntiforgeryToken(page);
        var reset = await (await admin.PostAsync("/admin/users?handler=reset", TestApp.Form(("userName", "guessed"), ("__RequestVerificationToken", token)))).Content.ReadAsStringAsync();
        var oneTime = System.Text.RegularExpressions.Regex.Match(reset, "<code id=\"one-time\">([^<]+)</code>").Groups[1].Value;
        var signIn = await TestApp.PostLoginAsync(app.NewClient(), "guessed", oneTime);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }
}

/// <summary>Guessing many accounts from one address is slowed down too.</summary>
public sealed class SignInAddressThrottleTests(ThrottledApp app) : IClassFixture<ThrottledApp>
{
    [Fact]
    public async Task Many_accounts_guessed_from_one_address_bring_a_wait_for_that_address()
    {
        for (var i = 0; i < 7; i++)
        {
            var r = await TestApp.PostLoginAsync(app.NewClient(), $"kuka-{i}", "arvaus-arvaus-arvaus");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
        var next = await TestApp.PostLoginAsync(app.NewClient(), "admin", TestApp.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
    }
}

/// <summary>The time of a sign-in does not tell whether the account exists (was 8 ms against 92 ms).</summary>
public sealed class SignInTimingTests(UnthrottledApp app) : IClassFixture<UnthrottledApp>
{
    [Fact]
    public async Task Unknown_accounts_take_as_long_as_wrong_passwords()
    {
        async Task<double> OnceAsync(string user)
        {
            var client = app.NewClient();
            var token = await TestApp.AntiforgeryTokenAsync(client, "/account/login");
            var watch = Stopwatch.StartNew();
            var r = await client.PostAsync("/account/login", TestApp.Form(("UserName", user), ("Password", "väärä-salasana-x"), ("__RequestVerificationToken", token)));
            watch.Stop();
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return watch.Elapsed.TotalMilliseconds;
        }
        static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);
        // Alternating sign-ins so that the machine's load affects both alike; the known account stays under its free failures.
        var (knownTimes, unknownTimes) = (new List<double>(), new List<double>());
        for (var i = 0; i < 7; i++)
        {
            knownTimes.Add(await OnceAsync("admin"));
            unknownTimes.Add(await OnceAsync($"ei-ole-{i}"));
        }
        var (known, unknown) = (Median(knownTimes), Median(unknownTimes));
        Assert.True(unknown > known * 0.5, $"unknown {unknown:0} ms, known {known:0} ms");
    }
}

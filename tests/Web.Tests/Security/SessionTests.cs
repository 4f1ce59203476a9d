using System.Net;
using System.Net.Http.Headers;
using Tilannekuva.Access;

namespace Tilannekuva.Web.Tests.Security;

/// <summary>
/// Issue #13, finding 1: a role change, unit change, password reset or change, disabling an account or signing out
/// ends the account's open sessions (old cookie → sign-in page) and its API token (→ 401) at once.
/// </summary>
public sealed class SessionTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    /// <summary>A signed-in browser and an API client of a fresh account, both working before the change.</summary>
    private async Task<(HttpClient Browser, HttpClient Api)> SessionsOfAsync(string user, Role role, params string[] units)
    {
        await app.CreateAccountAsync(user, role, units);
        var browser = await app.SignInAsync(user);
        var api = app.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.ApiTokenAsync(user));
        Assert.True(await SecurityApp.SignedInAsync(browser));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/programmes")).StatusCode);
        return (browser, api);
    }

    private static async Task AssertEndedAsync(HttpClient browser, HttpClient api)
    {
        Assert.False(await SecurityApp.SignedInAsync(browser));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/programmes")).StatusCode);
    }

    [Fact]
    public async Task Demoting_a_director_ends_the_old_cookie_and_token()
    {
        var (browser, api) = await SessionsOfAsync("demoted", Role.Director);
        var admin = await app.SignInAsync("admin");
        await app.AdminPostAsync(admin, "role", ("userName", "demoted"), ("role", "Viewer"));
        await AssertEndedAsync(browser, api);
        // The old cookie cannot reach the director's pages either; a new sign-in gets the new role.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/edit/programme/new?parent=0")).StatusCode);
        var again = await app.SignInAsync("demoted");
        var edit = await again.GetAsync("/edit/programme/new?parent=0");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal("/account/denied", edit.Headers.Location!.AbsolutePath, ignoreCase: true);
    }

    [Fact]
    public async Task Changing_a_managers_units_ends_the_old_cookie_and_token()
    {
        var (browser, api) = await SessionsOfAsync("unitman", Role.Manager, "X1");
        var admin = await app.SignInAsync("admin");
        await app.AdminPostAsync(admin, "units", ("userName", "unitman"), ("units", ""));
        await AssertEndedAsync(browser, api);
    }

    [Fact]
    public async Task A_password_reset_ends_the_old_cookie_and_token()
    {
        var (browser, api) = await SessionsOfAsync("resetme", Role.Planner);
        var admin = await app.SignInAsync("admin");
        await app.AdminPostAsync(admin, "reset", ("userName", "resetme"));
        await AssertEndedAsync(browser, api);
    }

    [Fact]
    public async Task Disabling_an_account_ends_the_old_cookie_and_token_and_refuses_sign_in()
    {
        var (browser, api) = await SessionsOfAsync("disableme", Role.Analyst);
        var admin = await app.SignInAsync("admin");
        await app.AdminPostAsync(admin, "disable", ("userName", "disableme"), ("disabled", "true"));
        await AssertEndedAsync(browser, api);
        var signIn = await TestApp.PostLoginAsync(app.NewClient(), "disableme", TestApp.Password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("Käyttäjätunnus tai salasana on väärin", await signIn.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signing_out_ends_every_session_of_the_account_and_its_token()
    {
        var (browser, api) = await SessionsOfAsync("signout", Role.Viewer);
        var other = await app.SignInAsync("signout"); // a second browser
        // The old cookie, kept aside, as an attacker who copied it would.
        var jar = new CookieContainer();
        var copied = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostLoginAsync(copied, "signout", TestApp.Password)).StatusCode);
        var stolen = jar.GetCookieHeader(new Uri(app.BaseUrl));
        var replay = app.NewClient();
        replay.DefaultRequestHeaders.Add("Cookie", stolen);
        Assert.True(await SecurityApp.SignedInAsync(replay));

        var token = TestApp.AntiforgeryToken(await browser.GetStringAsync("/apitoken"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/account/logout", TestApp.Form(("__RequestVerificationToken", token)))).StatusCode);
        await AssertEndedAsync(replay, api);
        Assert.False(await SecurityApp.SignedInAsync(other));
        Assert.False(await SecurityApp.SignedInAsync(copied));
    }

    [Fact]
    public async Task Changing_ones_password_asks_the_current_one_ends_other_sessions_and_keeps_this_one()
    {
        var (browser, api) = await SessionsOfAsync("changer", Role.Viewer);
        var other = await app.SignInAsync("changer");
        var html = await browser.GetStringAsync("/account/changepassword");
        var token = TestApp.AntiforgeryToken(html);
        const string chosen = "kolme-sinistä-lintua";

        var wrongCurrent = await browser.PostAsync("/account/changepassword", TestApp.Form(("CurrentPassword", "arvaus-arvaus-1"), ("NewPassword", chosen), ("Repeat", chosen), ("__RequestVerificationToken", token)));
        Assert.Contains("Nykyinen salasana on väärin", await wrongCurrent.Content.ReadAsStringAsync());
        Assert.True(await SecurityApp.SignedInAsync(other));

        var changed = await browser.PostAsync("/account/changepassword", TestApp.Form(("CurrentPassword", TestApp.Password), ("NewPassword", chosen), ("Repeat", chosen), ("__RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        // This browser lands signed in; the other session and the token ended.
        Assert.True(await SecurityApp.SignedInAsync(browser));
        Assert.False(await SecurityApp.SignedInAsync(other));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/programmes")).StatusCode);
    }

    [Fact]
    public async Task Account_changes_are_in_the_account_log_visible_to_the_admin()
    {
        await app.CreateAccountAsync("logged", Role.Viewer);
        var admin = await app.SignInAsync("admin");
        await app.AdminPostAsync(admin, "role", ("userName", "logged"), ("role", "Analyst"));
        await app.AdminPostAsync(admin, "reset", ("userName", "logged"));
        var page = await admin.GetStringAsync("/admin/users");
        Assert.Contains("rooli muutettu: lukija → tietoasiantuntija", page);
        Assert.Contains("uusi kertakäyttöinen salasana", page);
        var history = await app.WithAccountsAsync(a => a.HistoryAsync());
        Assert.Contains(history, e => e is { Account: "logged", Action: AccountActions.RoleChanged, Actor: "admin" });
        Assert.Contains(history, e => e is { Account: "logged", Action: AccountActions.Created });
        // Never a secret in the log.
        Assert.DoesNotContain(history, e => (e.Detail ?? "").Contains("AQAAAA", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_password_rule_refuses_short_common_and_own_name_passwords()
    {
        await app.CreateAccountAsync("virtanen", Role.Viewer);
        var browser = await app.SignInAsync("virtanen");
        var token = TestApp.AntiforgeryToken(await browser.GetStringAsync("/account/changepassword"));
        foreach (var (candidate, expected) in new[]
        {
            ("kymmenen10", "vähintään 12 merkkiä"),
            ("Salasana2026!", "liian yleinen"),
            ("qwerty123456789", "liian yleinen"),
            ("Kesä2025kesä!", "liian yleinen"),
            ("111111111111", "liian yleinen"),
            ("virtanen-2026-talo", "käyttäjätunnustasi"),
        })
        {
            var r = await browser.PostAsync("/account/changepassword", TestApp.Form(("CurrentPassword", TestApp.Password), ("NewPassword", candidate), ("Repeat", candidate), ("__RequestVerificationToken", token)));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Contains(expected, await r.Content.ReadAsStringAsync());
        }
        Assert.True(await SecurityApp.SignedInAsync(browser));
    }
}

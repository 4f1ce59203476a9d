using System.Net;
using Tilannekuva.Access;

namespace Tilannekuva.Web.Tests;

/// <summary>The first run: only the admin exists, with the one-time password the console prints.</summary>
public sealed class FirstRunTests(FirstRunApp app) : IClassFixture<FirstRunApp>
{
    [Fact]
    public async Task One_time_password_leads_only_to_the_change_password_page_until_it_is_changed()
    {
        var (user, role, oneTime) = Assert.Single(app.OneTimeSignIns);
        Assert.Equal(("admin", Role.Admin), (user, role));
        var client = app.NewClient();

        // Nothing but the sign-in page before signing in.
        var anonymous = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/account/login", anonymous.Headers.Location!.AbsolutePath, ignoreCase: true);

        var signIn = await TestApp.PostLoginAsync(client, "admin", oneTime);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/account/changepassword", new Uri(client.BaseAddress!, signIn.Headers.Location!).AbsolutePath, ignoreCase: true);

        // Signed in, but every other page (and the admin's own pages) still refuse.
        foreach (var path in new[] { "/", "/admin/users", "/apitoken", "/edit/programme/new?parent=0" })
        {
            var r = await client.GetAsync(path);
            Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{path}: {r.StatusCode}");
            if (r.StatusCode == HttpStatusCode.Redirect)
                Assert.StartsWith("/account/", new Uri(client.BaseAddress!, r.Headers.Location!).AbsolutePath, StringComparison.OrdinalIgnoreCase);
        }
        var change = await client.GetAsync("/account/changepassword");
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        var html = await change.Content.ReadAsStringAsync();
        Assert.Contains("Kirjauduit kertakäyttöisellä salasanalla", html);

        // Too short and repeated wrongly: refused, still on the page.
        var token = TestApp.AntiforgeryToken(html);
        var tooShort = await client.PostAsync("/account/changepassword", TestApp.Form(("CurrentPassword", oneTime), ("NewPassword", "lyhyt"), ("Repeat", "lyhyt"), ("__RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Contains("vähintään 12 merkkiä", await tooShort.Content.ReadAsStringAsync());
        var differ = await client.PostAsync("/account/changepassword", TestApp.Form(("CurrentPassword", oneTime), ("NewPassword", "oikein-pitka-1"), ("Repeat", "oikein-pitka-2"), ("__RequestVerificationToken", token)));
        Assert.Contains("Salasanat eivät täsmää", await differ.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/users")).StatusCode);

        const string chosen = "oma-salasana-2026";
        var changed = await client.PostAsync("/account/changepassword", TestApp.Form(("CurrentPassword", oneTime), ("NewPassword", chosen), ("Repeat", chosen), ("__RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode); // no programme yet: the list page

        // The one-time password no longer works; the chosen one does.
        var old = await TestApp.PostLoginAsync(app.NewClient(), "admin", oneTime);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Contains("Käyttäjätunnus tai salasana on väärin", await old.Content.ReadAsStringAsync());
        await app.SignInAsync("admin", chosen);
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SignInTests(SqliteApp app)
{
    [Fact]
    public async Task Wrong_password_is_refused_and_signing_out_ends_the_session()
    {
        var wrong = await TestApp.PostLoginAsync(app.NewClient(), Demo.Planner, "väärä-salasana");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Käyttäjätunnus tai salasana on väärin", await wrong.Content.ReadAsStringAsync());

        var client = await app.SignInAsync(Demo.Planner);
        var page = await client.GetStringAsync($"/programmes/{await app.ProgrammeIdAsync()}");
        // The sign-out button is a form in the layout; it must carry the anti-forgery token to work.
        var token = TestApp.AntiforgeryToken(page);
        var signOut = await client.PostAsync("/account/logout", TestApp.Form(("__RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/account/login", after.Headers.Location!.AbsolutePath, ignoreCase: true);
    }
}

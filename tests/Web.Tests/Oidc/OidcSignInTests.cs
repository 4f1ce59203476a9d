using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Access;
using Tilannekuva.Web.Tests.Security;

namespace Tilannekuva.Web.Tests.Oidc;

/// <summary>
/// Issue #13: sign-in through the county's identity provider, against a real OpenID Connect server
/// (<see cref="TestIdentityProvider"/>, OpenIddict on Kestrel) and the real app, driven over HTTP: code flow with PKCE,
/// form_post, id token validated against the provider's JWKS and issuer.
/// </summary>
public sealed class OidcSignInTests(OidcApp app) : IClassFixture<OidcApp>
{
    /// <summary>A synthetic person at the provider; each test uses its own so they do not meet.</summary>
    private DirectoryPerson Person(string userName, params string[] groups)
    {
        var person = new DirectoryPerson(Guid.NewGuid().ToString(), userName, groups);
        app.Provider.People[userName] = person;
        return person;
    }

    private static async Task AssertSignedInAsync(HttpBrowser browser, HttpBrowser.Landing landing)
    {
        Assert.Equal(HttpStatusCode.OK, landing.Status);
        // Back in the app, past the sign-in (the front page opens the only programme when there is one).
        Assert.Equal(new Uri(browser.Client.BaseAddress!, "/").Authority, landing.Url.Authority);
        Assert.DoesNotContain("/account/", landing.Url.AbsolutePath);
        Assert.True(await SecurityApp.SignedInAsync(browser.Client));
    }

    [Fact]
    public async Task The_sign_in_page_offers_the_county_provider_in_every_language()
    {
        var client = app.NewClient();
        Assert.Contains("Kirjaudu sisään: " + OidcApp.CountyName, await client.GetStringAsync("/account/login"));
        Assert.Contains("Logga in via " + OidcApp.CountyName, await client.GetStringAsync("/account/login?culture=sv"));
        Assert.Contains("Sign in with " + OidcApp.CountyName, await client.GetStringAsync("/account/login?culture=en"));
        // The password form is still there (Security:LocalSignIn defaults to true).
        Assert.Contains("name=\"Password\"", await client.GetStringAsync("/account/login"));
    }

    [Fact]
    public async Task A_person_in_the_directors_group_becomes_a_director_who_can_edit()
    {
        var person = Person("maija.testi@hva.example", OidcApp.DirectorsGroup, OidcApp.UnmappedGroup);
        var browser = HttpBrowser.New(app);
        await AssertSignedInAsync(browser, await browser.SignInAsync(person.UserName));

        var account = await app.WithAccountsAsync(a => a.FindExternalAsync(person.Subject));
        Assert.NotNull(account);
        Assert.Equal((person.UserName, Role.Director, ""), (account.UserName, account.Role, account.PasswordHash));

        // A director edits: a new programme through the edit form is stored under their name.
        var path = "/edit/programme/new?parent=0";
        var token = await TestApp.AntiforgeryTokenAsync(browser.Client, path);
        var saved = await browser.Client.PostAsync(path, TestApp.Form(("Name", "OIDC-ohjelma"), ("StartYear", "2026"), ("EndYear", "2027"), ("__RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, await app.QueryAsync(db => db.Programmes.CountAsync(p => p.Name == "OIDC-ohjelma")));

        // The account log: created by the provider's groups, never a secret or group list beyond the role.
        var history = await app.WithAccountsAsync(a => a.HistoryAsync());
        Assert.Contains(history, e => e is { Action: AccountActions.Created, Detail: "Director", Actor: AccountActions.IdentityProviderActor } && e.Account == person.UserName);
        // No password works for it.
        Assert.Equal(HttpStatusCode.OK, (await TestApp.PostLoginAsync(app.NewClient(), person.UserName, "")).StatusCode);
    }

    [Fact]
    public async Task A_person_without_a_mapped_group_is_refused_with_a_clear_page_and_no_account()
    {
        var person = Person("ei.ryhmaa@hva.example", OidcApp.UnmappedGroup);
        var browser = HttpBrowser.New(app);
        var landing = await browser.SignInAsync(person.UserName);
        Assert.Equal(HttpStatusCode.Forbidden, landing.Status);
        Assert.Equal("/account/refused", landing.Url.AbsolutePath);
        Assert.Contains("mikään käyttäjäryhmäsi ei anna oikeutta Tilannekuvaan", landing.Body);
        Assert.False(await SecurityApp.SignedInAsync(browser.Client));
        Assert.Null(await app.WithAccountsAsync(a => a.FindExternalAsync(person.Subject)));
    }

    [Fact]
    public async Task A_group_change_at_the_provider_applies_at_the_next_sign_in_and_ends_older_sessions()
    {
        var person = Person("siirtyva@hva.example", OidcApp.DirectorsGroup);
        var first = HttpBrowser.New(app);
        await AssertSignedInAsync(first, await first.SignInAsync(person.UserName));
        // The cookie kept aside, as one left open on another machine.
        var copied = app.NewClient();
        copied.DefaultRequestHeaders.Add("Cookie", first.AppCookieHeader());
        Assert.True(await SecurityApp.SignedInAsync(copied));
        Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync("/edit/programme/new?parent=0")).StatusCode);

        // The county moves the person from the directors to the viewers, and to a unit group.
        app.Provider.People[person.UserName] = person with { Groups = [OidcApp.ViewersGroup, OidcApp.UnitGroup] };
        var second = HttpBrowser.New(app);
        await AssertSignedInAsync(second, await second.SignInAsync(person.UserName));

        var account = await app.WithAccountsAsync(a => a.FindExternalAsync(person.Subject));
        Assert.Equal(Role.Viewer, account!.Role);
        Assert.Equal(["U-EAST", "U-WEST"], account.UnitIds);
        // The older sessions ended with the role change: the same cookie, in either client, goes to the sign-in page.
        Assert.False(await SecurityApp.SignedInAsync(copied));
        Assert.False(await SecurityApp.SignedInAsync(first.Client));
        // The new session has the viewer's rights only.
        var edit = await second.Client.GetAsync("/edit/programme/new?parent=0");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal("/account/denied", edit.Headers.Location!.AbsolutePath, ignoreCase: true);

        var history = await app.WithAccountsAsync(a => a.HistoryAsync());
        Assert.Contains(history, e => e is { Action: AccountActions.RoleChanged, Detail: "Director → Viewer", Actor: AccountActions.IdentityProviderActor } && e.Account == person.UserName);
        Assert.Contains(history, e => e is { Action: AccountActions.UnitsChanged, Detail: " → U-EAST U-WEST" } && e.Account == person.UserName);

        // Taken out of every mapped group: refused, and the session of a moment ago ends too.
        app.Provider.People[person.UserName] = person with { Groups = [OidcApp.UnmappedGroup] };
        var third = HttpBrowser.New(app);
        Assert.Equal("/account/refused", (await third.SignInAsync(person.UserName)).Url.AbsolutePath);
        Assert.False(await SecurityApp.SignedInAsync(second.Client));
        Assert.Contains(await app.WithAccountsAsync(a => a.HistoryAsync()), e => e is { Action: AccountActions.SignInRefused } && e.Account == person.UserName);
    }

    [Fact]
    public async Task The_same_sign_in_again_keeps_the_session_and_writes_nothing()
    {
        var person = Person("pysyva@hva.example", OidcApp.ManagersGroup, OidcApp.UnitGroup);
        var first = HttpBrowser.New(app);
        await AssertSignedInAsync(first, await first.SignInAsync(person.UserName));
        var before = (await app.WithAccountsAsync(a => a.HistoryAsync())).Count(e => e.Account == person.UserName);
        var second = HttpBrowser.New(app);
        await AssertSignedInAsync(second, await second.SignInAsync(person.UserName));
        Assert.True(await SecurityApp.SignedInAsync(first.Client));
        Assert.Equal(before, (await app.WithAccountsAsync(a => a.HistoryAsync())).Count(e => e.Account == person.UserName));
        Assert.Equal(Role.Manager, (await app.WithAccountsAsync(a => a.FindExternalAsync(person.Subject)))!.Role);
    }

    public static TheoryData<string> Tampering => ["payload changed", "unsigned", "wrong issuer", "foreign key"];

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task A_tampered_unsigned_or_wrongly_issued_id_token_is_refused(string how)
    {
        var person = Person($"tamper-{how.Replace(' ', '-')}@hva.example", OidcApp.ViewersGroup);
        app.Provider.TamperIdToken = how switch
        {
            // Viewer → admin in the payload, the provider's signature kept.
            "payload changed" => t => Jwt.Replace(t, p => p["groups"] = new JsonArray(OidcApp.AdminsGroup), resignWith: null),
            "unsigned" => Jwt.Unsigned,
            // Signed with the provider's own key, but naming another issuer.
            "wrong issuer" => t => Jwt.Replace(t, p => p["iss"] = "https://login.evil.example/tenant/v2.0", resignWith: app.Provider.SigningKey),
            "foreign key" => t => Jwt.Replace(t, p => p["groups"] = new JsonArray(OidcApp.AdminsGroup), resignWith: RSA.Create(2048)),
            _ => throw new ArgumentOutOfRangeException(nameof(how)),
        };
        try
        {
            var browser = HttpBrowser.New(app);
            var landing = await browser.SignInAsync(person.UserName);
            Assert.Equal(HttpStatusCode.Forbidden, landing.Status);
            Assert.Equal("/account/refused", landing.Url.AbsolutePath);
            Assert.Contains("Kirjautuminen tunnistuspalvelun kautta epäonnistui", landing.Body);
            Assert.False(await SecurityApp.SignedInAsync(browser.Client));
            Assert.Null(await app.WithAccountsAsync(a => a.FindExternalAsync(person.Subject)));
        }
        finally
        {
            app.Provider.TamperIdToken = null;
        }
    }

    [Fact]
    public async Task A_token_re_signed_with_the_providers_key_unchanged_is_accepted_so_the_refusals_are_the_tampering()
    {
        var person = Person("kontrolli@hva.example", OidcApp.ViewersGroup);
        app.Provider.TamperIdToken = t => Jwt.Replace(t, _ => { }, resignWith: app.Provider.SigningKey);
        try
        {
            var browser = HttpBrowser.New(app);
            await AssertSignedInAsync(browser, await browser.SignInAsync(person.UserName));
        }
        finally
        {
            app.Provider.TamperIdToken = null;
        }
    }

    [Fact]
    public async Task Signing_out_ends_the_session_here_and_at_the_provider()
    {
        var person = Person("uloskirjautuja@hva.example", OidcApp.ViewersGroup);
        var browser = HttpBrowser.New(app);
        await AssertSignedInAsync(browser, await browser.SignInAsync(person.UserName));
        var copied = app.NewClient();
        copied.DefaultRequestHeaders.Add("Cookie", browser.AppCookieHeader());
        var endSessions = app.Provider.EndSessions;

        var token = TestApp.AntiforgeryToken(await browser.Client.GetStringAsync("/apitoken"));
        var landing = await browser.FollowAsync(new HttpRequestMessage(HttpMethod.Post, "/account/logout") { Content = TestApp.Form(("__RequestVerificationToken", token)) });
        Assert.Equal(endSessions + 1, app.Provider.EndSessions);
        Assert.Equal("/account/login", landing.Url.AbsolutePath);
        Assert.False(await SecurityApp.SignedInAsync(browser.Client));
        Assert.False(await SecurityApp.SignedInAsync(copied));
        // The provider's own session ended too: the next sign-in asks for the user again.
        var again = await browser.FollowAsync(new HttpRequestMessage(HttpMethod.Get, "/account/external?returnUrl=%2F"));
        Assert.Equal("/login", again.Url.AbsolutePath);
        // The CSP lets the sign-out form's redirect reach the provider, and nothing else.
        var csp = (await app.NewClient().GetAsync("/account/login")).Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("form-action 'self' " + new Uri(app.Provider.Issuer).GetLeftPart(UriPartial.Authority) + ";", csp);
    }

    [Fact]
    public async Task Local_sign_in_still_works_beside_the_provider()
    {
        await app.CreateLocalAccountAsync("paikallinen", Role.Analyst);
        var client = await app.SignInAsync("paikallinen");
        Assert.True(await SecurityApp.SignedInAsync(client));
    }

    [Fact]
    public async Task A_provider_name_that_a_local_account_has_is_not_taken_over()
    {
        await app.CreateLocalAccountAsync("yhteinen.nimi", Role.Viewer);
        var person = Person("yhteinen.nimi", OidcApp.AdminsGroup);
        var browser = HttpBrowser.New(app);
        var landing = await browser.SignInAsync(person.UserName);
        Assert.Equal("/account/refused", landing.Url.AbsolutePath);
        Assert.Contains("paikallisen tilin käytössä", landing.Body);
        Assert.Equal(Role.Viewer, (await app.WithAccountsAsync(a => a.FindAsync("yhteinen.nimi")))!.Role);
    }

    [Fact]
    public async Task An_account_the_admin_disabled_stays_out_whatever_its_groups()
    {
        var person = Person("suljettu@hva.example", OidcApp.DirectorsGroup);
        var browser = HttpBrowser.New(app);
        await AssertSignedInAsync(browser, await browser.SignInAsync(person.UserName));
        Assert.Null(await app.WithAccountsAsync(a => a.SetDisabledAsync(person.UserName, true)));
        Assert.False(await SecurityApp.SignedInAsync(browser.Client));
        var again = HttpBrowser.New(app);
        var landing = await again.SignInAsync(person.UserName);
        Assert.Equal("/account/refused", landing.Url.AbsolutePath);
        Assert.Contains("poistettu käytöstä", landing.Body);
    }
}

/// <summary>Password sign-in turned off: only the provider's button, and a posted password is refused.</summary>
public sealed class OidcOnlySignInTests(OidcOnlyApp app) : IClassFixture<OidcOnlyApp>
{
    [Fact]
    public async Task Local_sign_in_is_refused_when_turned_off_and_the_provider_still_signs_in()
    {
        var page = await app.NewClient().GetStringAsync("/account/login");
        Assert.DoesNotContain("name=\"Password\"", page);
        Assert.Contains("Kirjaudu sisään: " + OidcApp.CountyName, page);

        // The admin has the known password, and still cannot use it: the page has no form, so the anti-forgery pair
        // is made with the app's own service, as a script that got one elsewhere would bring it.
        var client = app.NewClient();
        var (cookie, field) = AntiforgeryPair();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        var refused = await client.PostAsync("/account/login", TestApp.Form(("UserName", "admin"), ("Password", TestApp.Password), ("__RequestVerificationToken", field)));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Kirjautuminen salasanalla ei ole käytössä", await refused.Content.ReadAsStringAsync());
        Assert.False(await SecurityApp.SignedInAsync(client));

        app.Provider.People["paaky@hva.example"] = new DirectoryPerson(Guid.NewGuid().ToString(), "paaky@hva.example", [OidcApp.AdminsGroup]);
        var browser = HttpBrowser.New(app);
        var landing = await browser.SignInAsync("paaky@hva.example");
        Assert.Equal(HttpStatusCode.OK, landing.Status);
        Assert.DoesNotContain("/account/", landing.Url.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/admin/users")).StatusCode);
    }

    private (string Cookie, string Field) AntiforgeryPair()
    {
        var antiforgery = app.Services.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>();
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = app.Services };
        var tokens = antiforgery.GetAndStoreTokens(http);
        return ("tilannekuva.af=" + tokens.CookieToken, tokens.RequestToken!);
    }
}

/// <summary>Rewrites a compact JWT the way an attacker would.</summary>
internal static class Jwt
{
    public static string Replace(string token, Action<JsonObject> change, RSA? resignWith)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlDecode(parts[1]))!.AsObject();
        change(payload);
        var head = parts[0] + "." + Base64UrlEncode(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = resignWith is null
            ? parts[2]
            : Base64UrlEncode(resignWith.SignData(Encoding.ASCII.GetBytes(head), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return head + "." + signature;
    }

    /// <summary>The same claims with "alg": "none" and no signature.</summary>
    public static string Unsigned(string token)
    {
        var parts = token.Split('.');
        var header = JsonNode.Parse(Base64UrlDecode(parts[0]))!.AsObject();
        header["alg"] = "none";
        header.Remove("kid");
        return Base64UrlEncode(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + parts[1] + ".";
    }

    private static byte[] Base64UrlDecode(string s) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(s);

    private static string Base64UrlEncode(byte[] bytes) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(bytes);
}

using Microsoft.Playwright;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Web.Tests.Oidc;

/// <summary>
/// The provider sign-in and sign-out in headless Chromium, as a person does them: the button on the sign-in page, the
/// provider's own form, the form_post back (the provider's script), and the sign-out through the provider's end-session
/// endpoint — with the app's Content-Security-Policy and cookie rules in force, which an HttpClient would not enforce.
/// </summary>
public sealed class OidcBrowserTests(OidcApp app, Chromium chromium) : IClassFixture<OidcApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_director_signs_in_with_the_county_button_and_out_again_in_a_real_browser()
    {
        app.Provider.People["selain.johtaja@hva.example"] = new DirectoryPerson(Guid.NewGuid().ToString(), "selain.johtaja@hva.example", [OidcApp.DirectorsGroup]);
        var page = await chromium.NewPageAsync(new BrowserNewContextOptions { Locale = "fi-FI", BaseURL = app.BaseUrl });
        await page.GotoAsync("/account/login");
        await page.ClickAsync("#county-sign-in");
        await page.WaitForSelectorAsync("#user");
        Assert.StartsWith(app.Provider.Issuer, page.Url);
        await page.FillAsync("#user", "selain.johtaja@hva.example");
        var back = page.WaitForURLAsync(url => url.StartsWith(app.BaseUrl, StringComparison.Ordinal) && !url.Contains("/signin-oidc", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.ClickAsync("#provider-sign-in");
        await back;
        Assert.DoesNotContain("/account/", new Uri(page.Url).AbsolutePath);
        Assert.Contains("selain.johtaja@hva.example (projektijohtaja)", await page.Locator(".who").InnerTextAsync());

        var endSessions = app.Provider.EndSessions;
        var signedOut = page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.Locator(".who form button").ClickAsync();
        await signedOut;
        Assert.Equal(endSessions + 1, app.Provider.EndSessions);
        // The browser's cookie no longer opens a page.
        Assert.Equal(302, (await page.APIRequest.GetAsync("/apitoken", new() { MaxRedirects = 0 })).Status);
    }
}

using System.Net;
using System.Text.RegularExpressions;

namespace Tilannekuva.Web.Tests;

/// <summary>/admin/users: only the admin; a new account gets a one-time password that must be changed.</summary>
[Collection(SqliteAppCollection.Name)]
public sealed class UserAdminTests(SqliteApp app)
{
    [Fact]
    public async Task Admin_creates_an_account_whose_one_time_password_forces_a_change()
    {
        var admin = await app.SignInAsync("admin");
        var token = await TestApp.AntiforgeryTokenAsync(admin, "/admin/users");
        var created = await admin.PostAsync("/admin/users?handler=create",
            TestApp.Form(("userName", "uusi.suunnittelija"), ("role", "Planner"), ("__RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var html = await created.Content.ReadAsStringAsync();
        var password = Regex.Match(html, "<code id=\"one-time\">([^<]+)</code>");
        Assert.True(password.Success, "No one-time password on the page.");

        var bad = await admin.PostAsync("/admin/users?handler=create",
            TestApp.Form(("userName", "Iso Kirjain"), ("role", "Viewer"), ("__RequestVerificationToken", token)));
        Assert.DoesNotContain("id=\"one-time\"", await bad.Content.ReadAsStringAsync());

        var client = app.NewClient();
        var signIn = await TestApp.PostLoginAsync(client, "uusi.suunnittelija", password.Groups[1].Value);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/account/changepassword", new Uri(client.BaseAddress!, signIn.Headers.Location!).AbsolutePath, ignoreCase: true);
    }

    [Theory]
    [InlineData(Demo.Director)]
    [InlineData(Demo.Planner)]
    public async Task Others_are_refused_the_user_admin(string user)
    {
        var client = await app.SignInAsync(user);
        var response = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/denied", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath, ignoreCase: true);
        Assert.DoesNotContain("/admin/users", await client.GetStringAsync("/apitoken"));
    }
}

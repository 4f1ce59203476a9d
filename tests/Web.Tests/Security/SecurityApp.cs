using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tilannekuva.Access;

namespace Tilannekuva.Web.Tests.Security;

/// <summary>
/// The real app over a fresh SQLite file without the demo: only the admin (known password). Each security test
/// creates the accounts it attacks, so demoting or disabling them touches no other test.
/// </summary>
public sealed class SecurityApp : SqliteApp
{
    protected override bool Demo => false;

    /// <summary>Creates an account with the known password (and units, for managers).</summary>
    public async Task CreateAccountAsync(string user, Role role, params string[] units)
    {
        using var scope = Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
        await accounts.CreateAsync(user, role);
        Assert.Null(await accounts.SetPasswordAsync(user, Password));
        if (units.Length > 0) Assert.Null(await accounts.SetUnitsAsync(user, units));
    }

    public async Task<T> WithAccountsAsync<T>(Func<Accounts, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<Accounts>());
    }

    /// <summary>Posts one of /admin/users' forms as the admin.</summary>
    public async Task<HttpResponseMessage> AdminPostAsync(HttpClient admin, string handler, params (string, string)[] fields)
    {
        var token = await AntiforgeryTokenAsync(admin, "/admin/users");
        var response = await admin.PostAsync($"/admin/users?handler={handler}", Form([.. fields, ("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    /// <summary>Whether a cookie client still gets a signed-in page (else it is sent to the sign-in page).</summary>
    public static async Task<bool> SignedInAsync(HttpClient client)
    {
        var r = await client.GetAsync("/apitoken");
        if (r.StatusCode == HttpStatusCode.OK) return true;
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/account/login", r.Headers.Location!.AbsolutePath, ignoreCase: true);
        return false;
    }
}

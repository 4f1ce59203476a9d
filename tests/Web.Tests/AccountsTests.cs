using Microsoft.EntityFrameworkCore;
using Tilannekuva.Access;
using Tilannekuva.Access.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Web.Tests;

/// <summary>Account rules on a real SQLite file.</summary>
public sealed class AccountsTests
{
    [Fact]
    public async Task The_last_admin_cannot_be_demoted_but_one_of_two_can()
    {
        using var file = new SqliteFile();
        await using var db = AccessStorage.Open(file.Options);
        await db.Database.MigrateAsync();
        var accounts = new Accounts(db);
        await accounts.EnsureFirstAdminAsync();

        Assert.Equal("Users.LastAdmin", await accounts.SetRoleAsync("admin", Role.Viewer));
        Assert.Equal("Users.NoSuchUser", await accounts.SetRoleAsync("nobody", Role.Viewer));
        await accounts.CreateAsync("toinen", Role.Admin);
        Assert.Null(await accounts.SetRoleAsync("admin", Role.Viewer));
        Assert.Equal(Role.Viewer, (await accounts.FindAsync("admin"))!.Role);
        Assert.Null(await accounts.ResetPasswordAsync("nobody"));
    }

    [Fact]
    public async Task A_one_time_password_must_be_replaced_and_the_api_token_is_stored_only_as_a_hash()
    {
        using var file = new SqliteFile();
        await using var db = AccessStorage.Open(file.Options);
        await db.Database.MigrateAsync();
        var accounts = new Accounts(db);
        var (_, oneTime) = await accounts.CreateAsync("suunnittelija9", Role.Planner);

        Assert.Equal(SignInOutcome.MustChangePassword, (await accounts.CheckPasswordAsync("suunnittelija9", oneTime)).Outcome);
        Assert.Equal("Account.PasswordSameAsOld", await accounts.SetPasswordAsync("suunnittelija9", oneTime));
        Assert.Null(await accounts.SetPasswordAsync("suunnittelija9", "uusi-salasana-42"));
        Assert.Equal(SignInOutcome.Failed, (await accounts.CheckPasswordAsync("suunnittelija9", oneTime)).Outcome);
        Assert.Equal(SignInOutcome.Ok, (await accounts.CheckPasswordAsync("suunnittelija9", "uusi-salasana-42")).Outcome);

        var token = await accounts.IssueApiTokenAsync("suunnittelija9");
        Assert.Equal("suunnittelija9", (await accounts.FindByApiTokenAsync(token))!.UserName);
        var stored = await db.Users.AsNoTracking().Select(u => u.ApiTokenHash).ToListAsync();
        Assert.DoesNotContain(token, stored);
    }
}

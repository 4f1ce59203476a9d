using System.CommandLine;
using Tilannekuva.Access;

namespace Tilannekuva.Cli;

/// <summary>user add|reset|token: account chores an operator scripts.</summary>
public static class UserCommands
{
    public static Command Build()
    {
        var name = new Argument<string>("name") { Description = "User name" };
        var role = new Option<Role>("--role") { Description = "Admin, Director, Planner, Analyst, Viewer or Manager", DefaultValueFactory = _ => Role.Viewer };
        var add = new Command("add", "Create an account with a one-time password") { name, role };
        add.SetAction((r, ct) => WithAccounts(r, async a =>
        {
            var (_, password) = await a.CreateAsync(r.GetValue(name)!, r.GetValue(role), ct);
            Console.WriteLine(password);
        }));
        var reset = new Command("reset", "Issue a new one-time password") { name };
        reset.SetAction((r, ct) => WithAccounts(r, async a => Console.WriteLine(await a.ResetPasswordAsync(r.GetValue(name)!, ct) ?? Localisation.Texts.Get("Users.NoSuchUser"))));
        var token = new Command("token", "Issue a personal API token (replaces the earlier one)") { name };
        token.SetAction((r, ct) => WithAccounts(r, async a => Console.WriteLine(await a.IssueApiTokenAsync(r.GetValue(name)!, ct))));
        return new Command("user", "Manage sign-in accounts") { add, reset, token };
    }

    private static async Task<int> WithAccounts(ParseResult r, Func<Accounts, Task> action)
    {
        await using var app = CliApp.Services(r);
        await Web.Hosting.Startup.MigrateAsync(app.Services);
        using var scope = app.Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<Accounts>());
        return 0;
    }
}

using System.CommandLine;
using Tilannekuva.Access;

namespace Tilannekuva.Cli;

/// <summary>user add|reset|token|units: account chores an operator scripts.</summary>
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
        var disable = new Command("disable", "Disable an account (its sessions and API token end at once)") { name };
        disable.SetAction((r, ct) => WithAccounts(r, async a => Console.WriteLine(Localisation.Texts.Get(await a.SetDisabledAsync(r.GetValue(name)!, true, ct) ?? "Security.Action.Disabled"))));
        var enable = new Command("enable", "Enable a disabled account") { name };
        enable.SetAction((r, ct) => WithAccounts(r, async a => Console.WriteLine(Localisation.Texts.Get(await a.SetDisabledAsync(r.GetValue(name)!, false, ct) ?? "Security.Action.Enabled"))));
        return new Command("user", "Manage sign-in accounts") { add, reset, token, disable, enable, Units(name) };
    }

    /// <summary>
    /// user units &lt;name&gt; [&lt;unit&gt;...] [--clear]: the org units a manager leads (replaced as a whole; each code
    /// must be a known org unit, else nothing changes and the unknown codes are named). Without units it prints them.
    /// </summary>
    private static Command Units(Argument<string> name)
    {
        var units = new Argument<string[]>("units") { Description = "Org unit codes (org_unit source ids); an area stands for every unit under it", Arity = ArgumentArity.ZeroOrMore };
        var clear = new Option<bool>("--clear") { Description = "Remove all units from the account" };
        var cmd = new Command("units", "Set the org units a manager (esihenkilö) leads, or clear or print them") { name, units, clear };
        cmd.SetAction(async (r, ct) =>
        {
            await using var app = CliApp.Services(r);
            await Web.Hosting.Startup.MigrateAsync(app.Services, ct);
            using var scope = app.Services.CreateScope();
            var user = r.GetValue(name)!;
            var codes = r.GetValue(units) ?? [];
            var wantsClear = r.GetValue(clear);
            if (wantsClear && codes.Length > 0)
            {
                Console.Error.WriteLine(Localisation.Texts.Get("Cli.User.UnitsOrClear"));
                return 2;
            }
            var accountUnits = scope.ServiceProvider.GetRequiredService<Web.Auth.AccountUnits>();
            if (codes.Length > 0 || wantsClear)
            {
                var outcome = await accountUnits.SetAsync(user, codes, ct);
                if (!outcome.Ok)
                {
                    Console.Error.WriteLine(Localisation.Texts.Format(outcome.Error!, null, string.Join(", ", outcome.Codes)));
                    return 1;
                }
            }
            if (await scope.ServiceProvider.GetRequiredService<Accounts>().FindAsync(user, ct) is not { } account)
            {
                Console.Error.WriteLine(Localisation.Texts.Get("Users.NoSuchUser"));
                return 1;
            }
            Console.WriteLine(account.UnitIds.Count == 0
                ? Localisation.Texts.Format("Cli.User.NoUnits", null, user)
                : Localisation.Texts.Format("Cli.User.Units", null, user, string.Join(", ", (await accountUnits.NamesAsync(account.UnitIds, ct)).Select(u => $"{u.Code} ({u.Name})"))));
            return 0;
        });
        return cmd;
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

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Pages.Admin;

public sealed partial class UsersModel(Accounts accounts, AccountUnits accountUnits, SignInThrottle throttle) : PageModel
{
    public List<UserAccount> Users { get; private set; } = [];
    public (string User, string Password)? Issued { get; private set; }
    public string? Error { get; private set; }
    /// <summary>What the error is about, for texts that name it (the unknown unit codes).</summary>
    public string ErrorDetail { get; private set; } = "";
    /// <summary>The account whose units were just saved.</summary>
    public string? UnitsSaved { get; private set; }

    /// <summary>The newest account changes (role, units, passwords, tokens, disabling, locks, service points).</summary>
    public List<AccountAuditEntry> History { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Users = await accounts.ListAsync(ct);
        History = await accounts.HistoryAsync(200, ct);
    }

    /// <summary>Disables (ending its sessions and token at once) or enables an account.</summary>
    public async Task OnPostDisableAsync(string userName, bool disabled, CancellationToken ct)
    {
        Error = await accounts.SetDisabledAsync(userName, disabled, ct);
        await OnGetAsync(ct);
    }

    public async Task OnPostCreateAsync(string userName, Role role, CancellationToken ct)
    {
        userName = (userName ?? "").Trim();
        if (!UserNamePattern().IsMatch(userName)) Error = "Users.BadUserName";
        else if (await accounts.FindAsync(userName, ct) is not null) Error = "Users.Exists";
        else Issued = (userName, (await accounts.CreateAsync(userName, role, ct)).OneTimePassword);
        await OnGetAsync(ct);
    }

    public async Task OnPostRoleAsync(string userName, Role role, CancellationToken ct)
    {
        Error = await accounts.SetRoleAsync(userName, role, ct);
        await OnGetAsync(ct);
    }

    /// <summary>The org units a manager leads, as codes separated by spaces, commas or semicolons; empty clears them.</summary>
    public async Task OnPostUnitsAsync(string userName, string? units, CancellationToken ct)
    {
        var outcome = await accountUnits.SetAsync(userName, (units ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries), ct);
        if (outcome.Ok) UnitsSaved = userName;
        else (Error, ErrorDetail) = (outcome.Error, string.Join(", ", outcome.Codes));
        await OnGetAsync(ct);
    }

    public async Task OnPostResetAsync(string userName, CancellationToken ct)
    {
        if (await accounts.ResetPasswordAsync(userName, ct) is { } password)
        {
            Issued = (userName, password);
            throttle.Clear(userName);
        }
        else Error = await accounts.FindAsync(userName, ct) is { IsExternal: true } ? "Oidc.NoPasswordForExternal" : "Users.NoSuchUser";
        await OnGetAsync(ct);
    }

    [GeneratedRegex("^[a-z0-9._-]{2,100}$")] private static partial Regex UserNamePattern();
}

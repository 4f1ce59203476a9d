using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;

namespace Tilannekuva.Web.Pages.Admin;

public sealed partial class UsersModel(Accounts accounts) : PageModel
{
    public List<UserAccount> Users { get; private set; } = [];
    public (string User, string Password)? Issued { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Users = await accounts.ListAsync(ct);

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

    public async Task OnPostResetAsync(string userName, CancellationToken ct)
    {
        if (await accounts.ResetPasswordAsync(userName, ct) is { } password) Issued = (userName, password);
        else Error = "Users.NoSuchUser";
        await OnGetAsync(ct);
    }

    [GeneratedRegex("^[a-z0-9._-]{2,100}$")] private static partial Regex UserNamePattern();
}

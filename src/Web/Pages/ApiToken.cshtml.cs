using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;

namespace Tilannekuva.Web.Pages;

public sealed class TokenModel(Accounts accounts) : PageModel
{
    public string? Token { get; private set; }

    public void OnGet() { }

    public async Task OnPostAsync(CancellationToken ct) => Token = await accounts.IssueApiTokenAsync(User.Identity!.Name!, ct);
}

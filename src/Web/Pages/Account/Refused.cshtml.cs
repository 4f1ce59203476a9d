using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tilannekuva.Web.Pages.Account;

/// <summary>Why an identity-provider sign-in was refused, in words (the reason codes come from CountySignIn).</summary>
public sealed class RefusedModel : PageModel
{
    private static readonly string[] Reasons = ["NoMappedGroup", "Disabled", "NameTaken", "NoSubject", "Failed"];

    public string Reason { get; private set; } = "Failed";

    public void OnGet(string? reason) => Reason = Reasons.Contains(reason) ? reason! : "Failed";
}

using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Localisation;

namespace Tilannekuva.Web.Pages.Guidance;

/// <summary>The residents' chat page (/neuvonta, ?team=CODE for a team's queue): no sign-in, no cookie; the chat id lives in sessionStorage.</summary>
[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public string Lang => Texts.Language(CultureInfo.CurrentUICulture);
    public string Team { get; private set; } = "";

    public void OnGet(string? team) => Team = team is { Length: <= 40 } t && t.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? t : "";
}

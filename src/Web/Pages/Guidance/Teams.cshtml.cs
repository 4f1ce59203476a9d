using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.Guidance.Admin;
using Tilannekuva.Localisation;

namespace Tilannekuva.Web.Pages.Guidance;

/// <summary>The guidance teams (/neuvonta/tiimit): names, staff-only, opening hours, the unit served and the number of members; admins.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class TeamsModel(TeamAdmin teams) : PageModel
{
    public List<TeamRow> Rows { get; private set; } = [];
    public string Lang => Texts.Language(CultureInfo.CurrentUICulture);

    public async Task OnGetAsync(CancellationToken ct) => Rows = await teams.ListAsync(ct);

    public static string Days(string openDays) =>
        string.Join(" ", openDays.Select(c => Texts.Get("Guidance.Day." + c, CultureInfo.CurrentUICulture)));
}

using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.Guidance.Admin;
using Tilannekuva.Guidance.Domain;
using Tilannekuva.Localisation;

namespace Tilannekuva.Web.Pages.Guidance;

/// <summary>The knowledge base's articles for editors (/neuvonta/tietopankki): words, team and status filters; admins and advisors with the editor flag.</summary>
[Authorize(Roles = Roles.Advisor + "," + Roles.Admin)]
public sealed class ArticlesModel(KnowledgeBase kb, Tilannekuva.Guidance.GuidanceService guidance) : PageModel
{
    public List<ArticleRow> Rows { get; private set; } = [];
    public Dictionary<int, Team> Teams { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>Team id; 0 = the articles for every team; null = all.</summary>
    [BindProperty(SupportsGet = true)] public int? Team { get; set; }
    [BindProperty(SupportsGet = true)] public ArticleStatus? Status { get; set; }
    public string Lang => Texts.Language(CultureInfo.CurrentUICulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await kb.IsEditorAsync(Who(User), ct)) return Forbid();
        Teams = (await guidance.AllTeamsAsync(ct)).ToDictionary(t => t.Id);
        Rows = await kb.ListAsync(Q, Team, Status, Lang, ct);
        return Page();
    }

    public string TeamName(int? id) => id is { } t && Teams.TryGetValue(t, out var team) ? team.Name(Lang) : Texts.Get("Guidance.Kb.EveryTeam", CultureInfo.CurrentUICulture);

    public static Editor Who(System.Security.Claims.ClaimsPrincipal user) => new(user.Identity?.Name ?? "", user.IsInRole(Roles.Admin));
}

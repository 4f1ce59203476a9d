using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.Localisation;

namespace Tilannekuva.Web.Pages.Guidance;

/// <summary>The advisors' console (/neuvonta/konsoli): queues of the advisor's teams, several chats at once, canned replies, transfer, end with a resolution.</summary>
[Authorize(Roles = Roles.Advisor + "," + Roles.Admin)]
public sealed class ConsoleModel(Tilannekuva.Guidance.Admin.KnowledgeBase kb) : PageModel
{
    public string Lang => Texts.Language(CultureInfo.CurrentUICulture);
    /// <summary>Edits the knowledge base (admin, or the editor flag in a team): the console links to it.</summary>
    public bool Editor { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Editor = await kb.IsEditorAsync(ArticlesModel.Who(User), ct);
}

using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.Guidance;
using Tilannekuva.Guidance.Admin;
using Tilannekuva.Guidance.Domain;
using Tilannekuva.Localisation;

namespace Tilannekuva.Web.Pages.Guidance;

/// <summary>One language's fields in the edit form.</summary>
public sealed class ArticleTextInput
{
    public string Title { get; set; } = "";
    public string Question { get; set; } = "";
    public string Answer { get; set; } = "";
    public string Keywords { get; set; } = "";
    public string SourceUrl { get; set; } = "";
}

/// <summary>
/// Writing a knowledge-base article (/neuvonta/tietopankki/artikkeli/{id?}): fi/sv/en title, question, answer, keywords and source,
/// the team, a service-tray entry or an e-service; save as a draft or publish; withdraw; the earlier versions and the change log.
/// </summary>
[Authorize(Roles = Roles.Advisor + "," + Roles.Admin)]
public sealed class ArticleModel(KnowledgeBase kb) : PageModel
{
    public ArticleDetail? Detail { get; private set; }
    public List<Team> EditableTeams { get; private set; } = [];
    public List<GuidanceAudit> History { get; private set; } = [];
    public bool MayEdit { get; private set; }
    public string? Error { get; private set; }
    public string? Saved { get; private set; }

    [BindProperty] public int? TeamId { get; set; }
    [BindProperty] public int? TrayEntryId { get; set; }
    [BindProperty] public string? EServiceUrl { get; set; }
    [BindProperty] public Dictionary<string, ArticleTextInput> Text { get; set; } = [];

    public string Lang => Texts.Language(CultureInfo.CurrentUICulture);
    private Editor Who => ArticlesModel.Who(User);

    public async Task<IActionResult> OnGetAsync(int? id, string? saved, CancellationToken ct)
    {
        if (!await kb.IsEditorAsync(Who, ct)) return Forbid();
        Saved = saved is "draft" or "published" or "withdrawn" ? saved : null;
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Detail is { } d)
        {
            TeamId = d.Article.TeamId;
            var newest = KnowledgeBase.Languages.Select(d.Newest).OfType<ArticleVersion>().ToList();
            TrayEntryId = newest.Select(v => v.TrayEntryId).FirstOrDefault(x => x is not null);
            EServiceUrl = newest.Select(v => v.EServiceUrl).FirstOrDefault(x => x is not null);
            foreach (var v in newest) Text[v.Language] = new ArticleTextInput { Title = v.Title, Question = v.Question, Answer = v.Answer, Keywords = v.Keywords, SourceUrl = v.SourceUrl };
        }
        else if (!Who.Admin) TeamId = EditableTeams.FirstOrDefault()?.Id;
        return Page();
    }

    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        EditableTeams = await kb.EditableTeamsAsync(Who, ct);
        foreach (var l in KnowledgeBase.Languages) Text.TryAdd(l, new ArticleTextInput());
        if (id is not { } aid) { MayEdit = true; return true; }
        Detail = await kb.GetAsync(aid, ct);
        if (Detail is null) return false;
        MayEdit = await kb.MayEditAsync(Who, Detail.Article.TeamId, ct);
        History = await kb.HistoryAsync(aid, ct);
        return true;
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, bool publish, CancellationToken ct)
    {
        if (!await kb.IsEditorAsync(Who, ct)) return Forbid();
        var form = new ArticleForm(TeamId is > 0 ? TeamId : null, TrayEntryId, string.IsNullOrWhiteSpace(EServiceUrl) ? null : EServiceUrl.Trim(),
            KnowledgeBase.Languages.Select(l => Text.TryGetValue(l, out var t) ? new ArticleText(l, t.Title, t.Question, t.Answer, t.Keywords, t.SourceUrl) : new ArticleText(l, "", "", "", "", "")).ToList());
        try
        {
            var saved = await kb.SaveAsync(Who, id, form, publish, ct);
            return Redirect($"/neuvonta/tietopankki/artikkeli/{saved}?saved={(publish ? "published" : "draft")}");
        }
        catch (GuidanceException e)
        {
            Error = e.Key;
            if (!await LoadAsync(id, ct)) return NotFound();
            return Page();
        }
    }

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) => ActAsync(id, "published", () => kb.PublishAsync(Who, id, ct), ct);

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) => ActAsync(id, "withdrawn", () => kb.WithdrawAsync(Who, id, ct), ct);

    private async Task<IActionResult> ActAsync(int id, string outcome, Func<Task> act, CancellationToken ct)
    {
        if (!await kb.IsEditorAsync(Who, ct)) return Forbid();
        try
        {
            await act();
            return Redirect($"/neuvonta/tietopankki/artikkeli/{id}?saved={outcome}");
        }
        catch (GuidanceException e)
        {
            Error = e.Key;
            if (!await LoadAsync(id, ct)) return NotFound();
            return Page();
        }
    }

    public string TeamName(int? id) => id is { } t && EditableTeams.FirstOrDefault(x => x.Id == t) is { } team ? team.Name(Lang)
        : id is null ? Texts.Get("Guidance.Kb.EveryTeam", CultureInfo.CurrentUICulture) : "#" + id;

    public static string Time(DateTimeOffset at) => Tilannekuva.Guidance.Queue.OpeningHours.Local(at).ToString("d.M.yyyy HH:mm", CultureInfo.InvariantCulture);
}

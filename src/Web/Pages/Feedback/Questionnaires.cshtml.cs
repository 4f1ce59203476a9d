using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Access;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Questionnaires;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Localisation;

namespace Tilannekuva.Web.Pages.Feedback;

/// <summary>
/// Compose questionnaires from the national bank plus own statements, and attach them to service
/// points and services. Saving always makes a new version. Admins and analysts change; others read.
/// </summary>
public sealed class QuestionnairesModel(FeedbackDbContext db, QuestionnaireComposer composer) : PageModel
{
    public const int OwnRows = 5;

    public List<Questionnaire> Versions { get; private set; } = [];
    public List<QuestionnaireAttachment> Attachments { get; private set; } = [];
    public Dictionary<string, string> ServicePoints { get; private set; } = [];
    public Dictionary<string, string> Services { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Message { get; private set; }
    /// <summary>The form's starting point: the latest version of ?edit=key, or an empty adult questionnaire.</summary>
    public Questionnaire Draft { get; private set; } = new() { Audience = Audience.Adult, Items = [] };
    public bool CanEdit => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Analyst);

    public IEnumerable<IGrouping<string, Questionnaire>> ByKey => Versions.GroupBy(v => v.Key);

    public async Task OnGetAsync(string? edit, string? saved, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (edit is not null && Versions.Where(v => v.Key == edit).MaxBy(v => v.Version) is { } latest) Draft = latest;
        if (saved is not null) Message = saved;
    }

    public async Task<IActionResult> OnPostSaveAsync(string key, string name, Audience audience, List<string>? national, bool askOpenText, CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var own = new List<OwnStatement>();
        for (var i = 0; i < OwnRows; i++)
        {
            var code = Request.Form[$"own{i}.code"].ToString().Trim();
            var fi = Request.Form[$"own{i}.fi"].ToString();
            if (code.Length == 0 && string.IsNullOrWhiteSpace(fi)) continue;
            own.Add(new OwnStatement(code, fi, Request.Form[$"own{i}.sv"], Request.Form[$"own{i}.en"]));
        }
        var draft = new QuestionnaireDraft(key?.Trim() ?? "", name ?? "", audience, national ?? [], own, askOpenText);
        var errors = QuestionnaireComposer.Validate(draft);
        if (errors.Count > 0)
        {
            await LoadAsync(ct);
            Errors = errors;
            Draft = new Questionnaire
            {
                Key = draft.Key, Name = draft.Name, Audience = audience, AskOpenText = askOpenText,
                Items = draft.NationalCodes.Select((c, i) => new QuestionnaireItem { Position = i + 1, Code = c, Theme = NationalStatements.Find(c)?.Theme })
                    .Concat(own.Select((o, i) => new QuestionnaireItem { Position = 100 + i, Code = o.Code, TextFi = o.TextFi, TextSv = o.TextSv, TextEn = o.TextEn })).ToList(),
            };
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var q = await composer.SaveAsync(draft, User.Identity?.Name ?? "?", ct);
        return Redirect($"/feedback/questionnaires?saved={Uri.EscapeDataString(Texts.Format("Feedback.Questionnaires.Saved", null, q.Key, q.Version))}");
    }

    public async Task<IActionResult> OnPostAttachAsync(string key, string? servicePoint, string? service, CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var audience = await db.Questionnaires.Where(q => q.Key == key).Select(q => (Audience?)q.Audience).FirstOrDefaultAsync(ct);
        if (audience is null) return NotFound();
        await composer.AttachAsync(key, audience.Value, servicePoint, service, ct);
        return Redirect("/feedback/questionnaires#attachments");
    }

    public async Task<IActionResult> OnPostDetachAsync(int id, CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        await composer.DetachAsync(id, ct);
        return Redirect("/feedback/questionnaires#attachments");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Versions = await db.Questionnaires.AsNoTracking().Include(q => q.Items).OrderBy(q => q.Key).ThenByDescending(q => q.Version).ToListAsync(ct);
        Attachments = await db.Attachments.AsNoTracking().OrderBy(a => a.ServicePointCode).ThenBy(a => a.ServiceCode).ToListAsync(ct);
        ServicePoints = await db.ServicePoints.AsNoTracking().OrderBy(p => p.Name).ToDictionaryAsync(p => p.Code, p => p.Name, ct);
        var lang = FeedbackView.Language;
        Services = (await db.Services.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct)).ToDictionary(s => s.Code, s => s.Name(lang));
    }
}

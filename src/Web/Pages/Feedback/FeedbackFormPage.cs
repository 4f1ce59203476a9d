using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tilannekuva.Feedback;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Links;
using Tilannekuva.Feedback.Questionnaires;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Feedback.Submission;
using Tilannekuva.Localisation;

namespace Tilannekuva.Web.Pages.Feedback;

/// <summary>
/// The respondent's form, shared by the web/QR/SMS page (/f/{token}) and the kiosk (/kiosk/{token}).
/// Works without JavaScript: plain radio buttons and a POST; after a stored answer the browser is
/// redirected (POST-redirect-GET) to the thank-you view, so reloading never submits twice — and if
/// it did, the submission id in the form makes the second one a duplicate.
/// </summary>
public abstract class FeedbackFormPage(FeedbackDbContext db, LinkSigner signer, QuestionnaireCatalog catalog, FeedbackSubmissions submissions, IOptions<FeedbackOptions> options) : PageModel
{
    public FeedbackOptions Options { get; } = options.Value;
    public string Token { get; private set; } = "";
    public FeedbackLink? Link { get; private set; }
    public Questionnaire? Questionnaire { get; private set; }
    public string ServicePointName { get; private set; } = "";
    public string ServiceName { get; private set; } = "";
    public Guid SubmissionId { get; private set; } = Guid.NewGuid();
    public bool Thanks { get; private set; }
    public bool Duplicate { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    /// <summary>Values posted back when the form is shown again with errors.</summary>
    public IFormCollection? Posted { get; private set; }

    public abstract bool IsKiosk { get; }

    public string PagePath => (IsKiosk ? "/kiosk/" : "/f/") + Token;

    public async Task<IActionResult> OnGetAsync(string token, bool thanks, bool duplicate, CancellationToken ct)
    {
        if (await LoadAsync(token, ct) is { } problem) return problem;
        Thanks = thanks;
        Duplicate = duplicate;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (!signer.TryVerify(token, out _)) return Problem403();
        var form = Request.Form;
        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in form)
            if (key.StartsWith("a_", StringComparison.Ordinal) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
                answers[key[2..]] = v;
        var result = await submissions.SubmitAsync(new SubmissionRequest(
            token,
            Guid.TryParse(form["submission"], out var sid) ? sid : Guid.Empty,
            int.TryParse(form["questionnaire"], NumberStyles.None, CultureInfo.InvariantCulture, out var qid) ? qid : null,
            int.TryParse(form["recommendation"], NumberStyles.None, CultureInfo.InvariantCulture, out var rec) ? rec : null,
            answers,
            form["openText"],
            Enum.TryParse<AgeGroup>(form["ageGroup"], out var age) && Enum.IsDefined(age) ? age : null,
            Texts.Cultures.Contains(form["lang"].ToString()) ? form["lang"].ToString() : FeedbackView.Language,
            HttpContext.Connection.RemoteIpAddress?.ToString() ?? "?"), ct);
        switch (result.Status)
        {
            case SubmissionStatus.Stored:
                return Redirect($"{PathFor(token)}?thanks=true");
            case SubmissionStatus.Duplicate:
                return Redirect($"{PathFor(token)}?thanks=true&duplicate=true");
            case SubmissionStatus.InvalidLink:
                return Problem403();
        }
        if (await LoadAsync(token, ct) is { } problem) return problem;
        Errors = result.Errors;
        Posted = form;
        if (Guid.TryParse(form["submission"], out var keep)) SubmissionId = keep;
        if (result.Status == SubmissionStatus.RateLimited) Response.StatusCode = StatusCodes.Status429TooManyRequests;
        else if (result.Status == SubmissionStatus.Invalid) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private string PathFor(string token) => (IsKiosk ? "/kiosk/" : "/f/") + Uri.EscapeDataString(token);

    private async Task<IActionResult?> LoadAsync(string token, CancellationToken ct)
    {
        Token = token;
        if (!signer.TryVerify(token, out var link)) return Problem403();
        Link = link;
        Questionnaire = await catalog.ForAsync(db, link.ServicePointCode, link.ServiceCode, link.Audience, ct);
        var point = await db.ServicePoints.AsNoTracking().FirstOrDefaultAsync(p => p.Code == link.ServicePointCode, ct);
        var service = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Code == link.ServiceCode, ct);
        ServicePointName = point?.Name ?? link.ServicePointCode;
        ServiceName = service?.Name(FeedbackView.Language) ?? link.ServiceCode;
        if (Questionnaire is null) Errors = ["Feedback.Error.NoQuestionnaire"];
        return null;
    }

    /// <summary>A bot or a tampered link: a clear message and 403, nothing stored.</summary>
    private ContentResult Problem403() => new()
    {
        StatusCode = StatusCodes.Status403Forbidden,
        ContentType = "text/html; charset=utf-8",
        Content = $"<!DOCTYPE html><html lang=\"{FeedbackView.Language}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
                  $"<title>{System.Net.WebUtility.HtmlEncode(Texts.Get("Feedback.Error.Title"))}</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head>" +
                  $"<body><main id=\"main\"><h1>{System.Net.WebUtility.HtmlEncode(Texts.Get("Feedback.Error.Title"))}</h1>" +
                  $"<p class=\"error\" role=\"alert\">{System.Net.WebUtility.HtmlEncode(Texts.Get("Feedback.Error.InvalidLink"))}</p></main></body></html>",
    };

    public bool IsChecked(string name, string value) => Posted is not null && Posted[name].ToString() == value;
}

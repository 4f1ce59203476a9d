using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Pulse;

namespace Tilannekuva.Web.Pages.Pulse;

/// <summary>
/// The anonymous staff pulse page /p/{token}: the round's 2–5 questions on the 1–5 scale, one submit, a thank-you.
/// No sign-in, no antiforgery cookie (there is no session to forge), nothing about the respondent stored.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class AnswerModel(PulseService pulse) : PageModel
{
    public PulseRound? Round { get; private set; }
    public Questionnaire? Questions { get; private set; }
    public bool Thanks { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyDictionary<string, int> Given { get; private set; } = new Dictionary<string, int>();

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (await pulse.FindAsync(token, ct) is not { } found) return NotFound();
        (Round, Questions) = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (await pulse.FindAsync(token, ct) is not { } found) return NotFound();
        (Round, Questions) = found;
        var values = new Dictionary<string, int>();
        foreach (var item in Questions.OrderedItems)
            if (int.TryParse(Request.Form["a_" + item.Code], out var v)) values[item.Code] = v;
        Given = values;
        if (Questions.OrderedItems.Any(i => !values.ContainsKey(i.Code)))
        {
            Error = "Pulse.Form.Missing";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!await pulse.SubmitAsync(Round, Questions, values, ct))
        {
            Error = "Pulse.Form.Full";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        Thanks = true;
        return Page();
    }
}

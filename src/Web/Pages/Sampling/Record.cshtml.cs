using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.ContactSampling;
using Tilannekuva.ContactSampling.Domain;
using Tilannekuva.Localisation;

namespace Tilannekuva.Web.Pages.Sampling;

/// <summary>
/// Quick entry for one hand on a phone: channel and reason as button groups, then one tap on "value demand" or on a
/// kind of failure demand saves. With JavaScript (wwwroot/js/sampling.js) a record is queued in localStorage and
/// sent when the network answers, each with a client-generated id so a resend is stored once; without it the form
/// posts normally, with an id generated here.
/// </summary>
public sealed class SamplingRecordModel(SamplingService sampling) : PageModel
{
    public SamplingPeriod? Period { get; private set; }
    public string UnitName { get; private set; } = "";
    public Guid ClientId { get; private set; } = Guid.NewGuid();
    public string? Error { get; private set; }
    [TempData] public string? Saved { get; set; }

    public static IReadOnlyList<SamplingChannel> Channels { get; } = Enum.GetValues<SamplingChannel>();
    public static IReadOnlyList<FailureKind> Kinds { get; } = Enum.GetValues<FailureKind>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    /// <summary>The form without JavaScript: outcome is "value" or "failure:&lt;kind&gt;".</summary>
    public async Task<IActionResult> OnPostAsync(int id, Guid clientId, string? channel, string? reason, string? outcome, string? digital, CancellationToken ct)
    {
        var (demand, kind) = Outcome(outcome);
        try
        {
            await sampling.RecordAsync(id, new ContactInput(clientId, channel ?? "", reason ?? "", demand, kind, Digital(digital), null), ct);
            Saved = "1";
            return RedirectToPage(new { id });
        }
        catch (SamplingException e)
        {
            if (!await LoadAsync(id, ct)) return NotFound();
            Error = e.Key;
            return Page();
        }
    }

    /// <summary>The script's send: JSON in, 201 stored / 200 stored before / 400 with the reason (the script then drops the record).</summary>
    public async Task<IActionResult> OnPostSaveAsync(int id, [FromBody] ContactInput input, CancellationToken ct)
    {
        try
        {
            var r = await sampling.RecordAsync(id, input, ct);
            return new JsonResult(new { id = r.Contact.ClientId, duplicate = r.Duplicate }) { StatusCode = r.Duplicate ? 200 : 201 };
        }
        catch (SamplingException e)
        {
            return new JsonResult(new { error = e.Key, message = Texts.Get(e.Key) }) { StatusCode = 400 };
        }
    }

    private static (string Demand, string? Kind) Outcome(string? outcome) =>
        outcome is { } o && o.StartsWith("failure:", StringComparison.Ordinal) ? ("failure", o["failure:".Length..]) : (outcome ?? "", null);

    private static bool? Digital(string? digital) => digital switch { "yes" => true, "no" => false, _ => null };

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Period = await sampling.FindAsync(id, ct);
        if (Period is null) return false;
        UnitName = (await sampling.UnitsAsync(ct)).FirstOrDefault(u => u.Code == Period.UnitId).Name ?? Period.UnitId;
        return true;
    }
}

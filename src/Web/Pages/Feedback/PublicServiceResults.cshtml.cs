using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Reporting;
using Tilannekuva.Feedback.Storage;

namespace Tilannekuva.Web.Pages.Feedback;

/// <summary>Public results of one service across service points, last 12 months; embeddable like the service point page.</summary>
[AllowAnonymous]
public sealed class PublicServiceResultsModel(FeedbackResults results, FeedbackDbContext db, TimeProvider clock) : PageModel
{
    public Service? Service { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public ResultRow Total { get; private set; } = new("", NpsResult.Empty, [], true);
    public IReadOnlyList<ResultRow> ByServicePoint { get; private set; } = [];
    public Dictionary<string, string> ServicePoints { get; private set; } = [];
    public Dictionary<string, QuestionnaireItem> OwnItems { get; private set; } = [];
    public int Minimum => results.MinimumResponses;
    public bool Embed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string service, bool embed, CancellationToken ct)
    {
        Embed = embed;
        Service = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Code == service, ct);
        if (Service is null) return NotFound();
        (From, To) = PublicPeriods.Last12FinishedMonths(clock);
        var f = new ResultFilter(From, To, Service: Service.Code);
        Total = await results.TotalAsync(f, ct);
        ByServicePoint = await results.ByAsync(f, Breakdown.ServicePoint, ct);
        ServicePoints = await db.ServicePoints.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, ct);
        OwnItems = await db.OwnStatementsByCodeAsync(ct);
        Response.Headers.CacheControl = "public, max-age=60";
        return Page();
    }
}

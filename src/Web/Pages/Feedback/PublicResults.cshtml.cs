using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Reporting;
using Tilannekuva.Feedback.Storage;

namespace Tilannekuva.Web.Pages.Feedback;

/// <summary>
/// Public results of one service point for the last 12 months, by service; no sign-in, embeddable in
/// the county's web site (?embed=true leaves out the header). Cells under the minimum are not shown.
/// </summary>
[AllowAnonymous]
public sealed class PublicResultsModel(FeedbackResults results, FeedbackDbContext db, TimeProvider clock) : PageModel
{
    public ServicePoint? Point { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public ResultRow Total { get; private set; } = new("", NpsResult.Empty, [], true);
    public IReadOnlyList<ResultRow> ByService { get; private set; } = [];
    public Dictionary<string, string> Services { get; private set; } = [];
    public Dictionary<string, QuestionnaireItem> OwnItems { get; private set; } = [];
    public int Minimum => results.MinimumResponses;
    public bool Embed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string servicePoint, bool embed, CancellationToken ct)
    {
        Embed = embed;
        Point = await db.ServicePoints.AsNoTracking().FirstOrDefaultAsync(p => p.Code == servicePoint, ct);
        if (Point is null) return NotFound();
        (From, To) = PublicPeriods.Last12FinishedMonths(clock);
        var f = new ResultFilter(From, To, Point.Code);
        Total = await results.TotalAsync(f, ct);
        ByService = await results.ByAsync(f, Breakdown.Service, ct);
        // The same answer as the staff page's service-point table for the same period (complementary suppression there).
        if (!Total.Suppressed && await results.ServicePointHiddenAsync(Point.Code, From, To, ct))
        {
            Total = new ResultRow("", NpsResult.Empty with { Hidden = true }, [], Suppressed: true, Complementary: true);
            ByService = ByService.Select(r => new ResultRow(r.Key, NpsResult.Empty with { Hidden = true }, [], Suppressed: true, Complementary: true)).ToList();
        }
        var lang = FeedbackView.Language;
        Services = (await db.Services.AsNoTracking().ToListAsync(ct)).ToDictionary(s => s.Code, s => s.Name(lang));
        OwnItems = await db.OwnStatementsByCodeAsync(ct);
        // Embeddable in the county's pages: no frame restriction, short public caching.
        Response.Headers.CacheControl = "public, max-age=60";
        return Page();
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Programme.Review;
using Tilannekuva.Programme.Storage;

namespace Tilannekuva.Web.Pages.Programmes;

/// <summary>The steering-group review as a web page that prints well; PPTX and DOCX download beside it.</summary>
public sealed class ReviewPageModel(ProgrammeDbContext db, IComputedMetricValues computed) : PageModel
{
    public int Id { get; private set; }
    public DateOnly Date { get; private set; }
    public string Html { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, DateOnly? date, CancellationToken ct)
    {
        (Id, Date) = (id, date ?? DateOnly.FromDateTime(DateTime.Today));
        var model = await ReviewDocuments.BuildAsync(db, id, Date, computed, ct);
        if (model is null) return NotFound();
        Html = HtmlReviewWriter.Fragment(model, CultureInfo.CurrentUICulture);
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Editing;
using Tilannekuva.Programme.Review;
using Tilannekuva.Programme.Storage;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Pages.Programmes;

public sealed class ProgrammeDetailsModel(ProgrammeDbContext db, IComputedMetricValues computed) : PageModel
{
    public DevelopmentProgramme? Programme { get; private set; }
    public bool CanManage { get; private set; }
    /// <summary>Findings and changes as the review for today would show them.</summary>
    public ReviewModel? Status { get; private set; }
    public DateOnly Today { get; } = DateOnly.FromDateTime(DateTime.Today);
    public string Here => Uri.EscapeDataString(Request.Path + Request.QueryString);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Programme = await db.LoadProgrammeAsync(id, ct);
        if (Programme is null) return NotFound();
        var hook = (await computed.ForAsync(Programme, ct)).Apply(Programme);
        Status = ReviewBuilder.Build(Programme, Today, hook);
        CanManage = SignedInUser.EditorOf(User).Right == EditRight.Everything;
        return Page();
    }
}

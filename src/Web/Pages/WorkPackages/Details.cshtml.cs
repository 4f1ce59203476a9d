using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Editing;
using Tilannekuva.Programme.Review;
using Tilannekuva.Programme.Storage;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Pages.WorkPackages;

public sealed class WorkPackageDetailsModel(ProgrammeDbContext db, IComputedMetricValues computed) : PageModel
{
    public WorkPackage? WorkPackage { get; private set; }
    public int ProgrammeId { get; private set; }
    public string ProgrammeName { get; private set; } = "";
    public string PillarCode { get; private set; } = "";
    public string InvestmentCode { get; private set; } = "";
    public bool CanEdit { get; private set; }
    public bool CanManage { get; private set; }
    public DateOnly Today { get; } = DateOnly.FromDateTime(DateTime.Today);
    public string Here => Uri.EscapeDataString(Request.Path + Request.QueryString);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.ProgrammeIdOfWorkPackageAsync(id, ct) is not { } programmeId) return NotFound();
        var programme = (await db.LoadProgrammeAsync(programmeId, ct))!;
        (await computed.ForAsync(programme, ct)).Apply(programme);
        var (pillar, investment, wp) = programme.Pillars
            .SelectMany(p => p.Investments.SelectMany(i => i.WorkPackages.Select(w => (p, i, w))))
            .First(x => x.w.Id == id);
        (WorkPackage, ProgrammeId, ProgrammeName, PillarCode, InvestmentCode) = (wp, programme.Id, programme.Name, pillar.Code, investment.Code);
        var editor = SignedInUser.EditorOf(User);
        CanManage = editor.Right == EditRight.Everything;
        CanEdit = await editor.MayEditWorkPackageAsync(db, id, ct);
        return Page();
    }
}

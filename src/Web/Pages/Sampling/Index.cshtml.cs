using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Access;
using Tilannekuva.ContactSampling;
using Tilannekuva.ContactSampling.Domain;
using Tilannekuva.ContactSampling.Storage;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Pages.Sampling;

/// <summary>
/// The sampling periods: everyone signed in sees them and records into open ones; an admin, a director or a
/// unit manager (<see cref="Roles.SamplingManagers"/>) creates and closes periods.
/// </summary>
public sealed class SamplingIndexModel(SamplingService sampling, ContactSamplingDbContext db) : PageModel
{
    public IReadOnlyList<SamplingPeriod> Periods { get; private set; } = [];
    public IReadOnlyDictionary<int, int> Counts { get; private set; } = new Dictionary<int, int>();
    public IReadOnlyDictionary<string, string> UnitNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<(string Code, string Name)> Units { get; private set; } = [];
    public bool CanManage { get; private set; }
    public string? Error { get; private set; }
    [TempData] public string? Done { get; set; }

    [BindProperty] public string Unit { get; set; } = "";
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public DateOnly Start { get; set; } = DateOnly.FromDateTime(DateTime.Today);
    [BindProperty] public DateOnly End { get; set; } = DateOnly.FromDateTime(DateTime.Today).AddDays(13);

    public static bool Manages(System.Security.Claims.ClaimsPrincipal user) =>
        SignedInUser.RoleOf(user) is Role.Admin or Role.Director or Role.Manager;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!Manages(User)) return StatusCode(403);
        try
        {
            await sampling.CreateAsync(Unit, Name, Start, End, ct);
            Done = "Sampling.Created";
            return RedirectToPage();
        }
        catch (SamplingException e)
        {
            Error = e.Key;
            await LoadAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct)
    {
        if (!Manages(User)) return StatusCode(403);
        try
        {
            await sampling.CloseAsync(id, ct);
        }
        catch (SamplingException)
        {
            return NotFound();
        }
        Done = "Sampling.Closed";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanManage = Manages(User);
        Periods = await sampling.ListAsync(ct);
        Counts = await db.Contacts.AsNoTracking().GroupBy(c => c.PeriodId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        Units = await sampling.UnitsAsync(ct);
        UnitNames = Units.ToDictionary(u => u.Code, u => u.Name);
    }
}

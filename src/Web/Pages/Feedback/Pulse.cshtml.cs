using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Access;
using Tilannekuva.Feedback.Pulse;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Pages.Feedback;

/// <summary>
/// The staff pulse for managers: open this week's round for a team (an org unit) and share its link and QR code;
/// results per team and week, hidden under the minimum number of answers. Admins and directors for every unit,
/// a manager for the units their account leads (the board editors' rule, AccountUnits.BoardEditorAsync).
/// </summary>
[Authorize(Roles = "Admin,Director,Manager")]
public sealed class PulseModel(PulseService pulse, AccountUnits accountUnits, IndicatorsDbContext indicators, Accounts accounts, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(string Code, string Name)> Units { get; private set; } = [];
    public IReadOnlyList<PulseResult> Results { get; private set; } = [];
    public IReadOnlyList<string> Codes { get; private set; } = PulseQuestions.Codes;
    public PulseRound? Opened { get; private set; }
    public string UnitName(string code) => Units.FirstOrDefault(u => u.Code == code).Name ?? code;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string unit, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!Units.Any(u => u.Code == unit)) return Forbid();
        var (round, created) = await pulse.OpenAsync(unit, Today, User.Identity?.Name ?? "", ct);
        if (created) await accounts.RecordAsync(unit, AccountActions.PulseRoundOpened, round.Week, ct);
        Opened = round;
        await LoadAsync(ct);
        return Page();
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private async Task LoadAsync(CancellationToken ct)
    {
        var editor = await accountUnits.BoardEditorAsync(User, ct);
        var query = indicators.OrgUnits.AsNoTracking();
        if (!editor.Anywhere) query = query.Where(u => editor.UnitIds.Contains(u.SourceId));
        Units = (await query.OrderBy(u => u.Name).Select(u => new { u.SourceId, u.Name }).ToListAsync(ct)).DistinctBy(u => u.SourceId).Select(u => (u.SourceId, u.Name)).ToList();
        Results = await pulse.ResultsAsync(editor.Anywhere ? null : editor.UnitIds, Today.AddDays(-7 * 26), ct);
        var codes = Results.SelectMany(r => r.Means.Select(m => m.Code)).Distinct().ToList();
        Codes = codes.Count > 0 ? codes : PulseQuestions.Codes;
    }
}

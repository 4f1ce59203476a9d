using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tilannekuva.Access;
using Tilannekuva.Guidance;
using Tilannekuva.Guidance.Admin;
using Tilannekuva.Guidance.Domain;
using Tilannekuva.Localisation;
using Tilannekuva.Web.Guidance;

namespace Tilannekuva.Web.Pages.Guidance;

/// <summary>
/// One team (/neuvonta/tiimi/{code?}; without a code a new one): names fi/sv/en, staff-only, opening days and hours, queue limit,
/// the org unit served, the feedback service point; its members (accounts with the Advisor or Admin role) and who of them edits
/// the knowledge base. Membership changes reach open consoles at once (<see cref="AdvisorConnections"/>).
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class TeamModel(TeamAdmin teams, Accounts accounts, AdvisorConnections connections) : PageModel
{
    public Team? Team { get; private set; }
    public List<TeamMember> Members { get; private set; } = [];
    public List<string> Candidates { get; private set; } = [];
    public List<GuidanceAudit> History { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Saved { get; private set; }

    [BindProperty] public string Code { get; set; } = "";
    [BindProperty] public string NameFi { get; set; } = "";
    [BindProperty] public string NameSv { get; set; } = "";
    [BindProperty] public string NameEn { get; set; } = "";
    [BindProperty] public bool StaffOnly { get; set; }
    [BindProperty] public List<int> Days { get; set; } = [];
    [BindProperty] public TimeOnly Opens { get; set; } = new(8, 0);
    [BindProperty] public TimeOnly Closes { get; set; } = new(16, 0);
    [BindProperty] public int MaxQueue { get; set; } = 10;
    [BindProperty] public string UnitId { get; set; } = "";
    [BindProperty] public string? FeedbackServicePoint { get; set; }
    [BindProperty] public string? FeedbackService { get; set; }

    public string Lang => Texts.Language(CultureInfo.CurrentUICulture);
    private string Actor => User.Identity?.Name ?? "";

    public async Task<IActionResult> OnGetAsync(string? code, string? saved, CancellationToken ct)
    {
        Saved = saved is "team" or "member" ? saved : null;
        if (!await LoadAsync(code, ct)) return NotFound();
        if (Team is null) Days = [1, 2, 3, 4, 5];
        if (Team is { } t)
        {
            (Code, NameFi, NameSv, NameEn, StaffOnly, Opens, Closes, MaxQueue, UnitId, FeedbackServicePoint, FeedbackService) =
                (t.Code, t.NameFi, t.NameSv, t.NameEn, t.StaffOnly, t.Opens, t.Closes, t.MaxQueue, t.UnitId, t.FeedbackServicePoint, t.FeedbackService);
            Days = t.OpenDays.Select(c => c - '0').ToList();
        }
        return Page();
    }

    private async Task<bool> LoadAsync(string? code, CancellationToken ct)
    {
        if (code is null) return true;
        Team = await teams.FindAsync(code, ct);
        if (Team is null) return false;
        Members = await teams.MembersAsync(Team.Id, ct);
        var taken = Members.Select(m => m.UserName).ToHashSet();
        Candidates = (await accounts.ListAsync(ct)).Where(a => a.Role is Role.Advisor or Role.Admin && !a.Disabled && !taken.Contains(a.UserName))
            .Select(a => a.UserName).Order().ToList();
        History = await teams.HistoryAsync(Team.Code, ct);
        return true;
    }

    public async Task<IActionResult> OnPostSaveAsync(string? code, CancellationToken ct)
    {
        var existing = code is null ? null : await teams.FindAsync(code, ct);
        if (code is not null && existing is null) return NotFound();
        var form = new TeamForm(Code, NameFi, NameSv, NameEn, StaffOnly, string.Concat(Days.Where(d => d is >= 1 and <= 7).Distinct().Order()), Opens, Closes, MaxQueue,
            UnitId, FeedbackServicePoint, FeedbackService);
        try
        {
            var saved = await teams.SaveAsync(Actor, existing?.Id, form, ct);
            return Redirect($"/neuvonta/tiimi/{saved}?saved=team");
        }
        catch (GuidanceException e)
        {
            Error = e.Key;
            await LoadAsync(code, ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostAddMemberAsync(string code, string userName, bool editor, CancellationToken ct)
    {
        var account = await accounts.FindAsync(userName ?? "", ct);
        if (account is null || account.Role is not (Role.Advisor or Role.Admin)) return await FailAsync(code, "Guidance.Error.NoAccount", ct);
        return await MemberChangeAsync(code, account.UserName, () => teams.AddMemberAsync(Actor, code, account.UserName, editor, ct), ct);
    }

    public async Task<IActionResult> OnPostEditorAsync(string code, string userName, bool editor, CancellationToken ct) =>
        await MemberChangeAsync(code, userName, () => teams.AddMemberAsync(Actor, code, userName, editor, ct), ct);

    public async Task<IActionResult> OnPostRemoveMemberAsync(string code, string userName, CancellationToken ct) =>
        await MemberChangeAsync(code, userName, () => teams.RemoveMemberAsync(Actor, code, userName, ct), ct);

    private async Task<IActionResult> MemberChangeAsync(string code, string user, Func<Task> change, CancellationToken ct)
    {
        try { await change(); }
        catch (GuidanceException e) { return await FailAsync(code, e.Key, ct); }
        // The member's open consoles: out of the team's groups now, and told to reload their queues.
        await connections.MembershipChangedAsync(user, ct);
        return Redirect($"/neuvonta/tiimi/{code}?saved=member");
    }

    private async Task<IActionResult> FailAsync(string code, string key, CancellationToken ct)
    {
        var page = await OnGetAsync(code, null, ct);
        Error = key;
        return page;
    }

    public static string Time(DateTimeOffset at) => Tilannekuva.Guidance.Queue.OpeningHours.Local(at).ToString("d.M.yyyy HH:mm", CultureInfo.InvariantCulture);
}

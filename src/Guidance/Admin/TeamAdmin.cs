using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Guidance.Domain;
using Tilannekuva.Guidance.Storage;

namespace Tilannekuva.Guidance.Admin;

/// <summary>A team as the team page edits it.</summary>
public sealed record TeamForm(string Code, string NameFi, string NameSv, string NameEn, bool StaffOnly, string OpenDays, TimeOnly Opens, TimeOnly Closes,
    int MaxQueue, string UnitId, string? FeedbackServicePoint, string? FeedbackService);

/// <summary>A team in the list with its number of members.</summary>
public sealed record TeamRow(Team Team, int Members, int Editors);

/// <summary>
/// Teams (names in three languages, staff-only for remote consultation, opening hours, the org unit served) and their members
/// (account user names, with the knowledge-base editor flag). Every change is written to the chained guidance audit with
/// the values before and after.
/// </summary>
public sealed class TeamAdmin(GuidanceDbContext db, TimeProvider clock)
{
    private DateTimeOffset Now => clock.GetUtcNow().ToUniversalTime();

    public async Task<List<TeamRow>> ListAsync(CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        var members = await db.Members.AsNoTracking().ToListAsync(ct);
        return teams.Select(t => new TeamRow(t, members.Count(m => m.TeamId == t.Id), members.Count(m => m.TeamId == t.Id && m.Editor))).ToList();
    }

    public async Task<Team?> FindAsync(string code, CancellationToken ct) => await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Code == code, ct);

    public async Task<List<TeamMember>> MembersAsync(int teamId, CancellationToken ct) =>
        await db.Members.AsNoTracking().Where(m => m.TeamId == teamId).OrderBy(m => m.UserName).ToListAsync(ct);

    /// <summary>Creates a team (<paramref name="id"/> null) or changes one; returns its code.</summary>
    public async Task<string> SaveAsync(string actor, int? id, TeamForm form, CancellationToken ct)
    {
        var f = Validate(form);
        Team team;
        string before;
        if (id is { } tid)
        {
            team = await db.Teams.FirstOrDefaultAsync(t => t.Id == tid, ct) ?? throw new GuidanceException("Guidance.Error.NoTeam");
            before = Describe(team);
        }
        else
        {
            db.Teams.Add(team = new Team());
            before = "-";
        }
        if (await db.Teams.AnyAsync(t => t.Code == f.Code && t.Id != team.Id, ct)) throw new GuidanceException("Guidance.Error.TeamExists");
        team.Code = f.Code; team.NameFi = f.NameFi; team.NameSv = f.NameSv; team.NameEn = f.NameEn; team.StaffOnly = f.StaffOnly;
        team.OpenDays = f.OpenDays; team.Opens = f.Opens; team.Closes = f.Closes; team.MaxQueue = f.MaxQueue; team.UnitId = f.UnitId;
        team.FeedbackServicePoint = f.FeedbackServicePoint; team.FeedbackService = f.FeedbackService;
        var after = Describe(team);
        if (before == after) return team.Code;
        Audit(actor, id is null ? "CreateTeam" : "SaveTeam", $"{f.Code}: {before} => {after}");
        await db.SaveChangesAsync(ct);
        return team.Code;
    }

    private static string Describe(Team t) => string.Join("; ", t.Code, t.NameFi, t.NameSv, t.NameEn, t.StaffOnly ? "staff-only" : "residents", t.OpenDays,
        t.Opens.ToString("HH:mm", CultureInfo.InvariantCulture) + "-" + t.Closes.ToString("HH:mm", CultureInfo.InvariantCulture), "max " + t.MaxQueue, "unit " + t.UnitId,
        "feedback " + (t.FeedbackServicePoint ?? "-") + "/" + (t.FeedbackService ?? "-"));

    private static TeamForm Validate(TeamForm f)
    {
        static string T(string? s) => (s ?? "").Trim();
        var code = T(f.Code).ToUpperInvariant();
        if (code.Length is 0 or > 40 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) throw new GuidanceException("Guidance.Error.TeamCode");
        if (T(f.NameFi).Length == 0 || T(f.NameSv).Length == 0 || T(f.NameEn).Length == 0) throw new GuidanceException("Guidance.Error.TeamName");
        var days = new string(T(f.OpenDays).Where(c => c is >= '1' and <= '7').Distinct().Order().ToArray());
        if (f.Closes <= f.Opens) throw new GuidanceException("Guidance.Error.Hours");
        if (f.MaxQueue is < 0 or > 1000) throw new GuidanceException("Guidance.Error.MaxQueue");
        static string? O(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        return f with
        {
            Code = code, NameFi = T(f.NameFi), NameSv = T(f.NameSv), NameEn = T(f.NameEn), OpenDays = days, UnitId = T(f.UnitId),
            FeedbackServicePoint = O(f.FeedbackServicePoint), FeedbackService = O(f.FeedbackService),
        };
    }

    /// <summary>Adds an account to a team (or changes its editor flag when it is there already).</summary>
    public async Task AddMemberAsync(string actor, string teamCode, string user, bool editor, CancellationToken ct)
    {
        user = user.Trim();
        if (user.Length is 0 or > 100) throw new GuidanceException("Guidance.Error.NoAccount");
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Code == teamCode, ct) ?? throw new GuidanceException("Guidance.Error.NoTeam");
        var member = await db.Members.FirstOrDefaultAsync(m => m.TeamId == team.Id && m.UserName == user, ct);
        if (member is null)
        {
            db.Members.Add(new TeamMember { TeamId = team.Id, UserName = user, Editor = editor });
            Audit(actor, "AddMember", $"{teamCode}:{user}{(editor ? ":editor" : "")}");
        }
        else if (member.Editor != editor)
        {
            member.Editor = editor;
            Audit(actor, "SetEditor", $"{teamCode}:{user}:{(editor ? "editor" : "not editor")}");
        }
        else return;
        await db.SaveChangesAsync(ct);
    }

    public async Task<bool> RemoveMemberAsync(string actor, string teamCode, string user, CancellationToken ct)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Code == teamCode, ct) ?? throw new GuidanceException("Guidance.Error.NoTeam");
        var member = await db.Members.FirstOrDefaultAsync(m => m.TeamId == team.Id && m.UserName == user, ct);
        if (member is null) return false;
        db.Members.Remove(member);
        Audit(actor, "RemoveMember", $"{teamCode}:{user}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static readonly string[] TeamActions = ["CreateTeam", "SaveTeam", "AddMember", "SetEditor", "RemoveMember"];

    /// <summary>The audit rows of one team, newest first.</summary>
    public async Task<List<GuidanceAudit>> HistoryAsync(string code, CancellationToken ct) =>
        await db.Audit.AsNoTracking().Where(a => TeamActions.Contains(a.Action) && a.Detail.StartsWith(code + ":")).OrderByDescending(a => a.Id).Take(200).ToListAsync(ct);

    private void Audit(string actor, string action, string detail) =>
        db.Audit.Add(new GuidanceAudit { At = Now, UserName = actor, Action = action, Detail = detail.Length > 1000 ? detail[..1000] : detail });
}

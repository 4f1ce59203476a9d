using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Access;
using Tilannekuva.Boards;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.Web.Auth;

/// <summary>The outcome of assigning units: a text key when refused, and the unit codes it is about (the unknown ones).</summary>
public sealed record UnitAssignment(string? Error, IReadOnlyList<string> Codes)
{
    public bool Ok => Error is null;
}

/// <summary>
/// The org units an account leads (esihenkilön yksiköt). Stored by the Access module; the codes are checked here
/// against the Indicators module's org units, since Access does not read another module's tables. Used by the
/// CLI (`user units`), the admin page and the board pages.
/// </summary>
public sealed class AccountUnits(Accounts accounts, IndicatorsDbContext indicators)
{
    /// <summary>Replaces the account's units; refused as a whole, naming every unknown code, when any code is not a known org unit.</summary>
    public async Task<UnitAssignment> SetAsync(string userName, IEnumerable<string> codes, CancellationToken ct = default)
    {
        var wanted = Accounts.NormaliseUnits(codes);
        if (await accounts.FindAsync(userName, ct) is null) return new("Users.NoSuchUser", []);
        var known = await indicators.OrgUnits.AsNoTracking().Where(u => wanted.Contains(u.SourceId)).Select(u => u.SourceId).ToListAsync(ct);
        var unknown = wanted.Where(c => !known.Contains(c)).ToList();
        if (unknown.Count > 0) return new("Users.UnknownUnits", unknown);
        return new(await accounts.SetUnitsAsync(userName, wanted, ct), wanted);
    }

    /// <summary>The codes and names of an account's units (a code no longer in the tree keeps its code as its name).</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> NamesAsync(IReadOnlyList<string> codes, CancellationToken ct = default)
    {
        var ids = codes.ToList();
        var names = await indicators.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.SourceId)).ToDictionaryAsync(u => u.SourceId, u => u.Name, ct);
        return codes.Select(c => (c, names.GetValueOrDefault(c) ?? c)).ToList();
    }

    /// <summary>
    /// Who the signed-in person is as a board editor: admins and directors anywhere, a manager within the units
    /// their account leads now (read per request, so an admin's change applies at once), anyone else nowhere.
    /// </summary>
    public async Task<BoardEditor> BoardEditorAsync(ClaimsPrincipal user, CancellationToken ct = default) => SignedInUser.RoleOf(user) switch
    {
        Role.Admin or Role.Director => BoardEditor.Everywhere,
        Role.Manager when user.Identity?.Name is { } name && await accounts.FindAsync(name, ct) is { Disabled: false } account
            => BoardEditor.Within(account.UnitIds),
        _ => BoardEditor.Nowhere,
    };

    /// <summary>The units the signed-in account leads (empty for none or an unknown account).</summary>
    public async Task<IReadOnlyList<string>> OfAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        user.Identity?.Name is { } name && await accounts.FindAsync(name, ct) is { } account ? account.UnitIds : [];
}

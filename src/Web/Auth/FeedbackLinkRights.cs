using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Access;
using Tilannekuva.Boards;
using Tilannekuva.Feedback.Storage;

namespace Tilannekuva.Web.Auth;

/// <summary>
/// Who may make signed feedback links (palautelinkit), page and API alike: admins and analysts for every service
/// point, a manager for the service points linked to an org unit within the units their account leads, nobody
/// else. A link is a credential to submit responses, so a viewer must not be able to make one for another unit.
/// </summary>
public sealed class FeedbackLinkRights(Accounts accounts, BoardScope scope, FeedbackDbContext feedback)
{
    public const string Roles = Access.Roles.Admin + "," + Access.Roles.Analyst + "," + Access.Roles.Manager;

    /// <summary>The service point codes the person may make links for; null means every one.</summary>
    public async Task<IReadOnlySet<string>?> ServicePointsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        switch (SignedInUser.RoleOf(user))
        {
            case Role.Admin or Role.Analyst:
                return null;
            case Role.Manager when user.Identity?.Name is { } name && await accounts.FindAsync(name, ct) is { Disabled: false, UnitIds.Count: > 0 } account:
                var units = await scope.UnitsWithinAsync(BoardEditor.Within(account.UnitIds), ct) ?? new HashSet<string>();
                var ids = units.ToList();
                return (await feedback.ServicePoints.AsNoTracking().Where(p => p.OrgUnitId != null && ids.Contains(p.OrgUnitId))
                    .Select(p => p.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            default:
                return new HashSet<string>();
        }
    }

    public async Task<bool> MayAsync(ClaimsPrincipal user, string servicePoint, CancellationToken ct = default) =>
        await ServicePointsAsync(user, ct) is not { } allowed || allowed.Contains(servicePoint);
}

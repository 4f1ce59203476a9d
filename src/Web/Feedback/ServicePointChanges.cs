using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tilannekuva.Access;
using Tilannekuva.Access.Storage;
using Tilannekuva.Feedback.ServicePoints;
using Tilannekuva.Feedback.Storage;
using Tilannekuva.Storage;

namespace Tilannekuva.Web.Feedback;

/// <summary>
/// Saves a service point (toimipiste) and its row in the account log in ONE transaction: the Access context is
/// enlisted on the Feedback context's connection and transaction, so either both are stored or neither (a change that
/// moves feedback between steering boards is never unaudited, and no audit row tells of a change that did not happen).
/// </summary>
public sealed class ServicePointChanges(FeedbackDbContext feedback, ServicePointCatalog catalog, DatabaseOptions database, ICurrentUserName actor)
{
    public async Task SaveAsync(ServicePointDraft draft, IReadOnlySet<string> knownOrgUnits, CancellationToken ct = default)
    {
        var code = draft.Code.Trim();
        var before = await catalog.FindAsync(code, ct);
        await using var transaction = await feedback.Database.BeginTransactionAsync(ct);
        await catalog.SaveAsync(draft, knownOrgUnits, actor.Name, ct);
        await using (var access = await AccessStorage.EnlistAsync(database, feedback.Database.GetDbConnection(), transaction.GetDbTransaction(), ct))
        {
            await new Accounts(access, actor).RecordAsync(code, AccountActions.ServicePointChanged,
                $"{draft.Name.Trim()}; {before?.OrgUnitId ?? "-"} → {(draft.OrgUnitId is { Length: > 0 } u ? u : "-")}", ct);
        }
        await transaction.CommitAsync(ct);
    }
}

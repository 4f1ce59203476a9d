using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Feedback.Storage;

namespace Tilannekuva.Feedback.ServicePoints;

/// <summary>A service point as the admin page edits it; <see cref="OrgUnitId"/> empty = not linked to an org unit.</summary>
public sealed record ServicePointDraft(string Code, string Name, string ProviderCode, string ProviderName, string? OrgUnitId);

/// <summary>
/// Toimipisteet: creating and editing service points, above all their link to an org unit
/// (<see cref="ServicePoint.OrgUnitId"/>), which decides whose steering board counts their feedback.
/// The Feedback module does not read org units itself: the caller passes the ids that exist.
/// </summary>
public sealed class ServicePointCatalog(FeedbackDbContext db, ILogger<ServicePointCatalog> log)
{
    public Task<List<ServicePoint>> ListAsync(CancellationToken ct = default) =>
        db.ServicePoints.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);

    public Task<ServicePoint?> FindAsync(string code, CancellationToken ct = default) =>
        db.ServicePoints.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct);

    /// <summary>Problems as text keys (empty when it can be saved); the org unit must be one of <paramref name="knownOrgUnits"/>.</summary>
    public static IReadOnlyList<string> Validate(ServicePointDraft d, IReadOnlySet<string> knownOrgUnits)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(d.Code) || d.Code.Trim().Length > 40) problems.Add("Feedback.ServicePoints.Error.Code");
        if (string.IsNullOrWhiteSpace(d.Name) || d.Name.Trim().Length > 200) problems.Add("Feedback.ServicePoints.Error.Name");
        if (string.IsNullOrWhiteSpace(d.ProviderCode) || d.ProviderCode.Trim().Length > 40) problems.Add("Feedback.ServicePoints.Error.ProviderCode");
        if (string.IsNullOrWhiteSpace(d.ProviderName) || d.ProviderName.Trim().Length > 200) problems.Add("Feedback.ServicePoints.Error.ProviderName");
        if (d.OrgUnitId is { Length: > 0 } unit && !knownOrgUnits.Contains(unit)) problems.Add("Feedback.ServicePoints.Error.OrgUnit");
        return problems;
    }

    /// <summary>Creates the service point, or updates the one with the same code. Returns true when it was new.</summary>
    public async Task<bool> SaveAsync(ServicePointDraft d, IReadOnlySet<string> knownOrgUnits, string userName, CancellationToken ct = default)
    {
        if (Validate(d, knownOrgUnits) is { Count: > 0 } problems) throw new ArgumentException(string.Join(", ", problems));
        var code = d.Code.Trim();
        var point = await db.ServicePoints.FirstOrDefaultAsync(p => p.Code == code, ct);
        var created = point is null;
        var before = point?.OrgUnitId;
        point ??= db.ServicePoints.Add(new ServicePoint { Code = code }).Entity;
        point.Name = d.Name.Trim();
        point.ProviderCode = d.ProviderCode.Trim();
        point.ProviderName = d.ProviderName.Trim();
        point.OrgUnitId = d.OrgUnitId is { Length: > 0 } u ? u : null;
        await db.SaveChangesAsync(ct);
        // The Feedback context is not audited (docs/feedback.md); a change of the org unit moves feedback
        // between steering boards, so it is at least logged with who made it.
        log.LogInformation("Service point {Code} saved by {User} (new: {Created}); org unit {Before} -> {After}", code, userName, created, before ?? "-", point.OrgUnitId ?? "-");
        return created;
    }
}

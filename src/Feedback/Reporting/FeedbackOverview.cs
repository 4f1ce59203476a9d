using Microsoft.EntityFrameworkCore;
using Tilannekuva.Feedback.Storage;

namespace Tilannekuva.Feedback.Reporting;

/// <summary>A service point (toimipiste) by code and name, and the org unit it is when known.</summary>
public sealed record ServicePointInfo(string Code, string Name, string? OrgUnitId = null);

/// <summary>Open-text feedback not yet marked handled at one service point: how many, and the oldest date.</summary>
public sealed record OpenComments(string ServicePoint, int Count, DateOnly Oldest);

/// <summary>What other modules (the dashboards) read about service points and open feedback; no open text leaves here.</summary>
public sealed class FeedbackOverview(FeedbackDbContext db)
{
    public Task<List<ServicePointInfo>> ServicePointsAsync(CancellationToken ct = default) =>
        db.ServicePoints.AsNoTracking().OrderBy(p => p.Name).Select(p => new ServicePointInfo(p.Code, p.Name, p.OrgUnitId)).ToListAsync(ct);

    /// <summary>Unhandled open-text responses per service point (only the given ones), most first.</summary>
    public async Task<List<OpenComments>> OpenCommentsAsync(IReadOnlyCollection<string> servicePoints, CancellationToken ct = default)
    {
        var rows = await db.Responses.AsNoTracking()
            .Where(r => r.OpenText != null && !r.Handled && servicePoints.Contains(r.ServicePointCode))
            .GroupBy(r => r.ServicePointCode)
            .Select(g => new { g.Key, Count = g.Count(), Oldest = g.Min(r => r.Date) })
            .ToListAsync(ct);
        return rows.Select(r => new OpenComments(r.Key, r.Count, r.Oldest)).OrderByDescending(r => r.Count).ThenBy(r => r.ServicePoint, StringComparer.Ordinal).ToList();
    }
}

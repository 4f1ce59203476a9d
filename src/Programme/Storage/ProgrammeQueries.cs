using Microsoft.EntityFrameworkCore;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Programme.Storage;

/// <summary>Reads of whole programme graphs. Split queries keep a 30-work-package programme one round of small selects.</summary>
public static class ProgrammeQueries
{
    public static Task<List<DevelopmentProgramme>> ListAsync(this ProgrammeDbContext db, CancellationToken ct = default) =>
        db.Programmes.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);

    /// <summary>The programme with everything under it, read-only.</summary>
    public static async Task<DevelopmentProgramme?> LoadProgrammeAsync(this ProgrammeDbContext db, int id, CancellationToken ct = default)
    {
        var programme = await db.Programmes.AsNoTracking().WithEverything()
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null) return null;
        // Programme.Metrics holds every metric of the programme; keep only the programme-level ones there.
        programme.Metrics = programme.Metrics.Where(m => m.WorkPackageId is null).ToList();
        SortChildren(programme);
        return programme;
    }

    /// <summary>Includes everything under a programme (split queries: one small select per collection).</summary>
    public static IQueryable<DevelopmentProgramme> WithEverything(this IQueryable<DevelopmentProgramme> q) => q.AsSplitQuery()
        .Include(p => p.Metrics).ThenInclude(m => m.Targets)
        .Include(p => p.Metrics).ThenInclude(m => m.Measurements)
        .Include(p => p.Risks)
        .Include(p => p.PlanChanges)
        .Include(p => p.ReviewMeetings)
        .Include(p => p.Pillars).ThenInclude(p => p.Investments).ThenInclude(i => i.FinanceNotes)
        .Include(p => p.Pillars).ThenInclude(p => p.Investments).ThenInclude(i => i.WorkPackages).ThenInclude(w => w.ReviewNotes)
        .Include(p => p.Pillars).ThenInclude(p => p.Investments).ThenInclude(i => i.WorkPackages).ThenInclude(w => w.Assignments)
        .Include(p => p.Pillars).ThenInclude(p => p.Investments).ThenInclude(i => i.WorkPackages).ThenInclude(w => w.Goals)
        .Include(p => p.Pillars).ThenInclude(p => p.Investments).ThenInclude(i => i.WorkPackages).ThenInclude(w => w.Actions).ThenInclude(a => a.History)
        .Include(p => p.Pillars).ThenInclude(p => p.Investments).ThenInclude(i => i.WorkPackages).ThenInclude(w => w.Outputs)
        .Include(p => p.Pillars).ThenInclude(p => p.Investments).ThenInclude(i => i.WorkPackages).ThenInclude(w => w.Milestones)
        .Include(p => p.Pillars).ThenInclude(p => p.Investments).ThenInclude(i => i.WorkPackages).ThenInclude(w => w.BudgetLines)
        .Include(p => p.Pillars).ThenInclude(p => p.Investments).ThenInclude(i => i.WorkPackages).ThenInclude(w => w.ProcurementLines)
        .Include(p => p.Pillars).ThenInclude(p => p.Investments).ThenInclude(i => i.WorkPackages).ThenInclude(w => w.Metrics).ThenInclude(m => m.Targets)
        .Include(p => p.Pillars).ThenInclude(p => p.Investments).ThenInclude(i => i.WorkPackages).ThenInclude(w => w.Metrics).ThenInclude(m => m.Measurements)
        .Include(p => p.Pillars).ThenInclude(p => p.Investments).ThenInclude(i => i.WorkPackages).ThenInclude(w => w.Risks);

    /// <summary>Programme-level metrics linked to an indicator code, with their targets and the programme's name (for the dashboards).</summary>
    public static async Task<List<(Metric Metric, string Programme)>> IndicatorLinkedMetricsAsync(this ProgrammeDbContext db, CancellationToken ct = default)
    {
        var metrics = await db.Metrics.AsNoTracking().Include(m => m.Targets)
            .Where(m => m.WorkPackageId == null && m.IndicatorCode != null && m.IndicatorCode != "")
            .OrderBy(m => m.ProgrammeId).ThenBy(m => m.Id).ToListAsync(ct);
        var ids = metrics.Select(m => m.ProgrammeId).Distinct().ToList();
        var names = await db.Programmes.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return metrics.Select(m => (m, names.GetValueOrDefault(m.ProgrammeId) ?? "")).ToList();
    }

    public static async Task<int?> ProgrammeIdOfWorkPackageAsync(this ProgrammeDbContext db, int workPackageId, CancellationToken ct = default) =>
        await db.WorkPackages.Where(w => w.Id == workPackageId).Select(w => (int?)w.Investment!.Pillar!.ProgrammeId).FirstOrDefaultAsync(ct);

    public static IEnumerable<WorkPackage> WorkPackages(this DevelopmentProgramme p) =>
        p.Pillars.SelectMany(x => x.Investments).SelectMany(i => i.WorkPackages);

    private static void SortChildren(DevelopmentProgramme p)
    {
        p.Pillars = p.Pillars.OrderBy(x => x.Order).ThenBy(x => x.Id).ToList();
        foreach (var pillar in p.Pillars)
        {
            pillar.Investments = pillar.Investments.OrderBy(x => x.Order).ThenBy(x => x.Id).ToList();
            foreach (var inv in pillar.Investments)
            {
                inv.WorkPackages = inv.WorkPackages.OrderBy(x => x.Order).ThenBy(x => x.Id).ToList();
                foreach (var w in inv.WorkPackages)
                {
                    w.Goals = w.Goals.OrderBy(x => x.Order).ThenBy(x => x.Id).ToList();
                    w.Actions = w.Actions.OrderBy(x => x.Number).ThenBy(x => x.Id).ToList();
                    w.Outputs = w.Outputs.OrderBy(x => x.Order).ThenBy(x => x.Id).ToList();
                    w.Milestones = w.Milestones.OrderBy(x => x.Due).ThenBy(x => x.Id).ToList();
                    foreach (var m in w.Metrics) m.Measurements = m.Measurements.OrderBy(x => x.Date).ThenBy(x => x.Id).ToList();
                }
            }
        }
        foreach (var m in p.Metrics) m.Measurements = m.Measurements.OrderBy(x => x.Date).ThenBy(x => x.Id).ToList();
        p.Risks = p.Risks.OrderBy(x => x.Id).ToList();
        p.PlanChanges = p.PlanChanges.OrderBy(x => x.Date).ToList();
        p.ReviewMeetings = p.ReviewMeetings.OrderBy(x => x.Date).ToList();
    }
}

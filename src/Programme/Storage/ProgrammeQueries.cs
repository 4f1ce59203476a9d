using Microsoft.EntityFrameworkCore;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Programme.Storage;

/// <summary>Reads of whole programme graphs. Split queries keep a 30-work-package programme one round of small selects.</summary>
public static class ProgrammeQueries
{
    public static Task<List<DevelopmentProgramme>> ListAsync(this ProgrammeDbContext db, CancellationToken ct = default) =>
        db.Programmes.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);

    /// <summary>The programme with everything under it, read-only.</summary>
    /// <remarks>
    /// One plain select per table, put together here, rather than <see cref="WithEverything"/>: the same rows, but
    /// EF compiles a small shaper per table instead of the split include chain's, which was a quarter of a
    /// <c>report</c> command's start-up (issue #20, docs/benchmarks.md "Ninth round"). Children come in key order.
    /// </remarks>
    public static async Task<DevelopmentProgramme?> LoadProgrammeAsync(this ProgrammeDbContext db, int id, CancellationToken ct = default)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null) return null;
        programme.Pillars = await db.Pillars.AsNoTracking().Where(x => x.ProgrammeId == id).OrderBy(x => x.Id).ToListAsync(ct);
        var investments = await db.Investments.AsNoTracking().Where(x => x.Pillar!.ProgrammeId == id).OrderBy(x => x.Id).ToListAsync(ct);
        var workPackages = await db.WorkPackages.AsNoTracking().Where(x => x.Investment!.Pillar!.ProgrammeId == id).OrderBy(x => x.Id).ToListAsync(ct);
        var investmentIds = investments.Select(x => x.Id).ToList();
        var financeNotes = await db.FinanceNotes.AsNoTracking().Where(x => investmentIds.Contains(x.InvestmentId)).OrderBy(x => x.Id).ToListAsync(ct);
        var wp = workPackages.Select(x => x.Id).ToList();
        var assignments = await db.Assignments.AsNoTracking().Where(x => wp.Contains(x.WorkPackageId)).OrderBy(x => x.Id).ToListAsync(ct);
        var goals = await db.Goals.AsNoTracking().Where(x => wp.Contains(x.WorkPackageId)).OrderBy(x => x.Id).ToListAsync(ct);
        var actions = await db.Actions.AsNoTracking().Where(x => wp.Contains(x.WorkPackageId)).OrderBy(x => x.Id).ToListAsync(ct);
        var actionIds = actions.Select(x => x.Id).ToList();
        var history = await db.ActionStatuses.AsNoTracking().Where(x => actionIds.Contains(x.WorkActionId)).OrderBy(x => x.Id).ToListAsync(ct);
        var outputs = await db.Outputs.AsNoTracking().Where(x => wp.Contains(x.WorkPackageId)).OrderBy(x => x.Id).ToListAsync(ct);
        var milestones = await db.Milestones.AsNoTracking().Where(x => wp.Contains(x.WorkPackageId)).OrderBy(x => x.Id).ToListAsync(ct);
        var budgetLines = await db.BudgetLines.AsNoTracking().Where(x => wp.Contains(x.WorkPackageId)).OrderBy(x => x.Id).ToListAsync(ct);
        var procurementLines = await db.ProcurementLines.AsNoTracking().Where(x => wp.Contains(x.WorkPackageId)).OrderBy(x => x.Id).ToListAsync(ct);
        var reviewNotes = await db.ReviewNotes.AsNoTracking().Where(x => wp.Contains(x.WorkPackageId)).OrderBy(x => x.Id).ToListAsync(ct);
        // Every metric of the programme: its own (no work package) and its work packages'.
        var metrics = await db.Metrics.AsNoTracking().Where(x => x.ProgrammeId == id || (x.WorkPackageId != null && wp.Contains(x.WorkPackageId.Value)))
            .OrderBy(x => x.Id).ToListAsync(ct);
        var metricIds = metrics.Select(x => x.Id).ToList();
        var targets = await db.MetricTargets.AsNoTracking().Where(x => metricIds.Contains(x.MetricId)).OrderBy(x => x.Id).ToListAsync(ct);
        var measurements = await db.Measurements.AsNoTracking().Where(x => metricIds.Contains(x.MetricId)).OrderBy(x => x.Id).ToListAsync(ct);
        var risks = await db.Risks.AsNoTracking().Where(x => x.ProgrammeId == id || (x.WorkPackageId != null && wp.Contains(x.WorkPackageId.Value)))
            .OrderBy(x => x.Id).ToListAsync(ct);
        programme.PlanChanges = await db.PlanChanges.AsNoTracking().Where(x => x.ProgrammeId == id).OrderBy(x => x.Id).ToListAsync(ct);
        programme.ReviewMeetings = await db.ReviewMeetings.AsNoTracking().Where(x => x.ProgrammeId == id).OrderBy(x => x.Id).ToListAsync(ct);

        var targetsOf = targets.ToLookup(x => x.MetricId);
        var measurementsOf = measurements.ToLookup(x => x.MetricId);
        foreach (var m in metrics) (m.Targets, m.Measurements) = ([.. targetsOf[m.Id]], [.. measurementsOf[m.Id]]);
        programme.Metrics = metrics.Where(m => m.ProgrammeId == id && m.WorkPackageId is null).ToList();
        programme.Risks = risks.Where(r => r.ProgrammeId == id).ToList();
        var historyOf = history.ToLookup(x => x.WorkActionId);
        foreach (var a in actions) a.History = [.. historyOf[a.Id]];
        var (assignmentsOf, goalsOf, actionsOf, outputsOf) = (assignments.ToLookup(x => x.WorkPackageId), goals.ToLookup(x => x.WorkPackageId),
            actions.ToLookup(x => x.WorkPackageId), outputs.ToLookup(x => x.WorkPackageId));
        var (milestonesOf, budgetOf, procurementOf, notesOf) = (milestones.ToLookup(x => x.WorkPackageId), budgetLines.ToLookup(x => x.WorkPackageId),
            procurementLines.ToLookup(x => x.WorkPackageId), reviewNotes.ToLookup(x => x.WorkPackageId));
        var (metricsOf, risksOf) = (metrics.ToLookup(x => x.WorkPackageId), risks.ToLookup(x => x.WorkPackageId));
        foreach (var w in workPackages)
        {
            w.Assignments = [.. assignmentsOf[w.Id]];
            w.Goals = [.. goalsOf[w.Id]];
            w.Actions = [.. actionsOf[w.Id]];
            w.Outputs = [.. outputsOf[w.Id]];
            w.Milestones = [.. milestonesOf[w.Id]];
            w.BudgetLines = [.. budgetOf[w.Id]];
            w.ProcurementLines = [.. procurementOf[w.Id]];
            w.ReviewNotes = [.. notesOf[w.Id]];
            w.Metrics = [.. metricsOf[w.Id]];
            w.Risks = [.. risksOf[w.Id]];
        }
        var workPackagesOf = workPackages.ToLookup(x => x.InvestmentId);
        var notesOfInvestment = financeNotes.ToLookup(x => x.InvestmentId);
        var investmentsOf = investments.ToLookup(x => x.PillarId);
        foreach (var pillar in programme.Pillars)
        {
            pillar.Investments = [.. investmentsOf[pillar.Id]];
            foreach (var inv in pillar.Investments)
            {
                inv.Pillar = pillar;
                inv.FinanceNotes = [.. notesOfInvestment[inv.Id]];
                inv.WorkPackages = [.. workPackagesOf[inv.Id]];
                foreach (var w in inv.WorkPackages) w.Investment = inv;
            }
        }
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

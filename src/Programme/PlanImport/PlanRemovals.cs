using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Programme.PlanImport;

/// <summary>
/// What an import would remove from a stored programme, counted per kind of item from the change tracker of a
/// dry run (so it is exactly what the import does, cascades included). Goals, outputs, schedule entries and
/// targets are rewritten when their text changes; for them only the net loss counts as removal.
/// </summary>
public sealed class PlanRemovals
{
    public static readonly PlanRemovals None = new(new Dictionary<string, int>());

    /// <summary>Kind (PlanImport2.Kind.&lt;kind&gt; names it) → number of rows removed; only kinds with a removal.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; }

    private PlanRemovals(IReadOnlyDictionary<string, int> counts) => Counts = counts;

    public bool IsEmpty => Counts.Count == 0;

    private static readonly (Type Type, string Kind, bool Net)[] Kinds =
    [
        (typeof(Pillar), "Pillar", false), (typeof(Investment), "Investment", false), (typeof(WorkPackage), "WorkPackage", false),
        (typeof(WorkAction), "Action", false), (typeof(ActionStatusEntry), "ActionStatus", false),
        (typeof(Goal), "Goal", true), (typeof(Output), "Output", true), (typeof(Milestone), "Milestone", true),
        (typeof(Metric), "Metric", false), (typeof(MetricTarget), "Target", true), (typeof(Measurement), "Measurement", false),
        (typeof(Risk), "Risk", false), (typeof(BudgetLine), "BudgetLine", false), (typeof(ProcurementLine), "ProcurementLine", false),
        (typeof(WorkPackageAssignment), "Assignment", false),
    ];

    internal static PlanRemovals Count(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var entries = tracker.Entries().ToList();
        var counts = new Dictionary<string, int>();
        foreach (var (type, kind, net) in Kinds)
        {
            var deleted = entries.Count(e => e.Entity.GetType() == type && e.State == EntityState.Deleted);
            var added = net ? entries.Count(e => e.Entity.GetType() == type && e.State == EntityState.Added) : 0;
            if (deleted - added > 0) counts[kind] = deleted - added;
        }
        return new PlanRemovals(counts);
    }

    /// <summary>"3 work packages, 12 metrics, 2 risks" in the reader's language.</summary>
    public string Text(CultureInfo? culture = null) =>
        string.Join(", ", Counts.Select(c => Texts.Format("PlanImport2.Removal", culture, c.Value, Texts.Get($"PlanImport2.Kind.{c.Key}", culture))));
}

/// <summary>The import would remove items from the stored programme and no replace was asked; nothing was changed.</summary>
public sealed class PlanRemovalsNeedReplaceException(PlanRemovals removals) : Exception("The import would remove items; confirm with replace.")
{
    public PlanRemovals Removals { get; } = removals;
}

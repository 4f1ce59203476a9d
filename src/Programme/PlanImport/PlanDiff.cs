using System.Globalization;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Programme.PlanImport;

public enum DiffChange { Added, Removed, Changed }

/// <summary>One difference between the stored programme and the plan being imported.</summary>
/// <param name="Path">Where: "Pilari 4 / 1a / TP2", or "Riskit" for the programme's risks.</param>
/// <param name="What">What changed: PlanImport.Diff.&lt;What&gt; names it (Pillar, Investment, WorkPackage, Title, Cost, Goals, Action, Outputs, Milestones, Metric, Risk, Description, Background, Years).</param>
public sealed record DiffEntry(DiffChange Change, string Path, string What, string? Before, string? After)
{
    public string WhatText(CultureInfo? culture = null) => Texts.Get($"PlanImport.Diff.{What}", culture);
    public string ChangeText(CultureInfo? culture = null) => Texts.Get($"PlanImport.Diff.{Change}", culture);
}

/// <summary>What confirming an import would change in the stored programme of the same name.</summary>
public sealed class PlanDiff
{
    public bool IsNew { get; private init; }
    public List<DiffEntry> Entries { get; } = [];
    public bool IsEmpty => !IsNew && Entries.Count == 0;

    /// <summary>Compares an imported programme with the stored one (null when there is none).</summary>
    public static PlanDiff Compare(DevelopmentProgramme? stored, DevelopmentProgramme imported)
    {
        var d = new PlanDiff { IsNew = stored is null };
        if (stored is null) return d;
        var e = d.Entries;
        if (stored.Description != imported.Description) e.Add(new(DiffChange.Changed, "", "Description", Short(stored.Description), Short(imported.Description)));
        if ((stored.StartYear, stored.EndYear) != (imported.StartYear, imported.EndYear) && imported.StartYear != 0)
            e.Add(new(DiffChange.Changed, "", "Years", $"{stored.StartYear}–{stored.EndYear}", $"{imported.StartYear}–{imported.EndYear}"));

        Match(stored.Pillars, imported.Pillars, p => p.Code, (s, i) =>
        {
            if (s is null) { e.Add(new(DiffChange.Added, i!.Code, "Pillar", null, i.Title)); return; }
            if (i is null) { e.Add(new(DiffChange.Removed, s.Code, "Pillar", s.Title, null)); return; }
            if (s.Title != i.Title) e.Add(new(DiffChange.Changed, s.Code, "Title", s.Title, i.Title));
            Match(s.Investments, i.Investments, x => x.Code, (si, ii) =>
            {
                var path = $"{s.Code} / {(si ?? ii)!.Code}";
                if (si is null) { e.Add(new(DiffChange.Added, path, "Investment", null, $"{ii!.Title} ({Euros(ii.CostEstimate)})")); return; }
                if (ii is null) { e.Add(new(DiffChange.Removed, path, "Investment", si.Title, null)); return; }
                if (si.Title != ii.Title) e.Add(new(DiffChange.Changed, path, "Title", si.Title, ii.Title));
                if (si.CostEstimate != ii.CostEstimate) e.Add(new(DiffChange.Changed, path, "Cost", Euros(si.CostEstimate), Euros(ii.CostEstimate)));
                Match(si.WorkPackages, ii.WorkPackages, w => w.Code, (sw, iw) =>
                {
                    var wpath = $"{path} / {(sw ?? iw)!.Code}";
                    if (sw is null) { e.Add(new(DiffChange.Added, wpath, "WorkPackage", null, $"{iw!.Title} ({Euros(iw.CostEstimate)})")); return; }
                    if (iw is null) { e.Add(new(DiffChange.Removed, wpath, "WorkPackage", $"{sw.Title} ({Euros(sw.CostEstimate)})", null)); return; }
                    CompareWorkPackage(sw, iw, wpath, e);
                });
            });
        });

        var storedIndicators = stored.Metrics.Where(m => m.WorkPackageId is null).ToList();
        var importedIndicators = ProgrammeLevelMetrics(imported);
        Match(storedIndicators, importedIndicators, m => m.Name, (s, i) =>
        {
            if (s is null) e.Add(new(DiffChange.Added, "", "Metric", null, i!.Name));
            else if (i is null) e.Add(new(DiffChange.Removed, "", "Metric", s.Name, null));
            else if (Targets(s) != Targets(i)) e.Add(new(DiffChange.Changed, s.Name, "Targets", Targets(s), Targets(i)));
        });
        Match(stored.Risks, imported.Risks, r => r.Description, (s, i) =>
        {
            if (s is null) e.Add(new(DiffChange.Added, "", "Risk", null, RiskText(i!)));
            else if (i is null) e.Add(new(DiffChange.Removed, "", "Risk", RiskText(s), null));
            else if (RiskText(s) != RiskText(i) || s.Mitigation != i.Mitigation) e.Add(new(DiffChange.Changed, s.Description, "Risk", RiskText(s), RiskText(i)));
        });
        return d;
    }

    private static void CompareWorkPackage(WorkPackage s, WorkPackage i, string path, List<DiffEntry> e)
    {
        if (s.Title != i.Title) e.Add(new(DiffChange.Changed, path, "Title", s.Title, i.Title));
        if (s.CostEstimate != i.CostEstimate) e.Add(new(DiffChange.Changed, path, "Cost", Euros(s.CostEstimate), Euros(i.CostEstimate)));
        if (s.Background != i.Background) e.Add(new(DiffChange.Changed, path, "Background", Short(s.Background), Short(i.Background)));
        if (!s.Goals.Select(g => g.Text).SequenceEqual(i.Goals.Select(g => g.Text)))
            e.Add(new(DiffChange.Changed, path, "Goals", $"{s.Goals.Count}", $"{i.Goals.Count}"));
        if (!s.Outputs.Select(g => g.Text).SequenceEqual(i.Outputs.Select(g => g.Text)))
            e.Add(new(DiffChange.Changed, path, "Outputs", $"{s.Outputs.Count}", $"{i.Outputs.Count}"));
        if (!s.Milestones.Select(MilestoneKey).SequenceEqual(i.Milestones.Select(MilestoneKey)))
            e.Add(new(DiffChange.Changed, path, "Milestones", $"{s.Milestones.Count}", $"{i.Milestones.Count}"));
        Match(s.Actions, i.Actions, a => a.Number.ToString(CultureInfo.InvariantCulture), (sa, ia) =>
        {
            if (sa is null) e.Add(new(DiffChange.Added, path, "Action", null, $"{ia!.Number}) {Short(ia.Title)}"));
            else if (ia is null) e.Add(new(DiffChange.Removed, path, "Action", $"{sa.Number}) {Short(sa.Title)}", null));
            else if (sa.Title != ia.Title) e.Add(new(DiffChange.Changed, path, "Action", $"{sa.Number}) {Short(sa.Title)}", $"{ia.Number}) {Short(ia.Title)}"));
        });
        Match(s.Metrics, i.Metrics, m => m.Name, (sm, im) =>
        {
            if (sm is null) e.Add(new(DiffChange.Added, path, "Metric", null, im!.Name));
            else if (im is null) e.Add(new(DiffChange.Removed, path, "Metric", sm.Name, null));
        });
    }

    internal static string MilestoneKey(Milestone m) => $"{m.Period}|{m.Text}|{m.Due}";

    internal static string Targets(Metric m) =>
        string.Join("; ", m.Targets.OrderBy(t => t.DuePeriod, StringComparer.Ordinal).Select(t => $"{t.Value?.ToString("0.##", CultureInfo.InvariantCulture)}{t.TextValue} {t.DuePeriod}"));

    /// <summary>Metrics of the programme itself, not of a work package (an imported graph lists both in Programme.Metrics).</summary>
    public static List<Metric> ProgrammeLevelMetrics(DevelopmentProgramme p)
    {
        var wpMetrics = p.Pillars.SelectMany(x => x.Investments).SelectMany(x => x.WorkPackages).SelectMany(w => w.Metrics).ToHashSet(ReferenceEqualityComparer.Instance);
        return p.Metrics.Where(m => m.WorkPackageId is null && !wpMetrics.Contains(m)).ToList();
    }

    private static string RiskText(Risk r) => $"{r.Probability} × {r.Impact} = {r.Score} · {r.Owner}";

    private static string Euros(decimal v) => Texts.Euros(v, CultureInfo.GetCultureInfo("fi"));

    private static string Short(string s) => s.Length <= 120 ? s : s[..120] + " …";

    /// <summary>Pairs items by key in the order of the imported list, then the stored items left over.</summary>
    internal static void Match<T>(IEnumerable<T> stored, IEnumerable<T> imported, Func<T, string> key, Action<T?, T?> pair) where T : class
    {
        var left = stored.GroupBy(key).ToDictionary(g => g.Key, g => new Queue<T>(g));
        foreach (var i in imported)
        {
            if (left.TryGetValue(key(i), out var q) && q.Count > 0) pair(q.Dequeue(), i);
            else pair(null, i);
        }
        foreach (var rest in left.Values.SelectMany(q => q)) pair(rest, null);
    }
}

using Microsoft.EntityFrameworkCore;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Storage;

namespace Tilannekuva.Programme.PlanImport;

/// <summary>The outcome of a confirmed import.</summary>
/// <param name="Kept">Items the plan no longer has but that were kept because they carry tracked data (status history, measurements, assignments, budget).</param>
/// <param name="RevisionId">The revision kept of the state before the import (null when the programme was created or nothing changed).</param>
public sealed record PlanImportResult(int ProgrammeId, bool Created, int RowsWritten, IReadOnlyList<string> Kept, int? RevisionId = null, PlanRemovals? Removed = null);

/// <summary>
/// Import of a project plan: <see cref="Preview(string, string, string?)"/> reads it without storing anything,
/// <see cref="DiffAsync"/> tells what confirming would change, <see cref="ConfirmAsync"/> stores it in one
/// transaction — creating the programme, or updating the one of the same name by pillar, investment and
/// work-package codes. Re-importing the same plan changes nothing.
/// </summary>
public static class PlanImporter
{
    /// <summary>Reads a plan from text (as pdftotext gives it).</summary>
    public static PlanPreview Preview(string text, string sourceName, string? programmeName = null) =>
        PlanParser.Parse(text, sourceName, programmeName);

    /// <summary>Reads a plan from a file: .docx through OpenXml, anything else as text (UTF-8 or Windows-1252).</summary>
    /// <exception cref="PlanRefusedException">The file is empty, too large, binary or an unreadable DOCX.</exception>
    public static PlanPreview PreviewFile(string path, string? programmeName = null, long maxBytes = PlanInput.DefaultMaxBytes)
    {
        using var stream = File.OpenRead(path);
        return Preview(stream, Path.GetFileName(path), programmeName, maxBytes);
    }

    public static PlanPreview Preview(Stream content, string fileName, string? programmeName = null, long maxBytes = PlanInput.DefaultMaxBytes) =>
        Preview(ReadText(content, fileName, maxBytes), fileName, programmeName);

    /// <summary>The text the parser reads: a DOCX's paragraphs and table rows, or the file's text; refuses what is not text.</summary>
    public static string ReadText(Stream content, string fileName, long maxBytes = PlanInput.DefaultMaxBytes) =>
        PlanInput.Read(content, fileName, maxBytes);

    /// <summary>Refuses a preview that holds no work package: it is not a plan (a final report, a memo), and storing it would store nothing useful.</summary>
    /// <exception cref="PlanRefusedException">No work package was found.</exception>
    public static void EnsureIsPlan(PlanPreview preview)
    {
        if (!preview.WorkPackages.Any()) throw new PlanRefusedException(PlanRefusal.NotAPlan, preview.SourceName);
    }

    /// <summary>What confirming would remove from the stored programme of the same name (empty when there is none): a dry run of the import, nothing written.</summary>
    public static async Task<PlanRemovals> RemovalsAsync(ProgrammeDbContext db, PlanPreview preview, CancellationToken ct = default)
    {
        var target = await LoadAsync(db, preview.Programme.Name, tracked: true, ct);
        if (target is null) return PlanRemovals.None;
        try
        {
            Apply(db, target, preview.Programme, []);
            return PlanRemovals.Count(db.ChangeTracker);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public static async Task<PlanDiff> DiffAsync(ProgrammeDbContext db, PlanPreview preview, CancellationToken ct = default)
    {
        var stored = await LoadAsync(db, preview.Programme.Name, tracked: false, ct);
        return PlanDiff.Compare(stored, preview.Programme);
    }

    /// <summary>
    /// Stores the plan in one transaction. Onto an existing programme, the state before is kept as a revision;
    /// if the import would remove anything (work packages, metrics, risks, actions, …) it is refused unless
    /// <paramref name="replace"/> is given.
    /// </summary>
    /// <exception cref="PlanRefusedException">The preview holds no work package.</exception>
    /// <exception cref="PlanRemovalsNeedReplaceException">The import would remove something and <paramref name="replace"/> is false; nothing was changed.</exception>
    public static async Task<PlanImportResult> ConfirmAsync(ProgrammeDbContext db, PlanPreview preview, bool replace = false, CancellationToken ct = default)
    {
        var source = preview.Programme;
        if (string.IsNullOrWhiteSpace(source.Name)) throw new InvalidOperationException("The plan has no programme name; give one.");
        EnsureIsPlan(preview);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var target = await LoadAsync(db, source.Name, tracked: true, ct);
                var created = target is null;
                var revision = created ? null : await PlanRevisions.SnapshotAsync(db, target!.Id, PlanRevisions.ReasonImport, preview.SourceName, ct);
                target ??= new DevelopmentProgramme { Name = source.Name };
                if (created) db.Programmes.Add(target);
                var kept = new List<string>();
                Apply(db, target, source, kept);
                var removed = PlanRemovals.Count(db.ChangeTracker);
                if (!removed.IsEmpty && !replace) throw new PlanRemovalsNeedReplaceException(removed);
                if (revision is not null && db.ChangeTracker.HasChanges()) db.Revisions.Add(revision);
                else revision = null;
                var rows = await db.SaveChangesAsync(ct);
                if (revision is not null)
                {
                    // The revision row itself is not audited (its snapshot would double the log): say it here.
                    db.AuditEntries.Add(new AuditEntry
                    {
                        At = DateTimeOffset.UtcNow, UserName = db.ActingUser, EntityType = nameof(ProgrammeRevision),
                        EntityId = revision.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Change = "Kept", ProgrammeId = target.Id,
                        After = System.Text.Json.JsonSerializer.Serialize(new { revision.Reason, revision.Source, removed = removed.Counts }),
                    });
                    await db.SaveChangesAsync(ct);
                    rows -= 1;
                }
                await tx.CommitAsync(ct);
                return new PlanImportResult(target.Id, created, rows, kept, revision?.Id, removed);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        });
    }

    private static async Task<DevelopmentProgramme?> LoadAsync(ProgrammeDbContext db, string name, bool tracked, CancellationToken ct)
    {
        var q = db.Programmes.WithEverything();
        if (!tracked) q = q.AsNoTracking();
        var p = await q.FirstOrDefaultAsync(x => x.Name == name, ct);
        if (p is null) return null;
        // Same order as the plan, so that the diff reads in plan order.
        p.Pillars = p.Pillars.OrderBy(x => x.Order).ThenBy(x => x.Id).ToList();
        foreach (var pi in p.Pillars)
        {
            pi.Investments = pi.Investments.OrderBy(x => x.Order).ThenBy(x => x.Id).ToList();
            foreach (var i in pi.Investments)
            {
                i.WorkPackages = i.WorkPackages.OrderBy(x => x.Order).ThenBy(x => x.Id).ToList();
                foreach (var w in i.WorkPackages)
                {
                    w.Goals = w.Goals.OrderBy(x => x.Order).ThenBy(x => x.Id).ToList();
                    w.Outputs = w.Outputs.OrderBy(x => x.Order).ThenBy(x => x.Id).ToList();
                    w.Actions = w.Actions.OrderBy(x => x.Number).ThenBy(x => x.Id).ToList();
                    w.Milestones = w.Milestones.OrderBy(x => x.Id).ToList();
                    w.Metrics = w.Metrics.OrderBy(x => x.Id).ToList();
                }
            }
        }
        p.Risks = p.Risks.OrderBy(x => x.Id).ToList();
        return p;
    }

    // ---------------------------------------------------------------- apply

    private static void Apply(ProgrammeDbContext db, DevelopmentProgramme target, DevelopmentProgramme source, List<string> kept)
    {
        target.Description = source.Description;
        if (source.StartYear != 0) { target.StartYear = source.StartYear; target.EndYear = source.EndYear; }

        PlanDiff.Match(target.Pillars.ToList(), source.Pillars, p => p.Code, (t, s) =>
        {
            if (t is null) { t = new Pillar { Code = s!.Code, Title = s.Title }; target.Pillars.Add(t); }
            if (s is null)
            {
                if (t.Investments.Any(i => i.WorkPackages.Any(HasData))) kept.Add(t.Code);
                else target.Pillars.Remove(t);
                return;
            }
            t.Title = s.Title;
            t.Order = s.Order;
            ApplyInvestments(target, t, s, kept);
        });

        var indicators = target.Metrics.Where(m => m.WorkPackageId is null && !IsWorkPackageMetric(target, m)).ToList();
        PlanDiff.Match(indicators, PlanDiff.ProgrammeLevelMetrics(source), m => m.Name, (t, s) =>
        {
            if (t is null) { target.Metrics.Add(CopyMetric(s!, withTargets: true)); return; }
            if (s is null)
            {
                if (t.Measurements.Count > 0) kept.Add(t.Name);
                else target.Metrics.Remove(t);
                return;
            }
            if (PlanDiff.Targets(t) != PlanDiff.Targets(s))
            {
                t.Targets.Clear();
                foreach (var x in s.Targets) t.Targets.Add(new MetricTarget { Value = x.Value, TextValue = x.TextValue, DuePeriod = x.DuePeriod });
            }
        });

        PlanDiff.Match(target.Risks.ToList(), source.Risks, r => r.Description, (t, s) =>
        {
            if (t is null) { t = new Risk { Description = s!.Description }; target.Risks.Add(t); }
            if (s is null) { target.Risks.Remove(t); db.Risks.Remove(t); return; } // optional relationship: delete, not orphan
            t.Probability = s.Probability;
            t.Impact = s.Impact;
            t.Score = s.Score;
            t.Mitigation = s.Mitigation;
            t.Owner = s.Owner;
        });
    }

    private static bool IsWorkPackageMetric(DevelopmentProgramme p, Metric m) =>
        p.Pillars.SelectMany(x => x.Investments).SelectMany(x => x.WorkPackages).Any(w => w.Metrics.Contains(m));

    private static void ApplyInvestments(DevelopmentProgramme programme, Pillar target, Pillar source, List<string> kept)
    {
        PlanDiff.Match(target.Investments.ToList(), source.Investments, i => i.Code, (t, s) =>
        {
            if (t is null) { t = new Investment { Code = s!.Code, Title = s.Title }; target.Investments.Add(t); }
            if (s is null)
            {
                if (t.WorkPackages.Any(HasData)) kept.Add($"{target.Code} / {t.Code}");
                else target.Investments.Remove(t);
                return;
            }
            t.Title = s.Title;
            t.Order = s.Order;
            t.CostEstimate = s.CostEstimate;
            PlanDiff.Match(t.WorkPackages.ToList(), s.WorkPackages, w => w.Code, (tw, sw) =>
            {
                if (tw is null) { tw = new WorkPackage { Code = sw!.Code, Title = sw.Title }; t.WorkPackages.Add(tw); }
                if (sw is null)
                {
                    if (HasData(tw)) kept.Add($"{target.Code} / {t.Code} / {tw.Code}");
                    else t.WorkPackages.Remove(tw);
                    return;
                }
                ApplyWorkPackage(programme, tw, sw, kept, $"{target.Code} / {t.Code} / {tw.Code}");
            });
        });
    }

    /// <summary>Whether a work package carries data that people entered after the plan (so it must not be deleted by an import).</summary>
    private static bool HasData(WorkPackage w) =>
        w.Assignments.Count > 0 || w.BudgetLines.Count > 0 || w.ProcurementLines.Count > 0 || w.Risks.Count > 0
        || w.Actions.Any(a => a.History.Count > 0) || w.Metrics.Any(m => m.Measurements.Count > 0);

    private static void ApplyWorkPackage(DevelopmentProgramme programme, WorkPackage t, WorkPackage s, List<string> kept, string path)
    {
        t.Title = s.Title;
        t.Order = s.Order;
        t.CostEstimate = s.CostEstimate;
        t.Background = s.Background;

        if (!t.Goals.Select(g => g.Text).SequenceEqual(s.Goals.Select(g => g.Text)))
        {
            t.Goals.Clear();
            foreach (var g in s.Goals) t.Goals.Add(new Goal { Text = g.Text, Order = g.Order });
        }
        if (!t.Outputs.Select(g => g.Text).SequenceEqual(s.Outputs.Select(g => g.Text)))
        {
            t.Outputs.Clear();
            foreach (var o in s.Outputs) t.Outputs.Add(new Output { Text = o.Text, Order = o.Order });
        }
        if (!t.Milestones.Select(PlanDiff.MilestoneKey).SequenceEqual(s.Milestones.Select(PlanDiff.MilestoneKey)))
        {
            // Keep "done" marks of milestones the new plan still has.
            var done = t.Milestones.Where(m => m.Done).Select(m => (m.Period, m.Text)).ToHashSet();
            t.Milestones.Clear();
            foreach (var m in s.Milestones)
                t.Milestones.Add(new Milestone { Period = m.Period, Text = m.Text, Due = m.Due, Done = done.Contains((m.Period, m.Text)) });
        }
        PlanDiff.Match(t.Actions.ToList(), s.Actions, a => a.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), (ta, sa) =>
        {
            if (ta is null) { t.Actions.Add(new WorkAction { Number = sa!.Number, Title = sa.Title }); return; }
            if (sa is null)
            {
                if (ta.History.Count > 0) kept.Add($"{path} / {ta.Number})");
                else t.Actions.Remove(ta);
                return;
            }
            ta.Title = sa.Title;
        });
        PlanDiff.Match(t.Metrics.ToList(), s.Metrics, m => m.Name, (tm, sm) =>
        {
            if (tm is null)
            {
                var copy = CopyMetric(sm!, withTargets: true); // a new metric takes the targets the plan gives
                t.Metrics.Add(copy);
                programme.Metrics.Add(copy); // every metric row carries the programme's id
                return;
            }
            if (sm is null)
            {
                if (tm.Measurements.Count > 0 || tm.Targets.Count > 0) kept.Add($"{path} / {tm.Name}");
                else { t.Metrics.Remove(tm); programme.Metrics.Remove(tm); }
            }
            // Kind, unit and targets of an existing metric are the users' to set; the plan only names it.
        });
    }

    private static Metric CopyMetric(Metric s, bool withTargets) => new()
    {
        Name = s.Name, Kind = s.Kind, Unit = s.Unit,
        Targets = withTargets ? s.Targets.Select(x => new MetricTarget { Value = x.Value, TextValue = x.TextValue, DuePeriod = x.DuePeriod }).ToList() : [],
    };
}

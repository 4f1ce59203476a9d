using System.Globalization;
using System.Runtime.CompilerServices;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Programme.PlanImport;

/// <summary>Why a piece of the plan was not imported; shown with its line numbers.</summary>
public enum UnplacedReason
{
    /// <summary>Text before the first recognised section (cover page, table of contents).</summary>
    BeforeFirstSection,
    /// <summary>A section the programme workspace has no place for (impacts, communication …).</summary>
    SectionNotImported,
    /// <summary>Text of a pillar or investment outside any work package.</summary>
    InvestmentText,
    /// <summary>A heading that only groups the work packages under it.</summary>
    GroupHeading,
    /// <summary>A field of the template that is not imported (e.g. "Palvelun skaalautuvuus").</summary>
    FieldNotImported,
    /// <summary>Text in the indicator section that is not an indicator.</summary>
    IndicatorText,
    /// <summary>Text in the cost table that is not a row.</summary>
    CostTableText,
    /// <summary>Text in the risk table that is not part of a row.</summary>
    RiskTableText,
    /// <summary>A work package heading with no fields under it.</summary>
    EmptyWorkPackage,
    /// <summary>Text before the numbered actions of a work package.</summary>
    ActionPreamble,
}

public sealed record UnplacedText(SourceLines Lines, string Text, UnplacedReason Reason)
{
    public string ReasonText(CultureInfo? culture = null) => Texts.Get($"PlanImport.Unplaced.{Reason}", culture);
}

public enum ImportFindingKind
{
    /// <summary>A work package has no "Kustannusarvio" or no amount in it.</summary>
    WorkPackageCostMissing,
    /// <summary>The work packages of an investment do not add up to the cost table's figure.</summary>
    InvestmentCostMismatch,
    /// <summary>An investment has no row in the cost table.</summary>
    InvestmentNotInCostTable,
    /// <summary>A cost table row with an amount matches no investment.</summary>
    CostRowUnmatched,
    /// <summary>The cost table rows do not add up to its total.</summary>
    CostTableTotalMismatch,
    /// <summary>All work packages together do not add up to the cost table's total.</summary>
    PlanTotalMismatch,
    /// <summary>A risk's score is not probability × impact.</summary>
    RiskScoreMismatch,
    /// <summary>A risk's probability or impact is outside 1–5.</summary>
    RiskValueOutOfRange,
    /// <summary>A risk row has no owner (vastuutaho).</summary>
    RiskOwnerMissing,
    /// <summary>Fields were written directly under an investment: one work package was assumed.</summary>
    ImpliedWorkPackage,
    /// <summary>Work packages stand directly under a pillar: the pillar was taken as their investment.</summary>
    ImpliedInvestment,
    /// <summary>A work package's cost estimate differs from its row in the cost table (a table with a row per work package).</summary>
    WorkPackageCostMismatch,
    /// <summary>The same work package code twice in one investment; the second got a suffix.</summary>
    DuplicateCode,
    /// <summary>A section the importer needs was not found.</summary>
    SectionMissing,
    /// <summary>The programme's name was not found in the plan.</summary>
    NameNotFound,
    /// <summary>The cost table or the risk table was found but no row could be read.</summary>
    TableEmpty,
}

public enum FindingSeverity { Info, Warning }

/// <summary>A finding of the import's consistency check, localised on demand.</summary>
public sealed record ImportFinding(ImportFindingKind Kind, FindingSeverity Severity, SourceLines? Lines, IReadOnlyList<object?> Args)
{
    public string Message(CultureInfo? culture = null) =>
        Texts.Format($"PlanImport.Finding.{Kind}", culture ?? CultureInfo.CurrentUICulture, [.. Args]);
}

/// <summary>A row of the plan's cost table (7.2 Hankkeen kustannukset).</summary>
public sealed record CostTableRow(int? Pillar, int? Investment, string Label, decimal? Amount, SourceLines Lines)
{
    /// <summary>Code of the investment the row was matched to, when one was.</summary>
    public string? MatchedInvestment { get; internal set; }
}

/// <summary>
/// The result of reading a plan: the programme graph (not stored), where each item came from, the
/// cost table, the findings of the consistency check and the text that found no place.
/// </summary>
public sealed class PlanPreview
{
    private readonly ConditionalWeakTable<object, object> _sources = new();

    public required string SourceName { get; init; }
    public required DevelopmentProgramme Programme { get; init; }
    public int LineCount { get; init; }
    public List<CostTableRow> CostTable { get; } = [];
    public decimal? CostTableTotal { get; internal set; }
    public List<UnplacedText> Unplaced { get; } = [];
    public List<ImportFinding> Findings { get; } = [];
    public List<NoiseLine> Noise { get; } = [];
    /// <summary>The plan's sections as found: need, target group, main goals (also stored in the programme's description).</summary>
    public string Need { get; internal set; } = "";
    public string TargetGroup { get; internal set; } = "";
    public string MainGoals { get; internal set; } = "";

    /// <summary>Programme-level risks (the risk table).</summary>
    public IReadOnlyList<Risk> Risks => Programme.Risks;

    public IEnumerable<WorkPackage> WorkPackages => Programme.Pillars.SelectMany(p => p.Investments).SelectMany(i => i.WorkPackages);

    /// <summary>Source lines of any imported object (programme, pillar, investment, work package, goal, action, output, milestone, metric, risk).</summary>
    public SourceLines? LinesOf(object item) => _sources.TryGetValue(item, out var v) ? (SourceLines)v : null;

    internal void SetLines(object item, SourceLines? lines)
    {
        if (lines is { } l) _sources.AddOrUpdate(item, l);
    }

    public bool HasWarnings => Findings.Any(f => f.Severity == FindingSeverity.Warning);
}

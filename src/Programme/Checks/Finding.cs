using System.Globalization;
using Tilannekuva.Localisation;

namespace Tilannekuva.Programme.Checks;

/// <summary>What a consistency check found wrong (havainto).</summary>
public enum FindingKind
{
    /// <summary>Work packages' cost estimates do not add up to their investment's cost estimate.</summary>
    InvestmentCostMismatch,
    /// <summary>A work package's budget lines (Planned) do not add up to its cost estimate.</summary>
    BudgetLinesMismatch,
    /// <summary>A risk's stored score is not probability × impact.</summary>
    RiskScoreMismatch,
    /// <summary>A risk's probability or impact is outside 1–5.</summary>
    RiskValueOutOfRange,
    /// <summary>A metric target has no due period.</summary>
    TargetWithoutDuePeriod,
    /// <summary>A metric target's due period cannot be read (e.g. "kevät 2024").</summary>
    TargetDuePeriodUnparseable,
    /// <summary>A measurement is outside the range its metric kind allows.</summary>
    MeasurementOutOfRange,
}

/// <summary>The kind of thing a finding points at; the id is that thing's database id.</summary>
public enum FindingSubject { Investment, WorkPackage, Metric, Risk }

/// <summary>
/// One consistency finding. The message is localised on demand from <see cref="TextKey"/> and
/// <see cref="Args"/>, so the same finding can be shown in fi, sv and en.
/// </summary>
/// <param name="WorkPackageId">The work package the subject belongs to, when there is one (for links and filtering).</param>
public sealed record Finding(
    FindingKind Kind,
    FindingSubject Subject,
    int SubjectId,
    int? WorkPackageId,
    string TextKey,
    IReadOnlyList<object?> Args)
{
    public string Message(CultureInfo culture) => Texts.Format(TextKey, culture, [.. Args]);
}

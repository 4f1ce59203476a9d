namespace Tilannekuva.Programme.Domain;

/// <summary>Työpaketti: the unit of work a planner owns, e.g. "TP1 a2".</summary>
public sealed class WorkPackage
{
    public int Id { get; set; }
    public int InvestmentId { get; set; }
    [System.Text.Json.Serialization.JsonIgnore] public Investment? Investment { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    /// <summary>Responsible people as the plan names them (free text, roles rather than names in demo data).</summary>
    public string Responsible { get; set; } = "";
    public string ServiceArea { get; set; } = "";
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public string Background { get; set; } = "";
    /// <summary>Kustannusarvio in the plan, euros.</summary>
    public decimal CostEstimate { get; set; }
    public int Order { get; set; }

    /// <summary>User names of the planners who may edit this work package.</summary>
    public List<WorkPackageAssignment> Assignments { get; set; } = [];
    public List<Goal> Goals { get; set; } = [];
    public List<WorkAction> Actions { get; set; } = [];
    public List<Output> Outputs { get; set; } = [];
    public List<Milestone> Milestones { get; set; } = [];
    public List<BudgetLine> BudgetLines { get; set; } = [];
    public List<ProcurementLine> ProcurementLines { get; set; } = [];
    public List<Metric> Metrics { get; set; } = [];
    public List<Risk> Risks { get; set; } = [];
    /// <summary>Written accounts of what was done, one or more per review period.</summary>
    public List<WorkPackageReviewNote> ReviewNotes { get; set; } = [];
}

/// <summary>
/// Katsausteksti: what was done in a work package since the previous steering-group review, written for the
/// review. It belongs to the review period that contains its date (after the previous meeting, up to this one).
/// </summary>
public sealed class WorkPackageReviewNote
{
    public int Id { get; set; }
    public int WorkPackageId { get; set; }
    /// <summary>The review the account is written for (its meeting date, or the day it was written).</summary>
    public DateOnly Date { get; set; }
    public required string Text { get; set; }
}

public sealed class WorkPackageAssignment
{
    public int Id { get; set; }
    public int WorkPackageId { get; set; }
    public required string UserName { get; set; }
}

/// <summary>Tavoite.</summary>
public sealed class Goal
{
    public int Id { get; set; }
    public int WorkPackageId { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }
}

/// <summary>Tuotos.</summary>
public sealed class Output
{
    public int Id { get; set; }
    public int WorkPackageId { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }
}

/// <summary>Aikataulun virstanpylväs: "Kevät 2023: …". Due decides when it is overdue.</summary>
public sealed class Milestone
{
    public int Id { get; set; }
    public int WorkPackageId { get; set; }
    /// <summary>The period as the plan writes it, e.g. "Kevät 2023" or "8–12/2023".</summary>
    public required string Period { get; set; }
    public DateOnly? Due { get; set; }
    public required string Text { get; set; }
    public bool Done { get; set; }
}

/// <summary>Budjettirivi: planned cost, actual to date and forecast for one cost category.</summary>
public sealed class BudgetLine
{
    public int Id { get; set; }
    public int WorkPackageId { get; set; }
    public required string Category { get; set; }
    public decimal Planned { get; set; }
    public decimal Actual { get; set; }
    public decimal Forecast { get; set; }
    public string Note { get; set; } = "";
}

/// <summary>Hankinta.</summary>
public sealed class ProcurementLine
{
    public int Id { get; set; }
    public int WorkPackageId { get; set; }
    public required string Description { get; set; }
    public decimal Amount { get; set; }
    public string Status { get; set; } = "";
    public string Note { get; set; } = "";
}

/// <summary>
/// Riski. Score is stored as written in the plan so that a wrong product can be flagged.
/// A risk belongs to a work package, or — like the risk table of the national plan template — to the
/// programme as a whole (<see cref="ProgrammeId"/> set, <see cref="WorkPackageId"/> null).
/// </summary>
public sealed class Risk
{
    public int Id { get; set; }
    public int? WorkPackageId { get; set; }
    /// <summary>Set only for programme-level risks (DevelopmentProgramme.Risks).</summary>
    public int? ProgrammeId { get; set; }
    public required string Description { get; set; }
    public int Probability { get; set; }
    public int Impact { get; set; }
    public int Score { get; set; }
    public string Mitigation { get; set; } = "";
    public string Owner { get; set; } = "";
}

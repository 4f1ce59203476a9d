namespace Tilannekuva.Programme.Domain;

/// <summary>A development programme (hanke), e.g. "Kestävän kasvun Kainuu II", 2023–2025.</summary>
public sealed class DevelopmentProgramme
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    public string Funder { get; set; } = "";
    public string Description { get; set; } = "";
    public List<Pillar> Pillars { get; set; } = [];
    /// <summary>Programme-level indicators (WorkPackageId is null).</summary>
    public List<Metric> Metrics { get; set; } = [];
    /// <summary>Programme-level risks (the plan's risk table); work-package risks are under their work package.</summary>
    public List<Risk> Risks { get; set; } = [];
    public List<PlanChange> PlanChanges { get; set; } = [];
    public List<ReviewMeeting> ReviewMeetings { get; set; } = [];
}

/// <summary>Pilari: a pillar of the national recovery plan.</summary>
public sealed class Pillar
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public int Order { get; set; }
    public List<Investment> Investments { get; set; } = [];
}

/// <summary>Investointi: an investment under a pillar; owns the cost frame its work packages share.</summary>
public sealed class Investment
{
    public int Id { get; set; }
    public int PillarId { get; set; }
    [System.Text.Json.Serialization.JsonIgnore] public Pillar? Pillar { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public int Order { get; set; }
    /// <summary>The investment's cost estimate in the plan's cost table (kustannusarvio), euros.</summary>
    public decimal CostEstimate { get; set; }
    public List<WorkPackage> WorkPackages { get; set; } = [];
    /// <summary>The finance comments written for the reviews (talouden tilanne), one or more per review period.</summary>
    public List<InvestmentFinanceNote> FinanceNotes { get; set; } = [];
}

/// <summary>
/// Talouskommentti: the finance situation of an investment as told to one steering-group review (e.g. "the
/// forecast improved as procurements were made"). Belongs to the review period that contains its date.
/// </summary>
public sealed class InvestmentFinanceNote
{
    public int Id { get; set; }
    public int InvestmentId { get; set; }
    public DateOnly Date { get; set; }
    public required string Text { get; set; }
}

/// <summary>Steering-group meetings; "what changed since the last review" is measured from the previous one.</summary>
public sealed class ReviewMeeting
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public DateOnly Date { get; set; }
    public string Note { get; set; } = "";
}

public enum PlanChangeStatus
{
    InPreparation, // valmistelussa
    Approved,      // hyväksytty
}

/// <summary>Hankesuunnitelmamuutos: a change to the approved plan.</summary>
public sealed class PlanChange
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public int? WorkPackageId { get; set; }
    public required string Description { get; set; }
    public DateOnly Date { get; set; }
    public PlanChangeStatus Status { get; set; }
}

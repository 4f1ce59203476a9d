namespace Tilannekuva.Programme.Domain;

public enum MetricKind
{
    Percentage,
    Count,
    Nps,
    Scale,
    YesNo,
    Text,
}

/// <summary>Mittari of a work package, or of the programme when WorkPackageId is null.</summary>
public sealed class Metric
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public int? WorkPackageId { get; set; }
    public required string Name { get; set; }
    public MetricKind Kind { get; set; }
    public string Unit { get; set; } = "";
    public bool HigherIsBetter { get; set; } = true;
    public decimal? Baseline { get; set; }
    public string BaselineNote { get; set; } = "";
    /// <summary>Scale bounds for <see cref="MetricKind.Scale"/> (e.g. 1–5).</summary>
    public decimal? ScaleMin { get; set; }
    public decimal? ScaleMax { get; set; }
    /// <summary>Code of an indicator in the Indicators catalogue; its computed values replace typed ones where data exists.</summary>
    public string? IndicatorCode { get; set; }
    public List<MetricTarget> Targets { get; set; } = [];
    public List<Measurement> Measurements { get; set; } = [];
}

/// <summary>A target such as 66 % by Q2/2024. DuePeriod is a period code ("2024Q2", "2025", "2024-06").</summary>
public sealed class MetricTarget
{
    public int Id { get; set; }
    public int MetricId { get; set; }
    public decimal? Value { get; set; }
    public string? TextValue { get; set; }
    public string? DuePeriod { get; set; }
}

/// <summary>Mittaustulos: a dated value with its N and source.</summary>
public sealed class Measurement
{
    public int Id { get; set; }
    public int MetricId { get; set; }
    public DateOnly Date { get; set; }
    public decimal? Value { get; set; }
    public string? TextValue { get; set; }
    public int? N { get; set; }
    public string Source { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    /// <summary>When it was entered, for "what changed since the last review".</summary>
    public DateTimeOffset RecordedAt { get; set; }
}

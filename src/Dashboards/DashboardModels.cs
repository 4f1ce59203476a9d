using Tilannekuva.Dashboards.Domain;
using Tilannekuva.Programme.Domain;

namespace Tilannekuva.Dashboards;

/// <summary>An org unit as the dashboards name it.</summary>
public sealed record UnitRef(string Id, string Name, string Kind);

/// <summary>A target value due by the end of a period ("2025Q4"); <see cref="Programme"/> names the programme it comes from (null: the indicator definition).</summary>
public sealed record TargetRef(double Value, string Due, string? Programme = null);

/// <summary>A forecast quarter: the linear trend's value and its 80 % prediction interval.</summary>
public sealed record ForecastFigure(string Period, double Value, double? Low, double? High);

/// <summary>A sub-unit's part in the whole's result (see <see cref="PullDown"/>).</summary>
public sealed record AreaPull(UnitRef Unit, double? Value, double? Weight, bool Suppressed, double? Contribution);

/// <summary>
/// One programme-level indicator on the strategic dashboard: the region's quarterly values, the target due
/// next, the traffic light, the linear forecast to the due quarter, and which areas pull the result down.
/// <see cref="Source"/> is "catalogue" (targets from the indicator definition) or "programme" (a programme metric linked to the indicator).
/// </summary>
public sealed record StrategicItem(
    string Id,
    string IndicatorCode,
    IReadOnlyDictionary<string, string> Name,
    string Source,
    string? Programme,
    string Unit,
    bool HigherIsBetter,
    IReadOnlyList<Figure> Quarters,
    string? RunningQuarter,
    IReadOnlyList<TargetRef> Targets,
    TargetRef? Target,
    Figure? Latest,
    TrafficLight Light,
    LinearTrend? Trend,
    string? TrendOrigin,
    IReadOnlyList<ForecastFigure> Forecast,
    bool DuePassed,
    IReadOnlyList<AreaPull> Areas,
    TrajectoryJudgement? Judgement = null);

public sealed record StrategicDashboard(UnitRef Unit, IReadOnlyList<UnitRef> Path, IReadOnlyList<UnitRef> Children, DateOnly AsOf,
    int MinimumCellSize, double ForecastCoverage, IReadOnlyList<StrategicItem> Items);

/// <summary>A unit's value in the chosen period, the previous period's, the change and its rank among the units (1 = best).</summary>
public sealed record UnitRow(UnitRef Unit, bool Leaf, Figure Current, Figure? Previous, double? Change, int? Rank, TrafficLight Light);

public sealed record TacticalIndicator(string Code, IReadOnlyDictionary<string, string> Name, string Unit, bool HigherIsBetter,
    Figure Whole, Figure? WholePrevious, TargetRef? Target, TrafficLight WholeLight, IReadOnlyList<UnitRow> Units, TrajectoryJudgement? Judgement = null,
    IReadOnlyList<Figure>? History = null);

/// <summary>NPS and response count of one service point (suppressed under the minimum).</summary>
public sealed record FeedbackRow(string ServicePoint, string Name, UnitRef? Unit, int? Responses, double? Nps, bool Suppressed);

/// <summary>
/// Jonotilanne now, from the steering board's query: people on the waiting list, those past the care-guarantee limit,
/// today's callback requests still open and older ones overdue. Counts of 1 to the minimum − 1 are suppressed (0 is shown).
/// </summary>
public sealed record QueueRow(UnitRef Unit, bool Leaf, Figure Waiting, Figure PastLimit, Figure CallbacksOpen, Figure CallbacksOverdue);

public sealed record QueueSituation(DateTime At, int LimitDays, QueueRow Whole, IReadOnlyList<QueueRow> Units);

public sealed record TacticalDashboard(UnitRef Unit, IReadOnlyList<UnitRef> Path, string PeriodType, string? Period, string? PreviousPeriod,
    int MinimumCellSize, IReadOnlyList<TacticalIndicator> Indicators, IReadOnlyList<TacticalIndicator> Callbacks,
    DateOnly? FeedbackFrom, DateOnly? FeedbackTo, IReadOnlyList<FeedbackRow> Feedback, QueueSituation Queue);

/// <summary>One indicator's values for the unit, period by period (aligned with the dashboard's periods).</summary>
public sealed record OperationalRow(string Code, IReadOnlyDictionary<string, string> Name, string Unit, bool HigherIsBetter,
    IReadOnlyList<Figure> Values, TargetRef? Target, TrafficLight Light, Figure? Parent, TrajectoryJudgement? Judgement = null);

/// <summary>
/// Something for the unit manager to act on: "off_target" (latest complete period red or amber against the target due
/// next), "worsened" (worse than the period before by more than 10 %), "open_feedback" (open-text feedback not yet handled),
/// and from the steering board's query "callbacks_overdue" (requests from before today not called back) and "past_limit"
/// (people on the waiting list past the care-guarantee limit; <see cref="Reference"/> is the limit in days).
/// </summary>
public sealed record OpenItem(string Kind, string? IndicatorCode, string? ServicePoint, string? Period, double? Value, double? Reference,
    int? Count, DateOnly? Since, TrafficLight? Light, string? ServicePointName = null);

public sealed record OperationalDashboard(UnitRef Unit, IReadOnlyList<UnitRef> Path, string PeriodType, IReadOnlyList<string> Periods,
    string? LatestComplete, int MinimumCellSize, IReadOnlyList<OperationalRow> Rows, IReadOnlyList<OpenItem> OpenItems);

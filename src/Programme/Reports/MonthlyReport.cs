using System.Globalization;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Review;

namespace Tilannekuva.Programme.Reports;

/// <summary>Overall state of a work package in the monthly report (tilanne).</summary>
public enum WorkPackageState
{
    /// <summary>No action has started (all planned or without a status).</summary>
    NotStarted,
    OnTrack,
    /// <summary>A postponed or discontinued action, an overdue milestone or a metric in red.</summary>
    NeedsAttention,
    /// <summary>Every action done or cancelled.</summary>
    Completed,
}

/// <summary>One work package in the monthly report (kuukausiraportti).</summary>
public sealed record MonthlyReportRow(
    string Pillar, string Investment, string Code, string Title, string Responsible,
    IReadOnlyDictionary<ActionStatus, int> ActionCounts, int ActionsWithoutStatus, WorkPackageState State,
    decimal Planned, decimal Actual, decimal Forecast, decimal? UsePercent,
    int MetricsOnTrack, int MetricsOffTrack, int MetricsNoData);

/// <summary>
/// Kuukausiraportti: one row per work package with action counts by current status, a status summary, budget
/// planned / actual / forecast and use % (actual / planned), and metric counts from <see cref="MetricAssessment"/>
/// (on track = green; off track = amber or red; no data = grey).
/// </summary>
/// <remarks>
/// CSV is UTF-8 with a byte-order mark (so Excel reads ä and ö). The separator and number format follow the
/// culture: where the decimal separator is a comma (fi, sv) the fields are separated by <c>;</c> and numbers
/// written with a decimal comma ("1234,50"); otherwise (en) by <c>,</c> with a decimal point ("1234.50").
/// Numbers carry no thousands separator. XLSX cells hold real numbers; only the headers are localised.
/// </remarks>
public static class MonthlyReport
{
    public static IReadOnlyList<MonthlyReportRow> Rows(DevelopmentProgramme p, DateOnly asOf, Func<Metric, IReadOnlyList<Measurement>?>? computed = null) =>
        Rows(ReviewBuilder.Build(p, asOf, computed));

    public static IReadOnlyList<MonthlyReportRow> Rows(ReviewModel model) =>
        model.WorkPackages.Select(Row).ToList().AsReadOnly();

    private static MonthlyReportRow Row(WorkPackageView w)
    {
        var counts = Enum.GetValues<ActionStatus>().ToDictionary(s => s, s => w.Actions.Count(a => a.Status == s));
        var lights = w.Metrics.Select(m => m.Light).ToList();
        return new MonthlyReportRow(
            w.PillarCode, w.InvestmentCode, w.Code, w.Title,
            w.Responsible.Length > 0 ? w.Responsible : string.Join(", ", w.Assignees),
            counts, w.Actions.Count(a => a.Status is null), State(w),
            w.Budget.Planned, w.Budget.Actual, w.Budget.Forecast, w.Budget.UsePercent,
            lights.Count(l => l == TrafficLight.Green),
            lights.Count(l => l is TrafficLight.Amber or TrafficLight.Red),
            lights.Count(l => l == TrafficLight.Grey));
    }

    public static WorkPackageState State(WorkPackageView w)
    {
        if (w.Actions.Count > 0 && w.Actions.All(a => a.Status is ActionStatus.Done or ActionStatus.Cancelled))
            return WorkPackageState.Completed;
        if (w.OverdueMilestones > 0 || w.Metrics.Any(m => m.Light == TrafficLight.Red)
            || w.Actions.Any(a => a.Status is ActionStatus.Postponed or ActionStatus.Discontinued))
            return WorkPackageState.NeedsAttention;
        if (w.Actions.All(a => a.Status is null or ActionStatus.Planned))
            return WorkPackageState.NotStarted;
        return WorkPackageState.OnTrack;
    }

    /// <summary>Localised column headers in the order the files use.</summary>
    public static IReadOnlyList<string> Headers(CultureInfo c) =>
    [
        Texts.Get("Monthly.Pillar", c), Texts.Get("Monthly.Investment", c), Texts.Get("Monthly.Code", c),
        Texts.Get("Monthly.Title", c), Texts.Get("Monthly.Responsible", c),
        .. Enum.GetValues<ActionStatus>().Select(s => Texts.Get($"Monthly.Actions.{s}", c)),
        Texts.Get("Monthly.Actions.NoStatus", c), Texts.Get("Monthly.Status", c),
        Texts.Get("Monthly.Planned", c), Texts.Get("Monthly.Actual", c), Texts.Get("Monthly.Forecast", c), Texts.Get("Monthly.UsePercent", c),
        Texts.Get("Monthly.MetricsOnTrack", c), Texts.Get("Monthly.MetricsOffTrack", c), Texts.Get("Monthly.MetricsNoData", c),
    ];

    private static object?[] Values(MonthlyReportRow r, CultureInfo c) =>
    [
        r.Pillar, r.Investment, r.Code, r.Title, r.Responsible,
        .. Enum.GetValues<ActionStatus>().Select(s => (object?)r.ActionCounts[s]),
        r.ActionsWithoutStatus, Texts.Get($"Monthly.State.{r.State}", c),
        r.Planned, r.Actual, r.Forecast, r.UsePercent,
        r.MetricsOnTrack, r.MetricsOffTrack, r.MetricsNoData,
    ];

    /// <summary>Writes the CSV (see <see cref="TableWriter"/> for separator, decimal mark and encoding). The stream is left open.</summary>
    public static void WriteCsv(IReadOnlyList<MonthlyReportRow> rows, Stream output, CultureInfo culture) =>
        TableWriter.WriteCsv(Headers(culture), rows.Select(r => Values(r, culture)), output, culture);

    /// <summary>Writes the XLSX: one sheet, localised headers, numbers as numbers. The stream is left open.</summary>
    public static void WriteXlsx(IReadOnlyList<MonthlyReportRow> rows, Stream output, CultureInfo culture) =>
        TableWriter.WriteXlsx(Headers(culture), rows.Select(r => Values(r, culture)), output, Texts.Get("Monthly.SheetName", culture));
}

using Microsoft.Extensions.Options;
using Tilannekuva.Boards.Figures;
using Tilannekuva.Dashboards.Domain;
using Tilannekuva.Feedback.Reporting;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Results;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Storage;

namespace Tilannekuva.Dashboards;

/// <summary>
/// Builds the three dashboards from the indicator engine's stored values (never computing an indicator
/// itself), the feedback results and the programme's linked metrics. Every figure passes the minimum cell size.
/// </summary>
public sealed class DashboardBuilder(IndicatorResults results, IFeedbackIndicators feedbackIndicators, FeedbackResults feedback,
    FeedbackOverview overview, ProgrammeDbContext programme, BoardQuery board, BoardSettings boardSettings, TimeProvider clock, IOptions<DashboardOptions> options)
{
    /// <summary>Indicators of the callback situation on the tactical and operational dashboards.</summary>
    public static readonly string[] CallbackCodes = ["callback_same_day_share", "callback_delay_median", "callback_delay_p90"];

    /// <summary>Quarters the forecast line is fitted to (the newest complete ones).</summary>
    public const int FitQuarters = 8;

    /// <summary>Relative worsening from one period to the next that makes an open item.</summary>
    public const double WorsenedShare = 0.10;

    public CellSize Cells { get; } = new(Math.Max(1, options.Value.MinimumCellSize));

    private DashboardOptions Options => options.Value;

    private sealed record Source(string Id, string Code, IReadOnlyDictionary<string, string> Name, string Origin, string? Programme,
        string Unit, bool HigherIsBetter, IReadOnlyList<TargetRef> Targets, IndicatorDefinition? Definition);

    /// <summary>
    /// The programme-level indicators: every programme metric linked to an indicator, then the catalogue indicators with targets
    /// that no programme metric with its own target governs. One target per measure: a programme's target and due period govern
    /// within the programme; the catalogue's target shows only where the programme has none, and says so (<c>Origin</c> "catalogue").
    /// </summary>
    private async Task<List<Source>> SourcesAsync(CancellationToken ct)
    {
        var list = new List<Source>();
        var linked = await programme.IndicatorLinkedMetricsAsync(ct);
        static List<TargetRef> Own(Metric m, string programmeName) => m.Targets.Where(t => t.Value is not null && t.DuePeriod is not null)
            .Select(t => new TargetRef((double)t.Value!.Value, t.DuePeriod!, programmeName)).ToList();
        foreach (var (metric, name) in linked)
        {
            var code = metric.IndicatorCode!;
            var d = IndicatorCatalogue.All.FirstOrDefault(x => x.Code == code);
            var f = feedbackIndicators.Definitions.FirstOrDefault(x => x.Code == code);
            if (d is null && f is null) continue;
            var names = new Dictionary<string, string> { ["fi"] = metric.Name, ["sv"] = metric.Name, ["en"] = metric.Name };
            var own = Own(metric, name);
            var targets = own.Count > 0 ? own : d?.Targets.Select(t => new TargetRef(t.Value, t.Due)).ToList() ?? [];
            list.Add(new Source($"metric-{metric.Id}", code, names, own.Count > 0 ? "programme" : "catalogue", name,
                d?.Unit ?? (code == FeedbackIndicators.Nps ? "nps" : f!.Unit), metric.HigherIsBetter, targets, d));
        }
        var governed = linked.Where(x => Own(x.Metric, x.Programme).Count > 0).Select(x => x.Metric.IndicatorCode!).ToHashSet();
        var covered = list.Select(x => x.Code).ToHashSet();
        list.AddRange(IndicatorCatalogue.All.Where(d => d.Targets.Count > 0 && !governed.Contains(d.Code) && !covered.Contains(d.Code))
            .Select(d => new Source("catalogue-" + d.Code, d.Code, d.Name, "catalogue", null, d.Unit, d.Direction == Direction.HigherIsBetter,
                d.Targets.Select(t => new TargetRef(t.Value, t.Due)).ToList(), d)));
        return list;
    }

    /// <summary>Catalogue codes on the tactical and operational levels: the strategic ones that the engine computes per unit.</summary>
    private async Task<List<IndicatorDefinition>> KeyIndicatorsAsync(CancellationToken ct) =>
        (await SourcesAsync(ct)).Where(s => s.Definition is not null).Select(s => s.Definition!)
            .DistinctBy(d => d.Code).Where(d => !CallbackCodes.Contains(d.Code)).ToList();

    /// <summary>The governing targets per code: a programme metric's own, else the definition's (the same as on the strategic view).</summary>
    private async Task<Dictionary<string, IReadOnlyList<TargetRef>>> TargetsAsync(CancellationToken ct) =>
        (await SourcesAsync(ct)).Where(s => s.Targets.Count > 0).GroupBy(s => s.Code)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Origin == "programme" ? 0 : 1).First().Targets);

    private static UnitRef Ref(OrgUnit u) => new(u.SourceId, u.Name, Codes.Of(u.Kind));

    private async Task<(OrgUnit? Unit, List<UnitRef> Path)> UnitAsync(string? unitId, CancellationToken ct)
    {
        var unit = unitId is { Length: > 0 } ? await results.UnitAsync(unitId, ct) : (await results.RootsAsync(ct)).FirstOrDefault();
        if (unit is null) return (null, []);
        return (unit, (await results.PathAsync(unit.SourceId, ct)).Select(Ref).ToList());
    }

    private Figure Fig(ResultPoint p) => Cells.Of(p.PeriodCode, p.Value, p.N);

    /// <summary>The target that governs now: the one due next, else the last one (all past).</summary>
    public static TargetRef? Governing(IReadOnlyList<TargetRef> targets, DateOnly asOf)
    {
        var dated = targets.Select(t => (Target: t, Ok: Programme.Domain.Period.TryParse(t.Due, out var p), End: p.End))
            .Where(t => t.Ok).OrderBy(t => t.End).ToList();
        return dated.FirstOrDefault(t => t.End >= asOf).Target ?? (dated.Count > 0 ? dated[^1].Target : null);
    }

    /// <summary>
    /// The shared light rule (<see cref="TrajectoryRule"/>) on a series of one period type: the newest complete, shown values up to
    /// <paramref name="upTo"/> (at most <see cref="TrajectoryRule.FitPoints"/>), continued to the period the governing target is due in.
    /// </summary>
    public static (TrajectoryJudgement Judgement, TargetRef? Target) Trajectory(IReadOnlyList<TargetRef> targets, bool higherIsBetter,
        string type, IEnumerable<Figure> series, string? upTo, DateOnly asOf)
    {
        var target = Governing(targets, asOf);
        var points = series.Where(f => f.Value is not null && !f.Suppressed && PeriodCode.TryParse(type, f.Period, out var p) && p.CompleteBy(asOf)
                && (upTo is null || string.CompareOrdinal(f.Period, upTo) <= 0))
            .Select(f => (Period: PeriodCode.Parse(type, f.Period), Value: f.Value!.Value)).OrderBy(x => x.Period.Start).TakeLast(TrajectoryRule.FitPoints).ToList();
        if (target is null || !Programme.Domain.Period.TryParse(target.Due, out var due))
            return (TrajectoryRule.Judge([], null, null, null, higherIsBetter, false), target);
        var origin = points.Count > 0 ? points[0].Period.Index : 0;
        var dueIndex = PeriodCode.Of(type, due.End).Index - origin;
        return (TrajectoryRule.Judge(points.Select(x => ((double)(x.Period.Index - origin), x.Value)).ToList(), target.Value, dueIndex, due.End,
            higherIsBetter, due.End < asOf), target);
    }

    // ---- strategic ---------------------------------------------------------------------------

    public async Task<StrategicDashboard?> StrategicAsync(string? unitId, DateOnly asOf, CancellationToken ct = default)
    {
        var (unit, path) = await UnitAsync(unitId, ct);
        if (unit is null) return null;
        var children = await results.ChildrenAsync(unit.SourceId, ct);
        var sources = await SourcesAsync(ct);
        var codes = sources.Where(s => s.Definition is not null).Select(s => s.Code).Distinct().ToList();
        var own = await results.TotalsAsync(codes, PeriodCode.Quarter, [unit.SourceId], ct: ct);
        var byChild = await results.TotalsAsync(codes, PeriodCode.Quarter, children.Select(c => c.SourceId).ToList(), ct: ct);
        var items = new List<StrategicItem>();
        foreach (var s in sources)
        {
            List<(ResultPoint Point, bool Suppressed)> series;
            if (s.Definition is not null)
                series = own[s.Code].Select(p => (p, Cells.Hides(p.N))).ToList();
            else
            {
                var from = new DateOnly(asOf.Year - 3, 1, 1);
                series = (await feedbackIndicators.ComputeAsync(s.Code, from, asOf, Breakdown.Quarter, byServicePoint: false, ct: ct))
                    .Where(v => v.Period.Length > 0)
                    .Select(v => (new ResultPoint(v.Period, unit.SourceId, "", v.Value, 0, null, v.Responses), v.Suppressed || Cells.Hides(v.Responses)))
                    .OrderBy(v => v.Item1.PeriodCode, StringComparer.Ordinal).ToList();
            }
            var quarters = series.Select(x => x.Suppressed ? new Figure(x.Point.PeriodCode, null, null, true) : Fig(x.Point)).ToList();
            var running = quarters.Select(q => PeriodCode.Parse(PeriodCode.Quarter, q.Period)).Where(q => !q.CompleteBy(asOf)).Select(q => q.Code).LastOrDefault();
            var usable = quarters.Where(q => q.Value is not null && q.Period != running && PeriodCode.Parse(PeriodCode.Quarter, q.Period).CompleteBy(asOf)).ToList();
            var latest = usable.LastOrDefault();
            var (judgement, target) = Trajectory(s.Targets, s.HigherIsBetter, PeriodCode.Quarter, usable, null, asOf);
            var light = judgement.Light;

            // Linear forecast from the newest complete quarters to the quarter the target is due.
            var fit = usable.TakeLast(FitQuarters).ToList();
            var origin = fit.Count > 0 ? PeriodCode.Parse(PeriodCode.Quarter, fit[0].Period) : default;
            var trend = fit.Count >= 2 ? LinearTrend.Fit(fit.Select(q => ((double)(PeriodCode.Parse(PeriodCode.Quarter, q.Period).Index - origin.Index), q.Value!.Value)).ToList()) : null;
            var forecast = new List<ForecastFigure>();
            var duePassed = false;
            if (target is not null && Programme.Domain.Period.TryParse(target.Due, out var due))
            {
                var dueQuarter = PeriodCode.Of(PeriodCode.Quarter, due.End);
                duePassed = due.End < asOf;
                if (trend is not null && !duePassed)
                {
                    var last = PeriodCode.Parse(PeriodCode.Quarter, fit[^1].Period);
                    for (var q = last.Next(); q.Index <= dueQuarter.Index && forecast.Count < 16; q = q.Next())
                    {
                        var p = trend.Predict(q.Index - origin.Index);
                        forecast.Add(new ForecastFigure(q.Code, p.Value, p.Low, p.High));
                    }
                }
            }

            // Which areas pull the latest complete quarter down.
            var areas = new List<AreaPull>();
            if (s.Definition is { } d && latest?.Value is { } whole)
            {
                var ratio = d.Shape == IndicatorShape.Ratio && d.Denominator.Constant is null;
                var points = children.Select(c => byChild[s.Code].FirstOrDefault(x => x.OrgUnitId == c.SourceId && x.PeriodCode == latest.Period)).ToList();
                var hidden = Cells.Hidden(points.Select(p => p?.N).ToList()); // areas add up to the region: complementary suppression
                var parts = children.Select((c, k) =>
                {
                    var p = points[k];
                    var weight = p is null ? 0 : ratio && p.Denominator is { } den ? den : p.N;
                    return (c.SourceId, p?.Value, weight, p is not null && hidden[k]);
                }).ToList();
                areas = PullDown.Rank(whole, s.HigherIsBetter, parts)
                    .Select(x => new AreaPull(Ref(children.First(c => c.SourceId == x.UnitId)), x.Value, x.Weight, x.Suppressed, x.Contribution)).ToList();
            }
            items.Add(new StrategicItem(s.Id, s.Code, s.Name, s.Origin, s.Programme, s.Unit, s.HigherIsBetter, quarters, running, s.Targets, target,
                latest, light, trend, fit.Count > 0 ? origin.Code : null, forecast, duePassed, areas, judgement));
        }
        return new StrategicDashboard(Ref(unit), path, children.Select(Ref).ToList(), asOf, Cells.Minimum, LinearTrend.Coverage, items);
    }

    // ---- tactical ----------------------------------------------------------------------------

    public async Task<TacticalDashboard?> TacticalAsync(string? unitId, string? periodType, DateOnly asOf, CancellationToken ct = default)
    {
        var (unit, path) = await UnitAsync(unitId, ct);
        if (unit is null) return null;
        var type = periodType is PeriodCode.Month or PeriodCode.Quarter or PeriodCode.Week ? periodType : PeriodCode.Quarter;
        // The units of an area are its service units (terveysasemat), below its municipalities; else its children.
        var units = await results.DescendantsAsync(unit.SourceId, OrgUnitKind.Unit, ct);
        if (units.Count == 0) units = await results.ChildrenAsync(unit.SourceId, ct);
        var leaves = new HashSet<string>(units.Where(u => u.Kind is OrgUnitKind.Unit or OrgUnitKind.Team).Select(u => u.SourceId));
        var key = (await KeyIndicatorsAsync(ct)).Where(d => Has(d, type)).ToList();
        var callbacks = CallbackCodes.Select(code => IndicatorCatalogue.All.FirstOrDefault(x => x.Code == code)).OfType<IndicatorDefinition>().Where(d => Has(d, type)).ToList();
        var all = key.Concat(callbacks).ToList();
        var codes = all.Select(d => d.Code).ToList();
        var whole = await results.TotalsAsync(codes, type, [unit.SourceId], ct: ct);
        // The chosen period: the newest complete one in which the unit has any of the values.
        var period = whole.SelectMany(g => g).Where(p => p.Value is not null)
            .Select(p => PeriodCode.Parse(type, p.PeriodCode)).Where(p => p.CompleteBy(asOf)).OrderBy(p => p.Start).LastOrDefault();
        string? current = period.Code, previous = null;
        var byUnit = await results.TotalsAsync(codes, type, units.Select(u => u.SourceId).ToList(), ct: ct);
        var targets = await TargetsAsync(ct);
        if (current is not null)
            previous = whole.SelectMany(g => g).Select(p => PeriodCode.Parse(type, p.PeriodCode)).Where(p => p.Index == period.Index - 1).Select(p => p.Code).FirstOrDefault()
                ?? byUnit.SelectMany(g => g).Select(p => PeriodCode.Parse(type, p.PeriodCode)).Where(p => p.Index == period.Index - 1).Select(p => p.Code).FirstOrDefault();

        TacticalIndicator Build(IndicatorDefinition d)
        {
            var higher = d.Direction == Direction.HigherIsBetter;
            var t = targets.GetValueOrDefault(d.Code) ?? [];
            Figure At(IEnumerable<ResultPoint> ps, string? code) =>
                code is null ? Figure.Missing("") : ps.FirstOrDefault(p => p.PeriodCode == code) is { } p ? Fig(p) : Figure.Missing(code);
            var w = At(whole[d.Code], current);
            // Units add up to the area's total shown above them: hide small units together (complementary suppression).
            ResultPoint? Raw(OrgUnit u, string? code) => code is null ? null : byUnit[d.Code].FirstOrDefault(p => p.OrgUnitId == u.SourceId && p.PeriodCode == code);
            var curRaw = units.Select(u => Raw(u, current)).ToList();
            var prevRaw = units.Select(u => Raw(u, previous)).ToList();
            var curHidden = Cells.Hidden(curRaw.Select(p => p?.N).ToList());
            var prevHidden = Cells.Hidden(prevRaw.Select(p => p?.N).ToList());
            var rows = units.Select((u, k) =>
            {
                var cur = curRaw[k] is { } c ? Cells.Of(c.PeriodCode, c.Value, c.N, curHidden[k]) : Figure.Missing(current ?? "");
                var prev = previous is null ? null : prevRaw[k] is { } q ? Cells.Of(q.PeriodCode, q.Value, q.N, prevHidden[k]) : Figure.Missing(previous);
                double? change = cur.Value is { } a && prev?.Value is { } b ? a - b : null;
                // Judged on the unit's own series against the governing target; a hidden value gets no light (it would hint at it).
                var series = byUnit[d.Code].Where(p => p.OrgUnitId == u.SourceId).Select(p => Cells.Of(p.PeriodCode, p.Value, p.N));
                var light = cur.Value is null ? TrafficLight.Grey : Trajectory(t, higher, type, series, current, asOf).Judgement.Light;
                return (u, cur, prev, change, light);
            }).ToList();
            var ranked = rows.Where(r => r.cur.Value is not null).OrderBy(r => higher ? -r.cur.Value!.Value : r.cur.Value!.Value).ThenBy(r => r.u.Name, StringComparer.Ordinal)
                .Select((r, i) => (r.u.SourceId, Rank: i + 1)).ToDictionary(x => x.SourceId, x => x.Rank);
            var list = rows.Select(r => new UnitRow(Ref(r.u), leaves.Contains(r.u.SourceId), r.cur, r.prev, r.change, ranked.TryGetValue(r.u.SourceId, out var k) ? k : null, r.Item5))
                .OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Unit.Name, StringComparer.Ordinal).ToList();
            var wl = Trajectory(t, higher, type, whole[d.Code].Select(Fig), current, asOf);
            return new TacticalIndicator(d.Code, d.Name, d.Unit, higher, w, previous is null ? null : At(whole[d.Code], previous), wl.Target, wl.Judgement.Light, list, wl.Judgement,
                whole[d.Code].Select(Fig).Where(f => current is null || string.CompareOrdinal(f.Period, current) <= 0).TakeLast(8).ToList());
        }

        // Feedback of the service points that belong to the unit's subtree, over the same period.
        var feedbackRows = new List<FeedbackRow>();
        DateOnly? from = null, to = null;
        if (current is not null)
        {
            var span = PeriodCode.Parse(type, current);
            (from, to) = (span.Start, span.End);
            var subtree = (await results.DescendantsAsync(unit.SourceId, ct: ct)).Append(unit).ToList();
            var points = (await overview.ServicePointsAsync(ct)).Select(sp => (sp, Unit: UnitOf(sp, subtree))).Where(x => x.Unit is not null).ToList();
            var rows = (await feedback.ByAsync(new ResultFilter(span.Start, span.End), Breakdown.ServicePoint, ct)).ToDictionary(r => r.Key);
            foreach (var (sp, u) in points)
            {
                var row = rows.GetValueOrDefault(sp.Code);
                var n = row?.Nps.N ?? 0;
                var hidden = row is null ? Cells.Hides(0) : row.Suppressed || Cells.Hides(n);
                feedbackRows.Add(new FeedbackRow(sp.Code, sp.Name, Ref(u!), hidden ? null : n, hidden ? null : row?.Nps.Nps, hidden));
            }
        }
        return new TacticalDashboard(Ref(unit), path, type, current, previous, Cells.Minimum,
            key.Select(Build).ToList(), callbacks.Select(Build).ToList(), from, to, feedbackRows, await QueueAsync(unit, units, leaves, ct));
    }

    /// <summary>The queue situation now, by the steering board's own query (the same figures as the boards), per unit and for the whole.</summary>
    private async Task<QueueSituation> QueueAsync(OrgUnit whole, IReadOnlyList<OrgUnit> units, HashSet<string> leaves, CancellationToken ct)
    {
        var now = BoardQuery.WallClock(clock, boardSettings);
        var all = new List<(OrgUnit Unit, BoardFigures Figures)>();
        foreach (var u in units.Prepend(whole))
            all.Add((u, await board.FiguresAsync([u.SourceId], now, int.MaxValue, ct)));
        // Counts of people or requests: 0 is shown; 1 … minimum − 1 are hidden, with complementary hiding among the units.
        Figure[] Column(Func<BoardFigures, int> pick)
        {
            var counts = all.Skip(1).Select(x => (long)pick(x.Figures)).ToList();
            var hidden = Cells.Hidden(counts.Select(c => c == 0 ? (long?)null : c).ToList());
            var total = pick(all[0].Figures);
            return [total > 0 && Cells.Hides(total) ? new Figure("", null, null, true) : new Figure("", total, total, false),
                .. counts.Select((c, i) => hidden[i] ? new Figure("", null, null, true) : new Figure("", c, c, false))];
        }
        var waiting = Column(f => f.WaitingList.Open);
        var past = Column(f => f.WaitingList.PastLimit);
        var open = Column(f => f.Callbacks.OpenToday);
        var overdue = Column(f => f.Callbacks.Overdue);
        var rows = all.Select((x, i) => new QueueRow(Ref(x.Unit), leaves.Contains(x.Unit.SourceId), waiting[i], past[i], open[i], overdue[i])).ToList();
        return new QueueSituation(now, boardSettings.CareGuaranteeDays, rows[0], rows.Skip(1).ToList());
    }

    /// <summary>Whether the engine computes the indicator for a period type ("week", "month" …).</summary>
    private static bool Has(IndicatorDefinition d, string periodType) => d.PeriodTypes.Any(p => SqlCompiler.Code(p) == periodType);

    /// <summary>
    /// The org unit a feedback service point belongs to: configured here, else the service point's own org unit
    /// (set in the Feedback module), else the unit with the same id, else the one with the same name.
    /// </summary>
    private OrgUnit? UnitOf(ServicePointInfo sp, IReadOnlyList<OrgUnit> units) =>
        Options.ServicePointUnits.TryGetValue(sp.Code, out var id) ? units.FirstOrDefault(u => u.SourceId == id)
        : sp.OrgUnitId is { Length: > 0 } own ? units.FirstOrDefault(u => u.SourceId == own)
        : units.FirstOrDefault(u => u.SourceId == sp.Code) ?? units.FirstOrDefault(u => string.Equals(u.Name, sp.Name, StringComparison.OrdinalIgnoreCase));

    // ---- operational -------------------------------------------------------------------------

    public async Task<OperationalDashboard?> OperationalAsync(string? unitId, DateOnly asOf, CancellationToken ct = default)
    {
        var (unit, path) = await UnitAsync(unitId, ct);
        if (unit is null) return null;
        // Week by week; a store whose values were computed before weeks existed falls back to months.
        var type = await results.HasPeriodTypeAsync(PeriodCode.Week, ct) ? PeriodCode.Week : PeriodCode.Month;
        // Indicators computed for the period type only (failure demand, for one, is not followed weekly).
        var defs = (await KeyIndicatorsAsync(ct)).Concat(CallbackCodes.Select(code => IndicatorCatalogue.All.FirstOrDefault(x => x.Code == code)).OfType<IndicatorDefinition>())
            .Where(d => Has(d, type)).ToList();
        var codes = defs.Select(d => d.Code).ToList();
        var own = await results.TotalsAsync(codes, type, [unit.SourceId], ct: ct);
        var parent = unit.ParentId is { } pid ? await results.TotalsAsync(codes, type, [pid], ct: ct) : null;
        var targets = await TargetsAsync(ct);
        var newest = own.SelectMany(g => g).Where(p => p.Value is not null).Select(p => PeriodCode.Parse(type, p.PeriodCode)).OrderBy(p => p.Start).LastOrDefault();
        var periods = new List<PeriodCode>();
        if (newest.Code is not null)
        {
            var firstIndex = newest.Index - Math.Max(1, Options.OperationalPeriods) + 1;
            var p = newest;
            for (var i = 0; i < Options.OperationalPeriods && p.Index >= firstIndex; i++)
            {
                periods.Insert(0, p);
                p = PeriodCode.Of(type, p.Start.AddDays(-1));
            }
        }
        var latestComplete = periods.LastOrDefault(p => p.CompleteBy(asOf));
        var rows = new List<OperationalRow>();
        var items = new List<OpenItem>();
        foreach (var d in defs)
        {
            var higher = d.Direction == Direction.HigherIsBetter;
            var values = periods.Select(p => own[d.Code].FirstOrDefault(x => x.PeriodCode == p.Code) is { } x ? Fig(x) : Figure.Missing(p.Code)).ToList();
            var t = targets.GetValueOrDefault(d.Code) ?? [];
            var latest = latestComplete.Code is null ? null : values.FirstOrDefault(v => v.Period == latestComplete.Code);
            var (judgement, target) = Trajectory(t, higher, type, values, latestComplete.Code, asOf);
            var light = latest?.Value is null ? TrafficLight.Grey : judgement.Light;
            var parentFigure = latestComplete.Code is null || parent is null ? null
                : parent[d.Code].FirstOrDefault(x => x.PeriodCode == latestComplete.Code) is { } pp ? Fig(pp) : null;
            rows.Add(new OperationalRow(d.Code, d.Name, d.Unit, higher, values, target, light, parentFigure, judgement));
            if (latest?.Value is { } v)
            {
                if (light is TrafficLight.Red or TrafficLight.Amber)
                    items.Add(new OpenItem("off_target", d.Code, null, latest.Period, v, target?.Value, null, null, light));
                var before = values.TakeWhile(x => x.Period != latest.Period).LastOrDefault();
                if (before?.Value is { } b && b != 0 && (higher ? b - v : v - b) / Math.Abs(b) > WorsenedShare)
                    items.Add(new OpenItem("worsened", d.Code, null, latest.Period, v, b, null, null, null));
            }
        }
        // From the steering board's query: callbacks overdue and people past the care-guarantee limit, now.
        var figures = await board.FiguresAsync([unit.SourceId], BoardQuery.WallClock(clock, boardSettings), int.MaxValue, ct);
        if (figures.Callbacks.Overdue > 0)
            items.Add(new OpenItem("callbacks_overdue", null, null, null, null, null, figures.Callbacks.Overdue, null, null));
        if (figures.WaitingList.PastLimit > 0)
            items.Add(new OpenItem("past_limit", null, null, null, null, figures.WaitingList.LimitDays, figures.WaitingList.PastLimit, null, null));
        // Open-text feedback of the unit's own service points that nobody has handled yet.
        var subtree = (await results.DescendantsAsync(unit.SourceId, ct: ct)).Append(unit).ToList();
        var unitPoints = (await overview.ServicePointsAsync(ct)).Where(sp => UnitOf(sp, subtree) is not null).ToList();
        var points = unitPoints.Select(sp => sp.Code).ToList();
        if (points.Count > 0)
            foreach (var c in await overview.OpenCommentsAsync(points, ct))
                items.Add(new OpenItem("open_feedback", null, c.ServicePoint, null, null, null, c.Count, c.Oldest, null,
                    unitPoints.FirstOrDefault(sp => sp.Code == c.ServicePoint)?.Name));
        return new OperationalDashboard(Ref(unit), path, type, periods.Select(p => p.Code).ToList(), latestComplete.Code, Cells.Minimum, rows, items);
    }
}

using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.Indicators.Computation;

/// <summary>
/// Computes indicators in plain C# from the canonical rows, independently of the SQL, so tests can
/// hold the database's numbers against it. Slow and memory-hungry by design: clarity first.
/// </summary>
public static class ReferenceEvaluator
{
    public static async Task<IReadOnlyList<IndicatorValue>> EvaluateAsync(IndicatorsDbContext db, IEnumerable<IndicatorDefinition> definitions, CancellationToken ct = default)
    {
        var ancestors = (await db.OrgUnitAncestors.AsNoTracking().ToListAsync(ct)).ToLookup(a => a.UnitId, a => a.AncestorId);
        var facts = new Dictionary<string, IReadOnlyList<Fact>>();
        var results = new List<IndicatorValue>();
        foreach (var d in definitions)
        {
            if (!facts.TryGetValue(d.Source, out var rows)) facts[d.Source] = rows = await LoadAsync(db, d.Source, ct);
            results.AddRange(Evaluate(d, rows, ancestors));
        }
        return results;
    }

    public static async Task<IReadOnlyList<Fact>> LoadAsync(IndicatorsDbContext db, string source, CancellationToken ct = default)
    {
        var visits = source is "visit" or "visit_or_contact" ? await db.Visits.AsNoTracking().ToListAsync(ct) : [];
        var contacts = source is "contact" or "visit_or_contact" ? await db.Contacts.AsNoTracking().ToListAsync(ct) : [];
        switch (source)
        {
            case "visit":
                var assessed = await db.Assessments.AsNoTracking().ToDictionaryAsync(a => a.SourceId, a => DateOnly.FromDateTime(a.AssessedAt), ct);
                return visits.Select(v => new Fact
                {
                    UnitId = v.UnitId, At = v.OccurredAt, EventKind = "visit", Person = v.PersonPseudonym,
                    Urgency = Codes.Of(v.Urgency), ContactMode = Codes.Of(v.ContactMode), Profession = Codes.Of(v.Profession),
                    Service = Codes.Of(v.Service), Practitioner = v.Practitioner, CarePlanVisit = v.CarePlanVisit, CertificateOnly = v.CertificateOnly,
                    AssessmentDate = v.AssessmentDate ?? (v.AssessmentSourceId is { } id && assessed.TryGetValue(id, out var a) ? a : null),
                }).ToList();
            case "contact":
                return contacts.Select(c => new Fact
                {
                    UnitId = c.UnitId, At = c.ReceivedAt, EventKind = "contact", ContactMode = Codes.Of(c.Channel), Outcome = Codes.Of(c.Outcome),
                    DemandClass = c.DemandClass is { } dc ? Codes.Of(dc) : null, HandlingMinutes = c.HandlingMinutes,
                    CallbackRequestedAt = c.CallbackRequestedAt, CallbackDoneAt = c.CallbackDoneAt,
                    CallbackDueDay = c.CallbackRequestedAt is { } r ? Calendar.FinnishWorkingDays.DueDay(DateOnly.FromDateTime(r)) : null,
                }).ToList();
            case "visit_or_contact":
                return visits.Select(v => new Fact { UnitId = v.UnitId, At = v.OccurredAt, EventKind = "visit", ContactMode = Codes.Of(v.ContactMode), Profession = Codes.Of(v.Profession) })
                    .Concat(contacts.Select(c => new Fact { UnitId = c.UnitId, At = c.ReceivedAt, EventKind = "contact", ContactMode = Codes.Of(c.Channel) }))
                    .ToList();
            case "t3_measurement":
                var slots = await db.Slots.AsNoTracking().Where(x => !x.IsBooked && x.BookableBy == "public").ToListAsync(ct);
                return slots.Where(x => x.StartsAt >= x.ObservedAt)
                    .GroupBy(x => (x.UnitId, x.Profession, x.ObservedAt))
                    .Select(g => g.OrderBy(x => x.StartsAt).Skip(2).FirstOrDefault())
                    .Where(third => third is not null)
                    .Select(third => new Fact
                    {
                        UnitId = third!.UnitId, At = third.ObservedAt, EventKind = "t3", Profession = Codes.Of(third.Profession),
                        T3Days = DateOnly.FromDateTime(third.StartsAt).DayNumber - DateOnly.FromDateTime(third.ObservedAt).DayNumber,
                    }).ToList();
            default:
                throw new InvalidDataException($"Unknown fact source '{source}'");
        }
    }

    public static IEnumerable<IndicatorValue> Evaluate(IndicatorDefinition d, IReadOnlyList<Fact> facts, ILookup<string, string> ancestors)
    {
        var source = FactSource.Get(d.Source);
        var population = facts.Where(f => Passes(source, d.Filters, f)).ToList();
        var dimensions = new[] { SqlCompiler.Total }.Concat(d.Dimensions).ToList();
        foreach (var period in d.PeriodTypes)
        {
            switch (d.Shape)
            {
                case IndicatorShape.Ratio:
                    foreach (var dim in dimensions)
                    foreach (var g in Groups(population, ancestors, period, source, dim))
                    {
                        var num = g.Rows.Where(f => Passes(source, d.Numerator.Filters, f))
                            .Sum(f => d.Numerator.Sum is { } s ? AsDouble(source.Field(s)!.Value(f)) ?? 0 : 1.0);
                        var den = d.Denominator.Constant ?? g.Rows.Count(f => Passes(source, d.Denominator.Filters, f));
                        yield return Value(d, period, g.Key, dim, num, den, den != 0 ? d.Factor * num / den : null, g.Rows.Count);
                    }
                    break;
                case IndicatorShape.Percentile:
                    var measure = source.Field(d.Measure!)!;
                    foreach (var dim in dimensions)
                    foreach (var g in Groups(population.Where(f => measure.Value(f) is not null), ancestors, period, source, dim))
                    {
                        var sorted = g.Rows.Select(f => AsDouble(measure.Value(f))!.Value).Order().ToList();
                        var position = d.Percentile!.Value * (sorted.Count - 1);
                        var lo = (int)Math.Floor(position);
                        var frac = position - lo;
                        var v = sorted[lo] * (1 - frac) + (lo + 1 < sorted.Count ? sorted[lo + 1] * frac : 0);
                        yield return Value(d, period, g.Key, dim, v, null, v, sorted.Count);
                    }
                    break;
                case IndicatorShape.Continuity:
                    var personField = source.Field(d.Person!)!;
                    var providerField = source.Field(d.Provider!)!;
                    var withBoth = population.Where(f => personField.Value(f) is not null && providerField.Value(f) is not null).ToList();
                    foreach (var dim in dimensions)
                    foreach (var g in Groups(withBoth, ancestors, period, source, dim))
                    {
                        var indices = g.Rows.GroupBy(f => (string)personField.Value(f)!)
                            .Select(p => (N: p.Count(), S: p.GroupBy(f => providerField.Value(f)).Sum(j => (double)j.Count() * j.Count())))
                            .Where(p => p.N >= 2)
                            .Select(p => (p.S - p.N) / ((double)p.N * (p.N - 1)))
                            .ToList();
                        if (indices.Count == 0) continue;
                        var sum = indices.Sum();
                        yield return Value(d, period, g.Key, dim, sum, indices.Count, d.Factor * sum / indices.Count, indices.Count);
                    }
                    break;
                case IndicatorShape.Distribution:
                    var m = source.Field(d.Measure!)!;
                    var binned = population.Where(f => AsDouble(m.Value(f)) >= d.Bins[0]).ToList();
                    foreach (var g in Groups(binned, ancestors, period, source, SqlCompiler.Total))
                    foreach (var bin in g.Rows.GroupBy(f => Bin(d, AsDouble(m.Value(f))!.Value)))
                        yield return Value(d, period, g.Key with { Category = d.BinLabel(bin.Key) }, SqlCompiler.DistributionDimension(d),
                            bin.Count(), g.Rows.Count, d.Factor * bin.Count() / g.Rows.Count, g.Rows.Count);
                    break;
            }
        }
    }

    private static int Bin(IndicatorDefinition d, double x)
    {
        for (var i = d.Bins.Count - 1; i >= 0; i--) if (x >= d.Bins[i]) return i;
        throw new InvalidOperationException("below the first bin");
    }

    private sealed record GroupKey(string Period, string OrgUnit, string Category);

    private sealed record Group(GroupKey Key, List<Fact> Rows);

    private static IEnumerable<Group> Groups(IEnumerable<Fact> rows, ILookup<string, string> ancestors, PeriodType period, FactSource source, string dimension)
    {
        var groups = new Dictionary<GroupKey, List<Fact>>();
        foreach (var f in rows)
        {
            var category = dimension == SqlCompiler.Total ? "" : Category(source.Field(dimension)!.Value(f));
            foreach (var unit in ancestors[f.UnitId])
            {
                var key = new GroupKey(PeriodCode(period, f.At), unit, category);
                if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
                list.Add(f);
            }
        }
        return groups.Select(kv => new Group(kv.Key, kv.Value));
    }

    private static string Category(object? v) => v switch
    {
        null => "unknown",
        bool b => b ? "1" : "0",
        double x => x.ToString(CultureInfo.InvariantCulture),
        _ => v.ToString()!,
    };

    public static string PeriodCode(PeriodType period, DateTime at) => period switch
    {
        PeriodType.Week => WeekPeriod.CodeOf(DateOnly.FromDateTime(at)),
        PeriodType.Month => $"{at.Year:D4}-{at.Month:D2}",
        PeriodType.Quarter => $"{at.Year:D4}Q{(at.Month + 2) / 3}",
        _ => $"{at.Year:D4}",
    };

    private static IndicatorValue Value(IndicatorDefinition d, PeriodType period, GroupKey key, string dimension, double num, double? den, double? value, long n) => new()
    {
        IndicatorCode = d.Code, PeriodType = SqlCompiler.Code(period), PeriodCode = key.Period, OrgUnitId = key.OrgUnit,
        Dimension = dimension, Category = key.Category, Numerator = num, Denominator = den, Value = value, N = n,
    };

    private static bool Passes(FactSource source, IReadOnlyList<Filter> filters, Fact f)
    {
        foreach (var filter in filters)
            if (!Passes(filter, source.Field(filter.Field)!.Value(f))) return false;
        return true;
    }

    /// <summary>SQL's three-valued logic: a comparison with a missing value is not true.</summary>
    private static bool Passes(Filter filter, object? v) => filter.Op switch
    {
        "is_null" => v is null,
        "not_null" => v is not null,
        _ when v is null => false,
        "eq" => Compare(v, filter.Value!.Value) == 0,
        "ne" => Compare(v, filter.Value!.Value) != 0,
        "lt" => Compare(v, filter.Value!.Value) < 0,
        "le" => Compare(v, filter.Value!.Value) <= 0,
        "gt" => Compare(v, filter.Value!.Value) > 0,
        "ge" => Compare(v, filter.Value!.Value) >= 0,
        "in" => filter.Value!.Value.EnumerateArray().Any(x => Compare(v, x) == 0),
        "not_in" => filter.Value!.Value.EnumerateArray().All(x => Compare(v, x) != 0),
        _ => throw new InvalidDataException(filter.Op),
    };

    private static int Compare(object v, JsonElement literal) => (v, literal.ValueKind) switch
    {
        (string s, JsonValueKind.String) => string.CompareOrdinal(s, literal.GetString()),
        (bool b, JsonValueKind.True) => b ? 0 : -1,
        (bool b, JsonValueKind.False) => b ? 1 : 0,
        _ when AsDouble(v) is { } x && literal.ValueKind == JsonValueKind.Number => x.CompareTo(literal.GetDouble()),
        _ => throw new InvalidDataException($"cannot compare {v} with {literal}"),
    };

    private static double? AsDouble(object? v) => v switch
    {
        null => null,
        double d => d,
        int i => i,
        long l => l,
        _ => null,
    };
}

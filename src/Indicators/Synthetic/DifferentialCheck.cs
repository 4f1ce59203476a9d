using Microsoft.EntityFrameworkCore;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Storage;

namespace Tilannekuva.Indicators.Synthetic;

/// <summary>
/// Property-based differential check: generated rows that favour the edges (period and year turns, leap
/// days, the daylight-saving nights, midnight, same-day events, holidays and their eves, empty groups,
/// single-person groups), computed by the compiled SQL and by the C# reference evaluator; every cell
/// must agree. A "case" is one generated event row. Same seed, same rows.
/// </summary>
public static class DifferentialCheck
{
    /// <summary>Writes <paramref name="cases"/> generated rows (visits, contacts, assessments, slots) under a fixed tree R → A1, A2 → U1…U5 (U5 left empty).</summary>
    public static async Task GenerateAsync(IndicatorsDbContext db, int cases, int seed, CancellationToken ct = default)
    {
        var random = new Random(seed);
        db.OrgUnits.Add(new OrgUnit { SourceId = "R", Name = "R", Kind = OrgUnitKind.Region, SourceFile = "gen" });
        db.OrgUnits.Add(new OrgUnit { SourceId = "A1", Name = "A1", ParentId = "R", Kind = OrgUnitKind.Area, SourceFile = "gen" });
        db.OrgUnits.Add(new OrgUnit { SourceId = "A2", Name = "A2", ParentId = "R", Kind = OrgUnitKind.Area, SourceFile = "gen" });
        for (var u = 1; u <= 5; u++) db.OrgUnits.Add(new OrgUnit { SourceId = $"U{u}", Name = $"U{u}", ParentId = u <= 3 ? "A1" : "A2", Kind = OrgUnitKind.Unit, SourceFile = "gen" });
        await db.SaveChangesAsync(ct);
        await Ingest.OrgUnitTree.RebuildAsync(db, ct);
        // U5 gets no rows: an empty group. U4 sees one person only: single-person groups.
        string Unit() => $"U{1 + random.Next(4)}";
        var id = 0;
        for (var done = 0; done < cases;)
        {
            var chunk = Math.Min(20_000, cases - done);
            for (var i = 0; i < chunk; i++, done++)
            {
                var at = Moment(random);
                var unit = Unit();
                var person = unit == "U4" ? "solo" : $"p{random.Next(Math.Max(2, cases / 8))}";
                switch (random.Next(4))
                {
                    case 0:
                    case 1:
                        var assessed = random.Next(5) == 0 ? (DateOnly?)null : DateOnly.FromDateTime(at).AddDays(-Pick(random, [0, 0, 1, 7, 8, 14, 15, 90, 91, 181, random.Next(400)]));
                        db.Visits.Add(new Visit
                        {
                            SourceId = $"V{++id}", SourceFile = "gen", UnitId = unit, PersonPseudonym = person, OccurredAt = at,
                            Urgency = random.Next(6) == 0 ? Urgency.Urgent : Urgency.NonUrgent,
                            ContactMode = (ContactMode)random.Next(Enum.GetValues<ContactMode>().Length),
                            Profession = (Profession)random.Next(Enum.GetValues<Profession>().Length),
                            Service = random.Next(4) == 0 ? Service.OralCare : Service.OutpatientCare,
                            AssessmentDate = assessed, Practitioner = random.Next(10) == 0 ? null : $"h{random.Next(6)}",
                            CarePlanVisit = random.Next(15) == 0, CertificateOnly = random.Next(20) == 0,
                        });
                        break;
                    case 2:
                        var requested = random.Next(3) == 0 ? (DateTime?)null : at;
                        var done2 = requested is { } r && random.Next(5) != 0 ? r.AddMinutes(Pick(random, [0, 1, 59, 60 * 8, 60 * 24 - 1, 60 * 24, 60 * 72, random.Next(60 * 24 * 10)])) : (DateTime?)null;
                        db.Contacts.Add(new Contact
                        {
                            SourceId = $"C{++id}", SourceFile = "gen", UnitId = unit, ReceivedAt = at,
                            Channel = (ContactMode)random.Next(Enum.GetValues<ContactMode>().Length),
                            Outcome = requested is null ? ContactOutcome.Resolved : ContactOutcome.Callback,
                            CallbackRequestedAt = requested, CallbackDoneAt = done2,
                            DemandClass = random.Next(3) switch { 0 => null, 1 => DemandClass.Failure, _ => DemandClass.Value },
                            HandlingMinutes = random.Next(4) == 0 ? null : random.Next(60),
                        });
                        break;
                    default:
                        var observed = new DateTime(at.Year, at.Month, at.Day, 7, 0, 0);
                        db.Slots.Add(new AppointmentSlot
                        {
                            SourceId = $"S{++id}", SourceFile = "gen", UnitId = unit, Profession = random.Next(2) == 0 ? Profession.Doctor : Profession.Nurse,
                            StartsAt = observed.AddHours(random.Next(24 * 30)), BookableBy = random.Next(5) == 0 ? "internal" : "public",
                            IsBooked = random.Next(3) == 0, ObservedAt = observed,
                        });
                        break;
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private static int Pick(Random random, int[] values) => values[random.Next(values.Length)];

    /// <summary>A moment that favours the edges: midnight, the last minute of a day, month, quarter and year turns, 29 February, the DST nights, holidays and their eves.</summary>
    private static DateTime Moment(Random random)
    {
        var year = 2019 + random.Next(7);
        DateTime day = random.Next(10) switch
        {
            0 => new DateTime(year, 12, 31),
            1 => new DateTime(year, 1, 1),
            2 => new DateTime(year, 1 + 3 * random.Next(4), 1).AddDays(random.Next(2) - 1),     // quarter turns
            3 => new DateTime(2020 + 4 * random.Next(2), 2, 28).AddDays(random.Next(3)),         // leap days
            4 => LastSunday(year, random.Next(2) == 0 ? 3 : 10),                                  // DST changes
            5 => new DateTime(year, random.Next(2) == 0 ? 6 : 12, random.Next(2) == 0 ? 19 : 24).AddDays(random.Next(4)), // eves and holidays
            _ => new DateTime(year, 1, 1).AddDays(random.Next(365)),
        };
        var minutes = random.Next(4) switch { 0 => 0, 1 => 24 * 60 - 1, 2 => 3 * 60 + random.Next(60), _ => random.Next(24 * 60) };
        return day.AddMinutes(minutes);
    }

    private static DateTime LastSunday(int year, int month)
    {
        var d = new DateTime(year, month, DateTime.DaysInMonth(year, month));
        while (d.DayOfWeek != DayOfWeek.Sunday) d = d.AddDays(-1);
        return d;
    }

    /// <summary>Recomputes in the database and compares every cell with the reference evaluator; returns the cell count and the first mismatches.</summary>
    public static async Task<(int Cells, IReadOnlyList<string> Mismatches)> CompareAsync(IndicatorsDbContext db, CancellationToken ct = default)
    {
        await new IndicatorComputer(db).RecomputeAsync(ct: ct);
        var sql = await db.IndicatorValues.AsNoTracking().ToListAsync(ct);
        var reference = await ReferenceEvaluator.EvaluateAsync(db, IndicatorCatalogue.All, ct);
        static string K(IndicatorValue v) => $"{v.IndicatorCode}|{v.PeriodType}|{v.PeriodCode}|{v.OrgUnitId}|{v.Dimension}|{v.Category}";
        var byKey = sql.ToDictionary(K);
        var mismatches = new List<string>();
        foreach (var r in reference)
        {
            if (!byKey.Remove(K(r), out var s)) { mismatches.Add($"{K(r)}: missing from SQL"); continue; }
            if (!Close(r.Numerator, s.Numerator) || !Close(r.Denominator, s.Denominator) || !Close(r.Value, s.Value) || r.N != s.N)
                mismatches.Add($"{K(r)}: SQL {s.Numerator}/{s.Denominator}={s.Value} n={s.N}, reference {r.Numerator}/{r.Denominator}={r.Value} n={r.N}");
        }
        mismatches.AddRange(byKey.Keys.Select(k => $"{k}: only in SQL"));
        return (reference.Count, mismatches.Take(20).ToList());
    }

    private static bool Close(double? a, double? b) =>
        a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) <= 1e-9 * Math.Max(1, Math.Abs(a.Value));
}

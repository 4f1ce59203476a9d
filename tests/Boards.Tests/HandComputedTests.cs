using Microsoft.EntityFrameworkCore;
using Tilannekuva.Feedback.Domain;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Ingest;

namespace Tilannekuva.Boards.Tests;

/// <summary>
/// A small region with every figure worked out by hand (see the comments), on SQLite and PostgreSQL.
/// Region R → areas A (units U1, U2) and B (unit U3); the board is for area A. Now: Wednesday 18.11.2026 12:00.
/// </summary>
public abstract class HandComputedTests(bool postgres)
{
    private static readonly DateTime Now = new(2026, 11, 18, 12, 0, 0);
    private static DateTime T(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0);
    private int _next;

    [Fact]
    public async Task Every_figure_matches_the_hand_computed_case()
    {
        await using var store = await BoardStore.CreateAsync(postgres);
        await SeedAsync(store);

        var f = await store.Query().FiguresAsync(["A"], Now, staleMinutes: 60);

        Assert.Equal(["A", "U1", "U2"], f.Units);
        // Requested today: c1, c2, c3, c8. Done today: c1, c4 (yesterday's), c8. Open: c2, c3 (done after now).
        // Overdue: c5 (Monday), c6 (8 days ago); c7 is older than the 14-day look-back, c9 in U3, c10 after now.
        Assert.Equal(new Figures.CallbackFigures(RequestedToday: 4, DoneToday: 3, OpenToday: 2, Overdue: 2), f.Callbacks);
        // Open: w1–w4 (w5, w6 removed, w7 added tomorrow, w8 in U3). Past 14 days: w2 only (15 days; w3 is exactly 14).
        Assert.Equal(new Figures.WaitingListFigures(Open: 4, PastLimit: 1, LimitDays: 14), f.WaitingList);
        // Weeks 19.10.–15.11.: v1 (3 d), v2 (10 d), v3 (7 d), v4 (0 d) → 3 of 4.
        Assert.Equal(["2026-10-19", "2026-10-26", "2026-11-02", "2026-11-09"], f.CareGuarantee.Weeks);
        Assert.Equal((3.0, 4.0, 75.0), (f.CareGuarantee.Numerator, f.CareGuarantee.Denominator, f.CareGuarantee.Share!.Value));
        // T3 doctor: U1 3 days, U2 5 days (latest snapshots) → 4; nurse: U1 only, 7 days.
        var doctor = f.T3.Single(t => t.Profession == Profession.Doctor);
        var nurse = f.T3.Single(t => t.Profession == Profession.Nurse);
        Assert.Equal((4.0, 2, T(11, 16, 8)), (doctor.Days!.Value, doctor.Units, doctor.MeasuredAt!.Value));
        Assert.Equal((7.0, 1), (nurse.Days!.Value, nurse.Units));
        // Staff today: doctors 1 + 1 present of 2 + 1, nurses 4 of 4.
        Assert.Equal([new Figures.StaffFigure(Profession.Doctor, 3, 2), new Figures.StaffFigure(Profession.Nurse, 4, 4)], f.Staff);
        // NPS at SP1 (U1) on 20.10.–18.11.: 10, 9, 9, 7, 3, 10 → (4 − 1) / 6 = 50.
        Assert.Equal((6, 50.0, true), (f.Nps.Responses, f.Nps.Nps!.Value, f.Nps.Shown));
        // Newest data: the resolved contact at 11:30; 30 minutes old.
        Assert.Equal(T(11, 18, 11, 30), f.NewestDataAt);
        Assert.False(f.Stale);
    }

    [Fact]
    public async Task Stale_and_small_cases()
    {
        await using var store = await BoardStore.CreateAsync(postgres);
        await SeedAsync(store);

        Assert.True((await store.Query().FiguresAsync(["A"], Now, staleMinutes: 20)).Stale);
        // Three hours on, the newest events (13:00: c3 called back, c10 received) are two hours old.
        var later = await store.Query().FiguresAsync(["A"], Now.AddHours(3), staleMinutes: 60);
        Assert.Equal((T(11, 18, 13), true), (later.NewestDataAt, later.Stale));

        // Area and one of its units chosen together: the unit is not counted twice.
        var both = await store.Query().FiguresAsync(["A", "U1"], Now, 60);
        Assert.Equal((3.0, 4.0), (both.CareGuarantee.Numerator, both.CareGuarantee.Denominator));
        Assert.Equal(4, both.Callbacks.RequestedToday);

        // U2 alone: no service point, so no NPS; one doctor snapshot; care guarantee from v3 (7 d) and v4 (0 d).
        var u2 = await store.Query().FiguresAsync(["U2"], Now, 60);
        Assert.False(u2.Nps.Shown);
        Assert.Null(u2.Nps.Nps);
        Assert.Equal((2.0, 2.0), (u2.CareGuarantee.Numerator, u2.CareGuarantee.Denominator));
        Assert.Equal(5.0, u2.T3.Single(t => t.Profession == Profession.Doctor).Days);
        Assert.Null(u2.T3.Single(t => t.Profession == Profession.Nurse).Days);

        // Fewer than five responses: B's service point has three, so no figure.
        var b = await store.Query().FiguresAsync(["B"], Now, 60);
        Assert.Equal((3, false), (b.Nps.Responses, b.Nps.Shown));
        Assert.Null(b.Nps.Nps);
    }

    private async Task SeedAsync(BoardStore store)
    {
        var db = store.Indicators;
        db.OrgUnits.AddRange(Unit("R", null, OrgUnitKind.Region), Unit("A", "R", OrgUnitKind.Area), Unit("B", "R", OrgUnitKind.Area),
            Unit("U1", "A", OrgUnitKind.Unit), Unit("U2", "A", OrgUnitKind.Unit), Unit("U3", "B", OrgUnitKind.Unit));
        await db.SaveChangesAsync();
        await OrgUnitTree.RebuildAsync(db);

        db.Contacts.AddRange(
            Callback("U1", T(11, 18, 8), T(11, 18, 9)),          // c1
            Callback("U1", T(11, 18, 10), null),                 // c2
            Callback("U1", T(11, 18, 11), T(11, 18, 13)),        // c3: called back after now
            Callback("U1", T(11, 17, 15), T(11, 18, 8, 30)),     // c4
            Callback("U1", T(11, 16, 9), null),                  // c5
            Callback("U2", T(11, 10, 9), null),                  // c6
            Callback("U1", T(11, 1, 9), null),                   // c7: older than the look-back
            Callback("U2", T(11, 18, 9), T(11, 18, 9, 30)),      // c8
            Callback("U3", T(11, 18, 9), null),                  // c9: another area
            Callback("U1", T(11, 18, 13), null),                 // c10: after now
            new Contact { SourceId = Id("c"), SourceFile = "t", UnitId = "U1", ReceivedAt = T(11, 18, 11, 30), Channel = ContactMode.Chat, Outcome = ContactOutcome.Resolved }); // c11

        DateOnly D(int m, int d) => new(2026, m, d);
        db.WaitingList.AddRange(
            Waiting("U1", D(11, 10), D(11, 10), null),  // w1
            Waiting("U1", D(11, 1), D(11, 3), null),    // w2: 15 days
            Waiting("U2", D(11, 1), D(11, 4), null),    // w3: 14 days
            Waiting("U2", D(10, 20), null, null),       // w4: no assessment yet
            Waiting("U1", D(10, 1), D(10, 1), D(11, 17)), // w5
            Waiting("U1", D(10, 1), D(10, 1), D(11, 18)), // w6: removed today
            Waiting("U1", D(11, 19), D(11, 19), null),  // w7: tomorrow
            Waiting("U3", D(10, 1), D(10, 1), null));   // w8: another area

        db.Visits.AddRange(
            Visit("U1", T(10, 20, 10), 3), Visit("U1", T(10, 28, 10), 10), Visit("U2", T(11, 5, 10), 7), Visit("U2", T(11, 12, 10), 0),
            Visit("U1", T(11, 16, 10), 1),   // this week: not a full week yet
            Visit("U1", T(10, 18, 10), 1),   // the Sunday before the first week
            Visit("U3", T(11, 5, 10), 1),    // another area
            Visit("U1", T(11, 3, 10), 1, Urgency.Urgent)); // urgent: outside the indicator

        // T3 snapshots: free public slots, the third decides.
        Slots("U1", Profession.Doctor, T(11, 16, 8), T(11, 16, 10), T(11, 17, 10), T(11, 19, 10));           // 3 days
        Slots("U1", Profession.Doctor, T(11, 9, 8), T(11, 10, 10), T(11, 11, 10), T(11, 20, 10));            // older snapshot: 11
        Slots("U2", Profession.Doctor, T(11, 16, 8), T(11, 16, 9), T(11, 18, 9), T(11, 21, 9));              // 5 days
        Slots("U1", Profession.Nurse, T(11, 16, 8), T(11, 16, 9), T(11, 16, 11), T(11, 23, 9));              // 7 days
        Slots("U1", Profession.Nurse, T(11, 19, 8), T(11, 19, 9), T(11, 19, 10), T(11, 19, 11));             // after now
        db.Slots.AddRange(_slots);
        db.Slots.Add(new AppointmentSlot { SourceId = Id("s"), SourceFile = "t", UnitId = "U1", Profession = Profession.Doctor, StartsAt = T(11, 16, 9), BookableBy = "urgent", ObservedAt = T(11, 16, 8) });
        db.Slots.Add(new AppointmentSlot { SourceId = Id("s"), SourceFile = "t", UnitId = "U1", Profession = Profession.Doctor, StartsAt = T(11, 16, 9, 30), BookableBy = "public", IsBooked = true, ObservedAt = T(11, 16, 8) });

        db.Roster.AddRange(Roster("U1", D(11, 18), Profession.Doctor, 2, 1), Roster("U2", D(11, 18), Profession.Doctor, 1, 1),
            Roster("U1", D(11, 18), Profession.Nurse, 4, 4), Roster("U1", D(11, 17), Profession.Doctor, 2, 2), Roster("U3", D(11, 18), Profession.Nurse, 3, 1));
        await db.SaveChangesAsync();
        await new IndicatorComputer(db).RecomputeAsync([IndicatorCatalogue.Get("care_guarantee_7d")]);

        var fb = store.Feedback;
        var questionnaire = new Questionnaire { Key = "q", Version = 1, Name = "q", CreatedBy = "t", CreatedAt = DateTimeOffset.UtcNow };
        fb.Questionnaires.Add(questionnaire);
        await fb.SaveChangesAsync();
        _questionnaire = questionnaire.Id;
        fb.ServicePoints.AddRange(new ServicePoint { Code = "SP1", Name = "U1", OrgUnitId = "U1" }, new ServicePoint { Code = "SP3", Name = "U3", OrgUnitId = "U3" });
        foreach (var score in new[] { 10, 9, 9, 7, 3, 10 }) fb.Responses.Add(Response("SP1", D(10, 20).AddDays(score), score));
        fb.Responses.Add(Response("SP1", D(10, 19), 0));  // 31 days ago
        foreach (var score in new[] { 0, 0, 10 }) fb.Responses.Add(Response("SP3", D(11, 18), score));
        await fb.SaveChangesAsync();
    }

    private string Id(string prefix) => $"{prefix}{++_next}";

    private static OrgUnit Unit(string id, string? parent, OrgUnitKind kind) => new() { SourceId = id, Name = id, ParentId = parent, Kind = kind, SourceFile = "t", SourceLine = 1 };

    private Contact Callback(string unit, DateTime requested, DateTime? done) => new()
    {
        SourceId = Id("c"), SourceFile = "t", UnitId = unit, ReceivedAt = requested, Channel = ContactMode.Phone,
        Outcome = ContactOutcome.Callback, CallbackRequestedAt = requested, CallbackDoneAt = done,
    };

    private WaitingListEntry Waiting(string unit, DateOnly added, DateOnly? assessed, DateOnly? removed) => new()
    {
        SourceId = Id("w"), SourceFile = "t", UnitId = unit, PersonPseudonym = "p" + _next, AddedDate = added, AssessmentDate = assessed, RemovedDate = removed, Profession = Profession.Nurse,
    };

    private Visit Visit(string unit, DateTime at, int wait, Urgency urgency = Urgency.NonUrgent) => new()
    {
        SourceId = Id("v"), SourceFile = "t", UnitId = unit, PersonPseudonym = "p", OccurredAt = at, Urgency = urgency, ContactMode = ContactMode.Physical,
        Profession = Profession.Nurse, Service = Indicators.Domain.Service.OutpatientCare, AssessmentDate = DateOnly.FromDateTime(at).AddDays(-wait),
    };

    private void Slots(string unit, Profession profession, DateTime observed, params DateTime[] free)
    {
        foreach (var starts in free)
            _slots.Add(new AppointmentSlot { SourceId = Id("s"), SourceFile = "t", UnitId = unit, Profession = profession, StartsAt = starts, BookableBy = "public", ObservedAt = observed });
    }

    private readonly List<AppointmentSlot> _slots = [];

    private StaffingRosterEntry Roster(string unit, DateOnly day, Profession profession, int planned, int present) => new()
    {
        SourceId = $"{unit}|{day:yyyy-MM-dd}|{profession}", SourceFile = "t", UnitId = unit, Day = day, Profession = profession, Planned = planned, Present = present,
    };

    private int _questionnaire;

    private Response Response(string point, DateOnly date, int score) => new()
    {
        Id = Guid.NewGuid(), QuestionnaireId = _questionnaire, ProviderCode = "P", ServicePointCode = point, ServiceCode = "VO", Channel = Channel.Web,
        LinkId = "l", Date = date, SubmittedAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), Recommendation = score,
    };
}

public sealed class SqliteHandComputedTests() : HandComputedTests(postgres: false);

public sealed class PostgresHandComputedTests() : HandComputedTests(postgres: true);

using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.TestSupport;
using static Tilannekuva.Indicators.Tests.Support;

namespace Tilannekuva.Indicators.Tests;

/// <summary>Small cases worked out by hand; the database's numbers must equal them exactly.</summary>
public sealed class HandComputedTests : IDisposable
{
    private readonly SqliteFile _file = new();

    public void Dispose() => _file.Dispose();

    private async Task<IndicatorsDbContext> OpenAsync()
    {
        var db = await IndicatorsStorage.OpenMigratedAsync(_file.Options);
        await SeedTreeAsync(db);
        return db;
    }

    [Fact]
    public async Task Care_guarantee_counts_calendar_days_and_excludes_what_the_definition_excludes()
    {
        await using var db = await OpenAsync();
        var d = new DateTime(2024, 3, 11, 10, 0, 0);
        db.Visits.AddRange(
            Visit("U1", d, DateOnly.FromDateTime(d)),                            // same day: 0 days, counts
            Visit("U1", d, DateOnly.FromDateTime(d.AddDays(-7))),                 // 7 days: counts
            Visit("U1", d, DateOnly.FromDateTime(d.AddDays(-8))),                 // 8 days: not within 7
            Visit("U2", d, DateOnly.FromDateTime(d.AddDays(-14)), profession: Profession.Doctor), // 14: within 14
            Visit("U2", d, DateOnly.FromDateTime(d.AddDays(-91))),                // 91: beyond 3 months
            Visit("U1", d, null),                                                 // no assessment: excluded
            Visit("U1", d, DateOnly.FromDateTime(d), urgency: Urgency.Urgent),    // urgent: excluded
            Visit("U1", d, DateOnly.FromDateTime(d), carePlan: true),             // care plan: excluded
            Visit("U1", d, DateOnly.FromDateTime(d), certificate: true),          // certificate only: excluded
            Visit("U1", d, DateOnly.FromDateTime(d), service: Service.OralCare)); // not primary outpatient care
        await db.SaveChangesAsync();

        var values = await ComputeAsync(db, "care_guarantee_7d", "care_guarantee_14d", "care_guarantee_3m", "care_guarantee_wait_distribution");

        var region = Find(values, "care_guarantee_7d", "2024-03", "R")!;
        Assert.Equal((2.0, 5.0, 40.0, 5L), (region.Numerator, region.Denominator!.Value, region.Value!.Value, region.N));
        Assert.Equal(100.0 * 2 / 3, Find(values, "care_guarantee_7d", "2024-03", "U1")!.Value);
        Assert.Equal(0.0, Find(values, "care_guarantee_7d", "2024-03", "U2")!.Value);
        Assert.Equal(4.0, Find(values, "care_guarantee_14d", "2024Q1", "A")!.Numerator);
        Assert.Equal(4.0, Find(values, "care_guarantee_3m", "2024", "R")!.Numerator);
        Assert.Equal(0.0, Find(values, "care_guarantee_7d", "2024-03", "R", "profession", "doctor")!.Value);
        Assert.Equal(50.0, Find(values, "care_guarantee_7d", "2024-03", "R", "profession", "nurse")!.Value);

        Assert.Equal(1.0, Find(values, "care_guarantee_wait_distribution", "2024-03", "R", "wait_days_bin", "0")!.Numerator);
        Assert.Equal(20.0, Find(values, "care_guarantee_wait_distribution", "2024-03", "R", "wait_days_bin", "1-7")!.Value);
        Assert.Equal(2.0, Find(values, "care_guarantee_wait_distribution", "2024-03", "R", "wait_days_bin", "8-14")!.Numerator);
        Assert.Equal(1.0, Find(values, "care_guarantee_wait_distribution", "2024-03", "R", "wait_days_bin", "91-180")!.Numerator);
        Assert.Null(Find(values, "care_guarantee_wait_distribution", "2024-03", "R", "wait_days_bin", "181-"));
    }

    [Fact]
    public async Task Period_follows_the_visit_date_and_empty_periods_have_no_value()
    {
        await using var db = await OpenAsync();
        db.Visits.AddRange(
            Visit("U1", new DateTime(2024, 3, 31, 23, 59, 0), new DateOnly(2024, 3, 30)),  // 1 day, March, Q1
            Visit("U1", new DateTime(2024, 4, 1, 0, 0, 0), new DateOnly(2024, 3, 20)));    // 12 days, April, Q2
        await db.SaveChangesAsync();

        var values = await ComputeAsync(db, "care_guarantee_7d");

        Assert.Equal(100.0, Find(values, "care_guarantee_7d", "2024-03", "U1")!.Value);
        Assert.Equal(0.0, Find(values, "care_guarantee_7d", "2024-04", "U1")!.Value);
        Assert.Equal(100.0, Find(values, "care_guarantee_7d", "2024Q1", "R")!.Value);
        Assert.Equal(0.0, Find(values, "care_guarantee_7d", "2024Q2", "R")!.Value);
        Assert.Equal(50.0, Find(values, "care_guarantee_7d", "2024", "R")!.Value);
        Assert.Null(Find(values, "care_guarantee_7d", "2024-05", "U1"));
        Assert.Null(Find(values, "care_guarantee_7d", "2024-03", "U2"));
    }

    [Fact]
    public async Task A_week_runs_Monday_to_Sunday_is_coded_by_its_Monday_and_crosses_the_year()
    {
        await using var db = await OpenAsync();
        db.Visits.AddRange(
            Visit("U1", new DateTime(2024, 3, 10, 23, 59, 0), new DateOnly(2024, 3, 10)),  // Sunday: week of Monday 4.3., 0 days
            Visit("U1", new DateTime(2024, 3, 11, 0, 0, 0), new DateOnly(2024, 3, 1)),     // Monday: a new week, 10 days
            Visit("U1", new DateTime(2024, 12, 31, 9, 0, 0), new DateOnly(2024, 12, 30)),  // Tuesday 31.12.: week of Monday 30.12.
            Visit("U1", new DateTime(2025, 1, 1, 9, 0, 0), new DateOnly(2024, 12, 1)));    // Wednesday 1.1.: the same week, 31 days
        await db.SaveChangesAsync();

        var values = await ComputeAsync(db, "care_guarantee_7d");

        Assert.Equal((1.0, 1.0), (Find(values, "care_guarantee_7d", "2024-03-04", "U1")!.Numerator, Find(values, "care_guarantee_7d", "2024-03-04", "U1")!.Denominator!.Value));
        Assert.Equal(0.0, Find(values, "care_guarantee_7d", "2024-03-11", "R")!.Value);
        var turn = Find(values, "care_guarantee_7d", "2024-12-30", "R")!;
        Assert.Equal((1.0, 2.0, 50.0), (turn.Numerator, turn.Denominator!.Value, turn.Value!.Value));
        Assert.Null(Find(values, "care_guarantee_7d", "2024-12-23", "R"));
    }

    [Fact]
    public async Task Linked_assessment_supplies_the_assessment_date()
    {
        await using var db = await OpenAsync();
        db.Assessments.Add(new CareNeedAssessment
        {
            SourceId = "H1", SourceFile = "test", UnitId = "U1", PersonPseudonym = "p", AssessedAt = new DateTime(2024, 1, 2, 15, 30, 0),
            Channel = ContactMode.Phone, Profession = Profession.Nurse,
        });
        db.Visits.Add(Visit("U1", new DateTime(2024, 1, 10, 8, 0, 0), null, assessmentId: "H1")); // 8 days
        await db.SaveChangesAsync();

        var values = await ComputeAsync(db, "care_guarantee_7d", "care_guarantee_14d");

        Assert.Equal(0.0, Find(values, "care_guarantee_7d", "2024-01", "U1")!.Value);
        Assert.Equal(100.0, Find(values, "care_guarantee_14d", "2024-01", "U1")!.Value);
    }

    [Fact]
    public async Task Remote_share_counts_electronic_contacts_and_visits()
    {
        await using var db = await OpenAsync();
        var d = new DateTime(2024, 5, 6, 9, 0, 0);
        db.Visits.AddRange(Visit("U1", d, null, mode: ContactMode.Video), Visit("U1", d, null, mode: ContactMode.Physical), Visit("U1", d, null, mode: ContactMode.Phone));
        db.Contacts.AddRange(Contact("U1", d, ContactMode.Chat), Contact("U2", d, ContactMode.EService), Contact("U2", d, ContactMode.Phone), Contact("U2", d, ContactMode.EMessage));
        await db.SaveChangesAsync();

        var values = await ComputeAsync(db, "remote_contact_share");

        var r = Find(values, "remote_contact_share", "2024-05", "R")!;
        Assert.Equal((4.0, 7.0), (r.Numerator, r.Denominator!.Value));
        Assert.Equal(100.0 * 4 / 7, r.Value!.Value, 12);
        Assert.Equal(100.0 / 3, Find(values, "remote_contact_share", "2024-05", "R", "event_kind", "visit")!.Value!.Value, 12);
    }

    [Fact]
    public async Task Callback_delay_median_p90_and_same_day_share()
    {
        await using var db = await OpenAsync();
        var d = new DateTime(2024, 2, 5, 9, 0, 0);
        foreach (var hours in new[] { 1.0, 2.0, 3.0, 4.0, 26.0 })
            db.Contacts.Add(Contact("U1", d, requested: d, done: d.AddHours(hours)));
        db.Contacts.Add(Contact("U1", d, requested: d));             // not called back yet: not in the delay
        db.Contacts.Add(Contact("U1", d));                           // no callback requested
        await db.SaveChangesAsync();

        var values = await ComputeAsync(db, "callback_delay_median", "callback_delay_p90", "callback_same_day_share");

        Assert.Equal(3.0, Find(values, "callback_delay_median", "2024-02", "U1")!.Value!.Value, 9);
        Assert.Equal(5L, Find(values, "callback_delay_median", "2024-02", "U1")!.N);
        // p90 of 1,2,3,4,26: position 0.9 × 4 = 3.6 → 4 + 0.6 × (26 − 4) = 17.2
        Assert.Equal(17.2, Find(values, "callback_delay_p90", "2024-02", "U1")!.Value!.Value, 9);
        // Of all six requests four were called back the same (working) day; the one never called back counts against it.
        Assert.Equal(100.0 * 4 / 6, Find(values, "callback_same_day_share", "2024-02", "U1")!.Value!.Value, 9);
    }

    [Fact]
    public async Task Callback_percentiles_roll_up_units_periods_and_channels_with_ties()
    {
        await using var db = await OpenAsync();
        void Add(string unit, DateTime d, ContactMode channel, double hours) => db.Contacts.Add(Contact(unit, d, channel, requested: d, done: d.AddHours(hours)));
        var feb = new DateTime(2024, 2, 5, 9, 0, 0);   // a Monday: week 2024-02-05
        Add("U1", feb, ContactMode.Phone, 1);
        Add("U1", feb, ContactMode.Phone, 1);             // a tie
        Add("U1", feb, ContactMode.Phone, 5);
        Add("U2", feb, ContactMode.Chat, 2);
        Add("U2", feb, ContactMode.Chat, 10);
        Add("U2", new DateTime(2024, 3, 4, 9, 0, 0), ContactMode.Phone, 3);
        await db.SaveChangesAsync();

        var values = await ComputeAsync(db, "callback_delay_median", "callback_delay_p90");
        double Median(string period, string unit, string dimension = "total", string category = "") =>
            Find(values, "callback_delay_median", period, unit, dimension, category)!.Value!.Value;
        double P90(string period, string unit, string dimension = "total", string category = "") =>
            Find(values, "callback_delay_p90", period, unit, dimension, category)!.Value!.Value;

        // U1 in February: 1, 1, 5. Median at rank 1 = 1; p90 at 0.9 × 2 = 1.8 → 1 + 0.8 × (5 − 1) = 4.2.
        Assert.Equal(1.0, Median("2024-02", "U1"), 12);
        Assert.Equal(4.2, P90("2024-02", "U1"), 12);
        // The area and the region in February: 1, 1, 2, 5, 10. Median 2; p90 at 3.6 → 5 + 0.6 × 5 = 8. Same for the week.
        foreach (var unit in new[] { "A", "R" })
        {
            Assert.Equal(2.0, Median("2024-02", unit), 12);
            Assert.Equal(8.0, P90("2024-02", unit), 12);
            Assert.Equal(5L, Find(values, "callback_delay_median", "2024-02", unit)!.N);
        }
        Assert.Equal(2.0, Median("2024-02-05", "A"), 12);
        // The first quarter and the year add U2's 3 in March: 1, 1, 2, 3, 5, 10. Median at 2.5 → 2.5; p90 at 4.5 → 7.5.
        Assert.Equal(2.5, Median("2024Q1", "R"), 12);
        Assert.Equal(7.5, P90("2024Q1", "R"), 12);
        Assert.Equal(2.5, Median("2024", "R"), 12);
        Assert.Equal(6L, Find(values, "callback_delay_p90", "2024", "R")!.N);
        // By channel in February: phone 1, 1, 5 (median 1); chat 2, 10 (median at 0.5 → 6; p90 at 0.9 → 2 + 0.9 × 8 = 9.2).
        Assert.Equal(1.0, Median("2024-02", "R", "channel", "phone"), 12);
        Assert.Equal(6.0, Median("2024-02", "R", "channel", "chat"), 12);
        Assert.Equal(9.2, P90("2024-02", "R", "channel", "chat"), 12);
        // One value is its own median and p90; a unit without callbacks in a period has no value.
        Assert.Equal(3.0, Median("2024-03", "U2"), 12);
        Assert.Equal(3.0, P90("2024-03", "U2"), 12);
        Assert.Null(Find(values, "callback_delay_median", "2024-03", "U1"));
    }

    [Fact]
    public async Task Failure_demand_share_and_person_years()
    {
        await using var db = await OpenAsync();
        var d = new DateTime(2024, 6, 3, 9, 0, 0);
        db.Contacts.AddRange(
            Contact("U1", d, demand: DemandClass.Failure, minutes: 30), Contact("U1", d, demand: DemandClass.Failure, minutes: 18),
            Contact("U1", d, demand: DemandClass.Value, minutes: 10), Contact("U1", d, demand: DemandClass.Value), Contact("U1", d));
        await db.SaveChangesAsync();

        var values = await ComputeAsync(db, "failure_demand_share", "failure_demand_htv");

        Assert.Equal(50.0, Find(values, "failure_demand_share", "2024-06", "U1")!.Value);
        Assert.Equal(48.0 / 96000, Find(values, "failure_demand_htv", "2024-06", "U1")!.Value!.Value, 12);
    }

    [Fact]
    public async Task T3_is_days_to_the_third_free_public_slot_averaged_over_measurements()
    {
        await using var db = await OpenAsync();
        var monday = new DateTime(2024, 9, 2, 8, 0, 0);
        var n = 0;
        AppointmentSlot Slot(DateTime observed, DateTime starts, bool booked = false, string by = "public", Profession p = Profession.Doctor) => new()
        {
            SourceId = $"S{++n}", SourceFile = "test", UnitId = "U1", Profession = p, StartsAt = starts, BookableBy = by, IsBooked = booked, ObservedAt = observed,
        };
        db.Slots.AddRange(
            Slot(monday, monday.AddHours(-1)),                  // before the moment: ignored
            Slot(monday, monday.AddHours(1)),                   // 1st free, same day
            Slot(monday, monday.AddDays(1), booked: true),      // booked
            Slot(monday, monday.AddDays(1).AddHours(1), by: "urgent"), // not for non-urgent booking
            Slot(monday, monday.AddDays(2)),                    // 2nd
            Slot(monday, monday.AddDays(3)),                    // 3rd: 3 days
            Slot(monday, monday.AddDays(9)),
            Slot(monday.AddDays(7), monday.AddDays(7)),         // next week: 1st
            Slot(monday.AddDays(7), monday.AddDays(8)),         // 2nd
            Slot(monday.AddDays(7), monday.AddDays(14)),        // 3rd: 7 days
            Slot(monday, monday.AddDays(1), p: Profession.Nurse)); // nurse: fewer than three free, no measurement
        await db.SaveChangesAsync();

        var values = await ComputeAsync(db, "t3");

        var september = Find(values, "t3", "2024-09", "U1")!;
        Assert.Equal((10.0, 2.0, 5.0), (september.Numerator, september.Denominator!.Value, september.Value!.Value));
        Assert.Equal(5.0, Find(values, "t3", "2024Q3", "R", "profession", "doctor")!.Value);
        Assert.Null(Find(values, "t3", "2024-09", "R", "profession", "nurse"));
    }

    [Fact]
    public async Task Continuity_of_care_follows_Bice_Boxerman()
    {
        await using var db = await OpenAsync();
        var d = new DateTime(2024, 10, 1, 9, 0, 0);
        Visit V(string person, string practitioner, string unit = "U1")
        {
            var v = Visit(unit, d, null);
            v.PersonPseudonym = person;
            v.Practitioner = practitioner;
            return v;
        }
        db.Visits.AddRange(
            V("a", "x"), V("a", "x"), V("a", "x"),      // always the same: COC 1
            V("b", "x"), V("b", "y"),                   // two different: COC 0
            V("c", "x"), V("c", "x"), V("c", "y"),      // (4 + 1 − 3) / (3 × 2) = 1/3
            V("d", "x"),                                // one visit: not counted
            V("e", "x"), V("e", "y", "U2"));            // U1 and U2 once each: counted only at A and R, COC 0
        await db.SaveChangesAsync();

        var values = await ComputeAsync(db, "continuity_of_care");

        var u1 = Find(values, "continuity_of_care", "2024-10", "U1")!;
        Assert.Equal((3.0, 4.0 / 3), (u1.Denominator!.Value, u1.Numerator), new ToleranceComparer());
        Assert.Equal(4.0 / 9, u1.Value!.Value, 12);
        var region = Find(values, "continuity_of_care", "2024-10", "R")!;
        Assert.Equal(4.0, region.Denominator);
        Assert.Equal(1.0 / 3, region.Value!.Value, 12);
        Assert.Null(Find(values, "continuity_of_care", "2024-10", "U2"));
    }

    private sealed class ToleranceComparer : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) a, (double, double) b) => Math.Abs(a.Item1 - b.Item1) < 1e-12 && Math.Abs(a.Item2 - b.Item2) < 1e-12;
        public int GetHashCode((double, double) obj) => 0;
    }
}

using Microsoft.EntityFrameworkCore;
using Tilannekuva.Indicators.Calendar;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;
using static Tilannekuva.Indicators.Tests.Support;

namespace Tilannekuva.Indicators.Tests;

/// <summary>
/// The callback same-day share by DESIGN.md: of all requests, called back by the end of the working day
/// the request falls due; weekends and Finnish holidays move it to the next working day. Worked out by
/// hand, on both databases and in the reference evaluator.
/// </summary>
public sealed class CallbackWorkingDayTests
{
    [Theory]
    [InlineData(2024, 3, 29, 2024, 4, 2)]    // Good Friday → Easter Monday is off too → Tuesday
    [InlineData(2024, 5, 9, 2024, 5, 10)]    // Ascension Day (Thursday) → Friday
    [InlineData(2024, 6, 21, 2024, 6, 24)]   // Midsummer Eve (Friday) → Monday
    [InlineData(2024, 12, 24, 2024, 12, 27)] // Christmas Eve, Christmas Day, Boxing Day → Friday
    [InlineData(2025, 12, 6, 2025, 12, 8)]   // Independence Day on a Saturday → Monday
    [InlineData(2026, 10, 31, 2026, 11, 2)]  // All Saints' Day (Saturday) → Monday
    [InlineData(2027, 1, 1, 2027, 1, 4)]     // New Year's Day (Friday) → Monday
    [InlineData(2024, 3, 28, 2024, 3, 28)]   // Maundy Thursday is a working day
    public void Due_day_skips_weekends_and_holidays(int y, int m, int d, int dy, int dm, int dd) =>
        Assert.Equal(new DateOnly(dy, dm, dd), FinnishWorkingDays.DueDay(new DateOnly(y, m, d)));

    [Fact]
    public void Holidays_have_their_Finnish_names_and_the_two_eves()
    {
        Assert.Equal("Juhannusaatto", FinnishWorkingDays.HolidayOn(new DateOnly(2025, 6, 20)));
        Assert.Equal("Jouluaatto", FinnishWorkingDays.HolidayOn(new DateOnly(2025, 12, 24)));
        Assert.Equal("Pitkäperjantai", FinnishWorkingDays.HolidayOn(new DateOnly(2025, 4, 18)));
        Assert.Null(FinnishWorkingDays.HolidayOn(new DateOnly(2025, 4, 17)));
        Assert.Null(FinnishWorkingDays.DueDay(new DateOnly(1989, 12, 31)));
    }

    /// <summary>
    /// Eleven requests in March–December 2024 at U1, all counted in the month of the contact:
    /// March: Friday 1.3. called back Monday (late), Saturday 2.3. called back Monday (in time),
    /// Sunday 3.3. called back Tuesday (late), Monday 4.3. at 23:59 the same minute (in time),
    /// Good Friday 29.3. called back Tuesday 2.4. (in time: Easter Monday is off), one never called back (late).
    /// → March 3 of 6 = 50 %; of callbacks made 3 of 5 = 60 %.
    /// June: Thursday 20.6. called back on Midsummer Eve (late), Midsummer Eve 21.6. called back Monday 24.6. (in time)
    /// → 1 of 2. December: Christmas Eve 24.12. called back Friday 27.12. (in time), Monday 23.12. called back 27.12. (late),
    /// and a request of 30.12. never called back → 1 of 3; of those made 1 of 2.
    /// </summary>
    private static async Task SeedAsync(IndicatorsDbContext db)
    {
        await SeedTreeAsync(db);
        void Add(DateTime requested, DateTime? done) => db.Contacts.Add(Contact("U1", requested, requested: requested, done: done));
        Add(new(2024, 3, 1, 15, 0, 0), new(2024, 3, 4, 9, 0, 0));
        Add(new(2024, 3, 2, 10, 0, 0), new(2024, 3, 4, 16, 0, 0));
        Add(new(2024, 3, 3, 10, 0, 0), new(2024, 3, 5, 8, 0, 0));
        Add(new(2024, 3, 4, 23, 58, 0), new(2024, 3, 4, 23, 59, 0));
        Add(new(2024, 3, 29, 11, 0, 0), new(2024, 4, 2, 15, 0, 0));
        Add(new(2024, 3, 12, 9, 0, 0), null);
        Add(new(2024, 6, 20, 14, 0, 0), new(2024, 6, 21, 9, 0, 0));
        Add(new(2024, 6, 21, 9, 0, 0), new(2024, 6, 24, 12, 0, 0));
        Add(new(2024, 12, 24, 9, 0, 0), new(2024, 12, 27, 12, 0, 0));
        Add(new(2024, 12, 23, 9, 0, 0), new(2024, 12, 27, 12, 0, 0));
        Add(new(2024, 12, 30, 9, 0, 0), null);
        db.Contacts.Add(Contact("U1", new(2024, 3, 5, 9, 0, 0))); // no request: not in either share
        await db.SaveChangesAsync();
    }

    private static async Task AssertHandComputedAsync(DatabaseOptions options)
    {
        await using var db = await IndicatorsStorage.OpenMigratedAsync(options);
        await SeedAsync(db);
        var values = await ComputeAsync(db, "callback_same_day_share", "callback_same_day_share_of_made");

        var march = Find(values, "callback_same_day_share", "2024-03", "U1")!;
        Assert.Equal((3.0, 6.0, 50.0), (march.Numerator, march.Denominator!.Value, march.Value!.Value));
        Assert.Equal(60.0, Find(values, "callback_same_day_share_of_made", "2024-03", "U1")!.Value!.Value, 9);
        Assert.Equal(50.0, Find(values, "callback_same_day_share", "2024-06", "U1")!.Value!.Value, 9);
        Assert.Equal(100.0 / 3, Find(values, "callback_same_day_share", "2024-12", "U1")!.Value!.Value, 9);
        Assert.Equal(50.0, Find(values, "callback_same_day_share_of_made", "2024-12", "R")!.Value!.Value, 9);
        var year = Find(values, "callback_same_day_share", "2024", "R")!;
        Assert.Equal((5.0, 11.0), (year.Numerator, year.Denominator!.Value));
        // The week of Good Friday (Monday 25.3.) holds only that request, called back in time.
        Assert.Equal(100.0, Find(values, "callback_same_day_share", "2024-03-25", "U1")!.Value!.Value, 9);

        // The reference evaluator agrees cell by cell.
        var reference = await ReferenceEvaluator.EvaluateAsync(db, [IndicatorCatalogue.Get("callback_same_day_share"), IndicatorCatalogue.Get("callback_same_day_share_of_made")]);
        var stored = await db.IndicatorValues.AsNoTracking().ToListAsync();
        Assert.Equal(reference.Count, stored.Count);
        foreach (var r in reference)
        {
            var s = Find(stored, r.IndicatorCode, r.PeriodCode, r.OrgUnitId, r.Dimension, r.Category);
            Assert.True(s is not null && Close(r.Value, s.Value) && Close(r.Denominator, s.Denominator), $"{r.IndicatorCode} {r.PeriodCode} {r.OrgUnitId} {r.Dimension}/{r.Category}: {r.Value} vs {s?.Value}");
        }
    }

    [Fact]
    public async Task Sqlite_counts_by_the_working_day_due_and_every_request()
    {
        using var file = new SqliteFile();
        await AssertHandComputedAsync(file.Options);
    }

    [Fact]
    public async Task Postgres_counts_by_the_working_day_due_and_every_request()
    {
        await using var server = await PostgresServer.CreateDatabaseAsync();
        await AssertHandComputedAsync(server.Options);
    }

    [Fact]
    public async Task Sqlite_stores_the_calendar_of_the_code_once_and_mends_it()
    {
        using var file = new SqliteFile();
        await AssertCalendarAsync(file.Options);
    }

    [Fact]
    public async Task Postgres_stores_the_calendar_of_the_code_once_and_mends_it()
    {
        await using var server = await PostgresServer.CreateDatabaseAsync();
        await AssertCalendarAsync(server.Options);
    }

    /// <summary>Every stored day equals <see cref="FinnishWorkingDays"/>; a second recompute leaves it, a damaged table is filled again.</summary>
    private static async Task AssertCalendarAsync(DatabaseOptions options)
    {
        await using var db = await IndicatorsStorage.OpenMigratedAsync(options);
        await SeedTreeAsync(db);
        await ComputeAsync(db, "callback_same_day_share");
        var midsummerEve = await db.WorkingDays.AsNoTracking().SingleAsync(w => w.Day == new DateOnly(2024, 6, 21));
        Assert.False(midsummerEve.IsWorkingDay);
        Assert.Equal(new DateOnly(2024, 6, 24), midsummerEve.DueDay);
        Assert.Equal("Juhannusaatto", midsummerEve.Holiday);
        await AssertEqualsCodeAsync(db);

        await ComputeAsync(db, "callback_same_day_share");
        await AssertEqualsCodeAsync(db);
        // A day lost (a restore of part of the store, a hand edit) is noticed by the count and the whole calendar written again.
        await db.WorkingDays.Where(w => w.Day == new DateOnly(2025, 12, 6)).ExecuteDeleteAsync();
        await ComputeAsync(db, "callback_same_day_share");
        await AssertEqualsCodeAsync(db);
    }

    private static async Task AssertEqualsCodeAsync(IndicatorsDbContext db)
    {
        var stored = await db.WorkingDays.AsNoTracking().OrderBy(w => w.Day).Select(w => new { w.Day, w.IsWorkingDay, w.DueDay, w.Holiday }).ToListAsync();
        var expected = new List<object>();
        for (var d = new DateOnly(FinnishWorkingDays.FirstYear, 1, 1); d.Year <= FinnishWorkingDays.LastYear; d = d.AddDays(1))
            expected.Add(new { Day = d, IsWorkingDay = FinnishWorkingDays.IsWorkingDay(d), DueDay = FinnishWorkingDays.DueDay(d), Holiday = FinnishWorkingDays.HolidayOn(d) });
        Assert.Equal(new DateOnly(2101, 1, 1).DayNumber - new DateOnly(1990, 1, 1).DayNumber, stored.Count);
        Assert.Equal(expected.Select(x => x.ToString()), stored.Select(x => x.ToString()));
    }
}

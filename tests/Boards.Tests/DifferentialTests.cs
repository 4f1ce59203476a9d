using Microsoft.EntityFrameworkCore;
using Tilannekuva.Boards.Domain;
using Tilannekuva.Boards.Figures;
using Tilannekuva.Feedback.Demo;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Domain;
using Tilannekuva.Indicators.Ingest;
using Tilannekuva.Indicators.Synthetic;

namespace Tilannekuva.Boards.Tests;

/// <summary>
/// A synthetic region imported as files (snapshot at a Wednesday noon), its board figures checked against
/// a plain C# computation over the same rows read back into memory; on SQLite and PostgreSQL.
/// </summary>
public abstract class DifferentialTests(bool postgres)
{
    private static readonly DateTime Now = new(2026, 11, 18, 12, 0, 0);

    [Theory]
    [InlineData("K205-TA1")]
    [InlineData("KESKIKAINUU")]
    public async Task Board_figures_equal_an_independent_computation(string unit)
    {
        await using var store = await BoardStore.CreateAsync(postgres);
        var folder = Directory.CreateTempSubdirectory("tk-board-diff-");
        try
        {
            var files = new SyntheticRegion(4000, 1, 7, DateOnly.FromDateTime(Now), Now).Write(folder.FullName);
            foreach (var (kind, file, mapping) in files.Files)
            {
                store.Indicators.ChangeTracker.Clear();
                var r = await new Importer(store.Indicators).ImportAsync(kind, file, mapping is null ? null : ColumnMapping.Load(mapping),
                    new ImportOptions { Pseudonymiser = new Pseudonymiser(DemoRegionLoader.DemoPseudonymKey) });
                Assert.Equal(0, r.Rejected);
            }
        }
        finally { folder.Delete(recursive: true); }
        await new IndicatorComputer(store.Indicators).RecomputeAsync([IndicatorCatalogue.Get(BoardQuery.CareGuaranteeIndicator)]);

        var f = await store.Query().FiguresAsync([unit], Now, 60);
        var expected = await ExpectedAsync(store, unit);

        Assert.Equal(expected.Callbacks, f.Callbacks);
        Assert.True(f.Callbacks.RequestedToday > 0, "the snapshot has today's callback requests");
        Assert.Equal(expected.WaitingList, f.WaitingList);
        Assert.True(f.WaitingList.Open > 0);
        Assert.Equal((expected.CareGuarantee.Numerator, expected.CareGuarantee.Denominator), (f.CareGuarantee.Numerator, f.CareGuarantee.Denominator));
        Assert.True(f.CareGuarantee.Denominator > 0);
        foreach (var t in expected.T3)
        {
            var actual = f.T3.Single(x => x.Profession == t.Profession);
            Assert.Equal(t.Units, actual.Units);
            Assert.Equal(t.Days!.Value, actual.Days!.Value, 9);
        }
        Assert.Equal(expected.Staff, f.Staff);
        Assert.Equal(expected.NewestDataAt, f.NewestDataAt);
    }

    /// <summary>The definitions of docs/boards.md, applied to every row in memory.</summary>
    private static async Task<BoardFigures> ExpectedAsync(BoardStore store, string chosen)
    {
        var db = store.Indicators;
        var settings = store.Settings;
        var units = (await db.OrgUnitAncestors.AsNoTracking().ToListAsync()).Where(a => a.AncestorId == chosen).Select(a => a.UnitId).ToHashSet();
        var today = Now.Date;
        var day = DateOnly.FromDateTime(Now);

        var contacts = (await db.Contacts.AsNoTracking().ToListAsync()).Where(c => units.Contains(c.UnitId)).ToList();
        var window = contacts.Where(c => c.CallbackRequestedAt is { } r && r >= today.AddDays(-settings.CallbackLookbackDays) && r <= Now).ToList();
        bool Done(Contact c) => c.CallbackDoneAt is { } d && d <= Now;
        var callbacks = new CallbackFigures(
            window.Count(c => c.CallbackRequestedAt >= today),
            window.Count(c => c.CallbackDoneAt is { } d && d >= today && d <= Now),
            window.Count(c => c.CallbackRequestedAt >= today && !Done(c)),
            window.Count(c => c.CallbackRequestedAt < today && !Done(c)));

        var waiting = (await db.WaitingList.AsNoTracking().ToListAsync())
            .Where(w => units.Contains(w.UnitId) && w.AddedDate <= day && (w.RemovedDate is null || w.RemovedDate > day)).ToList();
        var waitingList = new WaitingListFigures(waiting.Count,
            waiting.Count(w => w.AssessmentDate is { } a && day.DayNumber - a.DayNumber > settings.CareGuaranteeDays), settings.CareGuaranteeDays);

        // Care guarantee ≤ 7 days from the visits themselves, over Monday 19.10. – Sunday 15.11.
        var assessments = (await db.Assessments.AsNoTracking().ToListAsync()).ToDictionary(a => a.SourceId, a => DateOnly.FromDateTime(a.AssessedAt));
        var (first, last) = (new DateOnly(2026, 10, 19), new DateOnly(2026, 11, 15));
        var eligible = (await db.Visits.AsNoTracking().ToListAsync())
            .Where(v => units.Contains(v.UnitId) && v.Service == Service.OutpatientCare && v.Urgency == Urgency.NonUrgent && !v.CarePlanVisit && !v.CertificateOnly)
            .Select(v => (Visit: v, Assessed: v.AssessmentDate ?? (v.AssessmentSourceId is { } id && assessments.TryGetValue(id, out var a) ? a : (DateOnly?)null)))
            .Where(x => x.Assessed is not null && DateOnly.FromDateTime(x.Visit.OccurredAt) is var d && d >= first && d <= last)
            .Select(x => DateOnly.FromDateTime(x.Visit.OccurredAt).DayNumber - x.Assessed!.Value.DayNumber)
            .Where(wait => wait >= 0).ToList();
        var careGuarantee = new CareGuaranteeFigures(eligible.Count(w => w <= 7), eligible.Count, []);

        // T3: per unit and profession, the latest snapshot up to now; its third free public slot from the moment.
        var slots = (await db.Slots.AsNoTracking().ToListAsync()).Where(s => units.Contains(s.UnitId) && s.ObservedAt <= Now).ToList();
        var t3 = new[] { Profession.Doctor, Profession.Nurse }.Select(p =>
        {
            var measurements = slots.Where(s => s.Profession == p).GroupBy(s => (s.UnitId, s.ObservedAt)).Select(g =>
            {
                var third = g.Where(s => !s.IsBooked && s.BookableBy == "public" && s.StartsAt >= s.ObservedAt).OrderBy(s => s.StartsAt).Skip(2).FirstOrDefault();
                return third is null ? null : new { g.Key.UnitId, g.Key.ObservedAt, Days = (double)(DateOnly.FromDateTime(third.StartsAt).DayNumber - DateOnly.FromDateTime(g.Key.ObservedAt).DayNumber) };
            }).OfType<dynamic>().ToList();
            var latest = measurements.GroupBy(m => (string)m.UnitId).Select(g => g.OrderByDescending(m => (DateTime)m.ObservedAt).First()).ToList();
            return new T3Figure(p, latest.Count == 0 ? null : latest.Average(m => (double)m.Days), null, latest.Count);
        }).ToList();

        var staff = (await db.Roster.AsNoTracking().ToListAsync()).Where(r => units.Contains(r.UnitId) && r.Day == day)
            .GroupBy(r => r.Profession).OrderBy(g => g.Key).Select(g => new StaffFigure(g.Key, g.Sum(r => r.Planned), g.Sum(r => r.Present))).ToList();

        // Newest data: contacts received or called back up to now (the batches of this test are stamped with the real clock, later than Now).
        var newest = contacts.Where(c => c.ReceivedAt <= Now).Select(c => (DateTime?)c.ReceivedAt)
            .Concat(window.Where(Done).Select(c => c.CallbackDoneAt)).Max();
        return new BoardFigures(Now, [.. units], callbacks, waitingList, careGuarantee, t3, staff, new NpsFigure(0, null, false, day, day), newest, false);
    }
}

public sealed class SqliteDifferentialTests() : DifferentialTests(postgres: false);

public sealed class PostgresDifferentialTests() : DifferentialTests(postgres: true);

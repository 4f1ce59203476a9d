using Tilannekuva.Boards.Domain;

namespace Tilannekuva.Boards.Tests;

/// <summary>
/// Aukioloajat: a board is open on its open days from the opening time (inclusive) to the closing time
/// (exclusive, 00:00 = midnight); outside them its figures are marked closed, which hides the stale warning.
/// </summary>
public abstract class OpeningHoursTests(bool postgres)
{
    private static readonly DateTime Monday = new(2026, 11, 23); // a Monday

    [Theory]
    [InlineData(0, 7, 59, false)]
    [InlineData(0, 8, 0, true)]
    [InlineData(0, 15, 59, true)]
    [InlineData(0, 16, 0, false)]
    [InlineData(4, 12, 0, true)]   // Friday
    [InlineData(5, 12, 0, false)]  // Saturday
    [InlineData(6, 12, 0, false)]  // Sunday
    public void Default_hours_are_Monday_to_Friday_8_to_16(int dayOffset, int hour, int minute, bool open) =>
        Assert.Equal(open, new Board { Name = "A" }.IsOpenAt(Monday.AddDays(dayOffset).AddHours(hour).AddMinutes(minute)));

    [Theory]
    [InlineData(2026, 12, 24)] // Christmas Eve, a Thursday
    [InlineData(2026, 6, 19)]  // Midsummer Eve, a Friday
    [InlineData(2026, 4, 3)]   // Good Friday
    [InlineData(2026, 5, 14)]  // Ascension Day, a Thursday
    public void Closed_on_Finnish_holidays_even_on_an_open_weekday(int y, int m, int d)
    {
        var board = new Board { Name = "A" };
        Assert.False(board.IsOpenAt(new DateTime(y, m, d, 12, 0, 0)));
        Assert.True(board.IsOpenAt(new DateTime(y, m, d, 12, 0, 0).AddDays(-7))); // the same weekday a week before
    }

    [Fact]
    public void Closing_at_midnight_means_open_until_the_day_ends()
    {
        var board = new Board { Name = "A", OpenDays = [DayOfWeek.Saturday], OpensAt = new(7, 0), ClosesAt = TimeOnly.MinValue };
        var saturday = Monday.AddDays(5);
        Assert.False(board.IsOpenAt(saturday.AddHours(6).AddMinutes(59)));
        Assert.True(board.IsOpenAt(saturday.AddHours(23).AddMinutes(59)));
        Assert.False(board.IsOpenAt(saturday.AddDays(1)));
    }

    [Fact]
    public void Opening_hours_are_validated()
    {
        var ok = new BoardDraft("A", ["U1"], [TileKind.T3], 60, 60, BoardTheme.Light);
        Assert.Empty(BoardsService.Validate(ok with { OpensAt = new(7, 0), ClosesAt = new(16, 0) }));
        Assert.Equal(["Boards.Error.OpenDays"], BoardsService.Validate(ok with { OpenDays = [] }));
        Assert.Equal(["Boards.Error.OpeningHours"], BoardsService.Validate(ok with { OpensAt = new(16, 0), ClosesAt = new(8, 0) }));
        Assert.Equal(["Boards.Error.OpeningHours"], BoardsService.Validate(ok with { OpensAt = new(8, 0), ClosesAt = new(8, 0) }));
    }

    [Fact]
    public async Task Hours_are_stored_and_the_figures_are_marked_closed_outside_them()
    {
        await using var store = await BoardStore.CreateAsync(postgres);
        // 2026-11-23 17:00 UTC = 19:00 in Helsinki, a Monday evening.
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero));
        var boards = store.Service(clock);
        var id = await boards.SaveAsync(null, new BoardDraft("A", ["U1"], [TileKind.Callbacks], 60, 60, BoardTheme.HighContrast,
            [DayOfWeek.Saturday, DayOfWeek.Monday], new TimeOnly(7, 0), new TimeOnly(19, 30)));
        var board = (await boards.FindAsync(id))!;
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Saturday], board.OpenDays);
        Assert.Equal((new TimeOnly(7, 0), new TimeOnly(19, 30)), (board.OpensAt, board.ClosesAt));

        var open = await boards.FiguresAsync(board);
        Assert.Equal(new DateTime(2026, 11, 23, 19, 0, 0), open.Now);
        Assert.True(open.Stale && !open.Closed && open.StaleWarning);   // no data at all: stale, and open
        clock.Now = clock.Now.AddMinutes(30);                             // 19:30: closed
        var closed = await boards.FiguresAsync(board);
        Assert.True(closed.Stale && closed.Closed && !closed.StaleWarning);

        // A board saved without hours gets the defaults.
        var plain = (await boards.FindAsync(await boards.SaveAsync(null, new BoardDraft("B", ["U1"], [TileKind.T3], 60, 60, BoardTheme.Light))))!;
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], plain.OpenDays);
        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(16, 0)), (plain.OpensAt, plain.ClosesAt));
    }
}

public sealed class SqliteOpeningHoursTests() : OpeningHoursTests(postgres: false);

public sealed class PostgresOpeningHoursTests() : OpeningHoursTests(postgres: true);

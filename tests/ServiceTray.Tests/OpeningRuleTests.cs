using Tilannekuva.ServiceTray.Domain;

namespace Tilannekuva.ServiceTray.Tests;

public class OpeningRuleTests
{
    private static readonly ServiceHours Week = new()
    {
        Periods = [new(DayOfWeek.Monday, DayOfWeek.Friday, new(8, 0), new(16, 0)), new(DayOfWeek.Saturday, null, new(22, 0), new(2, 0))],
    };

    // 3.12.2026 is a Thursday.
    [Theory]
    [InlineData("2026-12-03 07:59", false)]
    [InlineData("2026-12-03 08:00", true)]
    [InlineData("2026-12-03 15:59", true)]
    [InlineData("2026-12-03 16:00", false)]
    [InlineData("2026-12-05 21:59", false)] // Saturday before the night opening
    [InlineData("2026-12-05 23:30", true)]
    [InlineData("2026-12-06 01:59", true)]  // Sunday night, still Saturday's period
    [InlineData("2026-12-06 02:00", false)]
    [InlineData("2026-12-06 12:00", false)]
    public void Normal_week_with_a_night_over_midnight(string at, bool open) =>
        Assert.Equal(open, OpeningRule.IsOpen([Week], DateTime.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void An_exception_overrides_the_week_only_on_its_days()
    {
        var christmas = new ServiceHours { Type = "Exception", ValidFrom = new(2026, 12, 24), ValidTo = new(2026, 12, 26), IsClosed = true };
        var shortDay = new ServiceHours { Type = "Exception", ValidFrom = new(2026, 12, 23), Periods = [new(DayOfWeek.Wednesday, null, new(8, 0), new(12, 0))] };
        IReadOnlyList<ServiceHours> hours = [Week, christmas, shortDay];
        Assert.True(OpeningRule.IsOpen(hours, new DateTime(2026, 12, 22, 15, 0, 0)));
        Assert.False(OpeningRule.IsOpen(hours, new DateTime(2026, 12, 23, 15, 0, 0)));
        Assert.True(OpeningRule.IsOpen(hours, new DateTime(2026, 12, 23, 11, 0, 0)));
        Assert.False(OpeningRule.IsOpen(hours, new DateTime(2026, 12, 24, 10, 0, 0)));
        Assert.True(OpeningRule.IsOpen(hours, new DateTime(2026, 12, 28, 10, 0, 0)));
    }

    [Fact]
    public void Whole_day_and_no_hours()
    {
        var always = new ServiceHours { Periods = [new(DayOfWeek.Monday, DayOfWeek.Sunday, TimeOnly.MinValue, TimeOnly.MinValue)] };
        Assert.True(OpeningRule.IsOpen([always], new DateTime(2026, 12, 6, 3, 0, 0)));
        Assert.False(OpeningRule.IsOpen([], new DateTime(2026, 12, 3, 12, 0, 0)));
    }
}

using Tilannekuva.Disclosure;
using Tilannekuva.SocialWork.Domain;

namespace Tilannekuva.SocialWork.Tests;

/// <summary>The report's figures, computed by hand: breakdowns, trend against the previous period, the small-cell rule by area.</summary>
public sealed class ReportTests
{
    private static Observation O(string date, string category, string area, string group, int clients, bool quoted = false, string action = "") => new()
    {
        ObservedOn = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Category = category, Area = area, ClientGroup = group,
        ClientCount = clients, Description = "Kuvaus " + category, ProposedAction = action, Quoted = quoted,
    };

    [Theory]
    [InlineData("2026H1", "2026-01-01", "2026-06-30", "2025H2")]
    [InlineData("2026H2", "2026-07-01", "2026-12-31", "2026H1")]
    [InlineData("2026", "2026-01-01", "2026-12-31", "2025")]
    public void Periods_parse_and_know_the_one_before(string code, string from, string to, string previous)
    {
        Assert.True(ReportPeriod.TryParse(code, out var p));
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), p.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), p.To);
        Assert.Equal(previous, p.Previous.Code);
        Assert.False(ReportPeriod.TryParse("2026H3", out _));
        Assert.False(ReportPeriod.TryParse("x", out _));
    }

    [Fact]
    public void Breakdowns_trends_and_small_cells_by_area()
    {
        var now = new[]
        {
            O("2026-02-01", "housing", "205", "older", 10, quoted: true, action: "Lisää asuntoja"),
            O("2026-03-01", "housing", "765", "older", 6),
            O("2026-04-01", "loneliness", "697", "older", 2),   // Ristijärvi: 2 clients → hidden
            O("2026-05-01", "loneliness", "777", "families", 7),
        };
        var before = new[] { O("2025-09-01", "housing", "205", "older", 4), O("2025-10-01", "housing", "765", "older", 8) };
        var r = SocialWorkReport.Build(new ReportPeriod(2026, 1), now, before, new SmallCellRule(5));

        Assert.Equal(4, r.Observations);
        Assert.Equal(25, r.Clients);
        var housing = r.ByCategory.Single(x => x.Code == "housing");
        Assert.Equal((2, 16, 12, 4), (housing.Observations, housing.Clients, housing.PreviousClients, housing.Change));
        Assert.Equal(0, r.ByCategory.Single(x => x.Code == "other").Change);

        var area = r.ByArea.ToDictionary(x => x.Code);
        Assert.True(area["697"].Hidden);
        Assert.True(area["765"].Hidden); // 6 ≥ 5, but the smallest shown: hidden so the 2 cannot be worked out from the total
        Assert.Equal(7, area["777"].Clients);
        Assert.Null(area["697"].Observations);
        Assert.Equal(10, area["205"].Clients);
        Assert.Null(area["205"].PreviousClients); // 4 < 5 in the previous period
        Assert.Null(area["765"].PreviousClients);
        Assert.Equal(0, area["105"].Clients); // no clients: a zero takes no part in the rule
        Assert.Single(r.Quotes);
        Assert.Single(r.Proposals);
    }
}

namespace Tilannekuva.Disclosure.Tests;

/// <summary>The minimum cell size and complementary suppression, on hand-worked cases.</summary>
public sealed class SmallCellRuleTests
{
    private static readonly SmallCellRule Five = new(5);

    [Fact]
    public void A_cell_under_the_minimum_is_hidden_and_one_at_it_is_shown()
    {
        Assert.True(Five.Hides(4));
        Assert.False(Five.Hides(5));
        Assert.True(Five.Hides(0));
    }

    [Fact]
    public void A_lone_small_cell_takes_the_smallest_shown_cells_with_it()
    {
        Assert.Equal([true, true, false], Five.Hidden([3, 100, 120]));
        Assert.Equal([false, false], Five.Hidden([10, 20]));
        Assert.Equal([false, true, true], Five.Hidden([null, 3, 8])); // a cell without a figure takes no part
        Assert.Equal([true], Five.Hidden([4])); // nothing else to hide
        Assert.Equal([true, false, true, false], Five.Hidden([3, 9, 7, 20])); // 7 is the smallest shown
    }

    [Fact]
    public void Hidden_cells_must_together_rest_on_the_minimum()
    {
        // 2 + 2 = 4 < 5: the total minus the shown cells would give the two hidden ones' sum; one more goes.
        Assert.Equal([true, true, true, false], Five.Hidden([2, 2, 50, 60]));
        // 2 + 3 = 5: two hidden cells resting on the minimum protect each other.
        Assert.Equal([true, true, false], Five.Hidden([2, 3, 20]));
        // Ties go to the first of equal cells.
        Assert.Equal([true, true, false, false], Five.Hidden([1, 8, 8, 30]));
    }

    [Fact]
    public void Subtracting_the_shown_cells_from_the_total_never_recovers_less_than_the_minimum()
    {
        // A second, independent check over many small breakdowns: whatever is hidden sums to at
        // least the minimum and is never a single cell (unless it is the only one).
        var random = new Random(7);
        for (var round = 0; round < 2000; round++)
        {
            var ns = Enumerable.Range(0, random.Next(1, 7)).Select(_ => random.Next(6) == 0 ? (long?)null : random.Next(0, 30)).ToList();
            var hidden = Five.Hidden(ns);
            var hiddenNs = ns.Where((n, i) => hidden[i]).Select(n => n!.Value).ToList();
            Assert.All(ns.Select((n, i) => (n, i)).Where(x => x.n is { } v && v < 5), x => Assert.True(hidden[x.i]));
            if (hiddenNs.Count == 0) continue;
            var others = ns.Where((n, i) => !hidden[i] && n is not null).ToList();
            if (others.Count == 0) continue; // everything with a figure is hidden: nothing to subtract
            Assert.True(hiddenNs.Count >= 2, string.Join(",", ns));
            Assert.True(hiddenNs.Sum() >= 5, string.Join(",", ns));
        }
    }
}

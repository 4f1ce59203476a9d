using System.Globalization;
using Tilannekuva.Localisation;

namespace Tilannekuva.Programme.Tests.Review;

public class TextsTests
{
    private static readonly string[] Prefixes = ["Review.", "Review2.", "Checks.", "Changes.", "Monthly."];

    [Fact]
    public void Review_texts_exist_in_every_culture()
    {
        var keys = Texts.KeysByCulture();
        var fi = keys["fi"].Where(k => Prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToHashSet();
        Assert.True(fi.Count > 50, $"only {fi.Count} review texts embedded");
        foreach (var c in new[] { "sv", "en" })
            Assert.Empty(fi.Except(keys[c]));
        Assert.Equal("Riskimatriisi", Texts.Get("Review.RiskMatrix", CultureInfo.GetCultureInfo("fi")));
        Assert.Equal("Riskmatris", Texts.Get("Review.RiskMatrix", CultureInfo.GetCultureInfo("sv-FI")));
        Assert.Equal("Risk matrix", Texts.Get("Review.RiskMatrix", CultureInfo.GetCultureInfo("en")));
    }
}

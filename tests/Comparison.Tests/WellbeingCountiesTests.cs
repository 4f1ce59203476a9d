using System.Globalization;
using Tilannekuva.Comparison;
using Tilannekuva.Localisation;

namespace Tilannekuva.Comparison.Tests;

public sealed class WellbeingCountiesTests
{
    [Fact]
    public void The_list_holds_21_counties_and_Helsinki_each_named_in_three_languages()
    {
        Assert.Equal(22, WellbeingCounties.All.Count);
        Assert.Equal(22, WellbeingCounties.All.Select(c => c.Code).Distinct().Count());
        Assert.Equal(21, WellbeingCounties.All.Count(c => c.FinnishName.EndsWith("hyvinvointialue", StringComparison.Ordinal)));
        foreach (var (code, finnish) in WellbeingCounties.All)
        {
            Assert.Equal(finnish, Texts.Get("County." + code, new CultureInfo("fi")));
            Assert.NotEqual("County." + code, Texts.Get("County." + code, new CultureInfo("sv")));
            Assert.NotEqual("County." + code, Texts.Get("County." + code, new CultureInfo("en")));
        }
    }

    [Theory]
    [InlineData("KAINUU", "whatever", "KAINUU")]
    [InlineData("kainuu", "", "KAINUU")]
    [InlineData("HVA-21", "Kainuun hyvinvointialue", "KAINUU")]
    [InlineData("x", "kainuun  HYVINVOINTIALUE ", "KAINUU")]
    [InlineData("Kanta-Häme", "", "KANTA-HAME")]
    [InlineData("kanta hame", "", "KANTA-HAME")]
    [InlineData("x", "Päijät-Hämeen hyvinvointialue", "PAIJAT-HAME")]
    [InlineData("HARJU", "Harjuseudun hyvinvointialue", null)]
    public void A_county_is_found_by_its_code_or_its_Finnish_name(string id, string name, string? expected) =>
        Assert.Equal(expected, WellbeingCounties.CodeOf(id, name));

    [Fact]
    public void The_name_shown_follows_the_readers_language_and_falls_back_to_the_countys_own()
    {
        Assert.Equal("Kajanalands välfärdsområde", WellbeingCounties.NameIn("KAINUU", "Kainuun hyvinvointialue", new CultureInfo("sv")));
        Assert.Equal("Kainuu wellbeing services county", WellbeingCounties.NameIn("x", "Kainuun hyvinvointialue", new CultureInfo("en")));
        Assert.Equal("Harjuseudun hyvinvointialue", WellbeingCounties.NameIn("HARJU", "Harjuseudun hyvinvointialue", new CultureInfo("sv")));
    }
}

using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Localisation;

namespace Tilannekuva.Indicators.Tests;

public sealed class CatalogueTests
{
    [Fact]
    public void Catalogue_holds_the_first_indicators_with_names_in_three_languages()
    {
        var codes = IndicatorCatalogue.All.Select(d => d.Code).ToHashSet();
        foreach (var code in new[] { "care_guarantee_7d", "care_guarantee_14d", "care_guarantee_3m", "care_guarantee_wait_distribution", "remote_contact_share",
                     "callback_delay_median", "callback_delay_p90", "callback_same_day_share", "callback_same_day_share_of_made", "t3", "failure_demand_share", "failure_demand_htv", "continuity_of_care" })
            Assert.Contains(code, codes);
        foreach (var d in IndicatorCatalogue.All)
            foreach (var lang in Texts.Cultures)
            {
                Assert.False(string.IsNullOrWhiteSpace(d.Name[lang]), $"{d.Code} name {lang}");
                Assert.False(string.IsNullOrWhiteSpace(d.Definition[lang]), $"{d.Code} definition {lang}");
            }
        Assert.Equal([66.0, 80.0], IndicatorCatalogue.Get("care_guarantee_7d").Targets.Select(t => t.Value));
    }

    [Fact]
    public void Every_definition_compiles_for_both_dialects()
    {
        foreach (var d in IndicatorCatalogue.All)
            foreach (var dialect in Enum.GetValues<Dialect>())
                Assert.NotEmpty(SqlCompiler.Compile(d, dialect));
    }

    [Fact]
    public void A_definition_naming_an_unknown_field_is_refused()
    {
        var e = Assert.Throws<InvalidDataException>(() => IndicatorCatalogue.Parse("""
            { "code": "x", "name": { "fi": "x", "sv": "x", "en": "x" }, "definition": {}, "source": "visit", "periodBy": "visit date",
              "unit": "percent", "filters": [ { "field": "colour", "op": "eq", "value": "red" } ] }
            """));
        Assert.Contains("colour", e.Message);
    }

    [Fact]
    public void Indicator_texts_exist_in_every_language()
    {
        var keys = Texts.KeysByCulture();
        var ours = keys["fi"].Where(k => k.StartsWith("Ingest.", StringComparison.Ordinal) || k.StartsWith("Indicators.", StringComparison.Ordinal) || k.StartsWith("Cli.Import", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(ours);
        foreach (var lang in Texts.Cultures) Assert.Empty(ours.Except(keys[lang]));
    }
}

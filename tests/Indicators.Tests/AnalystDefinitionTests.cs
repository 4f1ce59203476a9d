using Microsoft.EntityFrameworkCore;
using Tilannekuva.Indicators.Catalogue;
using Tilannekuva.Indicators.Computation;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.TestSupport;
using static Tilannekuva.Indicators.Tests.Support;

namespace Tilannekuva.Indicators.Tests;

/// <summary>An analyst adds an indicator of a known shape as a JSON file, without code; it computes like the national ones.</summary>
public sealed class AnalystDefinitionTests
{
    private const string NursePhoneShare = """
        {
          "code": "nurse_phone_share",
          "name": { "fi": "Hoitajan puhelinkäyntien osuus", "sv": "Andel telefonbesök hos sjukskötare", "en": "Nurse phone-visit share" },
          "definition": { "fi": "Hoitajan käynneistä puhelimitse hoidettujen osuus.", "sv": "Andel av sjukskötarens besök per telefon.", "en": "Share of nurse visits handled by phone." },
          "source": "visit",
          "periodBy": "visit date (occurred_at)",
          "shape": "ratio",
          "filters": [ { "field": "profession", "op": "eq", "value": "nurse" } ],
          "numerator": { "filters": [ { "field": "contact_mode", "op": "eq", "value": "phone" } ] },
          "factor": 100,
          "unit": "percent",
          "direction": "higher_is_better",
          "dimensions": [ "contact_mode" ],
          "targets": [ { "value": 30, "due": "2026Q4" } ]
        }
        """;

    [Fact]
    public async Task A_definition_file_in_the_folder_is_read_and_its_sql_equals_the_reference()
    {
        using var file = new SqliteFile();
        var folder = Directory.CreateDirectory(Path.Combine(file.Folder, "indicators")).FullName;
        File.WriteAllText(Path.Combine(folder, "nurse_phone_share.json"), NursePhoneShare);

        var definitions = IndicatorCatalogue.FromFolder(folder, IndicatorCatalogue.All);
        var d = Assert.Single(definitions);
        Assert.Equal("nurse_phone_share", d.Code);

        await using var db = await IndicatorsStorage.OpenMigratedAsync(file.Options);
        await LoadRegionAsync(db, Path.Combine(file.Folder, "region"), population: 600, years: 1, seed: 3);
        await new IndicatorComputer(db).RecomputeAsync(definitions);
        var sql = await db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorCode == d.Code).ToListAsync();
        var reference = await ReferenceEvaluator.EvaluateAsync(db, definitions);

        Assert.NotEmpty(sql);
        Assert.Equal(reference.Count, sql.Count);
        foreach (var r in reference)
        {
            var s = Assert.Single(sql, v => v.PeriodType == r.PeriodType && v.PeriodCode == r.PeriodCode && v.OrgUnitId == r.OrgUnitId && v.Dimension == r.Dimension && v.Category == r.Category);
            Assert.Equal((r.Numerator, r.Denominator, r.N), (s.Numerator, s.Denominator, s.N));
            Assert.Equal(r.Value!.Value, s.Value!.Value, 9);
        }
    }

    [Fact]
    public void A_bad_file_is_refused_with_its_name_and_a_code_cannot_be_defined_twice()
    {
        using var file = new SqliteFile();
        var folder = Directory.CreateDirectory(Path.Combine(file.Folder, "indicators")).FullName;
        File.WriteAllText(Path.Combine(folder, "typo.json"), NursePhoneShare.Replace("\"profession\"", "\"professoin\""));
        var typo = Assert.Throws<InvalidDataException>(() => IndicatorCatalogue.FromFolder(folder, IndicatorCatalogue.All));
        Assert.Contains("typo.json", typo.Message);
        Assert.Contains("professoin", typo.Message);

        File.Delete(Path.Combine(folder, "typo.json"));
        File.WriteAllText(Path.Combine(folder, "again.json"), NursePhoneShare.Replace("nurse_phone_share", "care_guarantee_7d"));
        Assert.Contains("already defined", Assert.Throws<InvalidDataException>(() => IndicatorCatalogue.FromFolder(folder, IndicatorCatalogue.All)).Message);
    }
}

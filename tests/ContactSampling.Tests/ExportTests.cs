using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Tilannekuva.ContactSampling.Domain;
using Tilannekuva.ContactSampling.Export;
using Tilannekuva.ContactSampling.Results;
using Tilannekuva.Programme.Reports;

namespace Tilannekuva.ContactSampling.Tests;

/// <summary>The sample and results written as CSV and XLSX and read back.</summary>
public sealed class ExportTests
{
    private static readonly SamplingPeriod Period = new() { Id = 1, UnitId = "U1", Name = "p", StartDate = new(2026, 3, 2), EndDate = new(2026, 3, 13) };

    private static List<SampledContact> Sample() =>
    [
        SampleAnalysisTests.C(SamplingChannel.Phone, "test_results", Demand.Failure, FailureKind.ChasingProgress, true),
        SampleAnalysisTests.C(SamplingChannel.Chat, "test_results", Demand.Value),
        SampleAnalysisTests.C(SamplingChannel.InPerson, "appointment", Demand.Value, null, false),
    ];

    [Fact]
    public void Sample_csv_has_codes_and_finnish_names()
    {
        var fi = CultureInfo.GetCultureInfo("fi");
        using var ms = new MemoryStream();
        TableWriter.WriteCsv(SampleTables.Sample(Sample(), fi).Headers, SampleTables.Sample(Sample(), fi).Rows, ms, fi);
        var lines = Encoding.UTF8.GetString(ms.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("tunniste;kirjattu;kanava_koodi;kanava;syy_koodi;syy;", lines[0]);
        Assert.Contains(";phone;Puhelin;test_results;Tutkimustulokset;failure;Häiriökysyntä;chasing_progress;Asian etenemisen kysely;Kyllä", lines[1]);
        Assert.EndsWith(";in_person;Paikan päällä;appointment;Ajanvaraus;value;Arvokysyntä;;;Ei", lines[3]);
    }

    [Fact]
    public void Results_xlsx_reads_back_with_the_interval_in_percent()
    {
        var en = CultureInfo.GetCultureInfo("en");
        var table = SampleTables.Results(SampleAnalysis.Analyse(Period, Sample(), SamplingSettings.Default), en);
        using var ms = new MemoryStream();
        TableWriter.WriteXlsx(table.Headers, table.Rows, ms, "results");
        ms.Position = 0;
        var rows = ms.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, rows.Count); // total, test_results, appointment
        Assert.Equal("total", rows[0]["reason_code"]);
        Assert.Equal(3.0, Convert.ToDouble(rows[0]["contacts"]));
        // 1 of 3: 33.3 %, Wilson [6.1 %, 79.2 %] (centre (1/3 + 0.640243)/2.280486 = 0.426916; half 0.365424).
        Assert.Equal(33.3, Convert.ToDouble(rows[0]["share_%"]), 6);
        Assert.Equal(6.1, Convert.ToDouble(rows[0]["lower_%"]), 6);
        Assert.Equal(79.2, Convert.ToDouble(rows[0]["upper_%"]), 6);
        Assert.Equal(6.0, Convert.ToDouble(rows[0]["failure_minutes"]), 6);
    }
}

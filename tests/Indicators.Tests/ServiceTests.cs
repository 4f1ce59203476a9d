using Tilannekuva.Indicators.Ingest;
using Tilannekuva.Indicators.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Indicators.Tests;

public sealed class ServiceTests
{
    [Fact]
    public async Task Import_recomputes_and_the_series_reads_back()
    {
        using var file = new SqliteFile();
        await using var db = await IndicatorsStorage.OpenMigratedAsync(file.Options);
        var service = new IndicatorsService(db, new IngestSettings(Support.Key));
        var units = Path.Combine(file.Folder, "units.csv");
        File.WriteAllText(units, "source_id;name;parent_id;kind\nR;Alue;;region\nU1;Asema;R;unit\n");
        var contacts = Path.Combine(file.Folder, "contacts.csv");
        File.WriteAllText(contacts, "source_id;unit_id;received_at;channel;outcome\nY1;U1;5.2.2024 9:00;chat;resolved\nY2;U1;6.3.2024 9:00;phone;resolved\nY3;U1;7.3.2024 9:00;video;resolved\n");

        await service.ImportAsync(SourceKind.OrgUnits, units, null);
        var (import, compute) = await service.ImportAsync(SourceKind.Contacts, contacts, null);

        Assert.Equal(3, import.Stored);
        Assert.NotNull(compute);
        var series = await new Results.IndicatorResults(db).SeriesAsync("remote_contact_share", "month", "R");
        Assert.Equal(["2024-02", "2024-03"], series.Select(p => p.PeriodCode));
        Assert.Equal([100.0, 50.0], series.Select(p => p.Value!.Value));
        Assert.Equal(2, (await service.RecentImportsAsync()).Count);
    }
}

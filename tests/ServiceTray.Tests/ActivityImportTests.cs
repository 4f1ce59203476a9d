using Microsoft.EntityFrameworkCore;
using Tilannekuva.ServiceTray.Domain;
using Tilannekuva.ServiceTray.Import;
using Tilannekuva.ServiceTray.Storage;

namespace Tilannekuva.ServiceTray.Tests;

public class ActivityImportTests
{
    private static string Csv => Path.Combine(Fixtures.Folder("lahella"), "toiminnot.csv");
    private static ActivityMapping Mapping => ActivityMapping.Load(Path.Combine(Fixtures.Folder("lahella"), "mapping.json"));

    [Fact]
    public void Maps_rows_to_services_and_places()
    {
        var snapshot = ActivityImport.Read(Csv, Mapping);
        Assert.Equal("lahella", snapshot.Source);
        Assert.Equal(["L-100", "L-101", "L-102"], snapshot.Services.Keys.Order());
        Assert.Equal(["L-100", "L-101"], snapshot.Channels.Keys.Order()); // the family club has no place or hours

        var chair = snapshot.Services["L-100"];
        Assert.Equal(new LocalisedText("Ikäihmisten tuolijumppa", "Stolgymnastik för äldre"), chair.Name);
        Assert.Equal("Esimerkkilän eläkeläiset ry", chair.ProviderName.Fi);
        Assert.Equal([("KR1.2", "Ikäihmiset")], chair.TargetGroups.Select(t => (t.Code, t.Name.Fi!)));
        Assert.True(chair.IsFree);
        Assert.Equal(["205"], chair.Municipalities.Select(m => m.Code));
        Assert.False(snapshot.Services["L-102"].IsFree);
        Assert.Equal(["KR1.9", "KR1.2"], snapshot.Services["L-101"].TargetGroups.Select(t => t.Code));

        var place = snapshot.Channels["L-100"];
        Assert.Equal("Seurakatu 3", place.VisitingAddress!.StreetLine("fi"));
        Assert.True(place.Accessible);
        Assert.False(snapshot.Channels["L-101"].Accessible);
        var periods = Assert.Single(place.Hours).Periods;
        Assert.Equal([(DayOfWeek.Monday, new TimeOnly(10, 0), new TimeOnly(11, 0)), (DayOfWeek.Thursday, new TimeOnly(10, 30), new TimeOnly(11, 30))],
            periods.Select(p => (p.DayFrom, p.From, p.To)));
    }

    [Fact]
    public void Bad_rows_are_named_by_line_and_the_listings_own_column()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "toiminnot.csv");
        var lines = File.ReadAllLines(Csv);
        lines[1] = lines[1].Replace("ma 10-11", "maanantaisin aamulla").Replace("87100", "8710");
        lines[3] = lines[3].Replace("Lapsiperheet", "Vauvat");
        File.WriteAllLines(file, [.. lines, "L-100;Tuplarivi;;;;;;;;;;ei;;;"]);
        var e = Assert.Throws<TrayImportException>(() => ActivityImport.Read(file, Mapping));
        Assert.Equal(
            [(2, "Aika [hours]"), (2, "Postinumero [postal_code]"), (4, "Kohderyhmä [target_groups]"), (5, "Tunniste [id]")],
            e.Errors.Select(x => (x.Line, x.Field)).OrderBy(x => x.Line).ThenBy(x => x.Field));
        Assert.Contains("Vauvat", e.Errors.Single(x => x.Line == 4).Reason);
        Assert.Contains("line 2", e.Errors.Single(x => x.Line == 5).Reason);
    }

    [Fact]
    public void A_mapping_naming_a_missing_column_fails_up_front()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var mapping = Path.Combine(folder, "m.json");
        File.WriteAllText(mapping, File.ReadAllText(Path.Combine(Fixtures.Folder("lahella"), "mapping.json")).Replace("\"Verkkosivu\"", "\"Kotisivu\""));
        var e = Assert.Throws<TrayImportException>(() => ActivityImport.Read(Csv, ActivityMapping.Load(mapping)));
        var error = Assert.Single(e.Errors);
        Assert.Equal((1, "Kotisivu"), (error.Line, error.Field));
    }

    [Fact]
    public async Task A_listing_retires_only_its_own_entries()
    {
        await using var store = await TrayStore.CreateAsync(postgres: false);
        await store.StoreAsync(Fixtures.Ptv());
        await store.StoreAsync(ActivityImport.Read(Csv, Mapping));
        var fewer = Path.Combine(Directory.CreateTempSubdirectory().FullName, "toiminnot.csv");
        File.WriteAllLines(fewer, File.ReadAllLines(Csv).Take(2));
        var result = await store.StoreAsync(ActivityImport.Read(fewer, Mapping));
        Assert.Equal((0, 0, 3), (result.Added, result.Updated, result.Retired)); // L-101 (service, place), L-102
        await using var db = store.Open();
        Assert.Equal(12, await db.Entries.CountAsync(e => e.Source == "ptv" && e.Status == EntryStatus.Active));
        Assert.Equal(["L-100", "L-100"], await db.Entries.Where(e => e.Source == "lahella" && e.Status == EntryStatus.Active).Select(e => e.SourceId).ToListAsync());
    }

    [Theory]
    [InlineData("ma-pe 9-15, la 10-12", "Monday-Friday 09:00-15:00|Saturday- 10:00-12:00")]
    [InlineData("Mon–Fri 08:00–16:00", "Monday-Friday 08:00-16:00")]
    [InlineData("må-fr 8-16; sö 12.15-14", "Monday-Friday 08:00-16:00|Sunday- 12:15-14:00")]
    public void Hours_text_in_three_languages(string text, string expected)
    {
        var (periods, error) = HoursText.Parse(text);
        Assert.Null(error);
        Assert.Equal(expected, string.Join("|", periods.Select(p => $"{p.DayFrom}-{p.DayTo} {p.From:HH\\:mm}-{p.To:HH\\:mm}")));
    }
}

using Microsoft.EntityFrameworkCore;
using Tilannekuva.ServiceTray.Domain;
using Tilannekuva.ServiceTray.Import;
using Tilannekuva.ServiceTray.Storage;

namespace Tilannekuva.ServiceTray.Tests;

public class PtvImportTests
{
    private const string CarersGroup = "5e000000-0000-4000-8000-000000000001";
    private const string FamilyHomeHelp = "5e000000-0000-4000-8000-000000000004";

    [Fact]
    public void Reads_services_channels_and_organisations_in_their_languages()
    {
        var snapshot = Fixtures.Ptv();
        Assert.Equal(5, snapshot.Services.Count); // the Draft one is left out
        Assert.Equal(5, snapshot.Channels.Count);
        Assert.Equal(2, snapshot.Organisations.Count);
        Assert.Equal([EntryKind.Service, EntryKind.Channel, EntryKind.Organisation], snapshot.Kinds.Order());

        var s = snapshot.Services[CarersGroup];
        Assert.Equal(new LocalisedText("Omaishoitajien vertaisryhmä", "Kamratstödsgrupp för närståendevårdare", "Peer support group for family carers"), s.Name);
        Assert.Equal("Vertaistukea ja jaksamista omaishoitajille.", s.Summary.Fi);
        Assert.StartsWith("Ryhmä kokoontuu tiistaisin.", s.Description.Fi);
        Assert.Equal("Tule paikalle, ilmoittautumista ei tarvita.", s.Instructions.Fi);
        Assert.True(s.IsFree);
        Assert.Equal("P10.2", Assert.Single(s.ServiceClasses).Code);
        Assert.Equal("Närståendevård", s.ServiceClasses[0].Name.Sv);
        Assert.Equal("KR1", Assert.Single(s.TargetGroups).Code);
        Assert.Equal("KE9", Assert.Single(s.LifeEvents).Code);
        Assert.Equal(["jaksaminen"], s.Keywords);
        Assert.Equal(["205"], s.Municipalities.Select(m => m.Code));
        Assert.Equal(["0a1b2c3d-0000-4000-8000-000000000002"], s.OrganisationIds);
        Assert.Equal(["c0000000-0000-4000-8000-000000000001"], s.ChannelIds);

        // A region's municipalities come from its municipalities list.
        Assert.Equal(["205", "765"], snapshot.Services["5e000000-0000-4000-8000-000000000002"].Municipalities.Select(m => m.Code));
        Assert.True(snapshot.Services[FamilyHomeHelp].IsNationwide);

        var c = snapshot.Channels["c0000000-0000-4000-8000-000000000001"];
        Assert.Equal("ServiceLocation", c.Type);
        var a = Assert.Single(c.Addresses);
        Assert.Equal("Esimerkkikatu 10", a.StreetLine("fi"));
        Assert.Equal("87100", a.PostalCode);
        Assert.Equal("KAJAANI", a.PostOffice.Fi);
        Assert.Equal("205", a.Municipality!.Code);
        // ETRS-TM35FIN N 7 124 000, E 543 000 is in Kajaani: about 64.2°N, 27.9°E.
        Assert.InRange(a.Latitude!.Value, 64.15, 64.30);
        Assert.InRange(a.Longitude!.Value, 27.8, 27.95);
        var phone = Assert.Single(c.Phones);
        Assert.Equal("+358 401234567", phone.Display);
        Assert.Equal("Ryhmänohjaaja", phone.Info.Fi);
        Assert.Equal(["ryhma@omaishoitajat.example"], c.Emails);
        Assert.Equal("https://omaishoitajat.example/ryhma", Assert.Single(c.WebPages).Url);
        Assert.True(c.Accessible);
        Assert.Equal(2, c.Hours.Count);
        var tuesday = Assert.Single(c.Hours[0].Periods);
        Assert.Equal((DayOfWeek.Tuesday, new TimeOnly(17, 0), new TimeOnly(19, 0)), (tuesday.DayFrom, tuesday.From, tuesday.To));
        Assert.True(c.Hours[1].IsExceptional && c.Hours[1].IsClosed);
        Assert.Equal(new DateOnly(2026, 12, 22), c.Hours[1].ValidFrom);
        Assert.False(snapshot.Channels["c0000000-0000-4000-8000-000000000002"].Accessible);
        Assert.Equal("EChannel", snapshot.Channels["c0000000-0000-4000-8000-000000000005"].Type);

        var org = snapshot.Organisations["0a1b2c3d-0000-4000-8000-000000000001"];
        Assert.Equal("Demoområdets välfärdsområde", org.Name.Sv);
        Assert.Equal("Region", org.Type);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reimport_changes_nothing_then_updates_retires_and_restores_with_dates(bool postgres)
    {
        await using var store = await TrayStore.CreateAsync(postgres);
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var first = await store.StoreAsync(Fixtures.Ptv(), clock);
        Assert.Equal((12, 12, 0, 0, 0, 0), (first.Read, first.Added, first.Updated, first.Retired, first.Restored, first.Unchanged));

        clock.Now = clock.Now.AddDays(1);
        var again = await store.StoreAsync(Fixtures.Ptv(), clock);
        Assert.False(again.ChangedAnything);
        Assert.Equal(12, again.Unchanged);
        await using (var db = store.Open())
        {
            Assert.Equal(12, await db.Changes.CountAsync());
            Assert.All(await db.Entries.ToListAsync(), e => Assert.Equal(new DateTime(2026, 12, 1, 8, 0, 0), DateTime.SpecifyKind(e.ChangedAt, DateTimeKind.Unspecified)));
        }

        // The next day's catalogue: one name changed, the family home help gone, a new service.
        var folder = Fixtures.Copy("ptv");
        var services = File.ReadAllText(Path.Combine(folder, "services.json"))
            .Replace("Omaishoitajien vertaisryhmä", "Omaishoitajien vertaistukiryhmä")
            .Replace("\"5e000000-0000-4000-8000-000000000004\"", "\"5e000000-0000-4000-8000-000000000006\"");
        File.WriteAllText(Path.Combine(folder, "services.json"), services);
        clock.Now = clock.Now.AddDays(1);
        var changed = await store.StoreAsync(PtvImport.Read(PtvImport.Files([folder]), folder), clock);
        Assert.Equal((1, 1, 1, 0, 10), (changed.Added, changed.Updated, changed.Retired, changed.Restored, changed.Unchanged));
        await using (var db = store.Open())
        {
            var gone = await db.Entries.SingleAsync(e => e.SourceId == FamilyHomeHelp);
            Assert.Equal(EntryStatus.Retired, gone.Status);
            Assert.Equal(new DateTime(2026, 12, 3, 8, 0, 0), DateTime.SpecifyKind(gone.RetiredAt!.Value, DateTimeKind.Unspecified));
            var renamed = await db.Entries.SingleAsync(e => e.SourceId == CarersGroup);
            Assert.Contains("vertaistukiryhmä", renamed.Data);
            Assert.Equal(new DateTime(2026, 12, 1, 8, 0, 0), DateTime.SpecifyKind(renamed.FirstSeenAt, DateTimeKind.Unspecified));
            var log = await db.Changes.Where(c => c.ImportId == changed.ImportId).OrderBy(c => c.SourceId).Select(c => new { c.SourceId, c.Change }).ToListAsync();
            Assert.Equal([(CarersGroup, ChangeKind.Updated), (FamilyHomeHelp, ChangeKind.Retired), ("5e000000-0000-4000-8000-000000000006", ChangeKind.Added)],
                log.Select(l => (l.SourceId, l.Change)));
        }

        // The old catalogue again: the family home help comes back, the new one retires.
        clock.Now = clock.Now.AddDays(1);
        var back = await store.StoreAsync(Fixtures.Ptv(), clock);
        Assert.Equal((0, 1, 1, 1), (back.Added, back.Updated, back.Retired, back.Restored));
        await using (var db = store.Open())
            Assert.Equal(EntryStatus.Active, (await db.Entries.SingleAsync(e => e.SourceId == FamilyHomeHelp)).Status);
    }

    [Fact]
    public async Task A_services_file_alone_does_not_retire_channels()
    {
        await using var store = await TrayStore.CreateAsync(postgres: false);
        await store.StoreAsync(Fixtures.Ptv());
        var servicesOnly = PtvImport.Read(PtvImport.Files([Path.Combine(Fixtures.Folder("ptv"), "services.json")]), "services.json");
        var result = await store.StoreAsync(servicesOnly);
        Assert.Equal(0, result.Retired);
        await using var db = store.Open();
        Assert.Equal(12, await db.Entries.CountAsync(e => e.Status == EntryStatus.Active));
    }

    [Fact]
    public async Task Bad_values_refuse_the_whole_import_naming_file_line_and_field()
    {
        await using var store = await TrayStore.CreateAsync(postgres: false);
        await store.StoreAsync(Fixtures.Ptv());
        var folder = Fixtures.Copy("ptv");
        var channels = Path.Combine(folder, "channels.json");
        var text = File.ReadAllText(channels).Replace("\"to\": \"19:00:00\"", "\"to\": \"25:00:00\"").Replace("\"dayFrom\": \"Saturday\"", "\"dayFrom\": \"Lauantai\"");
        File.WriteAllText(channels, text);
        // Drop one service's id.
        var services = Path.Combine(folder, "services.json");
        File.WriteAllText(services, File.ReadAllText(services).Replace("\"id\": \"5e000000-0000-4000-8000-000000000003\",", ""));

        var e = Assert.Throws<TrayImportException>(() => PtvImport.Read(PtvImport.Files([folder]), folder));
        var lines = File.ReadAllLines(channels);
        int LineOf(string needle, string[] of) => Array.FindIndex(of, l => l.Contains(needle)) + 1;
        Assert.Contains(e.Errors, x => x.File == channels && x.Field == "$[0].serviceHours[0].openingHour[0].to" && x.Line == LineOf("25:00:00", lines) && x.Reason.Contains("25:00:00"));
        Assert.Contains(e.Errors, x => x.File == channels && x.Field == "$[1].serviceHours[0].openingHour[1].dayFrom" && x.Line == LineOf("Lauantai", lines));
        var serviceLines = File.ReadAllLines(services);
        var missing = Assert.Single(e.Errors, x => x.File == services);
        Assert.Equal("$[2].id", missing.Field);
        Assert.Equal("missing", missing.Reason);
        // The record's own line: where its object opens.
        Assert.Equal(Array.FindIndex(serviceLines, l => l.Contains("Senioriliikunta")) - 1, missing.Line);
        Assert.Equal(3, e.Errors.Count);

        await using var db = store.Open();
        Assert.Equal(1, await db.Imports.CountAsync());
    }

    [Fact]
    public void Broken_json_names_its_line()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "services.json");
        File.WriteAllText(file, "[\n  { \"id\": \"5e000000-0000-4000-8000-000000000001\",\n    \"serviceNames\": [ }\n]");
        var e = Assert.Throws<TrayImportException>(() => PtvImport.Read(PtvImport.Files([file]), file));
        var error = Assert.Single(e.Errors);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("not valid JSON", error.Reason);
    }

    [Fact]
    public void Tm35fin_on_the_central_meridian_gives_27_degrees_and_the_meridian_arc_latitude()
    {
        // GRS80 meridian arc to 60°N is 6 654 072.82 m; TM35FIN scales it by 0.9996.
        var (lat, lon) = Coordinates.FromTm35Fin(6_654_072.82 * 0.9996, 500_000);
        Assert.Equal(60.0, lat, 5);
        Assert.Equal(27.0, lon, 9);
        // Kajaani to Sotkamo is about 35 km.
        Assert.InRange(Coordinates.Kilometres(64.2222, 27.7278, 64.1333, 28.3833), 30, 40);
    }
}

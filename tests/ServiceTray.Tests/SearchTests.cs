using Tilannekuva.ServiceTray.Import;
using Tilannekuva.ServiceTray.Search;

namespace Tilannekuva.ServiceTray.Tests;

/// <summary>Search over the PTV fixtures and the association listing, stored and read back through a real SQLite store.</summary>
public class SearchTests : IAsyncLifetime
{
    private TrayStore _store = null!;
    private TrayIndex _index = null!;
    // Thursday 3.12.2026 at 10:15 in Finland.
    private static readonly DateTime Thursday = new(2026, 12, 3, 10, 15, 0);

    public async Task InitializeAsync()
    {
        _store = await TrayStore.CreateAsync(postgres: false);
        await _store.StoreAsync(Fixtures.Ptv());
        await _store.StoreAsync(ActivityImport.Read(Path.Combine(Fixtures.Folder("lahella"), "toiminnot.csv"), ActivityMapping.Load(Path.Combine(Fixtures.Folder("lahella"), "mapping.json"))));
        await using var db = _store.Open();
        _index = new TrayIndex(await TrayCatalog.LoadAsync(db));
    }

    public async Task DisposeAsync()
    {
        _index.Dispose();
        await _store.DisposeAsync();
    }

    private List<string> Names(TrayQuery q, DateTime? at = null) =>
        _index.Search(q, at ?? Thursday).Hits.Select(h => h.Item.Service.Name.Get(q.Language)).ToList();

    [Fact]
    public void Stems_finnish_inflection_and_splits_compounds()
    {
        var fi = TrayAnalyzers.Finnish();
        var omais = TrayAnalyzers.Positions(fi, "text_fi", "omaishoitajille");
        var base_ = TrayAnalyzers.Positions(fi, "text_fi", "omaishoitajien");
        Assert.Equal(omais[0][0], base_[0][0]);
        var groups = TrayAnalyzers.Positions(fi, "text_fi", "liikuntaryhmät");
        Assert.Single(groups);
        Assert.Contains(TrayAnalyzers.Positions(fi, "text_fi", "liikunta")[0][0], groups[0]);
        Assert.Contains(TrayAnalyzers.Positions(fi, "text_fi", "ryhmille")[0][0], groups[0]);
    }

    [Fact]
    public void Carers_find_their_services_with_an_inflected_word()
    {
        var names = Names(new TrayQuery { Text = "omaishoitajille" });
        Assert.Equal(Carers, names.Take(2).Order());
        Assert.DoesNotContain("Lapsiperheiden kotipalvelu", names);
    }

    [Fact]
    public void Older_peoples_exercise_groups_in_another_case_and_as_compound_parts()
    {
        var names = Names(new TrayQuery { Text = "ikääntyneiden liikuntaryhmät" });
        Assert.Equal("Liikuntaryhmät ikääntyneille", names[0]);
        // "liikunta" alone finds the compound "Senioriliikunta" and the listing's "liikuntaa".
        var exercise = Names(new TrayQuery { Text = "liikunta" });
        Assert.Contains("Senioriliikunta: vesijumppa", exercise);
        Assert.Contains("Ikäihmisten tuolijumppa", exercise);
    }

    [Theory]
    [InlineData("omaishoitjille")]   // a letter missing
    [InlineData("omaishiotajille")]  // two letters swapped
    [InlineData("omaishoitajile")]
    public void Typos_still_find(string typo) =>
        Assert.Equal(Carers, Names(new TrayQuery { Text = typo }).Take(2).Order());

    private static readonly string[] Carers = ["Omaishoitajien kahvila", "Omaishoitajien vertaisryhmä"];

    [Fact]
    public void Without_umlauts()
    {
        Assert.Equal("Liikuntaryhmät ikääntyneille", Names(new TrayQuery { Text = "ikaantyneiden liikuntaryhmat" })[0]);
    }

    [Fact]
    public void Swedish_and_english()
    {
        Assert.Equal("Kamratstödsgrupp för närståendevårdare", Names(new TrayQuery { Text = "närståendevårdarna", Language = "sv" })[0]);
        Assert.Equal("Exercise groups for older people", Names(new TrayQuery { Text = "exercising", Language = "en" })[0]);
    }

    [Fact]
    public void Filters()
    {
        // Sotkamo: its own services, the region's that cover it, nationwide ones.
        Assert.Equal(["Lapsiperheiden kotipalvelu", "Liikuntaryhmät ikääntyneille", "Omaishoitajien kahvila", "Senioriliikunta: vesijumppa"],
            Names(new TrayQuery { Municipality = "765" }).Order());
        // KR1.2 (older people) and its parent KR1.
        Assert.Equal(["Ikäihmisten tuolijumppa", "Liikuntaryhmät ikääntyneille", "Omaishoitajien kahvila", "Senioriliikunta: vesijumppa"],
            Names(new TrayQuery { TargetGroup = "KR1.2" }).Order());
        Assert.Equal(8, Names(new TrayQuery { TargetGroup = "KR1" }).Count); // every one: KR1, KR1.1, KR1.2, KR1.9
        Assert.Equal(["Ikäihmisten tuolijumppa", "Omaishoidon tuen hakeminen", "Omaishoitajien kahvila", "Omaishoitajien vertaisryhmä"],
            Names(new TrayQuery { FreeOnly = true }).Order());
        Assert.Equal(["Ikäihmisten tuolijumppa", "Omaishoitajien vertaisryhmä"], Names(new TrayQuery { AccessibleOnly = true }).Order());
        Assert.Equal(["Omaishoidon tuen hakeminen"], Names(new TrayQuery { ChannelType = "EChannel" }));
        Assert.Equal(["Liikuntaryhmät ikääntyneille", "Senioriliikunta: vesijumppa"], Names(new TrayQuery { ServiceClass = "P27" }).Order());
        Assert.Equal(["Omaishoitajien vertaisryhmä"], Names(new TrayQuery { Text = "omaishoitajille", AccessibleOnly = true, FreeOnly = true }));
    }

    [Fact]
    public void Open_now_from_the_opening_hours()
    {
        // Thursday 10:15: the sports hall (Mon–Fri 8–21), the swimming hall (always) and the chair gym (Thu 10.30–11.30: not yet).
        Assert.Equal(["Liikuntaryhmät ikääntyneille", "Senioriliikunta: vesijumppa"], Names(new TrayQuery { OpenNow = true }).Order());
        Assert.Equal(["Ikäihmisten tuolijumppa", "Liikuntaryhmät ikääntyneille", "Senioriliikunta: vesijumppa"],
            Names(new TrayQuery { OpenNow = true }, Thursday.AddMinutes(30)).Order());
        // Tuesday 18:00 but in the Christmas break: the carers' group is closed by its exception.
        Assert.DoesNotContain("Omaishoitajien vertaisryhmä", Names(new TrayQuery { OpenNow = true }, new DateTime(2026, 12, 29, 18, 0, 0)));
        Assert.Contains("Omaishoitajien vertaisryhmä", Names(new TrayQuery { OpenNow = true }, new DateTime(2026, 12, 8, 18, 0, 0)));
    }

    [Fact]
    public void Without_words_nearest_first()
    {
        // From 87200 (the Kajaani sports hall's postal code): Kajaani's services, the hall's first, the carers' group
        // (about 7 km east) next, then those with no place on the map (phone, e-service, an address without coordinates) by name.
        var hits = _index.Search(new TrayQuery { TargetGroup = "KR1", PostalCode = "87200" }, Thursday).Hits;
        Assert.Equal(["Liikuntaryhmät ikääntyneille", "Omaishoitajien vertaisryhmä", "Ikäihmisten tuolijumppa", "Lapsiperheiden kotipalvelu", "Omaishoidon tuen hakeminen"],
            hits.Select(h => h.Item.Service.Name.Fi));
        Assert.Equal(0, hits[0].Kilometres!.Value, 3);
        Assert.InRange(hits[1].Kilometres!.Value, 4, 10);
        Assert.Null(hits[2].Kilometres);
    }

    [Fact]
    public void A_compound_query_finds_its_own_compound_first()
    {
        // The compound "vesiliikunta" (water exercise) is split into its parts: the water gym ("Vesiliikuntaa …") comes first,
        // the other exercise services follow on the part "liikunta".
        var hits = _index.Search(new TrayQuery { Text = "vesiliikunta", Municipality = "765" }, Thursday).Hits;
        Assert.Equal("Senioriliikunta: vesijumppa", hits[0].Item.Service.Name.Fi);
    }

    [Fact]
    public void No_match_and_loosening()
    {
        var none = _index.Search(new TrayQuery { Text = "moottorikelkkasafari" }, Thursday);
        Assert.Equal(0, none.Total);
        var loose = _index.Search(new TrayQuery { Text = "omaishoitajille moottorikelkkasafari" }, Thursday);
        Assert.True(loose.Loosened);
        Assert.Equal(Carers, loose.Hits.Take(2).Select(h => h.Item.Service.Name.Fi!).Order());
    }
}

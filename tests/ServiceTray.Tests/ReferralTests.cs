using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Tilannekuva.Feedback.Sms;
using Tilannekuva.ServiceTray.Collections;
using Tilannekuva.ServiceTray.Demo;
using Tilannekuva.ServiceTray.Referrals;
using Tilannekuva.ServiceTray.Storage;
using Tilannekuva.ServiceTray.Usage;

namespace Tilannekuva.ServiceTray.Tests;

/// <summary>Wellbeing referrals on a real store: create, send, look up by code, mark arrived, count; no contact kept anywhere.</summary>
public class ReferralTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private sealed record Setup(TrayStore Store, string Outbox, FixedClock Clock, UsageCounter Usage, long[] Services) : IAsyncDisposable
    {
        public Referrals.Referrals Make(ServiceTrayDbContext db) =>
            new(db, Clock, new FileSmsGateway(Path.Combine(Outbox, "sms")), new ReferralMail(Path.Combine(Outbox, "mail")), Usage);

        public async ValueTask DisposeAsync()
        {
            await Store.DisposeAsync();
            Directory.Delete(Outbox, recursive: true);
        }
    }

    private static async Task<Setup> SetupAsync(bool postgres = false)
    {
        var store = await TrayStore.CreateAsync(postgres);
        await store.StoreAsync(TrayDemo.Snapshot());
        await using var db = store.Open();
        var ids = await db.Entries.Where(e => e.Kind == EntryKind.Service).OrderBy(e => e.Id).Select(e => e.Id).Take(5).ToArrayAsync();
        var clock = new FixedClock(Now);
        return new Setup(store, Directory.CreateTempSubdirectory("tray-outbox-").FullName, clock, new UsageCounter(clock), ids);
    }

    [Fact]
    public async Task Sms_referral_is_stored_without_the_number_and_sent_with_the_code()
    {
        await using var s = await SetupAsync();
        TrayReferral made;
        await using (var db = s.Store.Open())
            made = await s.Make(db).CreateAsync(new ReferralRequest([s.Services[0], s.Services[1]], "KR1.2", "K205-TA1", ReferralChannel.Sms, "040 765 4321", "fi"), "https://tray.example");
        Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$", made.Code);

        var outbox = await File.ReadAllTextAsync(Path.Combine(s.Outbox, "sms", FileSmsGateway.FileName));
        Assert.Contains(made.Code, outbox);
        Assert.Contains($"https://tray.example/palvelut/lahete/{made.Code}", outbox);
        Assert.DoesNotContain("7654321", outbox.Replace(" ", ""));

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(s.Store.Folder!))
        {
            var text = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file));
            Assert.DoesNotContain("7654321", text);
            Assert.DoesNotContain("765 4321", text);
        }

        await using var read = s.Store.Open();
        var found = await s.Make(read).FindAsync(made.Code.ToLowerInvariant()[..4] + "-" + made.Code[4..]);
        Assert.NotNull(found);
        Assert.Equal([s.Services[0], s.Services[1]], found!.Services.Select(x => x.ServiceId).Order());
        Assert.Equal("K205-TA1", found.Unit);
        Assert.Equal("KR1.2", found.TargetGroup);
    }

    [Fact]
    public async Task Email_referral_keeps_no_address_and_a_bad_contact_stores_nothing()
    {
        await using var s = await SetupAsync();
        await using var db = s.Store.Open();
        var referrals = s.Make(db);
        var made = await referrals.CreateAsync(new ReferralRequest([s.Services[2]], "KR1", "", ReferralChannel.Email, "maija.asiakas@example.fi", "sv"), "https://tray.example");
        var mail = await File.ReadAllTextAsync(Path.Combine(s.Outbox, "mail", ReferralMail.FileName));
        Assert.Contains(made.Code, mail);
        Assert.DoesNotContain("maija.asiakas", mail);
        Assert.Contains("Din välfärdsremiss", mail);

        var bad = await Assert.ThrowsAsync<ReferralException>(() => referrals.CreateAsync(new ReferralRequest([], "", "", ReferralChannel.Sms, "not a number", "fi"), "https://tray.example"));
        Assert.Equal(["TrayWork.Referral.Error.NoServices", "TrayWork.Referral.Error.TargetGroup", "TrayWork.Referral.Error.Phone"], bad.Errors);
        Assert.Equal(1, await db.Referrals.CountAsync());

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(s.Store.Folder!))
            Assert.DoesNotContain("maija.asiakas", Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Arrivals_and_counts_per_service_unit_and_target_group(bool postgres)
    {
        if (postgres && Environment.GetEnvironmentVariable("TILANNEKUVA_TEST_PG") is null) return;
        await using var s = await SetupAsync(postgres);
        await using var db = s.Store.Open();
        var referrals = s.Make(db);
        var a = await referrals.CreateAsync(new ReferralRequest([s.Services[0], s.Services[1]], "KR1.2", "U1", ReferralChannel.Paper, null, "fi"), "http://x");
        var b = await referrals.CreateAsync(new ReferralRequest([s.Services[0]], "KR1.2", "U1", ReferralChannel.Paper, null, "fi"), "http://x");
        await referrals.CreateAsync(new ReferralRequest([s.Services[0]], "KR1", "U2", ReferralChannel.Paper, null, "en"), "http://x");

        Assert.True(await referrals.MarkArrivedAsync(a.Code, s.Services[0]));
        s.Clock.Now = Now.AddHours(2);
        Assert.True(await referrals.MarkArrivedAsync(a.Code, s.Services[0])); // again: keeps the first time
        Assert.True(await referrals.MarkArrivedAsync(b.Code, s.Services[0]));
        Assert.False(await referrals.MarkArrivedAsync(b.Code, s.Services[1])); // not on referral b
        Assert.False(await referrals.MarkArrivedAsync("ZZZZZZZZ", s.Services[0]));
        Assert.Equal(Now, (await referrals.FindAsync(a.Code))!.Services.Single(x => x.ServiceId == s.Services[0]).ArrivedAt);

        var counts = await referrals.CountsAsync(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31));
        Assert.Equal(new ReferralCount(s.Services[0], "U1", "KR1.2", 2, 2), counts.Single(c => c.ServiceId == s.Services[0] && c.Unit == "U1"));
        Assert.Equal(new ReferralCount(s.Services[0], "U2", "KR1", 1, 0), counts.Single(c => c.ServiceId == s.Services[0] && c.Unit == "U2"));
        Assert.Equal(new ReferralCount(s.Services[1], "U1", "KR1.2", 1, 0), counts.Single(c => c.ServiceId == s.Services[1]));
        Assert.Empty(await referrals.CountsAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));

        var indicators = new TrayIndicators(db, referrals, s.Usage);
        var made = await indicators.ComputeAsync(TrayIndicators.ReferralsMade, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), "targetGroup");
        Assert.Equal([("KR1", 1.0), ("KR1.2", 3.0)], made.Select(v => (v.Key, v.Value!.Value)));
        var share = await indicators.ComputeAsync(TrayIndicators.ShareArrived, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31));
        Assert.Equal(50.0, share.Single().Value); // 2 of 4 referred services arrived
        var byUnit = await indicators.ComputeAsync(TrayIndicators.ShareArrived, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), "unit");
        Assert.Equal([("U1", 66.7), ("U2", 0.0)], byUnit.Select(v => (v.Key, v.Value!.Value)));
    }
}

/// <summary>Curated collections: save, validate, change, delete.</summary>
public class CollectionTests
{
    [Fact]
    public async Task Collections_are_saved_validated_and_changed()
    {
        await using var store = await TrayStore.CreateAsync(postgres: false);
        await store.StoreAsync(TrayDemo.Snapshot());
        await using var db = store.Open();
        await TrayWorkDemo.LoadAsync(db);
        var collections = new Collections.Collections(db, TimeProvider.System, NullLogger<Collections.Collections>.Instance);
        var all = await collections.AllAsync();
        Assert.Equal(["ikaihmisen-liikunta", "omaishoitajan-palvelut"], all.Select(c => c.Slug).Order());
        var carers = (await collections.FindAsync("omaishoitajan-palvelut"))!;
        Assert.Equal("Tjänster för närståendevårdare", carers.Name("sv"));
        Assert.True(carers.ServiceIds.Count >= 3);

        var bad = new TrayCollection { Slug = "Omaishoitajan palvelut", NameFi = "" };
        Assert.Equal(["TrayWork.Collection.Error.Slug", "TrayWork.Collection.Error.Name"], await collections.ValidateAsync(bad));
        Assert.Equal(["TrayWork.Collection.Error.SlugTaken"], await collections.ValidateAsync(new TrayCollection { Slug = "ikaihmisen-liikunta", NameFi = "X" }));

        carers.ServiceIds = [carers.ServiceIds[1], carers.ServiceIds[0]];
        carers.NameEn = "Carers' services";
        await collections.SaveAsync(carers, "toimittaja");
        var again = (await collections.FindAsync("omaishoitajan-palvelut"))!;
        Assert.Equal(carers.ServiceIds, again.ServiceIds);
        Assert.Equal("Carers' services", again.Name("en"));
        Assert.Equal("toimittaja", again.ChangedBy);

        Assert.True(await collections.DeleteAsync(again.Id, "toimittaja"));
        Assert.Null(await collections.FindAsync("omaishoitajan-palvelut"));
        await TrayWorkDemo.LoadAsync(db); // a store with collections is left as it is
        Assert.Single(await collections.AllAsync());
    }
}

/// <summary>Usage counts: scrubbed words, daily rows, indicator values.</summary>
public class UsageTests
{
    [Theory]
    [InlineData("kuntosali", "kuntosali")]
    [InlineData("Vesijumppa Kuhmo", "vesijumppa kuhmo")]
    [InlineData("soita 040 123 4567 maija@example.fi", "soita")]
    [InlineData("ryhmä 12", "ryhmä")]
    [InlineData("a b c d e f g", "a b c d e")]
    [InlineData("040-1234567", "")]
    public void Search_words_are_scrubbed(string words, string kept) => Assert.Equal(kept, UsageCounter.ScrubWords(words));

    [Fact]
    public void An_identity_code_in_the_search_words_is_dropped() =>
        Assert.Equal("kotihoito", UsageCounter.ScrubWords($"{Feedback.Scrubbing.IdentityCode.Create(new DateOnly(1952, 10, 13), 308)} kotihoito"));

    [Fact]
    public async Task Counts_become_daily_rows_and_indicator_values()
    {
        await using var store = await TrayStore.CreateAsync(postgres: false);
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 3, 21, 30, 0, TimeSpan.Zero)); // 23.30 in Finland
        var usage = new UsageCounter(clock);
        usage.Searched("kuntosali", 12);
        usage.Searched("sukellus 0401234567", 0);
        usage.Searched("sukellus", 0);
        usage.Viewed(["KR1", "KR1.2"]);
        await using (var db = store.Open()) await usage.FlushAsync(db);
        clock.Now = clock.Now.AddHours(1); // 00.30: the next day in Finland
        usage.Searched("sukellus", 0);
        usage.Viewed(["KR1.2"]);
        await using (var db = store.Open()) await usage.FlushAsync(db);

        await using var read = store.Open();
        var rows = await read.UsageDays.OrderBy(r => r.Day).ThenBy(r => r.Kind).ThenBy(r => r.Key).ToListAsync();
        Assert.Equal(new DateOnly(2026, 12, 3), rows[0].Day);
        Assert.Equal(3, rows.Single(r => r.Day == new DateOnly(2026, 12, 3) && r.Kind == UsageKind.Search).Count);
        Assert.Equal(2, rows.Single(r => r.Day == new DateOnly(2026, 12, 3) && r.Kind == UsageKind.NoResult).Count);
        Assert.Equal("sukellus", rows.Single(r => r.Day == new DateOnly(2026, 12, 3) && r.Kind == UsageKind.NoResult).Key);
        Assert.DoesNotContain(rows, r => r.Kind == UsageKind.NoResult && r.Key.Any(char.IsDigit));

        var referrals = new Referrals.Referrals(read, clock, new ConsoleSmsGateway(TextWriter.Null), new ReferralMail(Path.GetTempPath()), usage);
        var indicators = new TrayIndicators(read, referrals, usage);
        var (from, to) = (new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31));
        Assert.Equal(4.0, (await indicators.ComputeAsync(TrayIndicators.Searches, from, to)).Single().Value);
        Assert.Equal(3.0, (await indicators.ComputeAsync(TrayIndicators.NoResult, from, to)).Single().Value);
        Assert.Equal(2.0, (await indicators.ComputeAsync(TrayIndicators.Views, from, to)).Single().Value);
        Assert.Equal([("KR1", 1.0), ("KR1.2", 2.0)], (await indicators.ComputeAsync(TrayIndicators.Views, from, to, "targetGroup")).Select(v => (v.Key, v.Value!.Value)));
    }
}

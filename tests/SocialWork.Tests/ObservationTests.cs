using Microsoft.EntityFrameworkCore;
using Tilannekuva.Feedback.Scrubbing;
using Tilannekuva.SocialWork.Domain;

namespace Tilannekuva.SocialWork.Tests;

/// <summary>Recording observations on a real database: scrubbing before storing, validation, follow-up, audit.</summary>
public abstract class ObservationTests(bool postgres)
{
    private static ObservationDraft Draft(string description) =>
        new(new DateOnly(2026, 3, 10), "housing", "205", "youngadults", 3, description, "Lisää tukiasuntoja; soita 040 123 4567");

    [Fact]
    public async Task A_description_is_stored_without_identity_codes_phone_numbers_emails_or_names()
    {
        await using var store = await SocialWorkStore.CreateAsync(postgres);
        var code = IdentityCode.Create(new DateOnly(1990, 5, 17), 123);
        var id = await store.Service().RecordAsync(Draft($"Matti Virtanen ({code}) ja rouva Koskinen, matti@example.org, 040 765 4321: ei asuntoa Kajaanissa."), "tyontekija");

        var stored = await store.Db.Observations.AsNoTracking().SingleAsync(o => o.Id == id);
        Assert.DoesNotContain(code, stored.Description);
        Assert.DoesNotContain("Matti", stored.Description);
        Assert.DoesNotContain("Virtanen", stored.Description);
        Assert.DoesNotContain("Koskinen", stored.Description);
        Assert.DoesNotContain("example.org", stored.Description);
        Assert.DoesNotContain("765 4321", stored.Description);
        Assert.Contains(DescriptionScrubber.NameMarker, stored.Description);
        Assert.Contains("Kajaanissa", stored.Description); // place names stay
        Assert.DoesNotContain("123 4567", stored.ProposedAction);
        Assert.Equal("tyontekija", stored.RecordedBy);
        Assert.Equal(FollowUpState.Proposed, stored.FollowUp);
    }

    [Fact]
    public async Task Every_change_is_audited_with_the_user()
    {
        await using var store = await SocialWorkStore.CreateAsync(postgres);
        var service = store.Service();
        var id = await service.RecordAsync(Draft("Vuokra-asuntoja ei ole."), "tyontekija");
        Assert.True(await service.SetFollowUpAsync(id, FollowUpState.InProgress, "Valmistelussa", default));
        Assert.True(await service.SetQuotedAsync(id, true));
        Assert.False(await service.SetFollowUpAsync(id + 100, FollowUpState.Done, null));

        var audit = await store.Db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["Added", "Modified", "Modified"], audit.Select(a => a.Change));
        Assert.All(audit, a => Assert.Equal("tyontekija", a.UserName));
        Assert.All(audit, a => Assert.Equal(nameof(Observation), a.EntityType));
        Assert.Contains("Valmistelussa", audit[1].After);
        Assert.All(audit, a => Assert.False(string.IsNullOrEmpty(a.Hash)));
    }

    [Fact]
    public async Task A_correction_is_scrubbed_again_keeps_the_follow_up_and_a_removal_is_audited()
    {
        await using var store = await SocialWorkStore.CreateAsync(postgres);
        var service = store.Service();
        var id = await service.RecordAsync(Draft("Vuokra-asuntoja ei ole."), "tyontekija");
        Assert.True(await service.SetFollowUpAsync(id, FollowUpState.InProgress, null));
        var phone = "040 " + "555 0101";
        Assert.True(await service.UpdateAsync(id, Draft($"Vuokra-asuntoja ei ole nuorille, kertoi Liisa Laine ({phone}).") with { ClientCount = 7, Area = "290" }));
        Assert.False(await service.UpdateAsync(id + 100, Draft("x")));
        await Assert.ThrowsAsync<ArgumentException>(() => service.UpdateAsync(id, Draft(" ")));

        var stored = await store.Db.Observations.AsNoTracking().SingleAsync(o => o.Id == id);
        Assert.Equal((7, "290", FollowUpState.InProgress, "tyontekija"), (stored.ClientCount, stored.Area, stored.FollowUp, stored.RecordedBy));
        Assert.Contains("nuorille", stored.Description);
        Assert.DoesNotContain("Liisa", stored.Description);
        Assert.DoesNotContain("0101", stored.Description);

        Assert.True(await service.DeleteAsync(id));
        Assert.False(await service.DeleteAsync(id));
        Assert.Empty(await store.Db.Observations.AsNoTracking().ToListAsync());
        var audit = await store.Db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["Added", "Modified", "Modified", "Deleted"], audit.Select(a => a.Change));
        Assert.All(audit, a => Assert.DoesNotContain("Liisa", (a.Before ?? "") + (a.After ?? "")));
    }

    [Fact]
    public void Only_the_recorder_or_an_editor_may_change_an_entry()
    {
        var o = new Observation { RecordedBy = "a" };
        Assert.True(SocialWorkService.MayChange(o, "a", isEditor: false));
        Assert.False(SocialWorkService.MayChange(o, "b", isEditor: false));
        Assert.True(SocialWorkService.MayChange(o, "b", isEditor: true));
    }

    [Fact]
    public async Task Lists_show_own_entries_or_everyone_s()
    {
        await using var store = await SocialWorkStore.CreateAsync(postgres);
        var service = store.Service();
        await service.RecordAsync(Draft("Yksi."), "a");
        await service.RecordAsync(Draft("Kaksi."), "b");
        Assert.Single(await service.ListAsync("a"));
        Assert.Equal(2, (await service.ListAsync()).Count);
    }

    [Fact]
    public void Drafts_are_validated_against_the_code_lists()
    {
        Assert.Empty(SocialWorkService.Validate(Draft("x")));
        Assert.Equal(["SocialWork.Error.Category", "SocialWork.Error.Area", "SocialWork.Error.ClientGroup", "SocialWork.Error.ClientCount", "SocialWork.Error.Description"],
            SocialWorkService.Validate(new ObservationDraft(new DateOnly(2026, 1, 1), "nope", "999", "x", 0, " ", "")));
    }
}

public sealed class SqliteObservationTests() : ObservationTests(postgres: false);

public sealed class PostgresObservationTests() : ObservationTests(postgres: true);

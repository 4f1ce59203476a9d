using Microsoft.EntityFrameworkCore;
using Tilannekuva.Guidance.Admin;
using Tilannekuva.Guidance.Demo;
using Tilannekuva.Guidance.Domain;
using Tilannekuva.Guidance.Storage;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Guidance.Tests;

/// <summary>
/// Editing the knowledge base on a real store: drafts are not answered from, publishing makes the bot answer from the new version
/// at once, withdrawing takes the article out, earlier versions stay; who may edit what; every change in the chained audit; team
/// and member changes audited with before and after.
/// </summary>
public sealed class KnowledgeBaseTests : IAsyncLifetime
{
    private readonly SqliteFile _file = new();
    private Engine _engine = null!;
    private static readonly Editor Admin = new("admin", true);
    private static readonly Editor TeamEditor = new(Engine.Advisor, false);

    public async Task InitializeAsync() => _engine = await Engine.StartAsync(_file.Options);

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _file.Dispose();
    }

    private KnowledgeBase Kb() => new(GuidanceStorage.Open(_engine.Options), _engine.Clock);

    private async Task<Bot.BotAnswer?> AskAsync(string lang, string question, string team = GuidanceDemo.GeneralTeam)
    {
        var service = _engine.Service();
        var chat = await service.StartAsync(lang, team, null, default);
        var turn = await service.PostResidentAsync(chat.Id, question, default);
        return turn.Bot is { ArticleId: { } } b ? new Bot.BotAnswer(new ArticleVersion { ArticleId = b.ArticleId.Value, Question = b.ArticleQuestion!, Answer = b.Text }, 1) : null;
    }

    private static ArticleForm Form(int? team, string question, string answer, string keywords = "") =>
        new(team, null, "https://example.org/asiointi", [new ArticleText("fi", "Lemmikin rokotus", question, answer, keywords, "https://example.org/lemmikit"), new ArticleText("sv", "", "", "", "", "")]);

    [Fact]
    public async Task A_draft_is_not_answered_from_publishing_answers_from_the_new_version_and_withdrawing_stops_it()
    {
        var general = (await _engine.Db.Teams.SingleAsync(t => t.Code == GuidanceDemo.GeneralTeam)).Id;
        const string question = "rabies rokotus koiralle";
        var id = await Kb().SaveAsync(TeamEditor, null, Form(general, "Miten koira rokotetaan raivotautia vastaan?", "Eläinlääkäri rokottaa koiran vastaanotolla.", "rabies, rokotus, koira"), publish: false, default);
        Assert.Null(await AskAsync("fi", question));

        await Kb().PublishAsync(TeamEditor, id, default);
        var first = await AskAsync("fi", question);
        Assert.Equal(id, first?.Article.ArticleId);
        Assert.Equal("Eläinlääkäri rokottaa koiran vastaanotolla.", first!.Article.Answer);

        // A new draft does not change the answer; publishing it does, at once.
        await Kb().SaveAsync(TeamEditor, id, Form(general, "Miten koira rokotetaan raivotautia vastaan?", "Kunnaneläinlääkäri rokottaa koiran; varaa aika puhelimitse.", "rabies, rokotus, koira"), publish: false, default);
        Assert.Equal("Eläinlääkäri rokottaa koiran vastaanotolla.", (await AskAsync("fi", question))!.Article.Answer);
        await Kb().SaveAsync(TeamEditor, id, Form(general, "Miten koira rokotetaan raivotautia vastaan?", "Kunnaneläinlääkäri rokottaa koiran; varaa aika puhelimitse.", "rabies, rokotus, koira"), publish: true, default);
        Assert.Equal("Kunnaneläinlääkäri rokottaa koiran; varaa aika puhelimitse.", (await AskAsync("fi", question))!.Article.Answer);

        await Kb().WithdrawAsync(TeamEditor, id, default);
        Assert.Null(await AskAsync("fi", question));

        var detail = (await Kb().GetAsync(id, default))!;
        Assert.Equal(ArticleStatus.Withdrawn, detail.Status);
        Assert.Equal([2, 1], detail.Versions.Where(v => v.Language == "fi").Select(v => v.Version));
        Assert.All(detail.Versions, v => Assert.False(v.Draft));
        Assert.Equal("rabies, rokotus, koira", detail.Newest("fi")!.Keywords);
        Assert.Equal("https://example.org/asiointi", detail.Newest("fi")!.EServiceUrl);
        Assert.Null(detail.Newest("sv"));

        var log = (await Kb().HistoryAsync(id, default)).Select(a => a.Action).Reverse().ToList();
        Assert.Equal(["CreateArticle", "SaveArticle", "PublishArticle", "SaveArticle", "PublishArticle", "WithdrawArticle"], log);
        var chain = await AuditChain.VerifyAsync<GuidanceAudit>(_engine.Db, GuidanceDbContext.AuditTable);
        Assert.True(chain.Intact, chain.Reason);
        Assert.Equal(0, chain.UnsealedRows);

        var rows = await Kb().ListAsync("raivotautia", general, ArticleStatus.Withdrawn, "fi", default);
        Assert.Equal("Lemmikin rokotus", Assert.Single(rows).Title);
        Assert.Empty(await Kb().ListAsync("raivotautia", general, ArticleStatus.Published, "fi", default));
    }

    [Fact]
    public async Task Only_admins_and_the_teams_editors_may_edit()
    {
        var teams = await _engine.Db.Teams.ToDictionaryAsync(t => t.Code, t => t.Id);
        var family = teams[GuidanceDemo.FamilyTeam];
        var notEditor = new Editor(Engine.FamilyAdvisor, false); // a member of the family team without the editor flag
        var e = await Assert.ThrowsAsync<GuidanceException>(() => Kb().SaveAsync(notEditor, null, Form(family, "Kysymys?", "Vastaus."), true, default));
        Assert.Equal("Guidance.Error.NotEditor", e.Key);
        // Articles for every team are the admin's.
        e = await Assert.ThrowsAsync<GuidanceException>(() => Kb().SaveAsync(TeamEditor, null, Form(null, "Kysymys?", "Vastaus."), true, default));
        Assert.Equal("Guidance.Error.NotEditor", e.Key);
        Assert.True((await Kb().SaveAsync(Admin, null, Form(null, "Kysymys?", "Vastaus."), true, default)) > 0);
        e = await Assert.ThrowsAsync<GuidanceException>(() => Kb().SaveAsync(Admin, null, Form(null, "Kysymys ilman vastausta?", ""), true, default));
        Assert.Equal("Guidance.Error.ArticleIncomplete", e.Key);
        e = await Assert.ThrowsAsync<GuidanceException>(() => Kb().SaveAsync(Admin, null, Form(null, "K?", "V.") with { EServiceUrl = "javascript:alert(1)" }, true, default));
        Assert.Equal("Guidance.Error.Address", e.Key);

        // The team page gives the flag: then the same person may write the family team's articles.
        await using (var db = GuidanceStorage.Open(_engine.Options))
            await new TeamAdmin(db, _engine.Clock).AddMemberAsync("admin", GuidanceDemo.FamilyTeam, Engine.FamilyAdvisor, editor: true, default);
        Assert.True(await Kb().SaveAsync(notEditor, null, Form(family, "Kysymys?", "Vastaus."), true, default) > 0);
    }

    [Fact]
    public async Task Team_and_member_changes_are_audited_with_before_and_after()
    {
        await using var db = GuidanceStorage.Open(_engine.Options);
        var admin = new TeamAdmin(db, _engine.Clock);
        var code = await admin.SaveAsync("admin", null, new TeamForm("vammais", "Vammaispalvelujen neuvonta", "Rådgivning för funktionshinderservice", "Disability services guidance", false,
            "135", new(9, 0), new(15, 0), 5, "K205-TA1", null, null), default);
        Assert.Equal("VAMMAIS", code);
        var team = (await admin.FindAsync(code, default))!;
        await admin.SaveAsync("admin", team.Id, new TeamForm(code, team.NameFi, team.NameSv, team.NameEn, true, "12345", new(8, 0), new(16, 0), 5, "K205-TA1", null, null), default);
        await admin.AddMemberAsync("admin", code, "neuvoja9", false, default);
        await admin.AddMemberAsync("admin", code, "neuvoja9", true, default);
        Assert.True(await admin.RemoveMemberAsync("admin", code, "neuvoja9", default));
        Assert.False(await admin.RemoveMemberAsync("admin", code, "neuvoja9", default));
        var log = await admin.HistoryAsync(code, default);
        Assert.Equal(["CreateTeam", "SaveTeam", "AddMember", "SetEditor", "RemoveMember"], log.Select(a => a.Action).Reverse());
        Assert.Contains("residents; 135; 09:00-15:00", log.Single(a => a.Action == "SaveTeam").Detail);
        Assert.Contains("staff-only; 12345; 08:00-16:00", log.Single(a => a.Action == "SaveTeam").Detail);
        var e = await Assert.ThrowsAsync<GuidanceException>(() => admin.SaveAsync("admin", null, new TeamForm(GuidanceDemo.GeneralTeam, "a", "b", "c", false, "1", new(8, 0), new(9, 0), 1, "", null, null), default));
        Assert.Equal("Guidance.Error.TeamExists", e.Key);
        Assert.True((await AuditChain.VerifyAsync<GuidanceAudit>(db, GuidanceDbContext.AuditTable)).Intact);
    }
}

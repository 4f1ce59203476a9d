using Microsoft.EntityFrameworkCore;
using Tilannekuva.Boards.Domain;

namespace Tilannekuva.Boards.Tests;

/// <summary>A board token opens its own board only; reissuing revokes the old one; only the hash is stored.</summary>
public abstract class TokenTests(bool postgres)
{
    [Fact]
    public async Task A_token_reads_only_its_board_and_a_new_one_revokes_it()
    {
        await using var store = await BoardStore.CreateAsync(postgres);
        var boards = store.Service(new ManualClock(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero)));
        var draft = new BoardDraft("A", ["U1"], [TileKind.Nps, TileKind.Callbacks], 60, 60, BoardTheme.HighContrast);
        var one = await boards.SaveAsync(null, draft);
        var two = await boards.SaveAsync(null, draft with { Name = "B" });
        var tokenOne = (await boards.IssueTokenAsync(one))!;
        var tokenTwo = (await boards.IssueTokenAsync(two))!;

        Assert.Equal(one, (await boards.FindByTokenAsync(one, tokenOne))!.Id);
        Assert.Null(await boards.FindByTokenAsync(two, tokenOne));
        Assert.Null(await boards.FindByTokenAsync(one, tokenTwo));
        Assert.Null(await boards.FindByTokenAsync(one, null));
        Assert.Null(await boards.FindByTokenAsync(one, ""));
        Assert.Null(await boards.FindByTokenAsync(99, tokenOne));

        var stored = (await boards.FindAsync(one))!;
        Assert.NotEqual(tokenOne, stored.TokenHash);
        Assert.DoesNotContain(tokenOne, stored.TokenHash!);
        Assert.Equal([TileKind.Nps, TileKind.Callbacks], stored.TileKinds);

        var renewed = (await boards.IssueTokenAsync(one))!;
        Assert.Null(await boards.FindByTokenAsync(one, tokenOne));
        Assert.NotNull(await boards.FindByTokenAsync(one, renewed));

        // Every change is audited with the user.
        Assert.Contains(store.Boards.AuditEntries, a => a.EntityType == nameof(Board) && a.Change == "Added" && a.UserName == "test");
        Assert.Contains(store.Boards.AuditEntries, a => a.EntityType == nameof(Board) && a.Change == "Modified");
    }

    [Fact]
    public void Drafts_are_validated()
    {
        Assert.Empty(BoardsService.Validate(new BoardDraft("A", ["U1"], [TileKind.T3], 60, 60, BoardTheme.Light)));
        Assert.Equal(["Boards.Error.Name", "Boards.Error.Units", "Boards.Error.Tiles", "Boards.Error.Refresh", "Boards.Error.Stale"],
            BoardsService.Validate(new BoardDraft(" ", [], [], 0, 0, BoardTheme.Light)));
    }
}

public sealed class SqliteTokenTests() : TokenTests(postgres: false);

public sealed class PostgresTokenTests() : TokenTests(postgres: true);

/// <summary>The module's migrations (and the Indicators and Feedback migrations this branch adds) match their models.</summary>
public abstract class MigrationTests(bool postgres)
{
    [Fact]
    public async Task Migrations_match_the_models()
    {
        await using var store = await BoardStore.CreateAsync(postgres);
        Assert.False(store.Boards.Database.HasPendingModelChanges());
        Assert.False(store.Indicators.Database.HasPendingModelChanges());
        Assert.False(store.Feedback.Database.HasPendingModelChanges());
    }
}

public sealed class SqliteMigrationTests() : MigrationTests(postgres: false);

public sealed class PostgresMigrationTests() : MigrationTests(postgres: true);

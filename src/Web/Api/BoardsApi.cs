using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tilannekuva.Boards;
using Tilannekuva.Boards.Domain;
using Tilannekuva.Boards.Figures;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Api;

/// <summary>Steering boards API (v1): the boards and a board's figures now, for other screens and scripts (personal API token).</summary>
public static class BoardsApi
{
    public static IEndpointRouteBuilder MapBoardsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/v1/boards")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser())
            .WithTags("Boards");
        api.MapGet("", List);
        api.MapGet("{id:int}/figures", Figures);
        return app;
    }

    /// <summary>A board without its token hash. CanEdit: the caller may change it (the pages' rule: a manager only within their units).</summary>
    public sealed record BoardSummary(int Id, string Name, IReadOnlyList<string> UnitIds, IReadOnlyList<TileKind> Tiles, int RefreshSeconds, int StaleMinutes, bool CanEdit);

    /// <summary>Every board, the ones the caller may change first (as on /boards).</summary>
    private static async Task<Ok<List<BoardSummary>>> List(BoardsService boards, BoardScope scope, AccountUnits accountUnits, ClaimsPrincipal user, CancellationToken ct)
    {
        var all = await boards.ListAsync(ct);
        var editable = await scope.EditableAsync(await accountUnits.BoardEditorAsync(user, ct), all, ct);
        return TypedResults.Ok(all.OrderBy(b => editable.Contains(b.Id) ? 0 : 1)
            .Select(b => new BoardSummary(b.Id, b.Name, b.UnitIds, b.TileKinds, b.RefreshSeconds, b.StaleMinutes, editable.Contains(b.Id))).ToList());
    }

    private static async Task<Results<Ok<BoardFigures>, NotFound>> Figures(int id, BoardsService boards, CancellationToken ct) =>
        await boards.FindAsync(id, ct) is { } board ? TypedResults.Ok(await boards.FiguresAsync(board, ct)) : TypedResults.NotFound();
}

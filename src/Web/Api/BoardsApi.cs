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

    /// <summary>A board without its token hash.</summary>
    public sealed record BoardSummary(int Id, string Name, IReadOnlyList<string> UnitIds, IReadOnlyList<TileKind> Tiles, int RefreshSeconds, int StaleMinutes);

    private static async Task<Ok<List<BoardSummary>>> List(BoardsService boards, CancellationToken ct) =>
        TypedResults.Ok((await boards.ListAsync(ct)).Select(b => new BoardSummary(b.Id, b.Name, b.UnitIds, b.TileKinds, b.RefreshSeconds, b.StaleMinutes)).ToList());

    private static async Task<Results<Ok<BoardFigures>, NotFound>> Figures(int id, BoardsService boards, CancellationToken ct) =>
        await boards.FindAsync(id, ct) is { } board ? TypedResults.Ok(await boards.FiguresAsync(board, ct)) : TypedResults.NotFound();
}

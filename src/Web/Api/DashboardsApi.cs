using Microsoft.AspNetCore.Http.HttpResults;
using Tilannekuva.Dashboards;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Api;

/// <summary>
/// Dashboards API (v1): the data of each level as JSON, the same numbers as the pages. Suppressed figures
/// (n under the minimum cell size) carry "suppressed": true and neither value nor n.
/// </summary>
public static class DashboardsApi
{
    public static IEndpointRouteBuilder MapDashboardsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/v1/dashboards")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser())
            .WithTags("Dashboards");
        api.MapGet("strategic", Strategic).WithSummary("Region level: programme indicators against targets, forecast, areas pulling the result down");
        api.MapGet("tactical", Tactical).WithSummary("Area level: the indicators by unit, ranked, with the change; callbacks; feedback");
        api.MapGet("operational", Operational).WithSummary("Unit level: week by week (by month until weekly values exist) and open items");
        return app;
    }

    private static async Task<Results<Ok<StrategicDashboard>, NotFound>> Strategic(string? unit, DashboardService dashboards, CancellationToken ct) =>
        await dashboards.StrategicAsync(unit, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    private static async Task<Results<Ok<TacticalDashboard>, NotFound>> Tactical(string? unit, string? period, DashboardService dashboards, CancellationToken ct) =>
        await dashboards.TacticalAsync(unit, period, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    private static async Task<Results<Ok<OperationalDashboard>, NotFound>> Operational(string? unit, DashboardService dashboards, CancellationToken ct) =>
        await dashboards.OperationalAsync(unit, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();
}

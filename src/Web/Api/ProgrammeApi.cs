using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Editing;
using Tilannekuva.Programme.Review;
using Tilannekuva.Programme.Storage;
using Tilannekuva.Web.Auth;

namespace Tilannekuva.Web.Api;

/// <summary>
/// The programme's JSON API (v1). Reads return whole programme trees; writes go through the same
/// editable-entity catalogue and rights as the edit pages. Authenticate with a personal API token.
/// </summary>
public static class ProgrammeApi
{
    public static IEndpointRouteBuilder MapProgrammeApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/v1")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser())
            .WithTags("Programme");

        api.MapGet("programmes", ListProgrammes);
        api.MapGet("programmes/{id:int}", GetProgramme);
        api.MapGet("programmes/{id:int}/review", (int id, DateOnly? date, ReviewFileFormat? format, ProgrammeDbContext db, IComputedMetricValues computed, CancellationToken ct) =>
            Reports.ReportEndpoints.Review(id, date, format ?? ReviewFileFormat.Pptx, db, computed, ct));
        api.MapGet("programmes/{id:int}/monthly", (int id, DateOnly? date, MonthlyFileFormat? format, ProgrammeDbContext db, IComputedMetricValues computed, CancellationToken ct) =>
            Reports.ReportEndpoints.Monthly(id, date, format ?? MonthlyFileFormat.Csv, db, computed, ct));
        api.MapGet("programmes/{id:int}/checks", GetChecks);
        api.MapGet("workpackages/{id:int}", GetWorkPackage);
        api.MapGet("entities", ListEntityTypes);
        api.MapGet("entities/{type}/{id:int}", GetEntity);
        api.MapPost("entities/{type}", CreateEntity);
        api.MapPatch("entities/{type}/{id:int}", UpdateEntity);
        api.MapDelete("entities/{type}/{id:int}", DeleteEntity);
        return app;
    }

    public sealed record ProgrammeSummary(int Id, string Name, int StartYear, int EndYear, string Funder);

    public sealed record EntityTypeInfo(string Name, string Scope, IReadOnlyList<FieldInfo> Fields);

    public sealed record FieldInfo(string Name, string Kind, bool Required, int? Min, int? Max, IReadOnlyList<string>? Choices);

    public sealed record EntityValues(string Type, int Id, int ProgrammeId, int? WorkPackageId, IReadOnlyDictionary<string, string> Fields);

    /// <summary>Field values keyed by field name; numbers and booleans may be JSON numbers/booleans or strings.</summary>
    public sealed record EntityWrite(Dictionary<string, JsonElement> Fields);

    private static async Task<Ok<List<ProgrammeSummary>>> ListProgrammes(ProgrammeDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.ListAsync(ct)).Select(p => new ProgrammeSummary(p.Id, p.Name, p.StartYear, p.EndYear, p.Funder)).ToList());

    private static async Task<Results<Ok<DevelopmentProgramme>, NotFound>> GetProgramme(int id, ProgrammeDbContext db, CancellationToken ct) =>
        await db.LoadProgrammeAsync(id, ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();

    public sealed record FindingInfo(string Kind, string Subject, int SubjectId, int? WorkPackageId, string Message);

    private static async Task<Results<Ok<List<FindingInfo>>, NotFound>> GetChecks(int id, ProgrammeDbContext db, CancellationToken ct) =>
        await db.LoadProgrammeAsync(id, ct) is { } p
            ? TypedResults.Ok(Programme.Checks.ConsistencyChecks.Run(p)
                .Select(f => new FindingInfo(f.Kind.ToString(), f.Subject.ToString(), f.SubjectId, f.WorkPackageId, f.Message(CultureInfo.CurrentUICulture))).ToList())
            : TypedResults.NotFound();

    private static async Task<Results<Ok<WorkPackage>, NotFound>> GetWorkPackage(int id, ProgrammeDbContext db, CancellationToken ct)
    {
        if (await db.ProgrammeIdOfWorkPackageAsync(id, ct) is not { } programmeId) return TypedResults.NotFound();
        var programme = await db.LoadProgrammeAsync(programmeId, ct);
        return programme!.WorkPackages().FirstOrDefault(w => w.Id == id) is { } wp ? TypedResults.Ok(wp) : TypedResults.NotFound();
    }

    private static Ok<List<EntityTypeInfo>> ListEntityTypes() => TypedResults.Ok(EditableTypes.All.Select(t => new EntityTypeInfo(
        t.Name, t.Scope.ToString(),
        t.Fields.Select(f => new FieldInfo(f.Name, f.Kind.ToString(), f.Required, f.Min, f.Max, f.EnumType is null ? null : Enum.GetNames(f.EnumType))).ToList())).ToList());

    private static async Task<Results<Ok<EntityValues>, NotFound>> GetEntity(string type, int id, EntityEditor editor, CancellationToken ct)
    {
        if (EditableTypes.Find(type) is not { } t || await editor.LoadAsync(t, id, ct) is not { } target) return TypedResults.NotFound();
        return TypedResults.Ok(ToValues(target));
    }

    private static async Task<Results<Created<EntityValues>, NotFound, ForbidHttpResult, ValidationProblem>> CreateEntity(
        string type, int parent, EntityWrite body, EntityEditor editor, HttpContext http, CancellationToken ct)
    {
        var who = SignedInUser.EditorOf(http.User);
        if (EditableTypes.Find(type) is not { } t || await editor.NewAsync(t, parent, who, ct) is not { } target) return TypedResults.NotFound();
        var result = await editor.SaveAsync(target, Strings(body), who, CultureInfo.InvariantCulture, ct);
        return result.Outcome switch
        {
            EditOutcome.Saved => TypedResults.Created($"/api/v1/entities/{t.Name}/{result.Target!.Id}", ToValues(result.Target!)),
            EditOutcome.Forbidden => TypedResults.Forbid(),
            _ => Problem(result),
        };
    }

    private static async Task<Results<Ok<EntityValues>, NotFound, ForbidHttpResult, ValidationProblem>> UpdateEntity(
        string type, int id, EntityWrite body, EntityEditor editor, HttpContext http, CancellationToken ct)
    {
        if (EditableTypes.Find(type) is not { } t || await editor.LoadAsync(t, id, ct) is not { } target) return TypedResults.NotFound();
        var result = await editor.SaveAsync(target, Strings(body), SignedInUser.EditorOf(http.User), CultureInfo.InvariantCulture, ct);
        return result.Outcome switch
        {
            EditOutcome.Saved => TypedResults.Ok(ToValues(result.Target!)),
            EditOutcome.Forbidden => TypedResults.Forbid(),
            _ => Problem(result),
        };
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult>> DeleteEntity(string type, int id, EntityEditor editor, HttpContext http, CancellationToken ct)
    {
        if (EditableTypes.Find(type) is not { } t || await editor.LoadAsync(t, id, ct) is not { } target) return TypedResults.NotFound();
        var result = await editor.DeleteAsync(target, SignedInUser.EditorOf(http.User), ct);
        return result.Outcome == EditOutcome.Forbidden ? TypedResults.Forbid() : TypedResults.NoContent();
    }

    private static EntityValues ToValues(EditTarget t) =>
        new(t.Type.Name, t.Id, t.Link.ProgrammeId, t.Link.WorkPackageId, EntityEditor.ReadValues(t, CultureInfo.InvariantCulture));

    private static Dictionary<string, string?> Strings(EntityWrite body) => body.Fields.ToDictionary(
        kv => kv.Key,
        kv => kv.Value.ValueKind switch
        {
            JsonValueKind.String => kv.Value.GetString(),
            JsonValueKind.Null => null,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => kv.Value.GetRawText(),
        });

    private static ValidationProblem Problem(EditResult result) => TypedResults.ValidationProblem(
        result.Errors.ToDictionary(e => e.Key, e => new[] { Localisation.Texts.Get(e.Value, CultureInfo.GetCultureInfo("en")) }));
}

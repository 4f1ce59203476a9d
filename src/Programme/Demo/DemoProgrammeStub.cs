// TEMPORARY: replaced by the real DemoProgramme when the demo branch is merged.
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Storage;
namespace Tilannekuva.Programme.Demo;
public static class DemoProgramme
{
    public const string Name = "Kestävän kasvun Kainuu II (demo)";
    public static readonly string[] PlannerUserNames = ["suunnittelija1", "suunnittelija2"];
    public static Task<DevelopmentProgramme> LoadAsync(ProgrammeDbContext db, DateOnly today, CancellationToken ct = default) => throw new NotImplementedException();
}

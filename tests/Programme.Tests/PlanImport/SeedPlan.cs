namespace Tilannekuva.Programme.Tests.PlanImport;

/// <summary>Finds ../shared/seeds/kkk2-hankesuunnitelma.txt by walking up from the test binaries.</summary>
public static class SeedPlan
{
    public const string FileName = "kkk2-hankesuunnitelma.txt";

    public static string? Path { get; } = Find();

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "seeds", FileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}

/// <summary>A fact that is skipped, with a message, when the seed plan is not on this machine.</summary>
public sealed class SeedFactAttribute : FactAttribute
{
    public SeedFactAttribute()
    {
        if (SeedPlan.Path is null) Skip = $"Seed plan {SeedPlan.FileName} not found in any ../shared/seeds above the test binaries; skipped.";
    }
}

namespace Tilannekuva.Programme.Tests.PlanImport;

/// <summary>Finds files of ../shared/seeds (the seed plan kkk2-hankesuunnitelma.txt) by walking up from the test binaries.</summary>
public static class SeedPlan
{
    public const string FileName = "kkk2-hankesuunnitelma.txt";
    /// <summary>A final report (loppuraportti), not a plan: the import must refuse it.</summary>
    public const string FinalReport = "ote-polut-kuntoon-loppuraportti.txt";

    public static string? Path { get; } = Find(FileName);

    public static string? Find(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "seeds", fileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}

/// <summary>A fact that is skipped, with a message, when a seed file (by default the seed plan) is not on this machine.</summary>
public sealed class SeedFactAttribute : FactAttribute
{
    public SeedFactAttribute(string fileName = SeedPlan.FileName)
    {
        if (SeedPlan.Find(fileName) is null) Skip = $"Seed file {fileName} not found in any ../shared/seeds above the test binaries; skipped.";
    }
}

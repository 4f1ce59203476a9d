using System.Text;
using System.Text.RegularExpressions;
using Tilannekuva.Programme.PlanImport;

namespace Tilannekuva.Programme.Tests.PlanImport.Corpus;

/// <summary>
/// The variant generator run on the real seed plan (../shared/seeds, skipped when absent): its text rewritten
/// mechanically along the axes that can be applied to a text that is not ours — heading dots dropped, work-package
/// labels as "TP 1:", thousands with non-breaking spaces or dots, Windows-1252 — gives the same programme.
/// </summary>
public sealed partial class SeedVariantTests
{
    public static TheoryData<string> Rewrites => ["headings without dots", "work packages as TP", "non-breaking spaces in amounts", "dots in amounts"];

    private static string Rewrite(string text, string rewrite) => rewrite switch
    {
        "headings without dots" => TopDot().Replace(text, "$1$2 "),
        "work packages as TP" => WpLabel().Replace(text, "$1TP $2:"),
        "non-breaking spaces in amounts" => Thousands().Replace(text, "$1\u00a0$2"),
        "dots in amounts" => EuroThousands().Replace(text, m => m.Value.Replace(' ', '.')),
        _ => throw new ArgumentOutOfRangeException(nameof(rewrite)),
    };

    [SeedTheory]
    [MemberData(nameof(Rewrites))]
    public void Seed_plan_rewritten_gives_the_same_programme(string rewrite)
    {
        var text = File.ReadAllText(SeedPlan.Path!);
        var changed = Rewrite(text, rewrite);
        Assert.NotEqual(text, changed);
        PlanVariantTests.SameProgramme(PlanParserTests.Shape(PlanImporter.Preview(text, SeedPlan.FileName)),
            PlanParserTests.Shape(PlanImporter.Preview(changed, SeedPlan.FileName)));
    }

    [SeedFact]
    public void Seed_plan_in_windows_1252_gives_the_same_programme()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = File.ReadAllText(SeedPlan.Path!);
        var ansi = Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        // Characters Windows-1252 lacks (if any) are written as "?" in both versions, so that only the encoding differs.
        var representable = ansi.GetString(ansi.GetBytes(text));
        PlanVariantTests.SameProgramme(PlanParserTests.Shape(PlanImporter.Preview(representable, SeedPlan.FileName)),
            PlanParserTests.Shape(PlanImporter.Preview(new MemoryStream(ansi.GetBytes(text)), SeedPlan.FileName)));
    }

    [GeneratedRegex(@"(?m)^(\s*)(\d{1,2})\.\s")] private static partial Regex TopDot();
    [GeneratedRegex(@"(?m)^(\s*)Työpaketti\s+(\d+\s*(?:[a-h]\d?\))?)\s*:")] private static partial Regex WpLabel();
    [GeneratedRegex(@"(\d) (\d{3})(?=\D)")] private static partial Regex Thousands();
    [GeneratedRegex(@"\d{1,3}(?: \d{3})+(?= ?€| euroa)")] private static partial Regex EuroThousands();
}

/// <summary>A theory skipped, with a message, when the seed plan is not on this machine.</summary>
public sealed class SeedTheoryAttribute : TheoryAttribute
{
    public SeedTheoryAttribute()
    {
        if (SeedPlan.Path is null) Skip = $"Seed plan {SeedPlan.FileName} not found in any ../shared/seeds above the test binaries; skipped.";
    }
}

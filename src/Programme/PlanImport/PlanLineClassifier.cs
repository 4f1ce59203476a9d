using System.Text.RegularExpressions;

namespace Tilannekuva.Programme.PlanImport;

/// <summary>What a line of a plan is, as the classifier sees it.</summary>
public enum PlanLineKind
{
    Blank,
    /// <summary>A top-level section heading ("1. Hankkeen tarve", "1 Hankkeen tarve", "1) Hankkeen tarve", "Kohderyhmät").</summary>
    SectionHeading,
    /// <summary>A numbered heading below the top level ("4.1 PILARI 4: …", "4.1.2 Investointi 2: …").</summary>
    NumberedHeading,
    /// <summary>A work package heading ("Työpaketti 1:", "TP1", "TP 2 b)", "1 a1)", "e1)").</summary>
    WorkPackage,
    /// <summary>A field label of a work package, with or without a colon, alone or followed by its text.</summary>
    FieldLabel,
    /// <summary>A row of a table: cells separated by tabs (DOCX) or a cost row ("Pilari 4 Investointi 1 … 455 000 €").</summary>
    TableRow,
    /// <summary>A bullet item ("• …", "- …").</summary>
    Bullet,
    Body,
}

/// <summary>
/// The classifier between the layout clean-up (<see cref="PlanText.Clean"/>) and the assembler (the parser's state
/// machine): it scores each line as a heading, field label, table row or body text, and writes the variants real
/// plans use in the one spelling the assembler reads — "1 Hankkeen tarve" and "1) Hankkeen tarve" become
/// "1. Hankkeen tarve", a label alone on its line without a colon ("Tavoitteet") becomes "Tavoitteet:". Only lines
/// whose score is unambiguous are rewritten; body text is never touched. Line numbers stay those of the source.
/// </summary>
public static partial class PlanLineClassifier
{
    /// <summary>Wordings of the template's top-level sections, in lower case (the start of the heading is enough).</summary>
    private static readonly string[] SectionWords =
    [
        "hankkeen tarve", "kohderyhmä", "hankkeen päätavoitteet", "päätavoitteet", "hankkeen tavoitteet", "pilarit ja investoinnit",
        "hankkeen kustannukset", "seuranta ja arviointi", "riskit", "vaikutukset", "rajaukset", "hankkeen hallinnointi",
    ];

    public static PlanLineKind Classify(string line)
    {
        var t = line.Trim();
        if (t.Length == 0) return PlanLineKind.Blank;
        if (t.Contains('\t') || CostRowLike().IsMatch(t)) return PlanLineKind.TableRow;
        if (NumberedSection().Match(t) is { Success: true } m && IsSectionTitle(m.Groups["title"].Value)) return PlanLineKind.SectionHeading;
        if (IsSectionTitle(t) && t.Length < 60 && !t.EndsWith('.')) return PlanLineKind.SectionHeading;
        if (DeepNumbered().IsMatch(t)) return PlanLineKind.NumberedHeading;
        if (WorkPackageLike().IsMatch(t)) return PlanLineKind.WorkPackage;
        if (LabelAlone().IsMatch(t) || LabelInline().IsMatch(t)) return PlanLineKind.FieldLabel;
        if (BulletLike().IsMatch(t)) return PlanLineKind.Bullet;
        return PlanLineKind.Body;
    }

    private static bool IsSectionTitle(string title)
    {
        var t = title.Trim().TrimEnd(':').Trim().ToLowerInvariant();
        return t.Length < 70 && SectionWords.Any(w => t.StartsWith(w, StringComparison.Ordinal)) && !t.EndsWith('.');
    }

    /// <summary>Rewrites the variants of section headings and field labels in place.</summary>
    public static void Normalise(List<PlanLine> lines)
    {
        foreach (var line in lines)
        {
            var t = line.Trimmed;
            switch (Classify(t))
            {
                case PlanLineKind.SectionHeading when NumberedSection().Match(t) is { Success: true } m && m.Groups["sep"].Value != ".":
                    line.Text = $"{m.Groups["n"].Value}. {m.Groups["title"].Value}";
                    break;
                case PlanLineKind.FieldLabel when LabelAlone().Match(t) is { Success: true } l && !t.EndsWith(':'):
                    line.Text = l.Groups["label"].Value + ":";
                    break;
            }
        }
    }

    [GeneratedRegex(@"^(?<n>\d{1,2})(?<sep>[.)]?)\s+(?<title>[A-ZÄÖÅa-zäöå].*)$")] private static partial Regex NumberedSection();
    [GeneratedRegex(@"^\d{1,2}\.\d{1,2}(\.\d{1,2})*\.?\s+\S")] private static partial Regex DeepNumbered();
    [GeneratedRegex(@"^(?:Työpaketti\s*\d|TP\s*\d|\d+\s*[a-h]\d{1,2}\)|[a-h]\d{1,2}\))", RegexOptions.IgnoreCase)] private static partial Regex WorkPackageLike();
    [GeneratedRegex(@"^(?<label>Karkea aikataulu|Aikataulu|Tavoitteet|Tavoite|Toimenpiteet|Tuotokset|Tulokset|Kustannusarvio|Kustannukset|Mittarit|Indikaattorit)\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelAlone();
    [GeneratedRegex(@"^(?:Karkea aikataulu|Aikataulu|Tavoitteet|Tavoite|Toimenpiteet|Tuotokset|Tulokset|Kustannusarvio|Kustannukset|Mittarit|Indikaattorit)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex LabelInline();
    [GeneratedRegex(@"^Pilari\s+\d+\s+Investointi\s+\d+")] private static partial Regex CostRowLike();
    [GeneratedRegex(@"^[•▪◦\-–*]\s+\S")] private static partial Regex BulletLike();
}

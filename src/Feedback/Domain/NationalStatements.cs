namespace Tilannekuva.Feedback.Domain;

/// <summary>One statement of the national bank. Its text is localised under <see cref="TextKey"/>.</summary>
public sealed record NationalStatement(string Code, StatementTheme Theme, Audience Audience)
{
    public string TextKey => $"Feedback.Statement.{Code}";
}

/// <summary>
/// The national statement bank: basic statements by theme, for adults (13+) and for children (7–12).
/// Codes are stable: they are what the national export carries, so a code's meaning never changes;
/// a reworded statement gets a new code.
/// </summary>
public static class NationalStatements
{
    public const int MinimumPerQuestionnaire = 2;
    public const int MaximumPerQuestionnaire = 7;

    public static readonly IReadOnlyList<NationalStatement> All =
    [
        new("AV1", StatementTheme.Availability, Audience.Adult),
        new("AV2", StatementTheme.Availability, Audience.Adult),
        new("EN1", StatementTheme.Encounter, Audience.Adult),
        new("EN2", StatementTheme.Encounter, Audience.Adult),
        new("EN3", StatementTheme.Encounter, Audience.Adult),
        new("SA1", StatementTheme.Safety, Audience.Adult),
        new("SA2", StatementTheme.Safety, Audience.Adult),
        new("IN1", StatementTheme.Information, Audience.Adult),
        new("IN2", StatementTheme.Information, Audience.Adult),
        new("US1", StatementTheme.Usefulness, Audience.Adult),
        new("US2", StatementTheme.Usefulness, Audience.Adult),
        new("CAV1", StatementTheme.Availability, Audience.Child),
        new("CEN1", StatementTheme.Encounter, Audience.Child),
        new("CEN2", StatementTheme.Encounter, Audience.Child),
        new("CSA1", StatementTheme.Safety, Audience.Child),
        new("CIN1", StatementTheme.Information, Audience.Child),
        new("CUS1", StatementTheme.Usefulness, Audience.Child),
    ];

    private static readonly Dictionary<string, NationalStatement> ByCode = All.ToDictionary(s => s.Code, StringComparer.Ordinal);

    public static NationalStatement? Find(string code) => ByCode.GetValueOrDefault(code);

    public static IEnumerable<NationalStatement> For(Audience audience) => All.Where(s => s.Audience == audience);
}

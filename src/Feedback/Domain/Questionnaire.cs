namespace Tilannekuva.Feedback.Domain;

/// <summary>
/// One version of a questionnaire. Versions are immutable: changing a questionnaire stores a new
/// version under the same <see cref="Key"/>, and each response points at the version it answered,
/// so a change never alters the meaning of responses already given.
/// </summary>
public sealed class Questionnaire
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public int Version { get; set; }
    public Audience Audience { get; set; }
    public string Name { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    /// <summary>Whether open text is asked at the end.</summary>
    public bool AskOpenText { get; set; } = true;
    public List<QuestionnaireItem> Items { get; set; } = [];

    public IEnumerable<QuestionnaireItem> OrderedItems => Items.OrderBy(i => i.Position);
}

/// <summary>
/// A statement on the 1–5 scale (with "cannot say"). National statements carry their theme and
/// take their text from the localised bank; the county's own statements carry their text here.
/// </summary>
public sealed class QuestionnaireItem
{
    public int Id { get; set; }
    public int QuestionnaireId { get; set; }
    public int Position { get; set; }
    public string Code { get; set; } = "";
    public StatementTheme? Theme { get; set; }
    public string? TextFi { get; set; }
    public string? TextSv { get; set; }
    public string? TextEn { get; set; }

    public bool IsNational => Theme is not null;

    /// <summary>An own statement's text in a language; Finnish when the translation is missing.</summary>
    public string OwnText(string language) => language switch
    {
        "sv" when !string.IsNullOrWhiteSpace(TextSv) => TextSv!,
        "en" when !string.IsNullOrWhiteSpace(TextEn) => TextEn!,
        _ => TextFi ?? Code,
    };
}

/// <summary>Which questionnaire (by key: its newest version) is asked at a service point and/or service.</summary>
public sealed class QuestionnaireAttachment
{
    public int Id { get; set; }
    public string QuestionnaireKey { get; set; } = "";
    public Audience Audience { get; set; }
    /// <summary>Null: every service point.</summary>
    public string? ServicePointCode { get; set; }
    /// <summary>Null: every service.</summary>
    public string? ServiceCode { get; set; }
}

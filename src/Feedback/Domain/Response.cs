namespace Tilannekuva.Feedback.Domain;

/// <summary>
/// One response. The id is made by the form (or the API caller) before submitting, so a repeated
/// submission of the same form is recognised and stored once. Dimensions are stored as codes,
/// exactly as the signed link carried them.
/// </summary>
public sealed class Response
{
    public Guid Id { get; set; }
    public int QuestionnaireId { get; set; }
    public string ProviderCode { get; set; } = "";
    public string ServicePointCode { get; set; } = "";
    public string ServiceCode { get; set; } = "";
    public Channel Channel { get; set; }
    public string? Team { get; set; }
    public string LinkId { get; set; } = "";
    public AgeGroup? AgeGroup { get; set; }
    public string Language { get; set; } = "fi";
    public DateOnly Date { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    /// <summary>The recommendation question, 0–10.</summary>
    public int Recommendation { get; set; }
    /// <summary>Open text, already scrubbed of identity codes, phone numbers and e-mail addresses.</summary>
    public string? OpenText { get; set; }
    public bool Handled { get; set; }
    public string? HandledBy { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
    public string? ReplyNote { get; set; }
    public List<Answer> Answers { get; set; } = [];
}

/// <summary>An answer to one statement: 1–5, or null for "cannot say".</summary>
public sealed class Answer
{
    public Guid ResponseId { get; set; }
    public int Position { get; set; }
    public string Code { get; set; } = "";
    public int? Value { get; set; }
}

/// <summary>
/// That an SMS invitation was sent for a visit, so the job never sends twice. Holds no phone number.
/// </summary>
public sealed class SmsDispatch
{
    public string VisitId { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
    public string ServicePointCode { get; set; } = "";
    public string ServiceCode { get; set; } = "";
}

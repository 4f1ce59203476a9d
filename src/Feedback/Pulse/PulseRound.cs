namespace Tilannekuva.Feedback.Pulse;

/// <summary>
/// One team's (org unit's) weekly pulse round (henkilöstön pulssikysely): the link token and the questionnaire
/// version asked. Answers (<see cref="PulseAnswer"/>) point here and carry nothing about who gave them.
/// </summary>
public sealed class PulseRound
{
    public int Id { get; set; }
    /// <summary>Random, URL-safe: the round's address /p/{token}.</summary>
    public string Token { get; set; } = "";
    public string OrgUnitId { get; set; } = "";
    /// <summary>ISO 8601 week-numbering year and week.</summary>
    public int IsoYear { get; set; }
    public int IsoWeek { get; set; }
    /// <summary>The staff questionnaire version (fb_questionnaire, audience Staff) this round asks.</summary>
    public int QuestionnaireId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    public string Week => $"{IsoYear}-W{IsoWeek:00}";
}

/// <summary>One answer, 1–5, to one question of a round. No time, account, address or cookie.</summary>
public sealed class PulseAnswer
{
    public long Id { get; set; }
    public int RoundId { get; set; }
    public string Code { get; set; } = "";
    public int Value { get; set; }
}

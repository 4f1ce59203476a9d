namespace Tilannekuva.Feedback.Domain;

/// <summary>The five themes of the national basic statements (THL's national customer feedback structure).</summary>
public enum StatementTheme
{
    Availability,  // saatavuus
    Encounter,     // kohtaaminen ja osallisuus
    Safety,        // turvallisuus
    Information,   // tiedonsaanti ja ymmärrettävyys
    Usefulness,    // hyödyllisyys
}

/// <summary>How the response reached us. Carried in the signed link.</summary>
public enum Channel
{
    Web,    // a link on a web page or in a letter
    Qr,     // a printed QR code
    Kiosk,  // a tablet in a waiting room
    Sms,    // a text message after a visit
}

/// <summary>Who the questionnaire is for: respondents 13 and over, or children 7–12 (a separate set).</summary>
public enum Audience
{
    Adult,
    Child,
    /// <summary>The staff pulse (Pulse/): never attached to a service point, answers kept apart from fb_response.</summary>
    Staff,
}

/// <summary>Respondent's age group, given by the respondent (optional).</summary>
public enum AgeGroup
{
    Age7To12,
    Age13To17,
    Age18To29,
    Age30To49,
    Age50To64,
    Age65To74,
    Age75Plus,
}

namespace Tilannekuva.ServiceTray.Referrals;

/// <summary>How the referral reached the client. The contact (number, address) is used for sending only and never stored.</summary>
public enum ReferralChannel { Paper, Sms, Email }

/// <summary>
/// A wellbeing referral (hyvinvointilähete): a short code, the referring professional's unit, the client's target
/// group and the services chosen. Nothing about the client: no name, no identity code, no contact.
/// </summary>
public sealed class TrayReferral
{
    public long Id { get; set; }
    /// <summary>Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L); the resident's key to the referral.</summary>
    public string Code { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The referring unit (org unit id of the professional's account, or "" when the account has none).</summary>
    public string Unit { get; set; } = "";
    /// <summary>Target group code (from the tray's code list), e.g. KR1.2.</summary>
    public string TargetGroup { get; set; } = "";
    public ReferralChannel Channel { get; set; }
    /// <summary>Language of the referral (fi, sv, en): the page and the message.</summary>
    public string Language { get; set; } = "fi";
    public List<TrayReferralService> Services { get; set; } = [];
}

/// <summary>One chosen service of a referral; <see cref="ArrivedAt"/> is set when the receiving service marks the client arrived.</summary>
public sealed class TrayReferralService
{
    public long Id { get; set; }
    public long ReferralId { get; set; }
    /// <summary>The service's tray entry id (as in /palvelut/{id}).</summary>
    public long ServiceId { get; set; }
    public DateTimeOffset? ArrivedAt { get; set; }
}

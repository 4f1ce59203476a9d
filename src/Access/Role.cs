namespace Tilannekuva.Access;

/// <summary>What a signed-in person may do. Steering-group members sign in as viewers.</summary>
public enum Role
{
    Admin,
    Director, // projektijohtaja
    Planner,  // suunnittelija: edits only the work packages assigned to them
    Analyst,  // tietoasiantuntija
    Viewer,   // ohjausryhmän jäsen and other readers
    Manager,  // esihenkilö: a unit manager; sets up the steering boards of the units the account leads (UserAccount.UnitIds)
    SocialWorker,     // sosiaalityöntekijä: records structural social work observations; sees own and all entries
    SocialWorkEditor, // rakenteellisen sosiaalityön toimittaja: picks quotes, keeps follow-ups, makes the reports
    Professional,  // ammattilainen: gives wellbeing referrals (hyvinvointilähete) from the service tray and marks arrivals
    ServiceEditor, // palvelutarjottimen toimittaja: keeps the tray's curated collections and reads its usage
    Advisor,  // palveluneuvoja: answers the guidance chat of the teams the account belongs to (Guidance's team membership)
}

public static class Roles
{
    public const string Admin = nameof(Role.Admin);
    public const string Director = nameof(Role.Director);
    public const string Planner = nameof(Role.Planner);
    public const string Analyst = nameof(Role.Analyst);
    public const string Viewer = nameof(Role.Viewer);
    public const string Manager = nameof(Role.Manager);
    public const string SocialWorker = nameof(Role.SocialWorker);
    public const string SocialWorkEditor = nameof(Role.SocialWorkEditor);

    /// <summary>Roles that may record structural social work observations and read them (docs/socialwork.md).</summary>
    public const string SocialWorkRecorders = Admin + "," + SocialWorker + "," + SocialWorkEditor;

    /// <summary>Roles that may choose quotes, keep follow-ups and make the structural social work reports.</summary>
    public const string SocialWorkEditors = Admin + "," + SocialWorkEditor;
    public const string Professional = nameof(Role.Professional);
    public const string ServiceEditor = nameof(Role.ServiceEditor);

    /// <summary>Roles that may give wellbeing referrals and mark them arrived.</summary>
    public const string ReferralGivers = Admin + "," + Professional;

    /// <summary>Roles that keep the tray's collections and read its usage.</summary>
    public const string TrayEditors = Admin + "," + ServiceEditor;
    public const string Advisor = nameof(Role.Advisor);

    /// <summary>Roles that may create and edit steering boards and issue their tokens (a manager only within their units: Boards' BoardScope).</summary>
    public const string BoardEditors = Admin + "," + Director + "," + Manager;

    /// <summary>Roles that may change any programme data, not only assigned work packages.</summary>
    public const string ProgrammeManagers = Admin + "," + Director;

    /// <summary>Roles that may create and close contact-sampling periods; any signed-in person may record contacts in an open one.</summary>
    public const string SamplingManagers = Admin + "," + Director + "," + Manager;
}

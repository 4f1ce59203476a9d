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
    public const string Advisor = nameof(Role.Advisor);

    /// <summary>Roles that may create and edit steering boards and issue their tokens (a manager only within their units: Boards' BoardScope).</summary>
    public const string BoardEditors = Admin + "," + Director + "," + Manager;

    /// <summary>Roles that may change any programme data, not only assigned work packages.</summary>
    public const string ProgrammeManagers = Admin + "," + Director;
}

using System.Security.Claims;
using Tilannekuva.Access;
using Tilannekuva.Programme.Editing;
using Tilannekuva.Storage;

namespace Tilannekuva.Web.Auth;

/// <summary>The person behind the current request, as the audit log and edit rules see them.</summary>
public sealed class SignedInUser(IHttpContextAccessor http) : ICurrentUserName
{
    /// <summary>Marks a session signed in with a one-time password: it may only choose a new one.</summary>
    public const string PasswordChangeClaim = "tilannekuva:must-change-password";

    /// <summary>The account's security stamp when the session began; the session ends when the account's changes (SessionValidation).</summary>
    public const string StampClaim = "tilannekuva:stamp";

    public string Name => http.HttpContext?.User.Identity?.Name ?? "anonymous";

    public static Role? RoleOf(ClaimsPrincipal user) =>
        Enum.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var r) ? r : null;

    public static ProgrammeEditor EditorOf(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "anonymous",
        RoleOf(user) switch
        {
            Role.Admin or Role.Director => EditRight.Everything,
            Role.Planner => EditRight.AssignedWorkPackages,
            _ => EditRight.None,
        });

    public static ClaimsPrincipal Principal(UserAccount account, string scheme) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.UserName), new Claim(ClaimTypes.Role, account.Role.ToString()), new Claim(StampClaim, account.SecurityStamp)],
            scheme));
}

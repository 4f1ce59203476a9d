using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Tilannekuva.Access;

/// <summary>
/// A person as the county's identity provider vouched for them at one sign-in: the provider's stable subject id, the
/// user name it gave (null when none is to be stored), and the role and org units their groups map to (null role:
/// no group of theirs maps to one).
/// </summary>
public sealed record ExternalIdentity(string Subject, string? UserName, Role? Role, IReadOnlyList<string> Units);

public enum ExternalSignInOutcome
{
    Ok,
    /// <summary>None of the person's groups maps to a role.</summary>
    NoMappedGroup,
    /// <summary>The linked account was disabled by an admin.</summary>
    Disabled,
    /// <summary>A local account already has the user name: never taken over by a provider sign-in.</summary>
    NameTaken,
}

public sealed partial class Accounts
{
    /// <summary>
    /// Creates or updates the account linked to the provider's subject at an identity-provider sign-in. Role and units
    /// are re-mapped from the groups every time; a change renews the security stamp (ending every older session and
    /// the API token, as an admin's change does) and is written to the account log with the actor
    /// <see cref="AccountActions.IdentityProviderActor"/>, in the same save. A person without a mapped group is refused
    /// and, when they had an account, its sessions end.
    /// </summary>
    public async Task<(ExternalSignInOutcome Outcome, UserAccount? User)> SignInExternalAsync(ExternalIdentity identity, CancellationToken ct = default)
    {
        const string by = AccountActions.IdentityProviderActor;
        var units = NormaliseUnits(identity.Units);
        var user = await db.Users.FirstOrDefaultAsync(u => u.ExternalSubject == identity.Subject, ct);
        if (user is null)
        {
            if (identity.Role is not { } newRole) return (ExternalSignInOutcome.NoMappedGroup, null);
            var userName = ExternalUserName(identity);
            if (await FindAsync(userName, ct) is not null) return (ExternalSignInOutcome.NameTaken, null);
            user = new UserAccount
            {
                UserName = userName, Role = newRole, PasswordHash = "", ExternalSubject = identity.Subject, UnitIds = units,
                CreatedAt = DateTimeOffset.UtcNow, SecurityStamp = NewStamp(),
            };
            db.Users.Add(user);
            Audit(userName, AccountActions.Created, newRole.ToString(), by);
            if (units.Count > 0) Audit(userName, AccountActions.UnitsChanged, $" → {string.Join(" ", units)}", by);
            await db.SaveChangesAsync(ct);
            return (ExternalSignInOutcome.Ok, user);
        }
        if (user.Disabled) return (ExternalSignInOutcome.Disabled, null);
        if (identity.Role is not { } role)
        {
            // Taken out of every mapped group at the provider: whatever sessions the account still has end now.
            Renew(user);
            Audit(user.UserName, AccountActions.SignInRefused, null, by);
            await db.SaveChangesAsync(ct);
            return (ExternalSignInOutcome.NoMappedGroup, null);
        }
        var changed = false;
        if (user.Role != role)
        {
            Audit(user.UserName, AccountActions.RoleChanged, $"{user.Role} → {role}", by);
            user.Role = role;
            changed = true;
        }
        if (!units.SequenceEqual(user.UnitIds))
        {
            Audit(user.UserName, AccountActions.UnitsChanged, $"{string.Join(" ", user.UnitIds)} → {string.Join(" ", units)}", by);
            user.UnitIds = units;
            changed = true;
        }
        if (changed)
        {
            Renew(user);
            await db.SaveChangesAsync(ct);
        }
        return (ExternalSignInOutcome.Ok, user);
    }

    /// <summary>Finds the account linked to a provider subject (null for none).</summary>
    public Task<UserAccount?> FindExternalAsync(string subject, CancellationToken ct = default) =>
        db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.ExternalSubject == subject, ct);

    /// <summary>
    /// The provider's user name when one is given (cut to the column's 100 characters), else a pseudonymous name from
    /// the subject ("oidc-" and 12 hex characters of its SHA-256), so the audit log and work-package assignments have a
    /// stable name without storing the person's name.
    /// </summary>
    public static string ExternalUserName(ExternalIdentity identity) =>
        !string.IsNullOrWhiteSpace(identity.UserName)
            ? (identity.UserName.Trim() is var name && name.Length > 100 ? name[..100] : name)
            : "oidc-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity.Subject)))[..12].ToLowerInvariant();
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Access.Storage;
using Tilannekuva.Storage;

namespace Tilannekuva.Access;

public enum SignInOutcome { Ok, MustChangePassword, Failed }

/// <summary>
/// Creating accounts, checking passwords and API tokens. Passwords are hashed with ASP.NET Core Identity's PBKDF2
/// hasher. Every change that alters what an account may do renews its security stamp (ending its sessions and API
/// token at once) and writes an <see cref="AccountAuditEntry"/> in the same save.
/// </summary>
public sealed partial class Accounts(AccessDbContext db, ICurrentUserName? actor = null)
{
    public const int MinPasswordLength = PasswordRule.MinLength;
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    /// <summary>Checked when no account matches, so an unknown user name takes as long as a wrong password.</summary>
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(new UserAccount { UserName = "-", PasswordHash = "" }, NewSecret(16)));

    public Task<UserAccount?> FindAsync(string userName, CancellationToken ct = default) =>
        db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);

    public Task<List<UserAccount>> ListAsync(CancellationToken ct = default) =>
        db.Users.OrderBy(u => u.UserName).ToListAsync(ct);

    /// <summary>The newest account changes first (the admin's account log).</summary>
    public Task<List<AccountAuditEntry>> HistoryAsync(int take = 500, CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).Take(take).ToListAsync(ct);

    /// <summary>Creates an account with a generated one-time password that must be changed at first sign-in.</summary>
    public async Task<(UserAccount User, string OneTimePassword)> CreateAsync(string userName, Role role, CancellationToken ct = default)
    {
        var password = NewSecret(16);
        var user = new UserAccount { UserName = userName.Trim(), Role = role, PasswordHash = "", MustChangePassword = true, CreatedAt = DateTimeOffset.UtcNow, SecurityStamp = NewStamp() };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.Users.Add(user);
        Audit(user.UserName, AccountActions.Created, role.ToString());
        await db.SaveChangesAsync(ct);
        return (user, password);
    }

    /// <summary>Creates the first admin when there are no accounts; returns its one-time password, or null when accounts exist.</summary>
    public async Task<string?> EnsureFirstAdminAsync(string userName = "admin", CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(ct)) return null;
        var (_, password) = await CreateAsync(userName, Role.Admin, ct);
        return password;
    }

    /// <summary>
    /// Checks a password. An unknown or disabled account costs one hash check like a known one, so the time taken
    /// does not tell whether an account exists.
    /// </summary>
    public async Task<(SignInOutcome Outcome, UserAccount? User)> CheckPasswordAsync(string userName, string password, CancellationToken ct = default)
    {
        var user = await FindAsync(userName.Trim(), ct);
        // An identity-provider account has no password: it is refused like an unknown one, in the same time.
        if (user is null || user.Disabled || user.IsExternal)
        {
            Hasher.VerifyHashedPassword(user ?? new UserAccount { UserName = "-", PasswordHash = "" }, DummyHash.Value, password);
            return (SignInOutcome.Failed, null);
        }
        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed) return (SignInOutcome.Failed, null);
        return (user.MustChangePassword ? SignInOutcome.MustChangePassword : SignInOutcome.Ok, user);
    }

    /// <summary>
    /// Sets a password chosen by the user (start-up and tests; the page uses <see cref="ChangePasswordAsync"/>).
    /// Returns a text key describing the problem, or null when it was set.
    /// </summary>
    public async Task<string?> SetPasswordAsync(string userName, string newPassword, CancellationToken ct = default)
    {
        var user = await FindAsync(userName, ct) ?? throw new InvalidOperationException($"No user {userName}");
        if (user.IsExternal) return "Oidc.NoPasswordForExternal";
        if (PasswordRule.Check(newPassword, user.UserName) is { } problem) return problem;
        if (Hasher.VerifyHashedPassword(user, user.PasswordHash, newPassword) != PasswordVerificationResult.Failed)
            return "Account.PasswordSameAsOld";
        user.PasswordHash = Hasher.HashPassword(user, newPassword);
        user.MustChangePassword = false;
        Renew(user);
        Audit(user.UserName, AccountActions.PasswordChanged, null);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>A user's own change: the current password first, then the rule. Ends every other session of the account.</summary>
    public async Task<string?> ChangePasswordAsync(string userName, string currentPassword, string newPassword, CancellationToken ct = default)
    {
        var (outcome, _) = await CheckPasswordAsync(userName, currentPassword, ct);
        if (outcome == SignInOutcome.Failed) return "Security.CurrentPasswordWrong";
        return await SetPasswordAsync(userName, newPassword, ct);
    }

    /// <summary>Issues a new one-time password (admin reset); every session and the API token of the account end.</summary>
    public async Task<string?> ResetPasswordAsync(string userName, CancellationToken ct = default)
    {
        if (await FindAsync(userName, ct) is not { IsExternal: false } user) return null;
        var password = NewSecret(16);
        user.PasswordHash = Hasher.HashPassword(user, password);
        user.MustChangePassword = true;
        Renew(user);
        Audit(user.UserName, AccountActions.PasswordReset, null);
        await db.SaveChangesAsync(ct);
        return password;
    }

    /// <summary>Changes a role. Returns a text key describing why not, or null when done; the last admin stays an admin.</summary>
    public async Task<string?> SetRoleAsync(string userName, Role role, CancellationToken ct = default)
    {
        if (await FindAsync(userName, ct) is not { } user) return "Users.NoSuchUser";
        if (user.Role == role) return null;
        if (user.Role == Role.Admin && await db.Users.CountAsync(u => u.Role == Role.Admin && !u.Disabled, ct) == 1)
            return "Users.LastAdmin";
        Audit(user.UserName, AccountActions.RoleChanged, $"{user.Role} → {role}");
        user.Role = role;
        Renew(user);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Disables or enables an account; disabling ends its sessions and token. The last admin stays enabled.</summary>
    public async Task<string?> SetDisabledAsync(string userName, bool disabled, CancellationToken ct = default)
    {
        if (await FindAsync(userName, ct) is not { } user) return "Users.NoSuchUser";
        if (user.Disabled == disabled) return null;
        if (disabled && user.Role == Role.Admin && await db.Users.CountAsync(u => u.Role == Role.Admin && !u.Disabled, ct) == 1)
            return "Users.LastAdmin";
        user.Disabled = disabled;
        Renew(user);
        Audit(user.UserName, disabled ? AccountActions.Disabled : AccountActions.Enabled, null);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Signing out ends every session of the account (all browsers) and its API token.</summary>
    public async Task SignOutEverywhereAsync(string userName, CancellationToken ct = default)
    {
        if (await FindAsync(userName, ct) is not { } user) return;
        Renew(user);
        Audit(user.UserName, AccountActions.SignedOut, null);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records a lock after repeated failed sign-ins (the account need not exist: the name is what was tried).</summary>
    public async Task RecordLockAsync(string userName, string? address, CancellationToken ct = default)
    {
        Audit(userName.Length > 100 ? userName[..100] : userName, AccountActions.Locked, address);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records a change made in another module (service points, feedback links) in the account log.</summary>
    public async Task RecordAsync(string subject, string action, string? detail, CancellationToken ct = default)
    {
        Audit(subject, action, detail);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Replaces the org units an account leads (none clears them). Returns a text key describing why not, or null
    /// when done. The codes are stored as given: the caller checks them against the org units (Access does not read
    /// the Indicators module's tables), see Tilannekuva.Web.Auth.AccountUnits.
    /// </summary>
    public async Task<string?> SetUnitsAsync(string userName, IEnumerable<string> unitIds, CancellationToken ct = default)
    {
        if (await FindAsync(userName, ct) is not { } user) return "Users.NoSuchUser";
        var units = NormaliseUnits(unitIds);
        if (units.SequenceEqual(user.UnitIds)) return null;
        Audit(user.UserName, AccountActions.UnitsChanged, $"{string.Join(" ", user.UnitIds)} → {string.Join(" ", units)}");
        user.UnitIds = units;
        Renew(user);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Trimmed, without blanks and repeats, in code order.</summary>
    public static List<string> NormaliseUnits(IEnumerable<string> unitIds) =>
        unitIds.Select(u => u.Trim()).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Issues a personal API token (shown once) replacing any earlier one.</summary>
    public async Task<string> IssueApiTokenAsync(string userName, CancellationToken ct = default)
    {
        var user = await FindAsync(userName, ct) ?? throw new InvalidOperationException($"No user {userName}");
        var token = "tk_" + NewSecret(32);
        user.ApiTokenHash = HashToken(token);
        Audit(user.UserName, AccountActions.TokenIssued, null);
        await db.SaveChangesAsync(ct);
        return token;
    }

    public Task<UserAccount?> FindByApiTokenAsync(string token, CancellationToken ct = default)
    {
        var hash = HashToken(token);
        return db.Users.FirstOrDefaultAsync(u => u.ApiTokenHash == hash && !u.Disabled, ct);
    }

    /// <summary>
    /// Whether a session issued with <paramref name="stamp"/> still stands for the account now: it exists, is not
    /// disabled and its stamp has not changed since. Read fresh for every request.
    /// </summary>
    public async Task<UserAccount?> CurrentSessionAsync(string userName, string? stamp, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, ct);
        return user is { Disabled: false } && string.Equals(user.SecurityStamp, stamp ?? "", StringComparison.Ordinal) ? user : null;
    }

    /// <summary>A new stamp ends the account's sessions; the API token goes with it (a new one must be issued).</summary>
    private static void Renew(UserAccount user)
    {
        user.SecurityStamp = NewStamp();
        user.ApiTokenHash = null;
    }

    /// <summary>Records an admin's operations action (a scheduled job run now, paused or resumed) in the chained account audit.</summary>
    public async Task RecordOperationAsync(string subject, string action, string? detail, CancellationToken ct = default)
    {
        Audit(subject, action, detail);
        await db.SaveChangesAsync(ct);
    }

    private void Audit(string account, string action, string? detail, string? by = null) => db.AuditEntries.Add(new AccountAuditEntry
    {
        At = DateTimeOffset.UtcNow, Actor = by ?? actor?.Name ?? "system", Account = account, Action = action, Detail = detail,
    });

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private static string HashToken(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A random secret from an alphabet without look-alike characters.</summary>
    private static string NewSecret(int length)
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, length);
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Access.Storage;

namespace Tilannekuva.Access;

public enum SignInOutcome { Ok, MustChangePassword, Failed }

/// <summary>Creating accounts, checking passwords and API tokens. Passwords are hashed with ASP.NET Core Identity's PBKDF2 hasher.</summary>
public sealed class Accounts(AccessDbContext db)
{
    public const int MinPasswordLength = 10;
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    public Task<UserAccount?> FindAsync(string userName, CancellationToken ct = default) =>
        db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);

    public Task<List<UserAccount>> ListAsync(CancellationToken ct = default) =>
        db.Users.OrderBy(u => u.UserName).ToListAsync(ct);

    /// <summary>Creates an account with a generated one-time password that must be changed at first sign-in.</summary>
    public async Task<(UserAccount User, string OneTimePassword)> CreateAsync(string userName, Role role, CancellationToken ct = default)
    {
        var password = NewSecret(12);
        var user = new UserAccount { UserName = userName.Trim(), Role = role, PasswordHash = "", MustChangePassword = true, CreatedAt = DateTimeOffset.UtcNow };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.Users.Add(user);
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

    public async Task<(SignInOutcome Outcome, UserAccount? User)> CheckPasswordAsync(string userName, string password, CancellationToken ct = default)
    {
        var user = await FindAsync(userName.Trim(), ct);
        if (user is null || user.Disabled) return (SignInOutcome.Failed, null);
        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed) return (SignInOutcome.Failed, null);
        return (user.MustChangePassword ? SignInOutcome.MustChangePassword : SignInOutcome.Ok, user);
    }

    /// <summary>Sets a password chosen by the user. Returns a text key describing the problem, or null when it was set.</summary>
    public async Task<string?> SetPasswordAsync(string userName, string newPassword, CancellationToken ct = default)
    {
        if (newPassword.Length < MinPasswordLength) return "Account.PasswordTooShort";
        var user = await FindAsync(userName, ct) ?? throw new InvalidOperationException($"No user {userName}");
        if (Hasher.VerifyHashedPassword(user, user.PasswordHash, newPassword) != PasswordVerificationResult.Failed)
            return "Account.PasswordSameAsOld";
        user.PasswordHash = Hasher.HashPassword(user, newPassword);
        user.MustChangePassword = false;
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Issues a new one-time password (admin reset).</summary>
    public async Task<string?> ResetPasswordAsync(string userName, CancellationToken ct = default)
    {
        if (await FindAsync(userName, ct) is not { } user) return null;
        var password = NewSecret(12);
        user.PasswordHash = Hasher.HashPassword(user, password);
        user.MustChangePassword = true;
        await db.SaveChangesAsync(ct);
        return password;
    }

    /// <summary>Changes a role. Returns a text key describing why not, or null when done; the last admin stays an admin.</summary>
    public async Task<string?> SetRoleAsync(string userName, Role role, CancellationToken ct = default)
    {
        if (await FindAsync(userName, ct) is not { } user) return "Users.NoSuchUser";
        if (user.Role == Role.Admin && role != Role.Admin && await db.Users.CountAsync(u => u.Role == Role.Admin && !u.Disabled, ct) == 1)
            return "Users.LastAdmin";
        user.Role = role;
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// Replaces the org units an account leads (none clears them). Returns a text key describing why not, or null
    /// when done. The codes are stored as given: the caller checks them against the org units (Access does not read
    /// the Indicators module's tables), see Tilannekuva.Web.Auth.AccountUnits.
    /// </summary>
    public async Task<string?> SetUnitsAsync(string userName, IEnumerable<string> unitIds, CancellationToken ct = default)
    {
        if (await FindAsync(userName, ct) is not { } user) return "Users.NoSuchUser";
        user.UnitIds = NormaliseUnits(unitIds);
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
        await db.SaveChangesAsync(ct);
        return token;
    }

    public Task<UserAccount?> FindByApiTokenAsync(string token, CancellationToken ct = default)
    {
        var hash = HashToken(token);
        return db.Users.FirstOrDefaultAsync(u => u.ApiTokenHash == hash && !u.Disabled, ct);
    }

    private static string HashToken(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A random secret from an alphabet without look-alike characters.</summary>
    private static string NewSecret(int length)
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, length);
    }
}

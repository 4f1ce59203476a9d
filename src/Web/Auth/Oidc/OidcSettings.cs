using System.Net;
using Tilannekuva.Access;

namespace Tilannekuva.Web.Auth.Oidc;

/// <summary>
/// Sign-in through the county's identity provider (OpenID Connect; Microsoft Entra ID in the counties), configuration
/// section "Security:Oidc" (docs/security.md). Off while <see cref="Authority"/> is empty. The authority, client id and
/// secret may also come from TILANNEKUVA_OIDC_AUTHORITY, TILANNEKUVA_OIDC_CLIENT_ID and TILANNEKUVA_OIDC_CLIENT_SECRET.
/// </summary>
public sealed class OidcSettings
{
    public const string Section = "Security:Oidc";
    public const string Scheme = "oidc";

    /// <summary>The provider's issuer address, e.g. https://login.microsoftonline.com/{tenant-id}/v2.0.</summary>
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>Space-separated scopes asked for; "openid" is always included.</summary>
    public string Scopes { get; set; } = "openid profile";
    /// <summary>The name on the sign-in button ("Kirjaudu: …"), e.g. "Kainuun hyvinvointialue".</summary>
    public string ProviderName { get; set; } = "";
    /// <summary>The claim that identifies the person for good. Entra ID: "oid" (the same in every application of the tenant).</summary>
    public string SubjectClaim { get; set; } = "sub";
    /// <summary>The claim whose value becomes the user name (audit log, assignments); empty: a pseudonymous "oidc-…" name.</summary>
    public string UserNameClaim { get; set; } = "preferred_username";
    /// <summary>The claim carrying the person's groups (Entra ID: "groups" with group object ids, or "roles" for app roles).</summary>
    public string GroupsClaim { get; set; } = "groups";
    /// <summary>Group id → role. A person in several mapped groups gets the first of <see cref="RolePrecedence"/>.</summary>
    public Dictionary<string, Role> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Group id → org unit codes (separated by spaces, commas or semicolons) the person leads; the union of their groups.</summary>
    public Dictionary<string, string> Units { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Whether signing out of Tilannekuva also signs out at the provider (its end-session endpoint).</summary>
    public bool SignOutAtProvider { get; set; } = true;
    /// <summary>
    /// TEST AND DEVELOPMENT ONLY: lets the authority be plain http on a loopback address (metadata without HTTPS, and the
    /// sign-in's correlation cookies without the Secure flag). Refused for any other host.
    /// </summary>
    public bool AllowHttpOnLoopback { get; set; }

    /// <summary>Which role wins when a person's groups map to several.</summary>
    public static readonly Role[] RolePrecedence = [Role.Admin, Role.Director, Role.Manager, Role.Advisor, Role.Analyst, Role.Planner, Role.SocialWorkEditor, Role.SocialWorker, Role.ServiceEditor, Role.Professional, Role.Viewer];

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public static OidcSettings From(IConfiguration config)
    {
        var s = config.GetSection(Section).Get<OidcSettings>() ?? new OidcSettings();
        s.Authority = Pick(s.Authority, "TILANNEKUVA_OIDC_AUTHORITY");
        s.ClientId = Pick(s.ClientId, "TILANNEKUVA_OIDC_CLIENT_ID");
        s.ClientSecret = Pick(s.ClientSecret, "TILANNEKUVA_OIDC_CLIENT_SECRET");
        if (s.Enabled) s.Check();
        return s;
    }

    private static string? Pick(string? configured, string variable) =>
        !string.IsNullOrWhiteSpace(configured) ? configured.Trim() : Environment.GetEnvironmentVariable(variable) is { Length: > 0 } v ? v.Trim() : null;

    /// <summary>Refuses to start with a configuration that cannot work or is unsafe, naming the setting.</summary>
    public void Check()
    {
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority))
            throw new InvalidOperationException($"{Section}:Authority is not an absolute address: '{Authority}'.");
        if (authority.Scheme != Uri.UriSchemeHttps && !(AllowHttpOnLoopback && IsLoopback(authority)))
            throw new InvalidOperationException($"{Section}:Authority must be https (plain http only on a loopback address with {Section}:AllowHttpOnLoopback=true, for tests and development).");
        if (AllowHttpOnLoopback && !IsLoopback(authority))
            throw new InvalidOperationException($"{Section}:AllowHttpOnLoopback is for a loopback test provider only, not for {authority.Host}.");
        if (string.IsNullOrWhiteSpace(ClientId)) throw new InvalidOperationException($"{Section}:ClientId (or TILANNEKUVA_OIDC_CLIENT_ID) is missing.");
        if (Roles.Count == 0) throw new InvalidOperationException($"{Section}:Roles maps no group to a role: nobody could sign in.");
        if (string.IsNullOrWhiteSpace(SubjectClaim) || string.IsNullOrWhiteSpace(GroupsClaim))
            throw new InvalidOperationException($"{Section}:SubjectClaim and {Section}:GroupsClaim must name a claim.");
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>The role the groups map to (null: none), by <see cref="RolePrecedence"/>.</summary>
    public Role? RoleOf(IEnumerable<string> groups)
    {
        var mapped = groups.Where(Roles.ContainsKey).Select(g => Roles[g]).ToHashSet();
        return RolePrecedence.Where(mapped.Contains).Cast<Role?>().FirstOrDefault();
    }

    /// <summary>The org units the groups map to: the union of every group's units.</summary>
    public IReadOnlyList<string> UnitsOf(IEnumerable<string> groups) =>
        Accounts.NormaliseUnits(groups.Where(Units.ContainsKey)
            .SelectMany(g => Units[g].Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>The origin of the authority, for the Content-Security-Policy's form-action (the sign-out redirects there).</summary>
    public string? AuthorityOrigin => Enabled && Uri.TryCreate(Authority, UriKind.Absolute, out var a) ? a.GetLeftPart(UriPartial.Authority) : null;
}

/// <summary>Whether the password sign-in is offered (configuration "Security:LocalSignIn", default true).</summary>
public sealed record LocalSignIn(bool Enabled)
{
    public static LocalSignIn From(IConfiguration config) => new(config.GetValue("Security:LocalSignIn", true));
}

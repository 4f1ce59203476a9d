namespace Tilannekuva.Access;

/// <summary>
/// A sign-in account. Holds a user name and role only; no personal identity data. An account signed in through the
/// county's identity provider (OpenID Connect) also holds the provider's subject id, and no password.
/// </summary>
public sealed class UserAccount
{
    public int Id { get; set; }
    public required string UserName { get; set; }
    public Role Role { get; set; }
    public required string PasswordHash { get; set; }
    /// <summary>Set for generated first-run and reset passwords, so that none stays valid beyond first use.</summary>
    public bool MustChangePassword { get; set; }
    /// <summary>SHA-256 of the personal API token, hex; the token itself is shown once and never stored.</summary>
    public string? ApiTokenHash { get; set; }
    public bool Disabled { get; set; }
    /// <summary>
    /// Org units the account leads (esihenkilön yksiköt): codes of the Indicators module's org_unit, each standing
    /// for itself and every unit under it. A manager edits only the steering boards within them.
    /// </summary>
    public List<string> UnitIds { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// Changes whenever what the account may do changes (role, units, password, reset, disabling, signing out):
    /// a session cookie carries the stamp it was issued with and is refused once they differ, and the API token is
    /// dropped with it, so every open session and token of the account ends at once.
    /// </summary>
    public string SecurityStamp { get; set; } = "";
    /// <summary>
    /// The identity provider's stable id of the person (the configured subject claim, e.g. Entra ID's "oid"), for an
    /// account created by an OpenID Connect sign-in; null for a local account. Its role and units come from the
    /// provider's groups at every sign-in, and it has no password.
    /// </summary>
    public string? ExternalSubject { get; set; }

    public bool IsExternal => ExternalSubject is not null;
}

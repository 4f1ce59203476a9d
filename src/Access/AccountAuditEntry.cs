namespace Tilannekuva.Access;

/// <summary>
/// One change to an account (käyttäjätilin muutos): who did it, to which account, what and when. Written in the same
/// save (one transaction) as the change itself; never holds a password, hash or token.
/// </summary>
public sealed class AccountAuditEntry : Tilannekuva.Storage.IChainedAuditRow
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The user name of whoever made the change ("system" for start-up and the CLI without a name).</summary>
    public required string Actor { get; set; }
    /// <summary>The account changed (for service points: the service point's code).</summary>
    public required string Account { get; set; }
    public required string Action { get; set; }
    /// <summary>What changed, readable: "Viewer → Director", unit codes; never a secret.</summary>
    public string? Detail { get; set; }
    /// <summary>SHA-256 chaining this row to the one before it (tamper evidence; docs/operations.md).</summary>
    public string? Hash { get; set; }

    public string ChainText() => Tilannekuva.Storage.AuditChain.Text(At, Actor, Account, Action, Detail);
}

/// <summary>The audited account actions; their names are the codes stored in <see cref="AccountAuditEntry.Action"/>.</summary>
public static class AccountActions
{
    public const string Created = "Created";
    public const string RoleChanged = "RoleChanged";
    public const string UnitsChanged = "UnitsChanged";
    public const string PasswordReset = "PasswordReset";
    public const string PasswordChanged = "PasswordChanged";
    public const string TokenIssued = "TokenIssued";
    public const string Disabled = "Disabled";
    public const string Enabled = "Enabled";
    public const string SignedOut = "SignedOut";
    public const string Locked = "Locked";
    public const string ServicePointChanged = "ServicePointChanged";
    public const string FeedbackLinkIssued = "FeedbackLinkIssued";
    /// <summary>An identity-provider sign-in refused because none of the person's groups maps to a role (their sessions end).</summary>
    public const string SignInRefused = "SignInRefused";
    /// <summary>An admin's action on a scheduled job (the "account" column holds "job:" and the job's name).</summary>
    public const string JobRunNow = "JobRunNow";
    public const string JobPaused = "JobPaused";
    public const string JobResumed = "JobResumed";
    /// <summary>A staff pulse round opened for a team (the "account" column holds the org unit).</summary>
    public const string PulseRoundOpened = "PulseRoundOpened";

    public static readonly string[] All = [Created, RoleChanged, UnitsChanged, PasswordReset, PasswordChanged, TokenIssued, Disabled, Enabled, SignedOut, Locked, ServicePointChanged, FeedbackLinkIssued, SignInRefused, JobRunNow, JobPaused, JobResumed, PulseRoundOpened];

    /// <summary>The actor of changes made by an identity-provider sign-in (the provider's groups decided them).</summary>
    public const string IdentityProviderActor = "oidc";
}

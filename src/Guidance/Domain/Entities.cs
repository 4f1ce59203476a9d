namespace Tilannekuva.Guidance.Domain;

/// <summary>A guidance team (palveluneuvonta, a specialist team): its own queue and opening hours.</summary>
public sealed class Team
{
    public int Id { get; set; }
    /// <summary>Short code used in addresses and the embed script (data-team).</summary>
    public string Code { get; set; } = "";
    public string NameFi { get; set; } = "";
    public string NameSv { get; set; } = "";
    public string NameEn { get; set; } = "";
    /// <summary>Remote consultation (etäkonsultaatio): only signed-in staff may open a chat to this team.</summary>
    public bool StaffOnly { get; set; }
    /// <summary>ISO weekdays the queue is open, e.g. "12345" (Monday–Friday).</summary>
    public string OpenDays { get; set; } = "12345";
    public TimeOnly Opens { get; set; } = new(8, 0);
    public TimeOnly Closes { get; set; } = new(16, 0);
    /// <summary>Above this many waiting the resident is offered a callback instead.</summary>
    public int MaxQueue { get; set; } = 10;
    /// <summary>The indicator org unit (unit_id) the chat contacts are exported under.</summary>
    public string UnitId { get; set; } = "";
    /// <summary>The feedback module's service point and service offered at the end of a chat; null: no feedback link.</summary>
    public string? FeedbackServicePoint { get; set; }
    public string? FeedbackService { get; set; }

    public string Name(string lang) => lang switch { "sv" => NameSv, "en" => NameEn, _ => NameFi };
}

/// <summary>An account's membership of a team: staff see and take only their teams' chats.</summary>
public sealed class TeamMember
{
    public int Id { get; set; }
    public int TeamId { get; set; }
    public string UserName { get; set; } = "";
    /// <summary>May write and publish the team's knowledge-base articles (Tietopankki).</summary>
    public bool Editor { get; set; }
}

public enum ConversationState { Bot, Queued, Active, Ended }

public enum Sender { Resident, Bot, Advisor, System }

/// <summary>How a chat ended (code list Guidance.Resolution.*).</summary>
public enum Resolution { Handled, DirectedToService, CallbackBooked, Transferred, NoAnswer }

/// <summary>One chat. The id is random (a capability): the resident's browser keeps it in sessionStorage to see the history again.</summary>
public sealed class Conversation
{
    public Guid Id { get; set; }
    public string Language { get; set; } = "fi";
    public int TeamId { get; set; }
    public ConversationState State { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? QueuedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? Advisor { get; set; }
    public Resolution? Resolution { get; set; }
    /// <summary>The bot answered at least once.</summary>
    public int BotAnswers { get; set; }
    /// <summary>Went to a person's queue (asked, or the bot was not confident).</summary>
    public bool HandedOff { get; set; }
    /// <summary>Remote consultation: opened by a signed-in professional (its name) to a staff-only team.</summary>
    public string? Consultant { get; set; }
    /// <summary>The resident's answer to "did your matter get handled in the chat?" (null: not answered).</summary>
    public bool? ResidentSaysHandled { get; set; }
    public List<ChatMessage> Messages { get; set; } = [];
}

/// <summary>One message, stored scrubbed of identity codes, phone numbers and e-mail addresses.</summary>
public sealed class ChatMessage
{
    public long Id { get; set; }
    public Guid ConversationId { get; set; }
    public DateTimeOffset At { get; set; }
    public Sender Sender { get; set; }
    /// <summary>The advisor's user name (advisor messages).</summary>
    public string? Author { get; set; }
    public string Text { get; set; } = "";
    /// <summary>The knowledge-base article version the bot answered from.</summary>
    public int? ArticleVersionId { get; set; }
    /// <summary>The service-tray entry the bot offered when no article was confident (source: the service tray).</summary>
    public int? TrayEntryId { get; set; }
}

/// <summary>A callback request (takaisinsoitto) when the queue is closed or too long. The number is the one personal datum kept, until the retention job.</summary>
public sealed class CallbackRequest
{
    public int Id { get; set; }
    public Guid ConversationId { get; set; }
    public int TeamId { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string Phone { get; set; } = "";
    public DateTimeOffset? DoneAt { get; set; }
}

/// <summary>A knowledge-base article; its text lives in versions (the newest is current).</summary>
public sealed class Article
{
    public int Id { get; set; }
    public int? TeamId { get; set; }
    public bool Retired { get; set; }
    public List<ArticleVersion> Versions { get; set; } = [];
}

public sealed class ArticleVersion
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public int Version { get; set; }
    public string Language { get; set; } = "fi";
    public string Question { get; set; } = "";
    public string Answer { get; set; } = "";
    /// <summary>Where the answer comes from (shown to the resident).</summary>
    public string SourceUrl { get; set; } = "";
    /// <summary>A service in the service tray the answer points to (its tray entry id), optional.</summary>
    public int? TrayEntryId { get; set; }
    /// <summary>A short title for editors' lists (the question is what the bot matches and shows).</summary>
    public string Title { get; set; } = "";
    /// <summary>Extra words the bot matches (space or comma separated), e.g. synonyms residents use.</summary>
    public string Keywords { get; set; } = "";
    /// <summary>An e-service address the answer offers (asiointipalvelu), optional.</summary>
    public string? EServiceUrl { get; set; }
    /// <summary>Saved but not published: the bot answers from the newest version that is not a draft.</summary>
    public bool Draft { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

/// <summary>Audit of transcript access and of changes (teams, members, articles): who, when, what.</summary>
public sealed class GuidanceAudit : Tilannekuva.Storage.IChainedAuditRow
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string UserName { get; set; } = "";
    public string Action { get; set; } = "";
    public Guid? ConversationId { get; set; }
    public string Detail { get; set; } = "";
    /// <summary>The tamper-evident chain (<see cref="Tilannekuva.Storage.AuditChain"/>); null on rows written before it began.</summary>
    public string? Hash { get; set; }

    public string ChainText() => Tilannekuva.Storage.AuditChain.Text(At, UserName, Action, ConversationId?.ToString("N"), Detail);
}

/// <summary>
/// Aggregate figures of one team's chats started in one hour (Finnish time), folded in by the retention job before the
/// transcripts are deleted. Waits are kept as seconds (no text, no identity) so p50/p90 stay exact.
/// </summary>
public sealed class DailyFigure
{
    public int Id { get; set; }
    public DateOnly Day { get; set; }
    public int Hour { get; set; }
    public int TeamId { get; set; }
    public int Chats { get; set; }
    public int BotOnlyResolved { get; set; }
    public int Handoffs { get; set; }
    public int HandledInChat { get; set; }
    public int Ended { get; set; }
    /// <summary>Queue waits in whole seconds, comma separated.</summary>
    public string Waits { get; set; } = "";
}

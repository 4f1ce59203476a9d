namespace Tilannekuva.ContactSampling.Domain;

/// <summary>The channel the contact came through. Shown through the code list "Codes.sampling_channel.&lt;code&gt;".</summary>
public enum SamplingChannel { Phone, InPerson, Chat, EMessage, EService, Video, Other }

/// <summary>Arvokysyntä (what the service is for) or häiriökysyntä (caused by a failure to do something or do it right).</summary>
public enum Demand { Value, Failure }

/// <summary>The kind of failure demand. Code list "Codes.failure_kind.&lt;code&gt;".</summary>
public enum FailureKind { ChasingProgress, RepeatContact, WrongPlace, UnclearInformation, WaitingCallback, Other }

/// <summary>Stable snake_case codes of the module's enums (storage, CSV, API, text keys).</summary>
public static class SamplingCodes
{
    public static string Of(SamplingChannel c) => c switch
    {
        SamplingChannel.Phone => "phone", SamplingChannel.InPerson => "in_person", SamplingChannel.Chat => "chat",
        SamplingChannel.EMessage => "e_message", SamplingChannel.EService => "e_service", SamplingChannel.Video => "video", _ => "other",
    };

    public static string Of(Demand d) => d == Demand.Failure ? "failure" : "value";

    public static string Of(FailureKind k) => k switch
    {
        FailureKind.ChasingProgress => "chasing_progress", FailureKind.RepeatContact => "repeat_contact", FailureKind.WrongPlace => "wrong_place",
        FailureKind.UnclearInformation => "unclear_information", FailureKind.WaitingCallback => "waiting_callback", _ => "other",
    };

    public static bool TryChannel(string? code, out SamplingChannel channel) => TryParse(code, Of, out channel);
    public static bool TryDemand(string? code, out Demand demand) => TryParse(code, Of, out demand);
    public static bool TryFailureKind(string? code, out FailureKind kind) => TryParse(code, Of, out kind);

    private static bool TryParse<T>(string? code, Func<T, string> of, out T value) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
            if (string.Equals(of(v), code, StringComparison.Ordinal)) { value = v; return true; }
        value = default;
        return false;
    }

    /// <summary>The indicators' contact mode for a channel (in person: a visit at the station).</summary>
    public static Tilannekuva.Indicators.Domain.ContactMode ContactMode(SamplingChannel c) => c switch
    {
        SamplingChannel.Phone => Indicators.Domain.ContactMode.Phone, SamplingChannel.InPerson => Indicators.Domain.ContactMode.Physical,
        SamplingChannel.Chat => Indicators.Domain.ContactMode.Chat, SamplingChannel.EMessage => Indicators.Domain.ContactMode.EMessage,
        SamplingChannel.EService => Indicators.Domain.ContactMode.EService, SamplingChannel.Video => Indicators.Domain.ContactMode.Video,
        _ => Indicators.Domain.ContactMode.Other,
    };
}

/// <summary>
/// The reasons for contact (code list "Codes.sampling_reason.&lt;code&gt;", names fi/sv/en), in the order the
/// entry form shows them: the commonest in primary care first.
/// </summary>
public static class ContactReasons
{
    public static readonly IReadOnlyList<string> All =
    [
        "appointment", "cancel_or_change", "test_results", "prescription", "symptom_advice", "referral_or_certificate",
        "treatment_progress", "billing", "other",
    ];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);
}

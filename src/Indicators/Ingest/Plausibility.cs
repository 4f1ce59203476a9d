using System.Globalization;

namespace Tilannekuva.Indicators.Ingest;

/// <summary>
/// Plausibility rules (uskottavuus) a parsed row must meet before it is stored, per source kind: event
/// times not after the import time (plus <see cref="FutureTolerance"/>: a completed visit cannot lie in
/// the future), not before <see cref="EarliestDate"/> (a visit in 1927 is a typo), and durations within
/// bounds. Every field is configurable (configuration section <c>Ingest:Plausibility</c>, CLI options
/// of <c>import</c>); a row that breaks a rule is rejected with the reason, naming the field.
/// </summary>
public sealed record PlausibilityRules
{
    public static readonly PlausibilityRules Default = new();

    /// <summary>No event before this day.</summary>
    public DateOnly EarliestDate { get; init; } = new(2000, 1, 1);
    /// <summary>How far after the import time an event time may lie (clock differences between systems).</summary>
    public TimeSpan FutureTolerance { get; init; } = TimeSpan.FromDays(1);
    /// <summary>Visits: the longest wait from the care-need assessment, in days.</summary>
    public int MaxWaitDays { get; init; } = 730;
    /// <summary>Contacts: the longest time from a callback request to the callback, in days.</summary>
    public int MaxCallbackDays { get; init; } = 60;
    /// <summary>Contacts: the longest handling time, in minutes.</summary>
    public double MaxHandlingMinutes { get; init; } = 480;
    /// <summary>Slots, rosters: how far ahead of the snapshot (or the import) a slot or a planned day may lie, in days.</summary>
    public int MaxAheadDays { get; init; } = 400;

    /// <summary>The fields of a kind that are event times (never after the import), and those that may lie ahead (planned).</summary>
    private static (string[] Past, string[] Ahead) Fields(SourceKind kind) => kind switch
    {
        SourceKind.Assessments => (["assessed_at"], []),
        SourceKind.Visits => (["occurred_at", "assessment_date"], []),
        SourceKind.Contacts => (["received_at", "callback_requested_at", "callback_done_at"], []),
        SourceKind.Slots => (["observed_at"], ["starts_at"]),
        SourceKind.WaitingList => (["added_date", "assessment_date", "removed_date"], []),
        SourceKind.Roster => ([], ["day"]),
        _ => ([], []),
    };

    /// <summary>Checks one parsed row (values in the table's field order); calls <paramref name="reject"/> with the field, text key and arguments of each broken rule.</summary>
    public bool Check(CanonicalTable table, object?[] row, DateTime importTime, Action<string, string, object?[]> reject)
    {
        var ok = true;
        var fields = table.Fields;
        object? Get(string name) { var i = IndexOf(fields, name); return i >= 0 ? row[i] : null; }
        var latest = importTime + FutureTolerance;
        var earliest = EarliestDate.ToDateTime(TimeOnly.MinValue);
        var (past, ahead) = Fields(table.Kind);
        foreach (var name in past.Concat(ahead))
        {
            if (Moment(Get(name)) is not { } t) continue;
            var limit = ahead.Contains(name) ? importTime.AddDays(MaxAheadDays) : latest;
            if (t < earliest) { reject(name, "Ingest.Reject.BeforeEarliest", [Show(t), Show(earliest)]); ok = false; }
            else if (t > limit) { reject(name, ahead.Contains(name) ? "Ingest.Reject.TooFarAhead" : "Ingest.Reject.InFuture", [Show(t), Show(limit)]); ok = false; }
        }
        switch (table.Kind)
        {
            case SourceKind.Visits when Moment(Get("assessment_date")) is { } a && Moment(Get("occurred_at")) is { } v && (v.Date - a).TotalDays > MaxWaitDays:
                reject("assessment_date", "Ingest.Reject.DurationTooLong", [(int)(v.Date - a).TotalDays, MaxWaitDays]);
                ok = false;
                break;
            case SourceKind.Contacts:
                if (Moment(Get("callback_requested_at")) is { } r && Moment(Get("callback_done_at")) is { } d && (d - r).TotalDays > MaxCallbackDays)
                {
                    reject("callback_done_at", "Ingest.Reject.DurationTooLong", [(int)(d - r).TotalDays, MaxCallbackDays]);
                    ok = false;
                }
                if (Get("handling_minutes") is double m && (m < 0 || m > MaxHandlingMinutes))
                {
                    reject("handling_minutes", "Ingest.Reject.MinutesOutOfBounds", [m.ToString(CultureInfo.InvariantCulture), MaxHandlingMinutes]);
                    ok = false;
                }
                break;
            case SourceKind.Slots when Moment(Get("starts_at")) is { } s && Moment(Get("observed_at")) is { } o && (s - o).TotalDays > MaxAheadDays:
                reject("starts_at", "Ingest.Reject.DurationTooLong", [(int)(s - o).TotalDays, MaxAheadDays]);
                ok = false;
                break;
        }
        return ok;
    }

    private static int IndexOf(IReadOnlyList<CanonicalField> fields, string name)
    {
        for (var i = 0; i < fields.Count; i++) if (fields[i].Name == name) return i;
        return -1;
    }

    private static DateTime? Moment(object? v) => v switch
    {
        DateTime t => t,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        _ => null,
    };

    private static string Show(DateTime t) => t.ToString("d.M.yyyy H:mm", CultureInfo.GetCultureInfo("fi"));
}

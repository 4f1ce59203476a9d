using Tilannekuva.Guidance.Domain;

namespace Tilannekuva.Guidance.Queue;

/// <summary>A team's opening hours in Finnish time.</summary>
public static class OpeningHours
{
    private static readonly TimeZoneInfo Finland = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    public static DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Finland).DateTime;

    public static bool IsOpen(Team team, DateTimeOffset at)
    {
        var local = Local(at);
        var day = local.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)local.DayOfWeek;
        var time = TimeOnly.FromDateTime(local);
        return team.OpenDays.Contains((char)('0' + day)) && time >= team.Opens && time < team.Closes;
    }
}

/// <summary>Where a handed-off chat stands: its place in the team's queue, the estimated wait, and whether a callback is offered instead.</summary>
public sealed record QueueStatus(string TeamCode, string TeamName, int Position, int EstimatedMinutes, bool Open, string OpenDays, string Opens, string Closes, bool CallbackOffered);

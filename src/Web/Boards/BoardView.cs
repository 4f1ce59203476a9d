using System.Globalization;
using Tilannekuva.Boards.Domain;
using Tilannekuva.Boards.Figures;

namespace Tilannekuva.Web.Boards;

/// <summary>What the tiles partial renders: a board, its figures and the names of its units.</summary>
public sealed record BoardView(Board Board, BoardFigures Figures, IReadOnlyDictionary<string, string> UnitNames)
{
    /// <summary>The staff pulse tile: the newest round of the board's units with at least the minimum number of answers; null when none.</summary>
    public Tilannekuva.Feedback.Pulse.PulseResult? Pulse { get; init; }

    /// <summary>The guidance chat tile: the queues now of the teams serving the board's units (empty when none).</summary>
    public IReadOnlyList<Tilannekuva.Guidance.Queue.TeamQueueNow> GuidanceQueues { get; init; } = [];

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    public static string Count(int n) => n.ToString("N0", Culture);

    public static string Percent(double? v) => v is { } x ? x.ToString("0.0", Culture) + " %" : "–";

    public static string Days(double? v) => v is { } x ? x.ToString("0.#", Culture) : "–";

    public static string Nps(double? v) => v is { } x ? x.ToString("+0;−0;0", Culture) : "–";

    /// <summary>The newest data's time in full, for the footer (d.M.yyyy H:mm).</summary>
    public static string FullTime(DateTime? t) => t is { } x ? x.ToString("d.M.yyyy H:mm", CultureInfo.GetCultureInfo("fi")) : "–";

    /// <summary>The weeks as a date range, Monday of the first to Sunday of the last: "26.10.–22.11.2026".</summary>
    public static string WeekRange(IReadOnlyList<string> weeks) =>
        weeks.Count == 0 ? "" :
        $"{DateOnly.ParseExact(weeks[0], "yyyy-MM-dd", CultureInfo.InvariantCulture):d.M.}–{DateOnly.ParseExact(weeks[^1], "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(6):d.M.yyyy}";

    /// <summary>Machine-readable value for tests and scripts (invariant, no rounding beyond what is stored).</summary>
    public static string Raw(double? v) => v?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
